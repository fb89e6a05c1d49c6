"""Texts and keyboards of the entry form: questions, answers as shown, the summary, the full
entry for a last look, the status list. Every text comes from ``entries.ftl``; user and config
text is escaped by :func:`bot.i18n.t`."""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.handlers.entries.buttons import (
    REMOVE_FILE,
    EntryAction,
    FieldAction,
    RemoveFile,
    ValueAction,
    entry_button,
    field_button,
    value_button,
)
from bot.handlers.shared.entry_view import (
    display_value,
    entry_blocks,
    label_of,
    safe_file_name,
    score_line,
)
from bot.handlers.shared.text import split_text
from bot.i18n import (
    date_examples,
    format_day,
    format_megabytes,
    format_moment,
    format_number,
    plain_text,
    t,
)
from bot.services.core.event_file import FormFieldSpec, localized
from bot.services.core.event_view import EditionView
from bot.services.entries.form import (
    FieldError,
    count_words,
    field_by_key,
    field_number,
    may_be_asked,
)
from bot.services.entries.submissions import (
    EntryError,
    EntryProblem,
    assessment_of,
    assessment_score,
    evidence_key,
    files_of,
    has_evidence,
)
from bot.storage.models import Attachment, Submission, SubmissionStatus

SUMMARY_VALUE_LENGTH = 60
"""Characters of an answer shown in the summary."""

EDIT_BUTTONS_PER_ROW = 5

_fixed = functools.lru_cache(maxsize=1024, typed=True)(t)
""":func:`bot.i18n.t` for texts that depend only on the language and the form (a question's
help, hint and button labels): formatted once per process instead of at every form step.
``typed``: a :class:`~bot.i18n.Markup` argument is not mistaken for an equal plain string."""


SELECTED = "☑️ "
"""The mark of a chosen option or level: not ✅, which the ✅ Selesai button carries."""


def button(text: str, data: str) -> InlineKeyboardButton:
    """An inline button; ``data`` must fit Telegram's 64 bytes."""
    assert len(data.encode()) <= 64, data
    return InlineKeyboardButton(text, callback_data=data)


def short(text: str, limit: int = SUMMARY_VALUE_LENGTH) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def error_text(language: str, error: FieldError, fields: Sequence[FormFieldSpec], year: int) -> str:
    """The explanation of a refused answer (``form-error-…``); examples of dates are of
    ``year`` (the edition's)."""
    details: dict[str, object] = {**date_examples(year, language), **error.details}
    if "other" in details:
        other = field_by_key(fields, str(details["other"]))
        details["other"] = label_of(other, language) if other else details["other"]
        details["other_date"] = format_day(date.fromisoformat(str(details["other_date"])), language)
    if "today" in details:
        details["today"] = format_day(date.fromisoformat(str(details["today"])), language)
    for name in [name for name in details if name.endswith("_bytes")]:
        size = details.pop(name)
        if isinstance(size, int | float):
            details[name.removesuffix("_bytes")] = format_megabytes(int(size), language)
    return t(language, error.key, **details)


def entry_error_text(language: str, error: EntryError, zone: ZoneInfo) -> str:
    """Why an action on an entry was refused, with the deadline where it matters."""
    if error.problem in (EntryProblem.CLOSED, EntryProblem.NOT_YET_OPEN):
        moment = format_moment(error.moment, zone, language) if error.moment else ""
        year = str(error.year) if error.year else ""
        return t(language, f"entry-error-{error.problem.value}", moment=moment, year=year)
    if error.problem is EntryProblem.NOT_EDITABLE and error.status is not None:
        return t(language, "entry-error-not_editable", status=status_label(language, error.status))
    return t(language, f"entry-error-{error.problem.value}")


def note_text(language: str, note: str) -> str:
    """The committee's note, escaped (a note may be longer than a catalogue placeable)."""
    return t(language, "entry-returned-note") + " " + html.escape(note)


def status_label(language: str, status: SubmissionStatus) -> str:
    """The status as the officers read it."""
    return t(language, f"entry-status-{status.value}")


