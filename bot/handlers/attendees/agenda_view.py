"""Texts of the agenda, its items and the speakers, rendered from the catalogue.

Pure functions (no Telegram calls): an event, "now" and a language in, HTML out. Every
config-supplied text goes through :func:`bot.i18n.t`, which escapes it. A text that grows with
the agenda is cut into pages of at most :data:`TEXT_BUDGET` characters.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.handlers.shared.text import TEXT_BUDGET, split_text
from bot.i18n import Markup, format_day, format_time_range, plain_text, t
from bot.services.attendees.agenda import (
    days,
    event_zone,
    is_over,
    items_next,
    items_now,
    join_place,
    own_institution,
    sessions_by_speaker,
)
from bot.services.core.event_view import AgendaItemView, EventView, SpeakerView

ITEMS_PER_PAGE = 10
"""Most agenda items on one page (each private page has a button per item)."""

FOOTER_RESERVE = 40
"""Characters kept free on each page for its "Halaman 2 dari 7" line."""

SPEAKERS_SHOWN = 4
"""Most speaker names listed per item in the agenda; the rest are counted."""

SESSIONS_SHOWN = 5
"""Most sessions listed per speaker; the rest are counted (the agenda has them all)."""


@dataclass(frozen=True)
class AgendaPage:
    """One message of the agenda: its HTML and the items it shows."""

    text: str
    items: tuple[AgendaItemView, ...]


def time_range(item: AgendaItemView, event: EventView, language: str) -> str:
    """ "09.00–10.00 WIB" in the event's zone."""
    return format_time_range(item.starts_at, item.ends_at, event_zone(event), language)


def _speakers_text(speakers: Sequence[SpeakerView], language: str) -> str:
    names = ", ".join(speaker.name for speaker in speakers[:SPEAKERS_SHOWN])
    rest = len(speakers) - SPEAKERS_SHOWN
    if rest > 0:
        return plain_text(language, "agenda-more-speakers", names=names, count=rest)
    return names


def item_block(
    item: AgendaItemView, event: EventView, language: str, marker: str | None, *, compact: bool
) -> str:
    """One item of the agenda list: marker, time range, title, then speakers and room unless
    ``compact``. ``marker`` is ``now``, ``next`` or None."""
    when = time_range(item, event, language)
    if item.cancelled:
        return t(language, "agenda-item-cancelled", time=when, title=item.title)
    lines = []
    if marker is not None:
        lines.append(t(language, f"agenda-marker-{marker}"))
    lines.append(t(language, "agenda-item", time=when, title=item.title))
    if not compact:
        if item.speakers:
            speakers = _speakers_text(item.speakers, language)
            lines.append(t(language, "agenda-item-speakers", speakers=speakers))
        if item.room:
            lines.append(t(language, "agenda-item-room", room=item.room))
    return "\n".join(lines)


def markers(event: EventView, now: datetime) -> dict[int, str]:
    """Item id → ``now`` or ``next`` for the items running now and the ones starting next."""
    if is_over(event, now):
        return {}
    result = {item.id: "next" for item in items_next(event, now)}
    result.update({item.id: "now" for item in items_now(event, now)})
    return result


def agenda_notes(event: EventView, now: datetime, language: str) -> list[str]:
    """Lines above the agenda: the event has ended (pointing to the results), times are
    examples."""
    notes = []
    if is_over(event, now):
        notes.append(t(language, "agenda-ended", winners=plain_text(language, "menu-winners")))
    if any(item.is_example_time for item in event.agenda):
        notes.append(t(language, "agenda-example-times"))
    return notes


def agenda_pages(
    event: EventView, now: datetime, language: str, *, compact: bool = False
) -> list[AgendaPage]:
    """The agenda grouped by day, cut into pages that respect Telegram's limits.

    Args:
        event: The event with its agenda and the items' speakers loaded.
        now: The current instant, for the now/next markers and the "ended" line.
        language: ``id`` or ``en``.
        compact: Only time and title per item (the brief answer in groups).

    Returns:
        At least one page; each text at most :data:`TEXT_BUDGET` characters (given the
        file's field limits) and at most :data:`ITEMS_PER_PAGE` items.
    """
    header = t(language, "agenda-title", event=event.short_title)
    first_header = "\n\n".join([header, *agenda_notes(event, now, language)])
    marked = markers(event, now)
    pages: list[tuple[str, list[AgendaItemView]]] = []
    items: list[AgendaItemView] = []
    text, page_day = first_header, None
    for day, day_items in days(event):
        for item in day_items:
            block = item_block(item, event, language, marked.get(item.id), compact=compact)
            heading = t(language, "agenda-day", day=format_day(day, language))
            addition = (f"\n\n{heading}" if day != page_day else "") + f"\n\n{block}"
            if items and (
                len(text) + len(addition) > TEXT_BUDGET - FOOTER_RESERVE
                or len(items) >= ITEMS_PER_PAGE
            ):
                pages.append((text, items))
                text, items = header, []
                addition = f"\n\n{heading}\n\n{block}"
            text += addition
            page_day = day
            items.append(item)
    if not items:
        text += "\n\n" + t(language, "agenda-empty")
    pages.append((text, items))
    if len(pages) == 1:
        return [AgendaPage(pages[0][0], tuple(pages[0][1]))]
    return [
        AgendaPage(
            f"{text}\n\n" + t(language, "agenda-page", page=index + 1, pages=len(pages)),
            tuple(items),
        )
        for index, (text, items) in enumerate(pages)
    ]


