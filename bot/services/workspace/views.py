"""What the committee's and judges' workspace (the Mini App) shows: the entries with counts
and filters, an entry's history, who judged what, and the ranking's warnings. Reads only;
every change goes through the services the chat uses (status changes, judging, reviews).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.judging.reviews import reviews_of_edition
from bot.services.judging.scoring import indicators_of, list_judges, progress, rubric
from bot.storage.models import (
    Answer,
    AuditEntry,
    Chat,
    Edition,
    Judge,
    SelfAssessment,
    Submission,
    SubmissionStatus,
)

STAGE_FIELD = "tahapan"
"""Form field of the innovation's stage (inisiatif, uji coba, penerapan) in the national
innovation profile; the entries' "stage" filter reads it."""

HISTORY_LIMIT = 200
"""Most audit entries shown in an entry's history (newest first)."""


@dataclass(frozen=True)
class EntryFilters:
    """The committee's filters; None or "" means any."""

    status: SubmissionStatus | None = None
    unit_id: int | None = None
    stage: str | None = None
    query: str = ""


@dataclass(frozen=True)
class EntryRow:
    """One line of the entries list: the entry (unit loaded) and its stage value."""

    submission: Submission
    stage: str | None


async def status_counts(session: AsyncSession, edition_id: int) -> Counter[SubmissionStatus]:
    """How many entries of the edition have each status (drafts left out)."""
    rows = await session.scalars(
        select(Submission.status).where(
            Submission.edition_id == edition_id, Submission.status != SubmissionStatus.DRAFT
        )
    )
    return Counter(rows)


async def find_entries(
    session: AsyncSession, edition_id: int, filters: EntryFilters
) -> list[EntryRow]:
    """The edition's entries except drafts, by registration number, matching ``filters``
    (the search looks in the number, the title and the unit's name and code, ignoring case).
    A city has tens of entries, so stage and search are applied here, not in SQL."""
    where = [Submission.edition_id == edition_id, Submission.status != SubmissionStatus.DRAFT]
    if filters.status is not None:
        where.append(Submission.status == filters.status)
    if filters.unit_id is not None:
        where.append(Submission.unit_id == filters.unit_id)
    entries = list(
        await session.scalars(
            select(Submission)
            .where(*where)
            .order_by(Submission.sequence, Submission.id)
            .options(selectinload(Submission.unit))
        )
    )
    stages: dict[int, Any] = dict(
        (
            await session.execute(
                select(Answer.submission_id, Answer.value).where(
                    Answer.field_key == STAGE_FIELD,
                    Answer.submission_id.in_([entry.id for entry in entries]),
                )
            )
        ).all()
    )
    needle = filters.query.strip().casefold()
    rows = []
    for entry in entries:
        stage = stages.get(entry.id)
        if filters.stage and stage != filters.stage:
            continue
        haystack = " ".join(
            (entry.number or "", entry.title or "", entry.unit.name, entry.unit.code)
        ).casefold()
        if needle and needle not in haystack:
            continue
        rows.append(EntryRow(entry, stage if isinstance(stage, str) else None))
    return rows


@dataclass(frozen=True)
class HistoryLine:
    """One event of an entry's history as people read it: ``action`` is the audit code
    (``submission.returned``, ``score.set``…), ``status`` the new status of a status change,
    ``actor`` the person's name (the judge's name, else their Telegram first name)."""

    at: datetime
    action: str
    status: SubmissionStatus | None
    actor: str | None
    note: str | None
    subject: Any = None
    """What a validation or a score was about: the indicator ("3. Dukungan anggaran") or the
    criterion's label (a config text), with ``value`` its level or score (QA #28: forty
    rows read the same)."""
    value: float | None = None


