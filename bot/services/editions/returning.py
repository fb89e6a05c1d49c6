"""Returning innovations: an innovation entered in a past edition comes back (tried out one
year, applied the next).

An officer starting an entry sees the unit's entries of past editions (:func:`past_entries`:
the unit's own and those of the units it continues, the event file's ``continues``) and may
begin from one (:func:`start_from`): the answers the new form still asks are copied into a
new draft with the self-assessment of the indicators the edition still has (by key), the
documents are linked (new rows naming the same stored file), and a choice the edition's file
moves forward is moved (``returning.advance``, e.g. the stage uji coba →
penerapan). The committee sees where an entry comes from and whether it won
(:func:`origin_of`); with the city's "not entered before" rule (``returning.
not_entered_before``) that is a warning the committee decides on, never a refusal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.core.event_file import FormFieldSpec
from bot.services.core.event_view import EditionView
from bot.services.entries.cursor import AtSummary
from bot.services.entries.form import form_fields
from bot.services.entries.submissions import INDICATOR_SLOT, set_cursor, start_entry
from bot.storage.models import (
    Answer,
    Attachment,
    Award,
    Edition,
    EntryOrigin,
    Indicator,
    Officer,
    SelfAssessment,
    Submission,
    SubmissionStatus,
    Unit,
)

S = SubmissionStatus
NOT_ENTERED = (S.DRAFT, S.WITHDRAWN)
"""Statuses of a past entry that was never really entered (it is not offered again)."""

MAX_YEARS_BACK = 10
"""How many editions back a unit's line is followed."""


class NotAPastEntry(Exception):
    """The entry is not one of the unit's past entries (forged or another unit's)."""


@dataclass(frozen=True)
class PastEntry:
    """An entry of a past edition the unit may begin from.

    Attributes:
        submission: The entry (answers and attachments loaded).
        year: Its edition's year.
        award: Its award title ("Juara I") when it won, else None.
    """

    submission: Submission
    year: int
    award: str | None


@dataclass(frozen=True)
class Origin:
    """Where a returning entry comes from, for the committee.

    Attributes:
        number: The past entry's number (IGA-2022-003) or None.
        title: Its title.
        year: Its edition's year.
        award: Its award title when it won, else None.
        rule: Whether the edition's "not entered before" rule applies (a warning).
    """

    number: str | None
    title: str | None
    year: int
    award: str | None
    rule: bool


async def _earlier_units(session: AsyncSession, unit: Unit) -> list[Unit]:
    """The units of earlier editions in ``unit``'s line, nearest edition first."""
    found: list[Unit] = []
    current = [unit]
    for _ in range(MAX_YEARS_BACK):
        year = await session.scalar(select(Edition.year).where(Edition.id == current[0].edition_id))
        previous = await session.scalar(
            select(Edition).where(Edition.year < year).order_by(Edition.year.desc()).limit(1)
        )
        if previous is None:
            break
        codes = {code for u in current for code in (u.predecessors or [u.code])}
        current = list(
            await session.scalars(
                select(Unit).where(Unit.edition_id == previous.id, Unit.code.in_(codes))
            )
        )
        if not current:
            break
        found += current
    return found


async def _award_titles(session: AsyncSession, entries: Sequence[Submission]) -> dict[int, str]:
    """Award titles of ``entries``: by the award's entry, or (results imported from a past
    event file name no entry) by the unit and the innovation's name."""
    if not entries:
        return {}
    awards = list(
        await session.scalars(
            select(Award).where(
                or_(
                    Award.submission_id.in_([e.id for e in entries]),
                    Award.unit_id.in_([e.unit_id for e in entries]),
                )
            )
        )
    )
    titles: dict[int, str] = {}
    for entry in entries:
        for award in awards:
            same_name = (
                award.submission_id is None
                and award.unit_id == entry.unit_id
                and (entry.title or "").strip().casefold() == award.innovation.strip().casefold()
            )
            if award.submission_id == entry.id or same_name:
                titles[entry.id] = award.title
    return titles


async def past_entries(session: AsyncSession, units: Sequence[Unit]) -> list[PastEntry]:
    """The entries of past editions of ``units``' lines (entered: not drafts or withdrawn),
    latest first, with their year and award."""
    earlier: list[Unit] = []
    for unit in units:
        earlier += await _earlier_units(session, unit)
    if not earlier:
        return []
    entries = list(
        await session.scalars(
            select(Submission)
            .where(
                Submission.unit_id.in_([u.id for u in earlier]),
                Submission.status.not_in(NOT_ENTERED),
            )
            .order_by(Submission.edition_id.desc(), Submission.id)
        )
    )
    years = {row.id: row.year for row in await session.execute(select(Edition.id, Edition.year))}
    awards = await _award_titles(session, entries)
    return [PastEntry(e, years[e.edition_id], awards.get(e.id)) for e in entries]


def _advanced(edition: EditionView, key: str, value: Any) -> Any:
    moves = ((edition.config.get("returning") or {}).get("advance") or {}).get(key) or {}
    if isinstance(value, str):
        return moves.get(value, value)
    if isinstance(value, list):
        return [moves.get(item, item) if isinstance(item, str) else item for item in value]
    return value


