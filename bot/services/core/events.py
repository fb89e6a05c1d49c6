"""Reading the loaded event and edition."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.core.event_view import EditionForm, EventView, edition_view, view_of
from bot.services.entries.form import form_fields
from bot.storage.models import AgendaItem, Edition, Event, Unit


def _event_options() -> list[Any]:
    return [
        selectinload(Event.venue),
        selectinload(Event.speakers),
        selectinload(Event.agenda).selectinload(AgendaItem.speakers),
        selectinload(Event.edition).selectinload(Edition.awards),
    ]


def _local_day(now: datetime, zone: str) -> date:
    try:
        return now.astimezone(ZoneInfo(zone)).date()
    except (ZoneInfoNotFoundError, ValueError):
        return now.date()


def last_day_end(event: Event | EventView) -> datetime:
    """Midnight after the event's last day (``ends_on``) in its time zone (aware): nothing of
    the event is on from then (questions to the narasumber, for one)."""
    return datetime.combine(
        event.ends_on + timedelta(days=1), time(0), tzinfo=ZoneInfo(event.timezone)
    )


async def current_event(session: AsyncSession, now: datetime | None = None) -> Event | None:
    """The award event the bot serves to attendees, with venue, speakers, agenda and edition.

    Two editions may run at once (issue 19): last year's award event still ahead while the
    next edition's entries are open. The event that is on is the earliest one not over yet
    at ``now`` (its last day, in its time zone, not past); when every event is over, or
    without ``now``, the latest by date.

    Returns:
        The event, or None when no event file was imported yet.
    """
    if now is not None:
        # one row per edition: pick in Python, each event's last day in its own time zone
        rows = (
            await session.execute(
                select(Event.id, Event.ends_on, Event.timezone).order_by(Event.starts_on, Event.id)
            )
        ).all()
        on = next((row.id for row in rows if row.ends_on >= _local_day(now, row.timezone)), None)
        if on is not None:
            return await session.scalar(
                select(Event).where(Event.id == on).options(*_event_options())
            )
    return await session.scalar(
        select(Event)
        .order_by(Event.starts_on.desc(), Event.id.desc())
        .limit(1)
        .options(*_event_options())
    )


async def current_event_view(
    session: AsyncSession, now: datetime | None = None
) -> EventView | None:
    """:func:`current_event` as a frozen value (:func:`bot.services.core.event_view.view_of`),
    made in ``session``: what :meth:`bot.runtime.Runtime.event` caches."""
    event = await current_event(session, now)
    return None if event is None else view_of(event)


async def award_edition(session: AsyncSession, now: datetime) -> Edition | None:
    """The edition whose award event is on (:func:`current_event` at ``now``): the one whose
    winners are awaited or shown; the current edition when no event names one."""
    event = await current_event(session, now)
    if event is not None and event.edition is not None:
        return await edition_by_code(session, event.edition.code)
    return await current_edition(session)


async def edition_by_code(session: AsyncSession, code: str) -> Edition | None:
    """The edition with ``code`` (e.g. ``iga-2022``), with its units, indicators and awards."""
    return await session.scalar(
        select(Edition)
        .where(Edition.code == code)
        .options(
            selectinload(Edition.units),
            selectinload(Edition.indicators),
            selectinload(Edition.awards),
        )
    )


async def all_editions(session: AsyncSession) -> list[Edition]:
    """Every edition, newest first (the committee's edition chooser in the workspace)."""
    newest_first = select(Edition).order_by(Edition.year.desc(), Edition.id.desc())
    return list(await session.scalars(newest_first))


async def current_edition_id(session: AsyncSession) -> int | None:
    """The id of :func:`current_edition` without loading it (one query; for role checks)."""
    return await session.scalar(
        select(Edition.id).order_by(Edition.year.desc(), Edition.id.desc()).limit(1)
    )


async def _current_edition_code(session: AsyncSession) -> str | None:
    return await session.scalar(
        select(Edition.code).order_by(Edition.year.desc(), Edition.id.desc()).limit(1)
    )


async def current_edition(session: AsyncSession) -> Edition | None:
    """The current edition for entries: the latest by year. Entries, judging, results and
    the committee's work are of this edition; an earlier one is closed once it is imported
    (:mod:`bot.services.core.edition_guard`). The award event that is on may still be of the
    previous edition (:func:`award_edition`).
    """
    code = await _current_edition_code(session)
    return await edition_by_code(session, code) if code else None


async def edition_form(session: AsyncSession) -> EditionForm | None:
    """The current edition (as :func:`current_edition`) with what filling in an entry reads:
    the form, the deadlines, the indicators of the self-assessment. Two or three queries;
    :meth:`bot.runtime.Runtime.edition_form` keeps the result per process.

    Only an event import changes these; the results' times and the awards, which the
    committee changes at run time, are not part of it.

    Returns:
        The edition and its parsed form, or None when no edition was imported yet.
    """
    code = await _current_edition_code(session)
    if code is None:
        return None
    edition = await session.scalar(
        select(Edition).where(Edition.code == code).options(selectinload(Edition.indicators))
    )
    if edition is None:  # deleted between the two reads
        return None
    return EditionForm(edition_view(edition, indicators=True), tuple(form_fields(edition.config)))


async def unit_by_code(session: AsyncSession, edition: Edition, code: str) -> Unit | None:
    """The unit of ``edition`` with ``code`` (case-insensitive, e.g. ``dinsos``), or None."""
    return await session.scalar(
        select(Unit).where(Unit.edition_id == edition.id, Unit.code == code.upper())
    )


async def event_by_id(session: AsyncSession, event_id: int) -> Event | None:
    """The event ``event_id`` loaded as :func:`current_event` loads it (venue, speakers,
    agenda, edition and its awards), or None: for a button that names its event."""
    return await session.scalar(
        select(Event).where(Event.id == event_id).options(*_event_options())
    )


async def event_view_by_id(session: AsyncSession, event_id: int) -> EventView | None:
    """:func:`event_by_id` as a frozen value, for code that reads an event it names by id."""
    event = await event_by_id(session, event_id)
    return None if event is None else view_of(event)


async def event_with_venue(session: AsyncSession, event_id: int) -> Event | None:
    """The event ``event_id`` with its agenda and venue loaded."""
    return await session.scalar(
        select(Event)
        .where(Event.id == event_id)
        .options(selectinload(Event.agenda), selectinload(Event.venue))
    )


async def agenda_item_with_venue(session: AsyncSession, item_id: int) -> AgendaItem | None:
    """The agenda item ``item_id`` with its event and the event's venue loaded."""
    return await session.scalar(
        select(AgendaItem)
        .where(AgendaItem.id == item_id)
        .options(selectinload(AgendaItem.event).selectinload(Event.venue))
    )
