"""Texts and keyboards of the entry form: questions, answers as shown, the summary, the full
entry for a last look, the status list. Every text comes from ``entries.ftl``; user and config
text is escaped by :func:`bot.i18n.t`."""

from __future__ import annotations

import functools
import html
import re
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
from bot.i18n import (
    format_day,
    format_megabytes,
    format_moment,
    format_money,
    format_number,
    plain_text,
    t,
)
from bot.services.core.event_file import FormFieldSpec, localized
from bot.services.entries.form import (
    FieldError,
    answer_files,
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
from bot.services.evidence.names import safe_name
from bot.storage.models import Attachment, Edition, Indicator, Submission, SubmissionStatus

CHUNK = 3500
"""Most visible characters per message of a long view (Telegram allows 4096).

Long user texts are escaped here and appended to catalogue texts rather than passed as
placeables: Fluent refuses placeables longer than 1000 characters."""

SUMMARY_VALUE_LENGTH = 60
"""Characters of an answer shown in the summary."""

EDIT_BUTTONS_PER_ROW = 5

_fixed = functools.lru_cache(maxsize=1024, typed=True)(t)
""":func:`bot.i18n.t` for texts that depend only on the language and the form (a question's
help, hint and button labels): formatted once per process instead of at every form step.
``typed``: a :class:`~bot.i18n.Markup` argument is not mistaken for an equal plain string."""


def button(text: str, data: str) -> InlineKeyboardButton:
    """An inline button; ``data`` must fit Telegram's 64 bytes."""
    assert len(data.encode()) <= 64, data
    return InlineKeyboardButton(text, callback_data=data)


def label_of(spec: FormFieldSpec, language: str) -> str:
    """The field's label in ``language``."""
    return localized(spec.label, language)


def choice_label(spec: FormFieldSpec, value: str, language: str) -> str:
    """The label of a choice value (the value itself if the form no longer has it)."""
    choice = next((c for c in spec.choices if c.value == value), None)
    return localized(choice.label, language) if choice else value


def display_value(spec: FormFieldSpec, value: Any, language: str) -> str:
    """An answer as people read it (plain text, to be escaped): labels of choices, dates as
    "Rabu, 17 Agustus 2022", money as "Rp10.000.000", files by name."""
    if value is None:
        return t(language, "entry-value-skipped")
    if spec.kind == "single_choice":
        return choice_label(spec, value, language)
    if spec.kind == "multiple_choice":
        return ", ".join(choice_label(spec, item, language) for item in value)
    if spec.kind == "date":
        return format_day(date.fromisoformat(value), language)
    if spec.kind == "money":
        return format_money(int(value), language)
    if spec.kind == "file":
        unnamed = t(language, "entry-value-file")
        names = [safe_name(f.get("file_name"), fallback=unnamed) for f in answer_files(value)]
        return ", ".join(f"📎 {name}" for name in names) or t(language, "entry-value-skipped")
    return str(value)


def short(text: str, limit: int = SUMMARY_VALUE_LENGTH) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def error_text(language: str, error: FieldError, fields: Sequence[FormFieldSpec]) -> str:
    """The explanation of a refused answer (``form-error-…``)."""
    details = dict(error.details)
    if "other" in details:
        other = field_by_key(fields, str(details["other"]))
        details["other"] = label_of(other, language) if other else details["other"]
        details["other_date"] = format_day(date.fromisoformat(str(details["other_date"])), language)
    if "today" in details:
        details["today"] = format_day(date.fromisoformat(str(details["today"])), language)
    for name in [name for name in details if name.endswith("_bytes")]:
        details[name.removesuffix("_bytes")] = format_megabytes(int(details.pop(name)), language)
    return t(language, error.key, **details)


def entry_error_text(language: str, error: EntryError, zone: ZoneInfo) -> str:
    """Why an action on an entry was refused, with the deadline where it matters."""
    if error.problem in (EntryProblem.CLOSED, EntryProblem.NOT_YET_OPEN):
        moment = format_moment(error.moment, zone, language) if error.moment else ""
        return t(language, f"entry-error-{error.problem.value}", moment=moment)
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
    edition: Edition,
    fields: Sequence[FormFieldSpec],
    submission: Submission,
    answers: dict[str, Any],
    spec: FormFieldSpec,
) -> tuple[str, InlineKeyboardMarkup]:
    """The question for ``spec``: label, progress, help, what to send, and its buttons."""
    sid, index = submission.id, [field.key for field in fields].index(spec.key)
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
    rows: list[list[InlineKeyboardButton]] = []
    if spec.kind == "single_choice":
        for number, choice in enumerate(spec.choices):
            mark = "✅ " if current == choice.value else ""
            text = mark + localized(choice.label, language)
            rows.append([button(text, value_button(ValueAction.PICK, sid, index, number))])
    elif spec.kind == "multiple_choice":
        chosen = current or []
        for number, choice in enumerate(spec.choices):
            mark = "✅ " if choice.value in chosen else "⬜ "
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
    return "\n\n".join(lines), InlineKeyboardMarkup(rows)


