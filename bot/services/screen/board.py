"""What the ballroom screen shows at an instant: the sessions on now and next, the top
approved questions of the current session, the checked-in count, and the winners revealed
rank by rank from the announcement time.

The screen is public, so whether a winner may be shown is decided by
:func:`bot.services.judging.results.results_visible` (the one rule every command follows),
asked once per rank: rank *r* of *n* is shown when the results are visible at
``now − (n − r) × reveal_seconds``, i.e. the last rank at the announcement time and the first
``(n − 1) × reveal_seconds`` later. Before a rank's moment nothing of it (unit, innovation,
title) is in the state, so it cannot be in the page, its data or anything it fetches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import (
    format_clock,
    format_moment,
    format_time_range,
    plain_text,
    zone_abbreviation,
)
from bot.services.attendance.records import count_present
from bot.services.attendees.agenda import (
    event_zone,
    is_over,
    items_next,
    items_now,
    speaker_names,
)
from bot.services.core.event_view import AgendaItemView, EventView
from bot.services.judging.results import results_visible, visible_awards
from bot.services.questions.asking import (
    is_open,
    preferred,
    question_sessions,
    shown_questions,
)
from bot.storage.models import Edition, QuestionStatus

REVEAL_SECONDS = 8
"""Seconds between two ranks revealed on the screen (the lowest rank first)."""
QUESTIONS_SHOWN = 5
"""How many approved questions the screen shows (by votes)."""


@dataclass(frozen=True)
class Session:
    """A session as the screen shows it (config text, escaped by whoever renders it)."""

    key: str
    title: str
    time: str
    room: str
    speakers: str


@dataclass(frozen=True)
class ShownQuestion:
    """An approved (or answered) question on the screen."""

    text: str
    asker: str
    votes: int
    answered: bool


@dataclass(frozen=True)
class Winner:
    """A revealed result."""

    rank: int
    title: str
    unit: str
    innovation: str


@dataclass(frozen=True)
class ScreenState:
    """Everything the screen shows at one instant; ``as_json()`` is its data endpoint.

    Attributes:
        clock: The local time ("10.05 WIB").
        now, next: Sessions on now and starting next.
        session: The session whose questions are shown, or None.
        questions: Its approved questions by votes.
        present: People checked in (None when nobody is: no check-in at this event).
        announce_at: When the winners are announced ("Rabu, 7 Desember 2022, 09.00 WIB"),
            or None when no time is set.
        winners: The ranks revealed so far, the first rank first.
        ended: Whether the event is over.
        asking: Whether ``session`` takes questions now and the event is not over (the
            screen invites questions only then).
    """

    title: str
    clock: str
    now: list[Session]
    next: list[Session]
    session: Session | None
    questions: list[ShownQuestion]
    present: int | None
    announce_at: str | None
    winners: list[Winner] = field(default_factory=list)
    ended: bool = False
    asking: bool = False

    def as_json(self) -> dict[str, object]:
        """The state as JSON-able values (every text plain: the page sets it as text)."""
        return {
            "title": self.title,
            "clock": self.clock,
            "now": [vars(item) for item in self.now],
            "next": [vars(item) for item in self.next],
            "session": vars(self.session) if self.session else None,
            "questions": [vars(item) for item in self.questions],
            "present": self.present,
            "announce_at": self.announce_at,
            "winners": [vars(item) for item in self.winners],
            "ended": self.ended,
            "asking": self.asking,
        }


def _session(item: AgendaItemView, event: EventView, language: str) -> Session:
    return Session(
        key=item.key,
        title=item.title,
        time=format_time_range(item.starts_at, item.ends_at, event_zone(event), language),
        room=item.room or "",
        speakers=speaker_names(item.speakers),
    )


def current_session(event: EventView, now: datetime) -> AgendaItemView | None:
    """The session whose questions the screen shows: of the sessions that take questions
    (:func:`~bot.services.questions.asking.question_sessions`: with a narasumber, started,
    the event's last day not over), the one on now, else the latest started; None before
    the first or after the event's last day. A break or the registration has none to show."""
    items = preferred(question_sessions(event, now), now)
    return items[0] if items else None


async def revealed_winners(
    session: AsyncSession, edition: Edition, now: datetime, reveal_seconds: int = REVEAL_SECONDS
) -> list[Winner]:
    """The results revealed on the screen at ``now`` (see the module's rule), rank 1 first.

    Args:
        edition: The edition, read at this request (the committee may move its time).
    """
    awards = await visible_awards(session, edition, now, viewer_is_admin=False)
    shown = []
    for order, award in enumerate(sorted(awards, key=lambda a: a.rank, reverse=True)):
        if results_visible(edition, now - timedelta(seconds=order * reveal_seconds)):
            shown.append(Winner(award.rank, award.title, award.unit.name, award.innovation))
    return sorted(shown, key=lambda winner: winner.rank)


async def screen_state(
    session: AsyncSession,
    event: EventView,
    now: datetime,
    language: str,
    *,
    item_key: str | None = None,
) -> ScreenState | None:
    """The screen at ``now``.

    Args:
        event: The event with its agenda (and the items' speakers) loaded.
        item_key: Show this session's questions (the per-session screen) instead of the
            current session's.

    Returns:
        The state, or None when ``item_key`` names no session of the event.
    """
    zone = event_zone(event)
    if item_key is not None:
        item = next((i for i in event.agenda if i.key == item_key), None)
        if item is None:
            return None
    else:
        item = current_session(event, now)
    questions = []
    if item is not None:
        questions = [
            ShownQuestion(
                text=question.text,
                asker=question.asker_name or plain_text(language, "questions-anonymous"),
                votes=question.votes,
                answered=question.status == QuestionStatus.ANSWERED,
            )
            for question in await shown_questions(session, item.id, limit=QUESTIONS_SHOWN)
        ]
    edition = (
        await session.get(Edition, event.edition_id, populate_existing=True)
        if (event.edition_id is not None)
        else None
    )
    winners = await revealed_winners(session, edition, now) if edition is not None else []
    announce = edition.results_announce_at if edition is not None else None
    present = await count_present(session, event.id)
    ended = is_over(event, now)
    return ScreenState(
        title=event.short_title,
        clock=f"{format_clock(now, zone, language)} {zone_abbreviation(now.astimezone(zone))}",
        now=[_session(i, event, language) for i in items_now(event, now)],
        next=[_session(i, event, language) for i in items_next(event, now)],
        session=_session(item, event, language) if item is not None else None,
        questions=questions,
        present=present or None,
        announce_at=format_moment(announce, zone, language) if announce else None,
        winners=winners,
        ended=ended,
        asking=not ended and item is not None and await is_open(session, event, item.id, now),
    )
