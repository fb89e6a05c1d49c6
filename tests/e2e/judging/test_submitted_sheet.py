"""A score sheet the judge submitted in the workspace is final everywhere: the chat (/nilai
buttons, a typed score awaited from before, validated levels) refuses a change politely just
as the workspace does, each refusal is audited, and nothing is written; the chat's card no
longer offers what cannot be done."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import AuditEntry, Score, SelfAssessment
from tests.e2e.helpers.committee import choose_english, quick_emulator
from tests.e2e.helpers.messages import labels
from tests.e2e.workspace.helpers import auth, make_world

pytestmark = [pytest.mark.e2e, pytest.mark.public_url]

CRITERIA = tuple(criterion.key for criterion in DEFAULT_RUBRIC)


@pytest.fixture
def emulator_config():
    return quick_emulator()


def is_card(message) -> bool:
    return t("id", "score-button-validate") in labels(message)


async def open_card(dewi) -> dict:
    await dewi.send("/nilai")
    listing = await dewi.expect_message("Progres:")
    await dewi.tap(labels(listing)[0], message_id=listing["message_id"])
    await dewi.expect_message("Perangkat Daerah:")
    return await dewi.expect_message(predicate=is_card)


async def state(bot, entry: int) -> tuple[dict[str, float], dict[int, int | None], list]:
    async with bot.runtime.sessions() as session:
        scores = dict((await session.execute(select(Score.criterion_key, Score.value))).all())
        levels = dict(
            (
                await session.execute(
                    select(SelfAssessment.indicator_id, SelfAssessment.validated_level).where(
                        SelfAssessment.submission_id == entry
                    )
                )
            ).all()
        )
        refusals = list(
            await session.scalars(select(AuditEntry).where(AuditEntry.action == "judging.refused"))
        )
    return scores, levels, refusals


async def test_a_submitted_sheet_is_final_in_the_chat_too(bot, users, web) -> None:
    world = await make_world(bot, users)
    dewi = world.judge
    headers = auth(dewi.id)
    base = f"/app/api/score/{world.entry}"
    for index, key in enumerate(CRITERIA):
        response = await web.put(
            f"{base}/criterion", json={"criterion": key, "value": 90 - 5 * index}, headers=headers
        )
        assert (await response.json())["ok"]

    # before sending: a validation page and a criterion's question are open in the chat
    validation = await open_card(dewi)
    await dewi.tap(t("id", "score-button-validate"), message_id=validation["message_id"])
    validation = await dewi.expect_message("Validasi indikator")
    level_button = next(label for label in labels(validation) if "· 1" in label)
    question = await open_card(dewi)
    await dewi.tap(labels(question)[0], message_id=question["message_id"])  # Kebaharuan: 90
    question = await dewi.expect_message("pilih nilai")

    sent = await web.post(f"{base}/submit", json={}, headers=headers)
    assert (await sent.json())["ok"]
    before_scores, before_levels, _ = await state(bot, world.entry)
    refused = t("id", "judging-error-submitted")

    # the typed score awaited from before, a score button, a level button: all refused
    await dewi.send("50")
    await dewi.expect_message(refused)
    answer = await dewi.expect_callback_answer(
        await dewi.tap("50", message_id=question["message_id"])
    )
    assert answer["text"] == refused and answer["show_alert"]
    answer = await dewi.expect_callback_answer(
        await dewi.tap(level_button, message_id=validation["message_id"])
    )
    assert answer["text"] == refused and answer["show_alert"]
    # the workspace refuses the level and the comment alike (the same rule)
    level = await web.put(
        f"{base}/level", json={"indicator_id": next(iter(before_levels)), "level": 1},
        headers=headers,
    )  # fmt: skip
    assert level.status == 409 and (await level.json())["message"] == refused

    scores, levels, refusals = await state(bot, world.entry)
    assert scores == before_scores and scores["kebaharuan"] == 90
    assert levels == before_levels
    assert [entry.after["code"] for entry in refusals] == ["submitted"] * 4
    assert {entry.actor_id for entry in refusals} == {dewi.id}
    attempted = " ".join(entry.after["attempted"] for entry in refusals)
    assert "message:50" in attempted and "callback:jd:s:" in attempted
    assert "callback:jd:lv:" in attempted and "web:PUT" in attempted

    # the card now says the sheet is final and offers no scoring; validation no levels
    card = await open_card(dewi)
    assert t("id", "score-submitted") in card["text"]
    assert not any(label.startswith("Kebaharuan") for label in labels(card))
    await dewi.tap(t("id", "score-button-validate"), message_id=card["message_id"])
    page = await dewi.expect_message("Validasi indikator")
    assert not any("·" in label for label in labels(page))

    # the committee's ranking still shows the submitted sheet's score
    ranking = await (await web.get("/app/f/ranking", headers=auth(world.admin.id))).text()
    # (30×90 + 25×85 + 15×80 + 20×75 + 10×70) / 100 = 82,25
    assert '<td class="n" data-label="Penilai">82,25</td>' in ranking


async def test_english_judge_is_told_in_english(bot, users, web) -> None:
    world = await make_world(bot, users)
    dewi = world.judge
    await choose_english(dewi)
    headers = auth(dewi.id, language="en")
    base = f"/app/api/score/{world.entry}"
    for key in CRITERIA:
        await web.put(f"{base}/criterion", json={"criterion": key, "value": 80}, headers=headers)
    question = await open_card_en(dewi)
    await dewi.tap(labels(question)[0], message_id=question["message_id"])
    question = await dewi.expect_message("choose a score")
    assert (await (await web.post(f"{base}/submit", json={}, headers=headers)).json())["ok"]
    answer = await dewi.expect_callback_answer(
        await dewi.tap("60", message_id=question["message_id"])
    )
    assert answer["text"] == t("en", "judging-error-submitted")
    scores, _, _ = await state(bot, world.entry)
    assert set(scores.values()) == {80}


async def open_card_en(dewi) -> dict:
    await dewi.send("/score")
    listing = await dewi.expect_message("Progress:")
    await dewi.tap(labels(listing)[0], message_id=listing["message_id"])
    return await dewi.expect_message(predicate=lambda m: "Validate indicators" in labels(m))


async def test_the_chat_tells_a_complete_sheet_from_a_submitted_one(bot, users, web) -> None:
    """QA #11: /nilai said "lengkap dinilai" with ✅ before "Kirim penilaian" was pressed; a
    complete sheet not yet sent is ☑️ and named as such, only a submitted one is ✅."""
    world = await make_world(bot, users)
    dewi = world.judge
    headers = auth(dewi.id)
    base = f"/app/api/score/{world.entry}"
    for key in CRITERIA:
        await web.put(f"{base}/criterion", json={"criterion": key, "value": 80}, headers=headers)

    await dewi.send("/nilai")
    listing = await dewi.expect_message("Progres:")
    assert "0 dari 1 inovasi sudah dikirim" in listing["text"]
    assert "belum dikirim" in listing["text"] and "/ruang_kerja" in listing["text"]
    assert labels(listing)[0].startswith("☑️")

    assert (await (await web.post(f"{base}/submit", json={}, headers=headers)).json())["ok"]
    await dewi.send("/nilai")
    listing = await dewi.expect_message("Progres:")
    assert "1 dari 1 inovasi sudah dikirim" in listing["text"]
    assert "belum dikirim" not in listing["text"]
    assert labels(listing)[0].startswith("✅")