_rendered: weakref.WeakKeyDictionary[EventView, dict[tuple[object, ...], list[AgendaPage]]] = (
    weakref.WeakKeyDictionary()
)


def cached_agenda_pages(
    event: EventView, now: datetime, language: str, *, compact: bool = False
) -> list[AgendaPage]:
    """:func:`agenda_pages`, rendered once per event object, language, layout and state of the
    day: the pages depend on ``now`` only through the now/next markers and whether the event
    is over. The runtime's cached event is a new object after each reload, so pages never
    outlive the event they were made from (entries go when the event object does)."""
    key = (language, compact, is_over(event, now), tuple(sorted(markers(event, now).items())))
    per_event = _rendered.setdefault(event, {})
    pages = per_event.get(key)
    if pages is None:
        pages = per_event[key] = agenda_pages(event, now, language, compact=compact)
    return pages


def current_page_index(pages: Sequence[AgendaPage], event: EventView, now: datetime) -> int:
    """The page to open first: the one showing what is on now or next, else the first."""
    wanted = set(markers(event, now))
    for index, page in enumerate(pages):
        if any(item.id in wanted for item in page.items):
            return index
    return 0


def item_detail(item: AgendaItemView, event: EventView, now: datetime, language: str) -> str:
    """One session in full: title, day and time, room and venue, speakers, description."""
    zone = event_zone(event)
    lines = [t(language, "agenda-detail-title", title=item.title)]
    if item.cancelled:
        lines.append(t(language, "agenda-detail-cancelled"))
    else:
        marker = markers(event, now).get(item.id)
        if marker is not None:
            lines.append(t(language, f"agenda-marker-{marker}"))
    lines.append(
        t(
            language,
            "agenda-detail-when",
            day=format_day(item.starts_at.astimezone(zone), language),
            time=time_range(item, event, language),
        )
    )
    place = join_place(item.room, event.venue.name if event.venue else None)
    if place:
        lines.append(t(language, "agenda-item-room", room=place))
    for speaker in item.speakers:
        institution = own_institution(speaker.name, speaker.institution)
        key = "agenda-detail-speaker" if institution else "agenda-detail-speaker-plain"
        lines.append(t(language, key, name=speaker.name, institution=institution))
    if item.description:
        lines.append("")
        lines.append(t(language, "agenda-detail-description", description=item.description))
    if item.is_example_time:
        lines.append("")
        lines.append(t(language, "agenda-example-times"))
    return "\n".join(lines)


def now_text(event: EventView, now: datetime, language: str) -> str:
    """The answer to /sekarang: the sessions running now, else what comes next, or the end."""
    if is_over(event, now):
        return t(language, "agenda-ended", winners=plain_text(language, "menu-winners"))
    running = items_now(event, now)
    if not running:
        return "\n\n".join([t(language, "agenda-nothing-now"), next_text(event, now, language)])
    blocks = [item_block(item, event, language, None, compact=False) for item in running]
    return "\n\n".join([t(language, "agenda-now-title"), *blocks])


def next_text(event: EventView, now: datetime, language: str) -> str:
    """The answer to /berikutnya: the next sessions with their day and time, or the end."""
    if is_over(event, now):
        return t(language, "agenda-ended", winners=plain_text(language, "menu-winners"))
    upcoming = items_next(event, now)
    if not upcoming:
        return t(language, "agenda-nothing-next")
    zone = event_zone(event)
    day = format_day(upcoming[0].starts_at.astimezone(zone), language)
    blocks = [item_block(item, event, language, None, compact=False) for item in upcoming]
    return "\n\n".join([t(language, "agenda-next-title", day=day), *blocks])


def speakers_texts(event: EventView, language: str, *, compact: bool = False) -> list[str]:
    """The speakers with institution and role and, unless ``compact``, their sessions; split
    into messages within Telegram's limit."""
    sessions = sessions_by_speaker(event)
    blocks = [t(language, "speakers-title", event=event.short_title)]
    for speaker in event.speakers:
        lines = [t(language, "speakers-name", name=speaker.name)]
        if institution := own_institution(speaker.name, speaker.institution):
            lines.append(t(language, "speakers-institution", institution=institution))
        if speaker.role:
            lines.append(t(language, "speakers-role", role=speaker.role))
        mine = sessions.get(speaker.id, [])
        if not compact:
            for item in mine[:SESSIONS_SHOWN]:
                when = time_range(item, event, language)
                if event.starts_on != event.ends_on:
                    day = format_day(item.starts_at.astimezone(event_zone(event)), language)
                    when = Markup(t(language, "speakers-session-day", day=day, time=when))
                lines.append(t(language, "speakers-session", time=when, title=item.title))
            if len(mine) > SESSIONS_SHOWN:
                lines.append(
                    t(language, "speakers-more-sessions", count=len(mine) - SESSIONS_SHOWN)
                )
        blocks.append("\n".join(lines))
    if not event.speakers:
        blocks.append(t(language, "speakers-none"))
    return split_text(blocks, separator="\n\n")
