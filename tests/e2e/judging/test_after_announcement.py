"""Announced results close judging, also when nobody closed it (results from the event file):
no score is saved any more, in the chat or the workspace, and the committee is not offered a
🔒 that can only fail; a stale 🔒 is answered, not refused as an error."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import Edition, Score
from tests.e2e.helpers.committee import choose_english, quick_emulator
from tests.e2e.helpers.messages import labels
from tests.e2e.workspace.helpers import auth, make_world

pytestmark = [pytest.mark.e2e, pytest.mark.public_url]


@pytest.fixture
def emulator_config():
    return quick_emulator()


async def open_card(judge, command: str, validate: str) -> dict:
    await judge.send(command)
    listing = await judge.expect_message(predicate=lambda m: bool(labels(m)))
    await judge.tap(labels(listing)[0], message_id=listing["message_id"])
    return await judge.expect_message(predicate=lambda m: validate in labels(m))


async def announce(bot) -> None:
    """The results are announced while judging was never closed."""
    async with bot.runtime.transaction() as session:
        edition = await session.scalar(select(Edition).where(Edition.code == "iga-2022"))
        assert edition.judging_closed_at is None
        edition.results_announced_at = bot.clock()


async def scores(bot) -> list:
    async with bot.runtime.sessions() as session:
        return list(await session.scalars(select(Score)))


async def judging_closed_at(bot):
    async with bot.runtime.sessions() as session:
        return await session.scalar(
            select(Edition.judging_closed_at).where(Edition.code == "iga-2022")
        )


@pytest.mark.parametrize("language", ["id", "en"])
async def test_announced_results_close_judging_everywhere(bot, users, web, language) -> None:
    world = await make_world(bot, users)
    dewi, rahmat = world.judge, world.admin
    command, ranking = ("/nilai", "/peringkat") if language == "id" else ("/score", "/ranking")
    if language == "en":
        await choose_english(dewi)
        await choose_english(rahmat)
    validate = t(language, "score-button-validate")

    # before the announcement: a criterion's question open in the chat, 🔒 under the ranking
    card = await open_card(dewi, command, validate)
    await dewi.tap(labels(card)[0], message_id=card["message_id"])
    question = await dewi.expect_message(predicate=lambda m: "90" in labels(m))
    await rahmat.send(ranking)
    before = await rahmat.expect_message(predicate=lambda m: bool(labels(m)))
    assert labels(before) == [t(language, "ranking-button-close")]

    await announce(bot)
    refused = t(language, "judging-error-announced")
    answer = await dewi.expect_callback_answer(
        await dewi.tap("90", message_id=question["message_id"])
    )
    assert answer["text"] == refused and answer["show_alert"]
    response = await web.put(
        f"/app/api/score/{world.entry}/criterion",
        json={"criterion": DEFAULT_RUBRIC[0].key, "value": 77},
        headers=auth(dewi.id, language=language),
    )
    assert response.status == 409 and (await response.json())["message"] == refused
    assert await scores(bot) == []
    card = await open_card(dewi, command, validate)
    assert t(language, "score-closed") in card["text"]
    assert labels(card)[0] != labels(question)[0] and not any(":" in x for x in labels(card))

    # the committee: no 🔒 offered, and the stale one says judging is closed already
    answer = await rahmat.expect_callback_answer(
        await rahmat.tap(labels(before)[0], message_id=before["message_id"])
    )
    assert answer["text"] == t(language, "ranking-closed-announced")
    await rahmat.send(ranking)
    after = await rahmat.expect_message(t(language, "ranking-announced"))
    assert labels(after) == []
    assert t(language, "ranking-judging-open") not in after["text"]
    assert await judging_closed_at(bot) is None  # nothing written by the refused taps
