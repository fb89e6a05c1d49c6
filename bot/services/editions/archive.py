"""The archive of past editions (``/arsip``): each with its winners and results report.

Who may see an edition's results is decided in one place,
:func:`bot.services.judging.results.visible_awards` (public once announced, admins before).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.core.events import current_edition_id
from bot.services.judging.results import results_visible
from bot.storage.models import Edition, Event


async def archived_editions(session: AsyncSession) -> list[Edition]:
    """Every edition before the current one (the latest by year), latest first."""
    current = await current_edition_id(session)
    return list(
        await session.scalars(
            select(Edition)
            .where(Edition.id != (current or 0))
            .order_by(Edition.year.desc(), Edition.id.desc())
        )
    )


async def listed_editions(session: AsyncSession, now: datetime) -> list[Edition]:
    """The editions ``/arsip`` offers, latest first: every previous edition, and the current
    one once its winners are announced at ``now`` (aware), so a city's first year is in the
    archive as soon as its results are public."""
    current = await current_edition_id(session)
    editions = await session.scalars(
        select(Edition).order_by(Edition.year.desc(), Edition.id.desc())
    )
    return [e for e in editions if e.id != current or results_visible(e, now)]


async def edition_of_year(session: AsyncSession, year: int) -> Edition | None:
    """The edition of ``year`` (there is one per year: the import refuses a second), with
    its units, indicators and awards loaded; None if there is none."""
    return await session.scalar(
        select(Edition)
        .where(Edition.year == year)
        .order_by(Edition.id.desc())
        .limit(1)
        .options(
            selectinload(Edition.units),
            selectinload(Edition.indicators),
            selectinload(Edition.awards),
        )
    )


async def award_event_of(session: AsyncSession, edition: Edition) -> Event | None:
    """The award event of ``edition`` (the one of its event file), or None."""
    return await session.scalar(
        select(Event).where(Event.edition_id == edition.id).order_by(Event.id).limit(1)
    )
