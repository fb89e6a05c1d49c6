"""Reading the loaded event and edition."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.core.event_file import FormFieldSpec
from bot.services.entries.form import form_fields
from bot.storage.models import AgendaItem, Edition, Event, Unit


async def current_event(session: AsyncSession) -> Event | None:
    """The event the bot serves: the latest by date, with venue, speakers, agenda and edition.

    Returns:
        The event, or None when no event file was imported yet.
    """
    return await session.scalar(
        select(Event)
        .order_by(Event.starts_on.desc(), Event.id.desc())
        .limit(1)
        .options(
            selectinload(Event.venue),
            selectinload(Event.speakers),
            selectinload(Event.agenda).selectinload(AgendaItem.speakers),
            selectinload(Event.edition).selectinload(Edition.awards),
        )
    )


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


async def current_edition_id(session: AsyncSession) -> int | None:
    """The id of :func:`current_edition` without loading it (one query; for role checks)."""
    edition_id = await session.scalar(
        select(Event.edition_id).order_by(Event.starts_on.desc(), Event.id.desc()).limit(1)
    )
    if edition_id is not None:
        return edition_id
    return await session.scalar(select(Edition.id).order_by(Edition.year.desc()).limit(1))


async def _current_edition_code(session: AsyncSession) -> str | None:
    code = await session.scalar(
        select(Edition.code)
        .select_from(Event)
        .outerjoin(Edition, Event.edition_id == Edition.id)
        .order_by(Event.starts_on.desc(), Event.id.desc())
        .limit(1)
    )
    if code is not None:
        return code
    return await session.scalar(select(Edition.code).order_by(Edition.year.desc()).limit(1))


async def current_edition(session: AsyncSession) -> Edition | None:
    """The edition of the current event, or the latest edition if no event names one.

    Reads only the current event's edition code, not the event with its agenda.
    """
    code = await _current_edition_code(session)
    return await edition_by_code(session, code) if code else None


@dataclass(frozen=True)
class EditionForm:
    """The current edition as the entry form reads it (see :func:`edition_form`).

    Attributes:
        edition: The edition with its indicators loaded; its units and awards are not
            loaded (reading them raises ``DetachedInstanceError`` once the session is closed).
        fields: The form's fields parsed from ``edition.config`` (:func:`form_fields`).
    """

    edition: Edition
    fields: list[FormFieldSpec]


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
    return EditionForm(edition, form_fields(edition.config))


async def unit_by_code(session: AsyncSession, edition: Edition, code: str) -> Unit | None:
    """The unit of ``edition`` with ``code`` (case-insensitive, e.g. ``dinsos``), or None."""
    return await session.scalar(
        select(Unit).where(Unit.edition_id == edition.id, Unit.code == code.upper())
    )


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
