"""A score picker is live only while its criterion waits for a score: once the judge typed a
value (or left the picker), a stray tap on the old picker scrolled back to overwrites
nothing and says which score is kept (QA)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.i18n import plain_text
from bot.storage.models import Score
from tests.e2e.helpers.committee import quick_emulator
from tests.e2e.helpers.messages import labels
from tests.e2e.judging.test_submitted_sheet import is_card, open_card
from tests.e2e.workspace.helpers import make_world

pytestmark = [pytest.mark.e2e, pytest.mark.public_url]


@pytest.fixture
def emulator_config():
    return quick_emulator()


async def _scores(bot) -> dict[str, float]:
    async with bot.runtime.sessions() as session:
        return dict((await session.execute(select(Score.criterion_key, Score.value))).all())


async def _pick(dewi, card, criterion: int) -> dict:
    """Tap criterion ``criterion`` of the card: the card becomes its picker."""
    await dewi.tap(labels(card)[criterion], message_id=card["message_id"])
    return await dewi.expect_message("pilih nilai")


async def test_an_old_picker_overwrites_no_saved_score(bot, users, web) -> None:
    world = await make_world(bot, users)
    dewi = world.judge
    picker = await _pick(dewi, await open_card(dewi), 0)  # Kebaharuan
    await dewi.send("87,5")
    await dewi.expect_message("Tersimpan: Kebaharuan = 87,5")
    card = await dewi.expect_message(predicate=is_card)
    second = await _pick(dewi, card, 1)
    await dewi.send("70")
    await dewi.expect_message("Tersimpan:")
    await dewi.expect_message(predicate=is_card)
    await dewi.send("/batal")

    stale = plain_text("id", "score-button-stale", name="Kebaharuan", value="87,5")
    answer = await dewi.expect_callback_answer(
        await dewi.tap("60", message_id=picker["message_id"])
    )
    assert answer["text"] == stale and answer["show_alert"]
    answer = await dewi.expect_callback_answer(
        await dewi.tap("100", message_id=second["message_id"])
    )
    assert answer["show_alert"] and "= 70." in answer["text"]
    scores = await _scores(bot)
    assert scores["kebaharuan"] == 87.5 and scores["kemanfaatan"] == 70

    # the picker open now still takes a tap; once used, it is gone
    live = await _pick(dewi, await open_card(dewi), 0)
    answer = await dewi.expect_callback_answer(await dewi.tap("95", message_id=live["message_id"]))
    assert answer["text"] == plain_text("id", "score-saved", name="Kebaharuan", value="95")
    assert not answer["show_alert"]
    assert (await _scores(bot))["kebaharuan"] == 95
    answer = await dewi.expect_callback_answer(
        await dewi.tap("60", message_id=picker["message_id"])
    )
    assert answer["show_alert"] and "= 95." in answer["text"]
    assert (await _scores(bot))["kebaharuan"] == 95
