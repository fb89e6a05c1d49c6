"""Questions to the narasumber, the attendees' side: which sessions take questions, asking,
voting, and the approved questions by votes.

A session with a narasumber (speakers) takes questions from its start until the moderator
closes it (a :class:`~bot.storage.models.QuestionSession` row with ``closed_at``) or, at the
latest, until the event's last day is over (:func:`bot.services.core.events.last_day_end`); a
cancelled session, or one without speakers (registration, breaks), never does. A question
is sent on purpose (the "❓ Ajukan pertanyaan" button, then its text) and waits for the
moderator; only approved questions are shown and voted on, each person's
vote counted once (the vote's primary key). The limits per person come from the event file's
``questions`` section (:class:`bot.services.core.event_file.QuestionsSpec`) and are counted
from the database, so they hold across restarts and processes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.core.event_file import QuestionsSpec
from bot.services.core.event_view import AgendaItemView, EventView
from bot.services.core.events import last_day_end
from bot.storage.models import (
    Question,
    QuestionSession,
    QuestionStatus,
    QuestionVote,
)

SHOWN = (QuestionStatus.APPROVED, QuestionStatus.ANSWERED)
"""Statuses shown to attendees and on the screen (never pending or hidden)."""


def rules_of(event: EventView) -> QuestionsSpec:
    """The event's question rules (the event file's ``questions`` section, defaults when the
    file has none)."""
    return QuestionsSpec.model_validate(event.questions or {})


class QuestionRefused(Exception):
    """A question or vote that is not taken; nothing was written."""


class SessionClosed(QuestionRefused):
    """The session does not take questions or votes now (not started, closed, cancelled)."""


class EmptyQuestion(QuestionRefused):
    """The text has nothing but spaces."""


class TooLong(QuestionRefused):
    """The text is longer than the limit (characters)."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(f"{length} characters, at most {limit}")
        self.length = length
        self.limit = limit


class RateLimited(QuestionRefused):
    """The person reached a limit; ``retry_at`` is when the next one is taken."""

    def __init__(self, retry_at: datetime) -> None:
        super().__init__(f"try again at {retry_at.isoformat()}")
        self.retry_at = retry_at


class QuestionGone(QuestionRefused):
    """No such question, or it is not (any longer) in a state that allows this."""


async def closed_item_ids(session: AsyncSession, item_ids: Iterable[int]) -> set[int]:
    """Which of ``item_ids`` the moderator closed."""
    ids = list(item_ids)
    if not ids:
        return set()
    rows = await session.scalars(
        select(QuestionSession.agenda_item_id).where(
            QuestionSession.agenda_item_id.in_(ids), QuestionSession.closed_at.is_not(None)
        )
    )
    return set(rows)


def _with_speakers(item: AgendaItemView) -> bool:
    return bool(item.speakers) and not item.cancelled


def takes_questions(item: AgendaItemView, event: EventView, now: datetime) -> bool:
    """Whether the session may take questions at ``now`` unless the moderator closed them:
    it has speakers (items' ``speakers`` loaded), is not cancelled, has started, and the
    event's last day is not over (issue 18: open from the session's start; the end-of-event
    bound so that nothing is still "on" after the event)."""
    return _with_speakers(item) and item.starts_at <= now < last_day_end(event)


def question_sessions(event: EventView, now: datetime) -> list[AgendaItemView]:
    """The sessions that may take questions at ``now``, closed by the moderator or not (the
    moderators' list, where closed ones can be reopened), the latest started first.

    Args:
        event: The event with its agenda and the items' speakers loaded.
    """
    return sorted(
        (item for item in event.agenda if takes_questions(item, event, now)),
        key=lambda item: (item.starts_at, item.id),
        reverse=True,
    )


def questions_ahead(event: EventView, now: datetime) -> bool:
    """Whether a session that will take questions starts after ``now`` (so "questions open
    when a session starts" is still true; False after the last such session started)."""
    end = last_day_end(event)
    return any(_with_speakers(item) and now < item.starts_at < end for item in event.agenda)


async def open_sessions(
    session: AsyncSession, event: EventView, now: datetime
) -> list[AgendaItemView]:
    """Sessions taking questions at ``now`` (:func:`question_sessions` not closed), the latest
    started first.

    Args:
        event: The event with its agenda and the items' speakers loaded.
    """
    items = question_sessions(event, now)
    closed = await closed_item_ids(session, (item.id for item in items))
    return [item for item in items if item.id not in closed]


def offered(item: AgendaItemView, event: EventView, now: datetime) -> bool:
    """Whether attendees are offered to ask about the session at ``now`` (``/tanya``, its
    agenda entry): it takes questions and is running. One that ended is no longer offered,
    while a board already open keeps working until the moderator closes it (the last
    answers of a session running late)."""
    return takes_questions(item, event, now) and now < item.ends_at


def next_today(event: EventView, now: datetime) -> AgendaItemView | None:
    """The next session of ``now``'s day (the event's clock) that will take questions, the
    earliest first; None when no later session today has a narasumber."""
    zone = ZoneInfo(event.timezone)
    today = now.astimezone(zone).date()
    later = [
        item
        for item in event.agenda
        if _with_speakers(item) and now < item.starts_at
        and item.starts_at.astimezone(zone).date() == today
    ]  # fmt: skip
    return min(later, key=lambda item: (item.starts_at, item.id), default=None)


def preferred(items: list[AgendaItemView], now: datetime) -> list[AgendaItemView]:
    """Of ``items``, those running at ``now`` if any (the room's session), else all."""
    running = [item for item in items if item.ends_at > now]
    return running or items


