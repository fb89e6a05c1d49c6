"""A tap answered without a text shows no toast (QA #23: "Lewati ⏭" on the survey's last,
optional question showed the toast "[]": python-telegram-bot's Defaults turned the empty text
into an empty list, which went out as "[]"; every toast passes IgaBot.answer_callback_query)."""

from __future__ import annotations

import pytest

from tests.e2e.evaluation.test_evaluation import siti_opens_the_survey

pytestmark = pytest.mark.e2e


async def test_skipping_the_optional_question_shows_no_toast(bot, users, clock) -> None:
    siti = await siti_opens_the_survey(bot, users, clock)
    for number, choice in ((1, "5"), (2, "3"), (3, "Bot Telegram")):
        question = await siti.expect_message(f"pertanyaan {number} dari 4")
        await siti.expect_callback_answer(await siti.tap(choice, message_id=question["message_id"]))
    last = await siti.expect_message("pertanyaan 4 dari 4")
    await siti.send("/batal")  # as QA did: the old button tapped after leaving
    answer = await siti.expect_callback_answer(
        await siti.tap("Lewati ⏭", message_id=last["message_id"])
    )
    assert answer["text"] is None, answer  # no text at all, as Telegram gets for no toast
