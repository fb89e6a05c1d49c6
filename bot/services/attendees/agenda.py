"""The agenda in time: what is on now, what comes next, days, whether the event is over.

Pure functions over the event's frozen value (:class:`~bot.services.core.event_view.EventView`:
its agenda by start and the items' speakers, see :meth:`bot.runtime.Runtime.event`), plus the
one query that loads a single agenda item. "Now" is always a parameter (an aware datetime).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.core.event_view import AgendaItemView, EventView, SpeakerView, agenda_item_view
from bot.services.core.events import last_day_end
from bot.storage.models import AgendaItem


def join_place(*parts: str | None) -> str:
    """Parts of a place joined with commas, each named once: a part already contained, as
    whole words, in another part is left out ("Ballroom Lelly" + "Ballroom Lelly, Hotel Puri
    Perdana" → "Ballroom Lelly, Hotel Puri Perdana"; a city already in the address likewise).

    Args:
        parts: Room, venue name, address, city… in order; empty ones are skipped.

    Returns:
        The place, e.g. "Ballroom Lelly, Hotel Puri Perdana, Jl. Ahmad Yani, Kota Blitar", or
        "" when every part is empty.
    """
    kept = [part.strip() for part in parts if part and part.strip()]
    place: list[str] = []
    for index, part in enumerate(kept):
        words = re.compile(rf"(?<!\w){re.escape(part)}(?!\w)", re.IGNORECASE)
        repeated = any(
            words.search(other) and (len(other) > len(part) or other_index < index)
            for other_index, other in enumerate(kept)
            if other_index != index
        )
        if not repeated:
            place.append(part)
    return ", ".join(place)


def own_institution(name: str, institution: str | None) -> str:
    """A speaker's institution as shown next to their name: "" when the name already says it
    ("Narasumber Kementerian Dalam Negeri" of "Kementerian Dalam Negeri"), so it is not
    written twice (:func:`join_place`'s rule)."""
    if not institution or join_place(name, institution) == name.strip():
        return ""
    return institution


def event_zone(event: EventView) -> ZoneInfo:
    """The event's time zone (e.g. ``Asia/Jakarta``, WIB)."""
    return ZoneInfo(event.timezone)


def scheduled(event: EventView) -> list[AgendaItemView]:
    """The items that still take place (not cancelled), by start time."""
    return sorted(
        (item for item in event.agenda if not item.cancelled), key=lambda i: (i.starts_at, i.id)
    )


def items_now(event: EventView, now: datetime) -> list[AgendaItemView]:
    """Items running at ``now`` (start ≤ now < end), not cancelled."""
    return [item for item in scheduled(event) if item.starts_at <= now < item.ends_at]


def items_next(event: EventView, now: datetime) -> list[AgendaItemView]:
    """The items starting soonest after ``now`` (several if they start together)."""
    upcoming = [item for item in scheduled(event) if item.starts_at > now]
    if not upcoming:
        return []
    first = upcoming[0].starts_at
    return [item for item in upcoming if item.starts_at == first]


def event_end(event: EventView) -> datetime:
    """When the event is over: the end of its last session, or midnight after ``ends_on`` (in
    the event's zone) when it has no sessions."""
    items = scheduled(event)
    if items:
        return max(item.ends_at for item in items)
    return last_day_end(event)


def is_over(event: EventView, now: datetime) -> bool:
    """Whether the event has ended at ``now``."""
    return now >= event_end(event)


def days(event: EventView) -> list[tuple[date, list[AgendaItemView]]]:
    """The agenda grouped by local day (in the event's zone), days and items in time order.

    Cancelled items are included (they are shown as cancelled).
    """
    zone = event_zone(event)
    grouped: dict[date, list[AgendaItemView]] = {}
    for item in sorted(event.agenda, key=lambda i: (i.starts_at, i.id)):
        grouped.setdefault(item.starts_at.astimezone(zone).date(), []).append(item)
    return sorted(grouped.items())


def sessions_by_speaker(event: EventView) -> dict[int, list[AgendaItemView]]:
    """Each speaker's sessions (not cancelled), by speaker id, in time order."""
    result: dict[int, list[AgendaItemView]] = {speaker.id: [] for speaker in event.speakers}
    for item in scheduled(event):
        for speaker in item.speakers:
            result.setdefault(speaker.id, []).append(item)
    return result


def speaker_names(speakers: Sequence[SpeakerView]) -> str:
    """Speakers' names joined with commas (config text, not yet escaped)."""
    return ", ".join(speaker.name for speaker in speakers)


async def agenda_item(session: AsyncSession, item_id: int) -> AgendaItemView | None:
    """One agenda item with its speakers, as a value (its event is :func:`event_view_by_id`'s
    or the runtime's).

    Returns:
        The item, or None if no item has that id (e.g. an old button after a re-import).
    """
    item = await session.scalar(
        select(AgendaItem)
        .where(AgendaItem.id == item_id)
        .options(selectinload(AgendaItem.speakers))
    )
    return None if item is None else agenda_item_view(item)
