"""An entry as the workspace shows it to the committee and to its judges: every answer in
full (never cut), its files, and the self-assessment table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.i18n import format_day, format_money
from bot.services.committee.exports import answer_text, localized
from bot.services.entries.submissions import evidence_key, files_of
from bot.services.judging.scoring import indicators_of
from bot.storage.models import Attachment, Indicator, SelfAssessment, Submission
from bot.web.auth import Access


@dataclass(frozen=True)
class AnswerLine:
    """A form field and its answer as text (``long`` keeps line breaks); ``attachments``: a
    file field's files, in the order they were sent."""

    label: str
    value: str
    long: bool
    attachments: list[Attachment]


@dataclass(frozen=True)
class AssessmentLine:
    """One indicator of the self-assessment table: its evidence files and link."""

    indicator: Indicator
    assessment: SelfAssessment | None
    attachments: list[Attachment]

    def level_text(self, level: int | None) -> str:
        """The level's description from the indicator, e.g. "Peraturan Daerah"."""
        for item in self.indicator.levels or []:
            if item.get("level") == level:
                return str(item.get("description", ""))
        return ""


@dataclass(frozen=True)
class EntrySections:
    """Everything of an entry the pages show."""

    answers: list[AnswerLine]
    assessments: list[AssessmentLine]
    other_files: list[Attachment]


def _shown(field: dict[str, Any], value: Any, language: str) -> str:
    shown = answer_text(field, value, language)
    if shown is None or shown == "":
        return ""
    if isinstance(shown, date):
        return format_day(shown, language)
    if field["kind"] == "money" and isinstance(shown, int):
        return format_money(shown, language)
    return str(shown)


async def entry_sections(access: Access, entry: Submission) -> EntrySections:
    """The entry's answers (in the form's order), self-assessment (in the indicators' order)
    and the files neither of them points at. ``entry`` comes from
    :func:`bot.services.entries.submissions.load_entry` (answers, files and levels loaded)."""
    answers = {answer.field_key: answer.value for answer in entry.answers}
    shown_files: set[int] = set()
    lines = []
    for field in (access.edition.config or {}).get("form", []):
        attachments = files_of(entry, field["key"]) if field["kind"] == "file" else []
        shown_files.update(attachment.id for attachment in attachments)
        value = "" if attachments else _shown(field, answers.get(field["key"]), access.language)
        lines.append(
            AnswerLine(
                label=localized(field["label"], access.language),
                value=value,
                long=field["kind"] == "long_text",
                attachments=attachments,
            )
        )
    by_indicator = {assessment.indicator_id: assessment for assessment in entry.assessments}
    assessments = []
    for indicator in await indicators_of(access.session, access.edition.id):
        attachments = files_of(entry, evidence_key(indicator))
        shown_files.update(attachment.id for attachment in attachments)
        assessments.append(AssessmentLine(indicator, by_indicator.get(indicator.id), attachments))
    others = [attachment for attachment in entry.attachments if attachment.id not in shown_files]
    return EntrySections(lines, assessments, others)