async def entry_history(session: AsyncSession, submission_id: int) -> list[HistoryLine]:
    """The audit entries about the entry: status changes, validations, scores and reviews,
    newest first (at most :data:`HISTORY_LIMIT`), with the actors' names."""
    key = str(submission_id)
    entries = list(
        await session.scalars(
            select(AuditEntry)
            .where(
                or_(
                    (AuditEntry.entity == "submission") & (AuditEntry.entity_id == key),
                    (AuditEntry.entity == "self_assessment")
                    & AuditEntry.entity_id.startswith(f"{key}:"),
                    (AuditEntry.entity == "score") & AuditEntry.entity_id.contains(f":{key}:"),
                    (AuditEntry.entity == "judge_review")
                    & AuditEntry.entity_id.endswith(f":{key}"),
                )
            )
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .limit(HISTORY_LIMIT)
        )
    )
    actor_ids = {entry.actor_id for entry in entries if entry.actor_id is not None}
    names: dict[int, str] = {}
    if actor_ids:
        rows = await session.execute(select(Chat.id, Chat.first_name).where(Chat.id.in_(actor_ids)))
        names.update({chat_id: name for chat_id, name in rows if name})
        rows = await session.execute(
            select(Judge.user_id, Judge.name).where(Judge.user_id.in_(actor_ids))
        )
        names.update({user_id: name for user_id, name in rows if name})
    statuses = {status.value: status for status in SubmissionStatus}
    subjects = await _history_subjects(session, submission_id)
    return [
        HistoryLine(
            at=entry.at,
            action=entry.action,
            status=statuses.get(entry.action.removeprefix("submission."))
            if entry.action.startswith("submission.")
            else None,
            actor=names.get(entry.actor_id) if entry.actor_id is not None else None,
            note=str(entry.after["note"]) if entry.after and entry.after.get("note") else None,
            **_subject_of(entry, subjects),
        )
        for entry in entries
    ]


async def _history_subjects(session: AsyncSession, submission_id: int) -> dict[str, Any]:
    """The names of what the entry's validations and scores are about, by the audit's keys:
    ``indicator:<key>`` ("3. Dukungan anggaran") and ``criterion:<key>`` (its label)."""
    edition_id = await session.scalar(
        select(Submission.edition_id).where(Submission.id == submission_id)
    )
    if edition_id is None:
        return {}
    edition = await session.get_one(Edition, edition_id)
    subjects: dict[str, Any] = {
        f"indicator:{indicator.key}": f"{indicator.number}. {indicator.name}"
        for indicator in await indicators_of(session, edition_id)
    }
    subjects.update({f"criterion:{criterion.key}": criterion.name for criterion in rubric(edition)})
    return subjects


def _subject_of(entry: AuditEntry, subjects: dict[str, Any]) -> dict[str, Any]:
    """A validation's indicator and level, or a score's criterion and value; else nothing."""
    after = entry.after or {}
    key = (entry.entity_id or "").rsplit(":", 1)[-1]
    if entry.action == "assessment.validate":
        return {
            "subject": subjects.get(f"indicator:{key}", key),
            "value": after.get("validated_level"),
        }
    if entry.action == "score.set":
        return {"subject": subjects.get(f"criterion:{key}", key), "value": after.get("value")}
    return {}


@dataclass(frozen=True)
class JudgeProgress:
    """One judge's work: per assigned entry, criteria scored of the rubric's and whether
    the scoring was submitted."""

    judge: Judge
    entries: list[tuple[Submission, int, int, bool]]

    @property
    def submitted(self) -> int:
        """Entries submitted."""
        return sum(1 for *_, done in self.entries if done)


async def judging_progress(session: AsyncSession, edition: Edition) -> list[JudgeProgress]:
    """Every judge of the edition with their assigned entries' progress, by judge name."""
    judges = await list_judges(session, edition.id)
    reviews = await reviews_of_edition(session, [judge.id for judge in judges])
    submitted = {(r.judge_id, r.submission_id) for r in reviews if r.submitted_at is not None}
    result = []
    for judge in judges:
        lines = [
            (line.submission, line.scored, line.total, (judge.id, line.submission.id) in submitted)
            for line in await progress(session, judge)
        ]
        result.append(JudgeProgress(judge, lines))
    return result


async def unvalidated_indicators(
    session: AsyncSession, edition_id: int, submission_ids: list[int]
) -> dict[int, int]:
    """Per entry, how many of the edition's indicators have no validated level (each counts
    0 in the self-assessment score)."""
    total = len(await indicators_of(session, edition_id))
    validated = Counter(
        await session.scalars(
            select(SelfAssessment.submission_id).where(
                SelfAssessment.submission_id.in_(submission_ids),
                SelfAssessment.validated_level.is_not(None),
            )
        )
    )
    return {submission_id: total - validated[submission_id] for submission_id in submission_ids}