def entry_name(language: str, submission: Submission) -> str:
    """The entry's title, or a placeholder for an untitled draft (plain text)."""
    return submission.title or t(language, "entry-untitled")


# --- questions -----------------------------------------------------------------------------


def question(
    language: str,
    edition: EditionView,
    fields: Sequence[FormFieldSpec],
    submission: Submission,
    answers: dict[str, Any],
    spec: FormFieldSpec,
) -> tuple[str, InlineKeyboardMarkup]:
    """The question for ``spec``: label, progress, help, what to send, and its buttons."""
    number, total = field_number(fields, answers, spec.key)
    lines = [
        t(language, "entry-question", label=label_of(spec, language), number=number, total=total)
    ]
    if spec.help:
        lines.append(_fixed(language, "entry-help", help=localized(spec.help, language)))
    hint_args: dict[str, object] = {}
    if spec.kind == "file":
        types = ", ".join(kind.upper() for kind in spec.file_types) or "—"
        hint_args = {"types": types, "limit": format_number(spec.max_size_mb, language)}
    if spec.kind == "long_text":
        hint_args = {"minimum": spec.min_words or 1}
    if spec.kind == "date":
        hint_args = {**date_examples(edition.year, language)}
    lines.append(_fixed(language, f"entry-hint-{spec.kind.replace('_', '-')}", **hint_args))
    current = answers.get(spec.key)
    kept = files_of(submission, spec.key) if spec.kind == "file" else []
    if kept:
        lines.append(files_listing(language, kept))
    elif spec.key in answers and current is not None and spec.kind not in MANY_KINDS:
        if spec.kind == "long_text":
            lines.append(t(language, "entry-long-so-far", words=count_words(current)))
        else:
            lines.append(
                t(language, "entry-current", value=short(display_value(spec, current, language)))
            )
    return "\n\n".join(lines), question_buttons(language, fields, submission, answers, spec)


def question_buttons(
    language: str,
    fields: Sequence[FormFieldSpec],
    submission: Submission,
    answers: dict[str, Any],
    spec: FormFieldSpec,
) -> InlineKeyboardMarkup:
    """The buttons under the question for ``spec`` (its choices, files, ✅ Selesai, skip and
    the summary), also under what answers it without asking again (a long text's receipt,
    its saved text shown)."""
    sid, index = submission.id, [field.key for field in fields].index(spec.key)
    current = answers.get(spec.key)
    kept = files_of(submission, spec.key) if spec.kind == "file" else []
    rows: list[list[InlineKeyboardButton]] = []
    if spec.kind == "single_choice":
        for number, choice in enumerate(spec.choices):
            mark = SELECTED if current == choice.value else ""
            text = mark + localized(choice.label, language)
            rows.append([button(text, value_button(ValueAction.PICK, sid, index, number))])
    elif spec.kind == "multiple_choice":
        chosen = current or []
        for number, choice in enumerate(spec.choices):
            mark = SELECTED if choice.value in chosen else "⬜ "
            text = mark + localized(choice.label, language)
            rows.append([button(text, value_button(ValueAction.TOGGLE, sid, index, number))])
        rows.append(
            [
                button(
                    _fixed(language, "entry-button-done"),
                    field_button(FieldAction.NEXT, sid, index),
                )
            ]
        )
    elif spec.kind == "file" and kept:
        rows += file_buttons(language, sid, kept)
        rows.append(
            [
                button(
                    t(language, "evidence-button-next"), field_button(FieldAction.NEXT, sid, index)
                )
            ]
        )
    elif spec.kind == "long_text":
        rows.append(
            [
                button(
                    _fixed(language, "entry-button-done"),
                    field_button(FieldAction.NEXT, sid, index),
                )
            ]
        )
        if current:
            show = _fixed(language, "entry-button-show-text")
            rows.append([button(show, field_button(FieldAction.SHOW_TEXT, sid, index))])
            clear = _fixed(language, "entry-button-clear")
            rows.append([button(clear, field_button(FieldAction.CLEAR, sid, index))])
    if not spec.required:
        rows.append(
            [
                button(
                    _fixed(language, "entry-button-skip"),
                    field_button(FieldAction.SKIP, sid, index),
                )
            ]
        )
    rows.append(
        [button(_fixed(language, "entry-button-summary"), entry_button(EntryAction.SUMMARY, sid))]
    )
    return InlineKeyboardMarkup(rows)


