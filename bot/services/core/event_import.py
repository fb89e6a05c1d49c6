"""Loading a validated event file into the database, idempotently.

Rows are matched by their stable keys (edition code, event slug, speaker and agenda keys, unit
codes, indicator keys, result ranks): importing the same file twice changes nothing; importing
an edited file updates rows in place. Agenda items that disappeared from the file are kept and
marked cancelled, so people who starred them can be told.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.core.event_file import EventFile
from bot.services.shared.cache_versions import bump_event
from bot.storage.models import (
    AgendaItem,
    Award,
    Edition,
    Event,
    Indicator,
    Invitation,
    Speaker,
    Unit,
    Venue,
)


@dataclass(frozen=True)
class AgendaSnapshot:
    """What an attendee sees of an agenda item, to compare before and after an import."""

    key: str
    title: str
    starts_at: datetime
    ends_at: datetime
    room: str | None
    speakers: tuple[str, ...]
    cancelled: bool


@dataclass(frozen=True)
class AgendaChange:
    """One agenda item that changed: ``before`` is None for a new item."""

    agenda_item_id: int
    before: AgendaSnapshot | None
    after: AgendaSnapshot


@dataclass
class ImportReport:
    """The outcome of an import.

    Attributes:
        event_id: The event's row id.
        edition_id: The edition's row id.
        created: Number of rows inserted.
        updated: Number of rows whose values changed.
        agenda_changes: Agenda items added, changed or cancelled (for schedule-change news).
    """

    event_id: int
    edition_id: int
    created: int = 0
    updated: int = 0
    agenda_changes: list[AgendaChange] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the import wrote anything."""
        return bool(self.created or self.updated)


def _snapshot(item: AgendaItem) -> AgendaSnapshot:
    return AgendaSnapshot(
        key=item.key,
        title=item.title,
        starts_at=item.starts_at,
        ends_at=item.ends_at,
        room=item.room,
        speakers=tuple(speaker.name for speaker in item.speakers),
        cancelled=item.cancelled,
    )


class _Writer:
    """Applies values to rows and counts what really changed."""

    def __init__(self, session: AsyncSession, report: ImportReport) -> None:
        self.session = session
        self.report = report

    def assign(self, row: Any, **values: Any) -> bool:
        changed = False
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
                changed = True
        if changed:
            self.report.updated += 1
        return changed

    def add(self, row: Any) -> Any:
        self.session.add(row)
        self.report.created += 1
        return row


async def import_event_file(session: AsyncSession, spec: EventFile) -> ImportReport:
    """Write ``spec`` into the database within the caller's transaction.

    Args:
        session: An open session; the caller commits (or rolls back).
        spec: A validated event file.

    Returns:
        What was created and updated, with the agenda changes.
    """
    report = ImportReport(event_id=0, edition_id=0)
    writer = _Writer(session, report)
    edition = await _import_edition(writer, spec)
    report.edition_id = edition.id
    event = await session.scalar(
        select(Event)
        .where(Event.slug == spec.event.slug)
        .options(
            selectinload(Event.venue),
            selectinload(Event.speakers),
            selectinload(Event.agenda).selectinload(AgendaItem.speakers),
        )
    )
    ev = spec.event
    values = dict(
        edition_id=edition.id,
        title=ev.title,
        short_title=ev.short_title,
        organiser=ev.organiser,
        timezone=ev.timezone,
        starts_on=ev.date,
        ends_on=ev.end_date or ev.date,
        questions=ev.questions.model_dump(),
        evaluation=ev.evaluation.model_dump() if ev.evaluation else None,
        description=ev.description,
        participants=list(ev.participants),
        legal_basis=list(ev.legal_basis),
        faq=[item.model_dump() for item in ev.faq],
        reminder_offsets=[item.model_dump() for item in ev.reminders],
        star_reminder_minutes=ev.star_reminder_minutes,
        attendance=ev.attendance.model_dump(mode="json", exclude={"invitees", "unit_roles"}),
        certificates=ev.certificates.model_dump(mode="json") if ev.certificates else None,
    )
    if event is None:
        event = writer.add(Event(slug=ev.slug, **values))
        event.venue = None
        event.speakers = []
        event.agenda = []
        await session.flush()
    else:
        writer.assign(event, **values)
    report.event_id = event.id

    venue_values = dict(
        name=ev.venue.name,
        city=ev.venue.city,
        address=ev.venue.address,
        latitude=ev.venue.latitude,
        longitude=ev.venue.longitude,
        is_example=ev.venue.example,
    )
    if event.venue is None:
        event.venue = writer.add(Venue(event_id=event.id, **venue_values))
    else:
        writer.assign(event.venue, **venue_values)

    speakers = {speaker.key: speaker for speaker in event.speakers}
    for spec_speaker in ev.speakers:
        values = dict(
            name=spec_speaker.name, institution=spec_speaker.institution, role=spec_speaker.role
        )
        if spec_speaker.key in speakers:
            writer.assign(speakers[spec_speaker.key], **values)
        else:
            speakers[spec_speaker.key] = writer.add(
                Speaker(event_id=event.id, key=spec_speaker.key, **values)
            )
    await session.flush()

    items = {item.key: item for item in event.agenda}
    before = {key: _snapshot(item) for key, item in items.items()}
    seen: set[str] = set()
    for spec_item in ev.agenda:
        seen.add(spec_item.key)
        values = dict(
            title=spec_item.title,
            description=spec_item.description,
            room=spec_item.room,
            starts_at=ev.instant(spec_item.start),
            ends_at=ev.instant(spec_item.end),
            is_example_time=spec_item.example_time,
            cancelled=False,
        )
        wanted = [speakers[key] for key in spec_item.speakers]
        item = items.get(spec_item.key)
        if item is None:
            item = writer.add(AgendaItem(event_id=event.id, key=spec_item.key, **values))
            item.speakers = wanted
            items[spec_item.key] = item
        else:
            changed = writer.assign(item, **values)
            if [s.key for s in item.speakers] != [s.key for s in wanted]:
                item.speakers = wanted
                report.updated += 0 if changed else 1
    for key, item in items.items():
        if key not in seen and not item.cancelled:
            writer.assign(item, cancelled=True)
    await session.flush()
    for key, item in items.items():
        after = _snapshot(item)
        if before.get(key) != after:
            report.agenda_changes.append(AgendaChange(item.id, before.get(key), after))
    await _import_invitations(writer, event.id, edition.id, spec)
    await bump_event(session)
    return report