def _fits(spec: FormFieldSpec, value: Any) -> bool:
    """Whether a copied answer is still a valid answer of the new form's field (a choice
    still offered)."""
    allowed = {choice.value for choice in spec.choices}
    if spec.kind == "single_choice":
        return value in allowed
    if spec.kind == "multiple_choice":
        return isinstance(value, list) and all(item in allowed for item in value)
    return True


async def start_from(
    session: AsyncSession, officer: Officer, edition: EditionView, past_id: int, now: datetime
) -> Submission:
    """A new draft of the officer's unit begun from the past entry ``past_id``.

    Copies the answers of the fields the new form still has (same key and kind, a choice
    still offered, moved forward as ``returning.advance`` says), links the documents of
    those fields, and records the origin (:class:`~bot.storage.models.EntryOrigin`). The
    draft opens for the officer as :func:`bot.services.entries.submissions.start_entry`
    opens a new one, at its summary.

    Raises:
        NotAPastEntry: ``past_id`` is not an entry of the unit's line in a past edition.
        EntryError: Entries are not open for the unit now.
        EditionClosed: The edition is closed.
    """
    await session.refresh(officer, ["unit"])
    offered = {p.submission.id: p for p in await past_entries(session, [officer.unit])}
    if past_id not in offered:
        raise NotAPastEntry(past_id)
    past = await session.scalar(
        select(Submission)
        .where(Submission.id == past_id)
        .options(
            selectinload(Submission.answers),
            selectinload(Submission.attachments),
            selectinload(Submission.assessments).selectinload(SelfAssessment.indicator),
        )
    )
    assert past is not None  # offered above
    submission = await start_entry(session, officer, edition, now)
    fields = {spec.key: spec for spec in form_fields(edition.config)}
    indicators = {
        indicator.key: indicator
        for indicator in await session.scalars(
            select(Indicator).where(Indicator.edition_id == edition.id)
        )
    }
    slots = {f"{INDICATOR_SLOT}{key}"[:64] for key in indicators}  # evidence_key's slots
    linked: dict[int, Attachment] = {}
    for attachment in past.attachments:
        spec = fields.get(attachment.field_key)
        if (spec is None or spec.kind != "file") and attachment.field_key not in slots:
            continue
        copy = Attachment(
            submission_id=submission.id,
            field_key=attachment.field_key,
            file_id=attachment.file_id,
            file_unique_id=attachment.file_unique_id,
            file_name=attachment.file_name,
            mime_type=attachment.mime_type,
            size_bytes=attachment.size_bytes,
            created_at=now,
            state=attachment.state,
            sha256=attachment.sha256,
            attempts=attachment.attempts,
            next_attempt_at=attachment.next_attempt_at,
            stored_at=attachment.stored_at,
        )
        submission.attachments.append(copy)
        linked[attachment.id] = copy
    await session.flush()
    for answer in past.answers:
        spec = fields.get(answer.field_key)
        if spec is None:
            continue
        value = answer.value
        if spec.kind == "file":
            given = value if isinstance(value, dict) else {}
            items = given.get("files") or ([given] if "attachment_id" in given else [])
            files = [
                {
                    "attachment_id": linked[item["attachment_id"]].id,
                    "file_name": item.get("file_name"),
                }
                for item in items
                if item.get("attachment_id") in linked
            ]
            if not files:
                continue
            value = {"files": files}
        else:
            value = _advanced(edition, spec.key, value)
            if not _fits(spec, value):
                continue
        submission.answers.append(
            Answer(submission_id=submission.id, field_key=spec.key, value=value, updated_at=now)
        )
    for assessment in past.assessments:  # the self-assessment, by indicator key
        indicator = indicators.get(assessment.indicator.key)
        if indicator is None:
            continue
        evidence = linked.get(assessment.attachment_id) if assessment.attachment_id else None
        submission.assessments.append(
            SelfAssessment(
                submission_id=submission.id,
                indicator_id=indicator.id,
                level=assessment.level,
                evidence_url=assessment.evidence_url,
                attachment_id=evidence.id if evidence else None,
                updated_at=now,
            )
        )
    if past.title:
        submission.title = past.title
    session.add(EntryOrigin(submission_id=submission.id, previous_id=past.id, created_at=now))
    set_cursor(submission, AtSummary(), now)  # the officer reviews the copy from its summary
    await session.flush()
    return submission


async def origin_of(session: AsyncSession, submission: Submission) -> Origin | None:
    """Where ``submission`` comes from when it returns from a past edition, else None."""
    previous_id = await session.scalar(
        select(EntryOrigin.previous_id).where(EntryOrigin.submission_id == submission.id)
    )
    if previous_id is None:
        return None
    past = await session.get(Submission, previous_id)
    if past is None:
        return None
    year = await session.scalar(select(Edition.year).where(Edition.id == past.edition_id))
    award = (await _award_titles(session, [past])).get(past.id)
    config = await session.scalar(select(Edition.config).where(Edition.id == submission.edition_id))
    rule = bool(((config or {}).get("returning") or {}).get("not_entered_before"))
    return Origin(past.number, past.title, int(year or 0), award, rule)
