"""The entry form's navigation as a pure state machine: typed cursors, actions, no Telegram."""

import pytest

from bot.services.core.event_file import FormFieldSpec
from bot.services.entries.cursor import (
    Answered,
    AtEvidence,
    AtField,
    AtLevel,
    AtSummary,
    EvidenceDone,
    FormState,
    Jump,
    LevelChosen,
    OpenSummary,
    current,
    from_json,
    start,
    step,
    to_json,
    typed_field,
)

CHOICES = [{"value": "uji_coba", "label": "Uji coba"}, {"value": "penerapan", "label": "Penerapan"}]
FIELDS = [
    FormFieldSpec.model_validate(item)
    for item in [
        {"key": "nama", "kind": "short_text", "label": "Nama"},
        {"key": "tahapan", "kind": "single_choice", "label": "Tahapan", "choices": CHOICES},
        {
            "key": "waktu_uji",
            "kind": "date",
            "label": "Waktu uji coba",
            "show_if": {"tahapan": ["uji_coba"]},
        },
        {"key": "video", "kind": "url", "label": "Video", "required": False},
        {"key": "ringkasan", "kind": "long_text", "label": "Ringkasan"},
    ]
]


def state(answers=None, indicators=(), assessed=()) -> FormState:  # type: ignore[no-untyped-def]
    return FormState(FIELDS, answers or {}, indicators, frozenset(assessed))


def test_a_new_entry_starts_at_the_first_question() -> None:
    assert start(state()) == AtField("nama")
    assert start(FormState([], {})) == AtSummary()


def test_an_answer_moves_to_the_next_visible_unanswered_field() -> None:
    answers = {"nama": "Si Cantik", "tahapan": "penerapan"}
    # waktu_uji is hidden by tahapan = penerapan
    assert step(AtField("tahapan"), Answered("tahapan"), state(answers)) == AtField("video")
    answers["tahapan"] = "uji_coba"
    assert step(AtField("tahapan"), Answered("tahapan"), state(answers)) == AtField("waktu_uji")


def test_a_skipped_field_counts_as_answered_and_unanswered_earlier_fields_come_back() -> None:
    answers = {"tahapan": "penerapan", "video": None, "ringkasan": "teks"}
    # after the last field, the first field still unanswered (nama) comes back
    assert step(AtField("video"), Answered("video"), state(answers)) == AtField("nama")


def test_after_the_last_field_the_self_assessment_then_the_summary() -> None:
    answers = {"nama": "A", "tahapan": "penerapan", "video": None, "ringkasan": "teks"}
    with_indicators = state(answers, indicators=("regulasi", "sdm", "anggaran"))
    assert step(AtField("ringkasan"), Answered("ringkasan"), with_indicators) == AtLevel("regulasi")
    partly = state(answers, ("regulasi", "sdm", "anggaran"), assessed={"regulasi"})
    assert step(AtField("ringkasan"), Answered("ringkasan"), partly) == AtLevel("sdm")
    assert step(AtField("ringkasan"), Answered("ringkasan"), state(answers)) == AtSummary()


def test_a_level_asks_for_evidence_then_the_next_indicator_without_a_level() -> None:
    indicators = ("regulasi", "sdm", "anggaran")
    after_level = state(indicators=indicators, assessed={"regulasi"})
    assert step(AtLevel("regulasi"), LevelChosen("regulasi"), after_level) == AtEvidence("regulasi")
    # sdm was assessed earlier: skipped over
    assessed = state(indicators=indicators, assessed={"regulasi", "sdm"})
    assert step(AtEvidence("regulasi"), EvidenceDone("regulasi"), assessed) == AtLevel("anggaran")
    # the last indicator: the summary, even if an earlier one still lacks a level
    last = state(indicators=indicators, assessed={"anggaran"})
    assert step(AtEvidence("anggaran"), EvidenceDone("anggaran"), last) == AtSummary()


def test_the_summary_remembers_the_open_question() -> None:
    assert step(AtField("video"), OpenSummary(), state()) == AtSummary("video")
    assert step(AtSummary("video"), OpenSummary(), state()) == AtSummary("video")
    assert step(AtLevel("sdm"), OpenSummary(), state(indicators=("sdm",))) == AtSummary()
    assert typed_field(AtSummary("video")) == "video"
    assert typed_field(AtField("nama")) == "nama"
    assert typed_field(AtSummary()) is None
    assert typed_field(AtEvidence("sdm")) is None


def test_jump_opens_any_question() -> None:
    assert step(AtSummary(), Jump(AtField("nama")), state()) == AtField("nama")
    assert step(AtSummary(), Jump(AtLevel("sdm")), state(indicators=("sdm",))) == AtLevel("sdm")


@pytest.mark.parametrize(
    ("cursor", "shown"),
    [
        (AtField("nama"), AtField("nama")),
        (AtField("waktu_uji"), AtSummary()),  # hidden by tahapan = penerapan
        (AtField("gone"), AtSummary()),  # the form no longer has it
        (AtLevel("sdm"), AtLevel("sdm")),
        (AtEvidence("gone"), AtSummary()),
        (AtSummary("video"), AtSummary("video")),
        (AtSummary("waktu_uji"), AtSummary()),
        (None, AtSummary()),
    ],
)
def test_current_falls_back_to_the_summary(cursor, shown) -> None:  # type: ignore[no-untyped-def]
    assert current(cursor, state({"tahapan": "penerapan"}, indicators=("sdm",))) == shown


@pytest.mark.parametrize(
    "cursor",
    [AtField("nama"), AtLevel("sdm"), AtEvidence("sdm"), AtSummary(), AtSummary("nama"), None],
)
def test_stored_as_json_and_read_back(cursor) -> None:  # type: ignore[no-untyped-def]
    assert from_json(to_json(cursor)) == cursor


def test_an_unreadable_stored_cursor_is_the_summary() -> None:
    assert from_json({"at": "field"}) == AtSummary()
    assert from_json({"at": "somewhere"}) == AtSummary()