def long_text_receipt(
    language: str,
    fields: Sequence[FormFieldSpec],
    submission: Submission,
    answers: dict[str, Any],
    spec: FormFieldSpec,
) -> tuple[str, InlineKeyboardMarkup]:
    """The short answer to one more piece of a long text (issue 14, item 14): the words saved
    so far and the question's own buttons (✅ Selesai, 📄, 🗑, 📋), not the question again."""
    words = count_words(answers.get(spec.key) or "")
    text = t(language, "entry-long-saved", words=words, label=label_of(spec, language))
    return text, question_buttons(language, fields, submission, answers, spec)


def summary_pointer(
    language: str, submission: Submission, message: str
) -> tuple[str, InlineKeyboardMarkup]:
    """The short answer to a message at the summary that answers nothing: ``message`` (why it
    was not saved, the buttons to use) and one button to show the summary again, instead of
    the whole summary (issue 14, item 14)."""
    markup = InlineKeyboardMarkup(
        [
            [
                button(
                    _fixed(language, "entry-button-summary"),
                    entry_button(EntryAction.SUMMARY, submission.id),
                )
            ]
        ]
    )
    return message, markup


def level_question(
    language: str, edition: EditionView, submission: Submission, index: int
) -> tuple[str, InlineKeyboardMarkup]:
    """The question of an indicator's level (1–3), its description on each button."""
    indicator = edition.indicators[index]
    score = assessment_score(edition.indicators, submission)
    assessment = assessment_of(submission, indicator)
    text = t(
        language,
        "entry-level-question",
        number=index + 1,
        total=len(edition.indicators),
        name=indicator.name,
        weight=format_number(indicator.weight, language),
        evidence=indicator.evidence or "—",
        mandatory=t(language, "entry-indicator-mandatory") if indicator.mandatory else "",
    )
    text += "\n\n" + score_line(language, score)
    rows = []
    for level in indicator.levels:
        mark = SELECTED if assessment is not None and assessment.level == level["level"] else ""
        label = f"{mark}{level['level']} — {level['description']}"
        data = value_button(ValueAction.LEVEL, submission.id, index, level["level"])
        rows.append([button(label, data)])
    rows.append(
        [
            button(
                t(language, "entry-button-summary"),
                entry_button(EntryAction.SUMMARY, submission.id),
            )
        ]
    )
    return text, InlineKeyboardMarkup(rows)


def evidence_question(
    language: str, edition: EditionView, submission: Submission, index: int
) -> tuple[str, InlineKeyboardMarkup]:
    """Asks for an indicator's evidence: files (documents or photos, several) or a link; the
    files kept so far, each with a button to remove it."""
    indicator = edition.indicators[index]
    text = t(language, "entry-evidence-question", name=indicator.name, evidence=indicator.evidence)
    assessment = assessment_of(submission, indicator)
    kept = files_of(submission, evidence_key(indicator))
    if kept:
        text += "\n\n" + files_listing(language, kept)
    if assessment is not None and assessment.evidence_url:
        text += "\n\n" + t(language, "evidence-link-kept", url=assessment.evidence_url)
    onward = "evidence-button-next" if has_evidence(assessment) else "entry-button-skip"
    rows = file_buttons(language, submission.id, kept) + [
        [button(t(language, onward), field_button(FieldAction.NO_EVIDENCE, submission.id, index))],
        [
            button(
                t(language, "entry-button-summary"),
                entry_button(EntryAction.SUMMARY, submission.id),
            )
        ],
    ]
    return text, InlineKeyboardMarkup(rows)