def level_question(
    language: str, edition: Edition, submission: Submission, index: int
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
        mark = "✅ " if assessment is not None and assessment.level == level["level"] else ""
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
    language: str, edition: Edition, submission: Submission, index: int
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
        lines.append(t(language, "evidence-file-line", number=number, name=_shown(attachment)))
    return "\n".join(lines)


def file_buttons(
    language: str, submission_id: int, files: Sequence[Attachment]
) -> list[list[InlineKeyboardButton]]:
    """A "🗑 1. name" button per file, removing it from the entry."""
    return [
        [
            button(
                plain_text(language, "evidence-button-remove", number=number,
                           name=short(_shown(attachment), 30)),
                REMOVE_FILE.pack(RemoveFile(submission_id, attachment.id)),
            )
        ]
        for number, attachment in enumerate(files, start=1)
    ]  # fmt: skip


def _shown(attachment: Attachment) -> str:
    return safe_name(attachment.file_name)


def score_line(language: str, score: Any) -> str:
    """ "Skor sementara: 40 dari 117 (5/20 indikator)" and the mandatory ones lacking
    evidence."""
    text = t(
        language,
        "entry-score",
        score=format_number(score.score, language),
        maximum=format_number(score.maximum, language),
        assessed=score.assessed,
        evidenced=score.evidenced,
        total=score.total,
    )
    if score.lacking:
        names = ", ".join(f"{i.number}. {i.name}" for i in score.lacking)
        text += "\n" + t(language, "entry-score-lacking", names=names)
    return text


# --- summary, review, status ---------------------------------------------------------------


def summary(
    language: str,
    edition: Edition,
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
    language: str, edition: Edition, submission: Submission
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
    edition: Edition,
    visible: Sequence[FormFieldSpec],
    submission: Submission,
    answers: dict[str, Any],
    self_assessment: bool,
) -> list[str]:
    """The whole entry for a last look, as messages of at most :data:`CHUNK` visible
    characters (long answers are split, never cut)."""
    blocks: list[tuple[str, str]] = []
    for spec in visible:
        value = answers.get(spec.key)
        shown = display_value(spec, value, language) if spec.key in answers else "—"
        blocks.append((label_of(spec, language), shown))
    if self_assessment:
        for indicator in edition.indicators:
            assessment = assessment_of(submission, indicator)
            files = files_of(submission, evidence_key(indicator))
            blocks.append((f"{indicator.number}. {indicator.name}", _assessment_text(
                language, indicator, assessment, files
            )))  # fmt: skip
    messages: list[str] = [t(language, "entry-review-title", name=entry_name(language, submission))]
    size = len(messages[0])
    for label, value in blocks:
        for piece in _pieces(value, CHUNK - len(label) - 10):
            block = t(language, "entry-review-label", label=label) + "\n" + html.escape(piece)
            if size + len(block) + 2 > CHUNK:
                messages.append(block)
                size = len(piece) + len(label)
            else:
                messages[-1] += "\n\n" + block
                size += len(piece) + len(label) + 2
    return messages


def _assessment_text(
    language: str, indicator: Indicator, assessment: Any, files: Sequence[Attachment]
) -> str:
    if assessment is None:
        return "—"
    description = next(
        (lvl["description"] for lvl in indicator.levels if lvl["level"] == assessment.level), ""
    )
    names = [f"📎 {_shown(a)}" for a in files]
    evidence = ", ".join(names + [assessment.evidence_url or ""]).strip(", ") or "—"
    return t(
        language,
        "entry-review-assessment",
        level=assessment.level,
        description=description,
        evidence=evidence,
    )


BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"\s"))
"""Where a long answer may be split, best first: a paragraph, a line, a space between words."""


def _pieces(text: str, size: int) -> list[str]:
    """``text`` split into pieces of at most ``size`` characters: at the last paragraph break
    in the second half of the piece, else the last line break there, else the last white
    space (any kind) anywhere; a single word longer than ``size`` is cut as a last resort."""
    pieces = []
    while len(text) > size:
        window = text[: size + 1]  # white space just after a full piece is a break too
        cut = size
        for pattern, earliest in zip(BREAKS, (size // 2, size // 2, 1), strict=True):
            starts = [m.start() for m in pattern.finditer(window) if m.start() >= earliest]
            if starts:
                cut = starts[-1]
                break
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*pieces, text]


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
