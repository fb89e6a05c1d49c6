"""The agenda as an iCalendar file (RFC 5545), built with the ``icalendar`` library.

Times are written in the event's zone (``DTSTART;TZID=Asia/Jakarta``) with the matching
VTIMEZONE component, so calendar apps show them right wherever the phone is. Each session's
UID is made of the event slug and the agenda key, which stay the same when the event file is
edited: importing the file again updates the sessions instead of duplicating them, and a
cancelled session is sent with ``STATUS:CANCELLED`` so calendars drop it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from bot.i18n import plain_text
from bot.services.attendees.agenda import event_zone, join_place, speaker_names
from bot.services.core.event_view import AgendaItemView, EventView

PRODUCT_ID = "-//IGA Bot//Agenda//ID"
UID_DOMAIN = "iga-bot"


def item_uid(event: EventView, item: AgendaItemView) -> str:
    """The stable UID of an agenda item: ``<agenda key>.<event slug>@iga-bot``."""
    return f"{item.key}.{event.slug}@{UID_DOMAIN}"


def _location(event: EventView, item: AgendaItemView) -> str:
    venue = event.venue
    if venue is None:
        return join_place(item.room)
    return join_place(item.room, venue.name, venue.address, venue.city)


def agenda_calendar(
    event: EventView, items: Iterable[AgendaItemView], now: datetime, language: str
) -> bytes:
    """An ``.ics`` file with ``items`` (all of the agenda, or one item).

    Args:
        event: The event, with its venue loaded.
        items: Agenda items with their speakers loaded; cancelled ones are included as
            ``STATUS:CANCELLED``.
        now: The DTSTAMP (when the file was made), aware.
        language: ``id`` or ``en``, for the descriptions.

    Returns:
        The file's bytes (UTF-8, CRLF line endings as RFC 5545 requires).
    """
    from icalendar import Calendar  # imported when used: 8 MB and 50 ms off the bot's start
    from icalendar import Event as CalendarEvent
    from icalendar.enums import STATUS

    zone = event_zone(event)
    calendar = Calendar.new(
        prodid=PRODUCT_ID,
        uid=f"{event.slug}@{UID_DOMAIN}",
        name=event.short_title,
        method="PUBLISH",
        calscale="GREGORIAN",
    )
    for item in items:
        lines = []
        if item.speakers:
            lines.append(
                plain_text(language, "calendar-speakers", speakers=speaker_names(item.speakers))
            )
        if item.description:
            lines.append(item.description)
        lines.append(event.title)
        entry = CalendarEvent.new(
            uid=item_uid(event, item),
            summary=item.title,
            start=item.starts_at.astimezone(zone),
            end=item.ends_at.astimezone(zone),
            stamp=now,
            location=_location(event, item) or None,
            description="\n".join(lines),
            status=STATUS.CANCELLED if item.cancelled else STATUS.CONFIRMED,
        )
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_file_name(event: EventView, item: AgendaItemView | None = None) -> str:
    """The file name: ``blitar-2022.ics`` or ``blitar-2022-pembukaan.ics``."""
    return f"{event.slug}-{item.key}.ics" if item is not None else f"{event.slug}.ics"