async def _import_invitations(
    writer: _Writer, event_id: int, edition_id: int, spec: EventFile
) -> None:
    """The invitations of the ``attendance`` section: ``unit_roles`` of every unit, then the
    named invitees (filling a unit's role or adding a narasumber or guest). Invitations no
    longer in the file are marked withdrawn (their answers and check-ins stay)."""
    session = writer.session
    attendance = spec.event.attendance
    units = {
        unit.code: unit.id
        for unit in await session.scalars(select(Unit).where(Unit.edition_id == edition_id))
    }
    wanted: dict[str, dict[str, Any]] = {}
    for unit in spec.edition.units:
        for role in attendance.unit_roles:
            key = f"{unit.code}-{role}".lower().replace("_", "-")
            wanted[key] = dict(role=role, unit_id=units[unit.code], institution=None,
                               name=None, nip=None, jabatan=None, user_id=None)  # fmt: skip
    for invitee in attendance.invitees:
        wanted[invitee.stable_key] = dict(
            role=invitee.role,
            unit_id=units[invitee.unit] if invitee.unit else None,
            institution=invitee.institution,
            name=invitee.name,
            nip=invitee.nip,
            jabatan=invitee.jabatan,
            user_id=invitee.telegram_id,
        )
    existing = {
        row.key: row
        for row in await session.scalars(select(Invitation).where(Invitation.event_id == event_id))
    }
    for key, values in wanted.items():
        row = existing.get(key)
        if row is None:
            writer.add(Invitation(event_id=event_id, key=key, withdrawn=False, **values))
        else:
            writer.assign(row, withdrawn=False, **values)
    for key, row in existing.items():
        if key not in wanted and not row.withdrawn:
            writer.assign(row, withdrawn=True)
    await session.flush()


async def _import_edition(writer: _Writer, spec: EventFile) -> Edition:
    session = writer.session
    ed = spec.edition
    edition = await session.scalar(
        select(Edition)
        .where(Edition.code == ed.code)
        .options(
            selectinload(Edition.units),
            selectinload(Edition.indicators),
            selectinload(Edition.awards),
        )
    )
    config = ed.model_dump(
        mode="json",
        include={"form", "self_assessment", "rubric", "final_score", "rank_titles",
                 "deadline_reminder_days", "number_prefix", "results_announce_at",
                 "signatory", "returning"},
    )  # fmt: skip
    values = dict(
        year=ed.year,
        name=ed.name,
        entries_open_at=ed.entries_open,
        entries_close_at=ed.entries_close,
        results_announce_at=ed.results_announce_at,
        config=config,
    )
    if edition is not None and (edition.config or {}).get("results_announce_at") == config.get(
        "results_announce_at"
    ):
        # The file's announcement time did not change: keep the one the committee may have
        # moved in the bot (/umumkan_pada). A new time in the file wins.
        del values["results_announce_at"]
    if edition is None:
        edition = writer.add(Edition(code=ed.code, **values))
        edition.units, edition.indicators, edition.awards = [], [], []
        await session.flush()
    else:
        writer.assign(edition, **values)

    units = {unit.code: unit for unit in edition.units}
    for spec_unit in ed.units:
        if spec_unit.code in units:
            writer.assign(units[spec_unit.code], name=spec_unit.name, kind=spec_unit.kind)
        else:
            units[spec_unit.code] = writer.add(
                Unit(
                    edition_id=edition.id,
                    code=spec_unit.code,
                    name=spec_unit.name,
                    kind=spec_unit.kind,
                )
            )
    indicators = {indicator.key: indicator for indicator in edition.indicators}
    for spec_indicator in ed.indicators:
        values = dict(
            number=spec_indicator.number,
            name=spec_indicator.name,
            weight=spec_indicator.weight,
            mandatory=spec_indicator.mandatory,
            evidence=spec_indicator.evidence,
            levels=[level.model_dump() for level in spec_indicator.levels],
        )
        if spec_indicator.key in indicators:
            writer.assign(indicators[spec_indicator.key], **values)
        else:
            writer.add(Indicator(edition_id=edition.id, key=spec_indicator.key, **values))
    await session.flush()

    awards = {award.rank: award for award in edition.awards}
    for result in ed.results:
        values = dict(
            title=result.title, unit_id=units[result.unit].id, innovation=result.innovation
        )
        if result.rank in awards:
            writer.assign(awards[result.rank], **values)
        else:
            writer.add(Award(edition_id=edition.id, rank=result.rank, **values))
    await session.flush()
    return edition