async def sessions_asked_about(
    session: AsyncSession, event: EventView, now: datetime
) -> list[AgendaItemView]:
    """The sessions ``/tanya`` offers: the open ones running at ``now`` (:func:`offered`),
    the latest started first; none once they ended (:func:`next_today` says what comes)."""
    return [item for item in await open_sessions(session, event, now) if now < item.ends_at]


async def is_open(session: AsyncSession, event: EventView, item_id: int, now: datetime) -> bool:
    """Whether the event's session ``item_id`` takes questions at ``now`` (False for an item
    of another event)."""
    item = next((i for i in event.agenda if i.id == item_id), None)
    if item is None or not takes_questions(item, event, now):
        return False
    return not await closed_item_ids(session, [item.id])


async def ask(
    session: AsyncSession,
    event: EventView,
    item: AgendaItemView,
    *,
    asker_id: int,
    asker_name: str | None,
    text: str,
    now: datetime,
) -> Question:
    """Record a question for the moderator (status ``pending``), as typed (spaces around
    trimmed; HTML is text, escaped wherever it is shown).

    Args:
        event: The event (its question rules).
        item: The session asked about.
        asker_id: Telegram user id (for the limits; never shown).
        asker_name: The name shown with the question, or None for an anonymous question.

    Raises:
        SessionClosed: The session does not take questions now.
        EmptyQuestion: Only spaces.
        TooLong: Longer than the event's ``max_length``.
        RateLimited: ``per_person`` questions within ``window_minutes`` already.
    """
    rules = rules_of(event)
    if not await is_open(session, event, item.id, now):
        raise SessionClosed(item.key)
    body = text.strip()
    if not body:
        raise EmptyQuestion()
    if len(body) > rules.max_length:
        raise TooLong(len(body), rules.max_length)
    since = now - timedelta(minutes=rules.window_minutes)
    recent = list(
        await session.scalars(
            select(Question.created_at)
            .where(Question.asker_id == asker_id, Question.created_at > since)
            .order_by(Question.created_at)
        )
    )
    if len(recent) >= rules.per_person:
        raise RateLimited(recent[len(recent) - rules.per_person] + (now - since))
    question = Question(
        agenda_item_id=item.id,
        asker_id=asker_id,
        asker_name=asker_name,
        text=body,
        original_text=body,
        status=QuestionStatus.PENDING,
        votes=0,
        created_at=now,
    )
    session.add(question)
    await session.flush()
    return question


class VoteOutcome(StrEnum):
    """What a tap on a question's vote button did."""

    COUNTED = "counted"
    ALREADY = "already"


@dataclass(frozen=True)
class Voted:
    """A vote's outcome and the question's votes after it."""

    outcome: VoteOutcome
    question: Question


async def vote(
    session: AsyncSession, event: EventView, question_id: int, *, voter_id: int, now: datetime
) -> Voted:
    """Vote for an approved question, once per person (a second vote counts nothing).

    Raises:
        QuestionGone: No such question, or it is not approved (pending, answered, hidden).
        SessionClosed: Its session no longer takes questions.
        RateLimited: ``votes_per_minute`` votes within the last minute already.
    """
    question = await session.get(Question, question_id, populate_existing=True)
    if question is None or question.status != QuestionStatus.APPROVED:
        raise QuestionGone(question_id)
    if not await is_open(session, event, question.agenda_item_id, now):
        raise SessionClosed(str(question.agenda_item_id))
    already = await session.scalar(
        select(QuestionVote.created_at).where(
            QuestionVote.question_id == question_id, QuestionVote.voter_id == voter_id
        )
    )
    if already is not None:
        return Voted(VoteOutcome.ALREADY, question)
    rules = rules_of(event)
    since = now - timedelta(minutes=1)
    recent = list(
        await session.scalars(
            select(QuestionVote.created_at)
            .where(QuestionVote.voter_id == voter_id, QuestionVote.created_at > since)
            .order_by(QuestionVote.created_at)
        )
    )
    if len(recent) >= rules.votes_per_minute:
        raise RateLimited(recent[len(recent) - rules.votes_per_minute] + timedelta(minutes=1))
    try:
        async with session.begin_nested():
            session.add(QuestionVote(question_id=question_id, voter_id=voter_id, created_at=now))
    except IntegrityError:  # the same person's other tap, handled at the same moment
        return Voted(VoteOutcome.ALREADY, question)
    await session.execute(
        update(Question).where(Question.id == question_id).values(votes=Question.votes + 1)
    )
    await session.refresh(question)
    return Voted(VoteOutcome.COUNTED, question)


async def shown_questions(
    session: AsyncSession, item_id: int, *, limit: int | None = None, answered: bool = True
) -> list[Question]:
    """The session's approved questions (and answered ones unless ``answered`` is False), by
    votes, then the earliest approved first. Pending and hidden ones never."""
    statuses = SHOWN if answered else (QuestionStatus.APPROVED,)
    query = (
        select(Question)
        .where(Question.agenda_item_id == item_id, Question.status.in_(statuses))
        .order_by(Question.votes.desc(), Question.approved_at, Question.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return list(await session.scalars(query))


async def votes_of(session: AsyncSession, question_ids: Iterable[int], voter_id: int) -> set[int]:
    """Which of ``question_ids`` ``voter_id`` voted for."""
    ids = list(question_ids)
    if not ids:
        return set()
    rows = await session.scalars(
        select(QuestionVote.question_id).where(
            QuestionVote.question_id.in_(ids), QuestionVote.voter_id == voter_id
        )
    )
    return set(rows)


async def count_by_status(session: AsyncSession, item_id: int) -> dict[QuestionStatus, int]:
    """How many questions of the session are in each status."""
    rows = await session.execute(
        select(Question.status, func.count())
        .where(Question.agenda_item_id == item_id)
        .group_by(Question.status)
    )
    return {QuestionStatus(status): count for status, count in rows.all()}
