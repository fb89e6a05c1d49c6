"""A double tap on a survey question answers that question once and never the next one
(QA, issue 18 item 3): an answered question keeps its text and the answer given, without
buttons, and the next question comes as a new message; a tap on a question no longer open
is refused politely."""

from __future__ import annotations

import pytest

from bot.sandbox.client import EmulatorControlError
from tests.e2e.evaluation.test_evaluation import (
    _responses,
    siti_opens_the_survey,
)

pytestmark = pytest.mark.e2e


async def test_a_double_tap_answers_the_question_seen_only(bot, users, clock) -> None:
    siti = await siti_opens_the_survey(bot, users, clock)
    first_question = await siti.expect_message("pertanyaan 1 dari 4")

    tap = await siti.tap("5", message_id=first_question["message_id"])
    await siti.expect_callback_answer(tap)
    second_question = await siti.expect_message("pertanyaan 2 dari 4")
    assert second_question["message_id"] != first_question["message_id"]
    answered = await siti.expect_message("Jawaban: 5")
    assert answered["message_id"] == first_question["message_id"]
    assert not answered["inline_keyboard"]
    with pytest.raises(EmulatorControlError):  # the second tap finds no button there
        await siti.tap("5", message_id=first_question["message_id"])

    # question 2 shown twice (the survey opened again): the old copy is refused
    await siti.tap("📝 Isi evaluasi")
    copy = await siti.expect_message("pertanyaan 2 dari 4")
    await siti.expect_callback_answer(await siti.tap("3", message_id=copy["message_id"]))
    await siti.expect_message("pertanyaan 3 dari 4")
    stale = await siti.tap("4", message_id=second_question["message_id"])
    refusal = await siti.expect_callback_answer(stale)
    assert "sudah dijawab" in refusal["text"]

    assert (await _responses(bot))[siti.id].answers == {"kepuasan": 5, "materi": 3}
