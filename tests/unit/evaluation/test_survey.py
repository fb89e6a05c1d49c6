"""The survey on the entry form's engine: the order (show_if), skipping optional questions,
finishing, a typed rating, the survey kinds the event file accepts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.core.event_file import EvaluationSpec, EventFileError, parse_event_file
from bot.services.entries.cursor import AtField, AtSummary
from bot.services.entries.form import FieldError
from bot.services.evaluation.survey import parse_rating, position, record_answer
from bot.storage.models import EvaluationResponse
from tests.conftest import EVENT_FILE

NOW = datetime(2022, 12, 7, 8, tzinfo=UTC)
SPEC = EvaluationSpec.model_validate(
    {
        "send_at": "14.30",
        "questions": [
            {"key": "puas", "kind": "rating", "label": "Puas?"},
            {"key": "ikut", "kind": "single_choice", "label": "Ikut lagi?",
             "choices": [{"value": "ya", "label": "Ya"}, {"value": "tidak", "label": "Tidak"}]},
            {"key": "alasan", "kind": "long_text", "label": "Mengapa tidak?", "required": False,
             "show_if": {"ikut": ["tidak"]}},
            {"key": "saran", "kind": "short_text", "label": "Saran", "required": False},
        ],
    }
)  # fmt: skip


def test_order_show_if_skip_and_finish() -> None:
    response = EvaluationResponse(answers={}, cursor=None)
    assert position(SPEC, response) == AtField("puas")
    assert record_answer(SPEC, response, "puas", 2, NOW) == AtField("ikut")
    assert record_answer(SPEC, response, "ikut", "ya", NOW) == AtField("saran")  # no "why"
    assert response.finished_at is None
    assert record_answer(SPEC, response, "saran", None, NOW) == AtSummary()  # skipped
    assert response.finished_at == NOW
    assert response.answers == {"puas": 2, "ikut": "ya", "saran": None}


def test_a_shown_question_follows_the_answer() -> None:
    response = EvaluationResponse(answers={}, cursor=None)
    record_answer(SPEC, response, "puas", 1, NOW)
    assert record_answer(SPEC, response, "ikut", "tidak", NOW) == AtField("alasan")


def test_typed_ratings() -> None:
    assert [parse_rating(text) for text in ("1", " 5 ")] == [1, 5]
    for text in ("0", "6", "lima", "4,5"):
        with pytest.raises(FieldError):
            parse_rating(text)


def test_the_event_file_refuses_other_kinds_and_ratings_in_the_entry_form() -> None:
    text = EVENT_FILE.read_text(encoding="utf-8")
    assert parse_event_file(text).event.evaluation.send_at == "14.30"
    with pytest.raises(EventFileError) as error:
        parse_event_file(
            text.replace(
                "kind: long_text\n        required: false",
                "kind: money\n        required: false",
                1,
            )
        )
    assert any("is not asked in a survey" in p for p in error.value.problems)
    with pytest.raises(EventFileError) as error:
        parse_event_file(text.replace("kind: short_text", "kind: rating", 1))
    assert any("'rating' is for the evaluation survey" in p for p in error.value.problems)