MANY_KINDS = frozenset({"multiple_choice", "file"})
"""Kinds whose answer is a list, shown item by item rather than as one value."""


def files_listing(language: str, files: Sequence[Attachment]) -> str:
    """ "Berkas tersimpan (2):" and a numbered line per file with its (cleaned) name."""
    lines = [t(language, "evidence-files-kept", count=len(files))]
    for number, attachment in enumerate(files, start=1):
        lines.append(
            t(language, "evidence-file-line", number=number, name=safe_file_name(attachment))
        )
    return "\n".join(lines)


def file_buttons(
    language: str, submission_id: int, files: Sequence[Attachment]
) -> list[list[InlineKeyboardButton]]:
    """A "🗑 1. name" button per file, removing it from the entry."""
    return [
        [
            button(
                plain_text(language, "evidence-button-remove", number=number,
                           name=short(safe_file_name(attachment), 30)),
                REMOVE_FILE.pack(RemoveFile(submission_id, attachment.id)),
            )
        ]
        for number, attachment in enumerate(files, start=1)
    ]  # fmt: skip


# --- summary, review, status ---------------------------------------------------------------


def summary(
    language: str,
    edition: EditionView,
    fields: Sequence[FormFieldSpec],
    visible: Sequence[FormFieldSpec],
    submission: Submission,
    answers: dict[str, Any],
    problems: Sequence[tuple[str, FieldError]],
    self_assessment: bool,
) -> tuple[str, InlineKeyboardMarkup]:
    """Every asked field with its answer (cut short), and buttons: edit each field by its
    number, self-assessment, send.

    The form and the self-assessment are counted apart, so the numbers add up: "Isian
    formulir: 18 dari 19 lengkap" with one field marked ⚠️ to fix with ✏️, then the indicators
    assessed and with evidence, the score, and the mandatory indicators still lacking evidence
    (fixed in 📊 Penilaian mandiri, not with ✏️). The fields are counted and numbered as the
    questions are ("2 dari 19", :func:`~bot.services.entries.form.field_number`): those asked
    or that may still be asked."""
    counted = [spec for spec in fields if may_be_asked(spec, answers)]
    missing = {key for key, _ in problems if field_by_key(visible, key) is not None}
    complete = sum(1 for spec in counted if spec.key in answers and spec.key not in missing)
    lines = []
    for number, spec in enumerate(counted, start=1):
        if spec.key in answers:
            value = short(display_value(spec, answers[spec.key], language))
            if spec.kind == "long_text" and answers[spec.key]:
                value += " " + t(language, "entry-words", words=count_words(answers[spec.key]))
        else:
            value = "—"
        mark = "⚠️ " if spec.key in missing else ""
        lines.append(
            t(
                language,
                "entry-summary-line",
                number=number,
                mark=mark,
                label=label_of(spec, language),
                value=value,
            )
        )
    text = t(
        language,
        "entry-summary",
        name=entry_name(language, submission),
        complete=complete,
        total=len(counted),
    )
    text += "\n\n" + "\n".join(lines)
    lacking = []
    if self_assessment:
        score = assessment_score(edition.indicators, submission)
        lacking = score.lacking
        text += "\n\n" + t(
            language,
            "entry-summary-assessment",
            assessed=score.assessed,
            evidenced=score.evidenced,
            total=score.total,
            score=format_number(score.score, language),
            maximum=format_number(score.maximum, language),
        )
    if submission.status is SubmissionStatus.RETURNED and submission.status_note:
        text += "\n\n" + note_text(language, submission.status_note)
    if missing:
        text += "\n\n" + t(language, "entry-summary-problems", count=len(missing))
    if lacking:
        names = ", ".join(f"{i.number}. {i.name}" for i in lacking)
        text += "\n\n" + t(language, "entry-summary-lacking", count=len(lacking), names=names)
    if not missing and not lacking:
        text += "\n\n" + t(language, "entry-summary-ready")
    sid = submission.id
    edit_buttons = [
        button(f"✏️ {number}", field_button(FieldAction.EDIT, sid, fields.index(spec)))
        for number, spec in enumerate(counted, start=1)
        if spec in visible
    ]
    rows = [
        edit_buttons[i : i + EDIT_BUTTONS_PER_ROW]
        for i in range(0, len(edit_buttons), EDIT_BUTTONS_PER_ROW)
    ]
    if self_assessment:
        rows.append(
            [
                button(
                    t(language, "entry-button-assessment"),
                    entry_button(EntryAction.INDICATORS, sid),
                )
            ]
        )
    rows.append([button(t(language, "entry-button-review"), entry_button(EntryAction.REVIEW, sid))])
    return text, InlineKeyboardMarkup(rows)


def indicator_overview(
    language: str, edition: EditionView, submission: Submission
) -> tuple[str, InlineKeyboardMarkup]:
    """Each indicator with its chosen level and whether evidence is there; a button per
    indicator to change it."""
    lines = []
    for indicator in edition.indicators:
        assessment = assessment_of(submission, indicator)
        lines.append(
            t(
                language,
                "entry-indicator-line",
                number=indicator.number,
                name=indicator.name,
                level=assessment.level if assessment else "—",
                evidence="📎" if has_evidence(assessment) else "—",
                mandatory=" ★" if indicator.mandatory else "",
            )
        )
    text = t(language, "entry-indicators") + "\n" + "\n".join(lines)
    text += "\n\n" + score_line(language, assessment_score(edition.indicators, submission))
    sid = submission.id
    buttons = [
        button(str(indicator.number), field_button(FieldAction.INDICATOR, sid, index))
        for index, indicator in enumerate(edition.indicators)
    ]
    rows = [buttons[i : i + EDIT_BUTTONS_PER_ROW] for i in range(0, len(buttons), 5)]
    rows.append(
        [button(t(language, "entry-button-summary"), entry_button(EntryAction.SUMMARY, sid))]
    )
    return text, InlineKeyboardMarkup(rows)


def full_entry(
    language: str,
    edition: EditionView,
    visible: Sequence[FormFieldSpec],
    submission: Submission,
    answers: dict[str, Any],
    self_assessment: bool,
) -> list[str]:
    """The whole entry for the officer's last look, as messages within Telegram's limit
    (long answers follow in the next message, never cut)."""
    title = t(language, "entry-review-title", name=entry_name(language, submission))
    blocks = entry_blocks(
        language, edition, visible, submission, answers, self_assessment=self_assessment
    )
    return split_text([title, *blocks], separator="\n\n", continued=t(language, "text-continued"))


def entry_status_block(
    language: str,
    submission: Submission,
    rank: str | None,
    zone: ZoneInfo,
    shown_status: SubmissionStatus | None = None,
) -> str:
    """One entry in ``/inovasi_saya``: name, number, status (with the committee's note or the
    rank), when it was submitted. ``shown_status`` replaces the status shown (results stay
    hidden until the announcement: :func:`bot.services.judging.results.public_status`)."""
    shown_status = shown_status or submission.status
    status = status_label(language, shown_status)
    if shown_status is SubmissionStatus.WINNER and rank:
        status = t(language, "entry-status-winner-rank", rank=rank)
    text = t(
        language,
        "entry-list-item",
        name=entry_name(language, submission),
        number=submission.number or "—",
        status=status,
    )
    if submission.status_note and submission.status in (
        SubmissionStatus.RETURNED,
        SubmissionStatus.REJECTED,
    ):
        text += "\n" + note_text(language, submission.status_note)
    if submission.submitted_at is not None:
        text += "\n" + t(
            language,
            "entry-submitted-at",
            moment=format_moment(submission.submitted_at, zone, language),
        )
    return text


def moment_text(moment: datetime, zone: ZoneInfo, language: str) -> str:
    """Shortcut for :func:`bot.i18n.format_moment`."""
    return format_moment(moment, zone, language)
