"""The durable schedule: every reminder and announcement is a :class:`Reminder` row.

Kinds (:class:`ReminderKind`) and where their instants come from:

* ``event``: the event reminders at ``Event.reminder_offsets`` (the event file's
  ``reminders``), relative to the event's start (its first agenda item that is not cancelled):
  ``days_before`` N at ``at`` (a time of day in the event's zone) or ``minutes_before`` N.
  Sent to the subscribers of schedule news.
* ``star``: a personal reminder ``Event.star_reminder_minutes`` (the event file's
  ``star_reminder_minutes``) before an agenda item the chat starred (a :class:`Star` row).
* ``deadline``: at :data:`DEADLINE_REMINDER_TIME` on the day N days before the edition's
  ``entries_close_at``, for N in ``Edition.config["deadline_reminder_days"]``; sent to the
  officers of units with an unsent draft or no entry (see :func:`deadline_targets`). Only
  for the edition open for entries: a closed edition (``Edition.closed_at``, the next one
  imported) has drafts nobody can change any more (QA #29).
* ``results``: the winners' announcement at ``Edition.results_announce_at``.
* ``evaluation``: the evaluation survey at the event file's ``evaluation.send_at``, and
  ``evaluation-reminder`` ``reminder_after_minutes`` later (the survey's own rules are in
  ``bot.services.evaluation``); planned until the end of that day (a survey is not sent a
  day late).

Planning (:func:`plan_all`) is idempotent by ``key`` (the stable JobQueue job id): it runs at
start, after an import and periodically, creates missing rows, moves unsent rows whose
instant changed, and drops unsent rows that are no longer wanted. A row is processed once:
:func:`claim_reminder` is a conditional update in the caller's transaction, and the caller
records ``sent_at`` (:func:`mark_sent`) or ``dropped_at`` (:func:`mark_dropped`) in the same
transaction. What fell due while the bot was down is judged by kind (:func:`stale_reason`):
a reminder whose session or deadline has passed is dropped; an announcement is still made.

All instants are aware datetimes (stored in UTC); times of day are read in the event's zone
(WIB for Kota Blitar), never in the machine's own zone.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.core.event_file import FormFieldSpec, moment_on, parse_clock
from bot.services.entries.form import Answers, form_fields, visible_fields
from bot.storage.database import rows_matched
from bot.storage.locking import transaction_lock
from bot.storage.models import (
    AgendaItem,
    Answer,
    Edition,
    Event,
    Reminder,
    Star,
    Submission,
    SubmissionStatus,
    Unit,
)

DEADLINE_REMINDER_TIME = time(8, 0)
"""Time of day (event zone, 08.00 WIB: office hours) at which deadline reminders are sent."""


UNSENT_STATUSES = frozenset({SubmissionStatus.DRAFT, SubmissionStatus.RETURNED})
"""Entries still with their unit: a draft, or one returned for correction."""


class ReminderKind(enum.StrEnum):
    """What a :class:`Reminder` row does when it falls due."""

    EVENT = "event"
    STAR = "star"
    DEADLINE = "deadline"
    RESULTS = "results"
    EVALUATION = "evaluation"
    EVALUATION_REMINDER = "evaluation-reminder"


# --- keys (stable JobQueue job ids) ------------------------------------------------------


def event_reminder_key(event_id: int, offset: dict[str, Any]) -> str:
    """``event:1:d1@08.00`` (days before at a time) or ``event:1:m60`` (minutes before)."""
    if offset.get("minutes_before"):
        return f"event:{event_id}:m{offset['minutes_before']}"
    at = parse_clock(offset["at"])
    return f"event:{event_id}:d{offset['days_before']}@{at:%H.%M}"


def star_reminder_key(chat_id: int, agenda_item_id: int) -> str:
    """``star:<agenda item id>:<chat id>``."""
    return f"star:{agenda_item_id}:{chat_id}"


def deadline_reminder_key(edition_id: int, days_before: int) -> str:
    """``deadline:<edition id>:d<days>``."""
    return f"deadline:{edition_id}:d{days_before}"


def results_key(edition_id: int) -> str:
    """``results:<edition id>``: the winners' announcement of an edition."""
    return f"results:{edition_id}"


# --- instants ----------------------------------------------------------------------------


def event_start(event: Event) -> datetime:
    """When the event starts: its first agenda item that is not cancelled, else 00.00 of its
    first day in its zone. ``event.agenda`` must be loaded."""
    starts = [item.starts_at for item in event.agenda if not item.cancelled]
    if starts:
        return min(starts)
    return datetime.combine(event.starts_on, time(0, 0), tzinfo=ZoneInfo(event.timezone))


def event_reminder_due(start: datetime, offset: dict[str, Any], zone: ZoneInfo) -> datetime:
    """The instant of one event reminder.

    Args:
        start: When the event starts (aware).
        offset: ``{"minutes_before": 60}`` or ``{"days_before": 1, "at": "08.00"}``.
        zone: The event's zone; ``at`` is a time of day there (not the machine's zone).
    """
    if offset.get("minutes_before"):
        return start - timedelta(minutes=int(offset["minutes_before"]))
    day = start.astimezone(zone).date() - timedelta(days=int(offset["days_before"]))
    return datetime.combine(day, parse_clock(offset["at"]), tzinfo=zone)


def deadline_reminder_due(close_at: datetime, days_before: int, zone: ZoneInfo) -> datetime:
    """:data:`DEADLINE_REMINDER_TIME` on the day ``days_before`` days before ``close_at``'s
    day in ``zone`` (entries close 31 October 23.59 WIB, 7 days → 24 October 08.00 WIB)."""
    day: date = close_at.astimezone(zone).date() - timedelta(days=days_before)
    return datetime.combine(day, DEADLINE_REMINDER_TIME, tzinfo=zone)


# --- planning ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Wanted:
    key: str
    kind: ReminderKind
    due_at: datetime
    payload: dict[str, Any]


def _event_rows(event: Event, now: datetime) -> list[_Wanted]:
    start = event_start(event)
    if start <= now:
        return []
    zone = ZoneInfo(event.timezone)
    return [
        _Wanted(
            event_reminder_key(event.id, offset),
            ReminderKind.EVENT,
            event_reminder_due(start, offset, zone),
            {"event_id": event.id, "offset": dict(offset)},
        )
        for offset in event.reminder_offsets
    ]


def _star_row(chat_id: int, item: AgendaItem, minutes: int, now: datetime) -> list[_Wanted]:
    if item.cancelled or item.starts_at <= now:
        return []
    return [
        _Wanted(
            star_reminder_key(chat_id, item.id),
            ReminderKind.STAR,
            item.starts_at - timedelta(minutes=minutes),
            {"chat_id": chat_id, "agenda_item_id": item.id},
        )
    ]


def _edition_rows(edition: Edition, zone: ZoneInfo, now: datetime) -> list[_Wanted]:
    wanted: list[_Wanted] = []
    close_at = edition.entries_close_at
    if close_at is not None and close_at > now and edition.closed_at is None:
        for days in edition.config.get("deadline_reminder_days") or []:
            wanted.append(
                _Wanted(
                    deadline_reminder_key(edition.id, int(days)),
                    ReminderKind.DEADLINE,
                    deadline_reminder_due(close_at, int(days), zone),
                    {"edition_id": edition.id, "days_before": int(days)},
                )
            )
    if edition.results_announce_at is not None and edition.results_announced_at is None:
        wanted.append(
            _Wanted(
                results_key(edition.id),
                ReminderKind.RESULTS,
                edition.results_announce_at,
                {"edition_id": edition.id},
            )
        )
    return wanted


def _apply(
    session: AsyncSession,
    existing: dict[str, Reminder],
    wanted: Iterable[_Wanted],
    now: datetime,
    *,
    prefixes: Sequence[str],
) -> None:
    """Create, move, revive and drop rows so the unsent ones are exactly ``wanted``.

    Only rows whose key starts with one of ``prefixes`` are dropped when not wanted. A sent
    row is never touched. A dropped row is revived (and its claim released) only when its new
    instant is in the future (so a row dropped as stale is not revived again and again).
    """
    keys = set()
    for item in wanted:
        keys.add(item.key)
        row = existing.get(item.key)
        if row is None:
            row = Reminder(key=item.key, kind=item.kind, due_at=item.due_at, payload=item.payload)
            session.add(row)
            existing[item.key] = row
            continue
        if row.sent_at is not None:
            continue
        if row.dropped_at is not None:
            if item.due_at <= now:
                continue
            row.dropped_at = None
            row.claimed_at = None  # dropped by the scheduler it was claimed: due again
        if row.due_at != item.due_at:
            row.due_at = item.due_at
        if row.payload != item.payload:
            row.payload = item.payload
    for key, row in existing.items():
        if (
            key not in keys
            and key.startswith(tuple(prefixes))
            and row.sent_at is None
            and row.dropped_at is None
        ):
            row.dropped_at = now


async def _existing(
    session: AsyncSession, prefix: str, *, exact: bool = False
) -> dict[str, Reminder]:
    condition = (
        Reminder.key == prefix if exact else Reminder.key.startswith(prefix, autoescape=True)
    )
    rows = await session.scalars(select(Reminder).where(condition))
    return {row.key: row for row in rows}


async def plan_event_reminders(session: AsyncSession, event: Event, now: datetime) -> None:
    """Plan the event's reminders from ``event.reminder_offsets`` (``agenda`` loaded)."""
    prefix = f"event:{event.id}:"
    _apply(
        session, await _existing(session, prefix), _event_rows(event, now), now, prefixes=[prefix]
    )


def evaluation_key(event_id: int, reminder: bool = False) -> str:
    """``evaluation:1:survey`` or ``evaluation:1:reminder``."""
    return f"evaluation:{event_id}:{'reminder' if reminder else 'survey'}"


def evaluation_times(event: Event) -> tuple[datetime, datetime] | None:
    """When the survey is sent and when its one reminder, or None without a survey."""
    survey = event.evaluation
    if not survey:
        return None
    zone = ZoneInfo(event.timezone)
    send = moment_on(event.starts_on, zone, survey["send_at"])
    return send, send + timedelta(minutes=int(survey.get("reminder_after_minutes", 60)))


def _until_midnight(moment: datetime, zone: ZoneInfo) -> datetime:
    local = moment.astimezone(zone)
    return datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=zone)


def _evaluation_rows(event: Event, now: datetime) -> list[_Wanted]:
    times = evaluation_times(event)
    if times is None:
        return []
    zone = ZoneInfo(event.timezone)
    wanted = []
    for reminder, due in zip((False, True), times, strict=True):
        if now < _until_midnight(due, zone):
            kind = ReminderKind.EVALUATION_REMINDER if reminder else ReminderKind.EVALUATION
            wanted.append(
                _Wanted(evaluation_key(event.id, reminder), kind, due, {"event_id": event.id})
            )
    return wanted


async def plan_evaluation(session: AsyncSession, event: Event, now: datetime) -> None:
    """Plan the event's survey and its reminder from ``Event.evaluation``; drop them when
    the survey was taken out of the event file."""
    prefix = f"evaluation:{event.id}:"
    _apply(
        session,
        await _existing(session, prefix),
        _evaluation_rows(event, now),
        now,
        prefixes=[prefix],
    )


async def plan_star_reminders(session: AsyncSession, now: datetime) -> None:
    """Plan a personal reminder for every star; drop the reminders of removed stars, of
    cancelled items and of items already under way."""
    stars = (
        await session.execute(
            select(Star.chat_id, AgendaItem, Event.star_reminder_minutes)
            .join(AgendaItem, AgendaItem.id == Star.agenda_item_id)
            .join(Event, Event.id == AgendaItem.event_id)
        )
    ).all()
    wanted = [
        row for chat_id, item, minutes in stars for row in _star_row(chat_id, item, minutes, now)
    ]
    _apply(session, await _existing(session, "star:"), wanted, now, prefixes=["star:"])


async def plan_star_reminder(
    session: AsyncSession, chat_id: int, agenda_item_id: int, now: datetime
) -> Reminder | None:
    """Plan the reminder of one star just added (the agenda feature calls this).

    Returns:
        The pending row, or None when the item is cancelled, unknown or already started.
    """
    item = await session.get(AgendaItem, agenda_item_id)
    if item is None:
        return None
    minutes = (
        await session.execute(select(Event.star_reminder_minutes).where(Event.id == item.event_id))
    ).scalar_one()
    wanted = _star_row(chat_id, item, minutes, now)
    key = star_reminder_key(chat_id, agenda_item_id)
    existing = await _existing(session, key, exact=True)
    _apply(session, existing, wanted, now, prefixes=[])
    row = existing.get(key)
    return row if wanted and row is not None and row.sent_at is None else None


async def plan_edition_reminders(
    session: AsyncSession, edition: Edition, zone: ZoneInfo, now: datetime
) -> None:
    """Plan the edition's deadline reminders and its winners' announcement; drop them when
    the deadline passed, the edition was closed (deadline reminders only: a closed
    edition's award may still be announced) or the announcement was cancelled."""
    existing = await _existing(session, f"deadline:{edition.id}:")
    existing.update(await _existing(session, results_key(edition.id), exact=True))
    _apply(
        session,
        existing,
        _edition_rows(edition, zone, now),
        now,
        prefixes=[f"deadline:{edition.id}:", results_key(edition.id)],
    )


async def edition_zone(session: AsyncSession, edition_id: int, default: ZoneInfo) -> ZoneInfo:
    """The zone of the edition's event (its file's ``timezone``), else ``default``."""
    name = await session.scalar(select(Event.timezone).where(Event.edition_id == edition_id))
    return ZoneInfo(name) if name else default


async def plan_all(session: AsyncSession, now: datetime, zone: ZoneInfo) -> list[Reminder]:
    """Plan every reminder and announcement from the loaded rows (idempotent by key).

    Called at bot start, after an import and by the periodic catch-up job.

    Args:
        session: The caller's session; nothing is committed here.
        now: The current instant (aware).
        zone: The zone of editions whose event is unknown (Settings.zone, WIB).

    Returns:
        Every pending row (not sent, not dropped), earliest first.
    """
    # replicas starting together plan the same keys: one plans, the others then find its rows
    # (both inserting, one failed on uq_reminders_key and the process exited at start)
    await transaction_lock(session, "plan-reminders")
    events = (await session.scalars(select(Event).options(selectinload(Event.agenda)))).all()
    zones = {event.edition_id: ZoneInfo(event.timezone) for event in events}
    for event in events:
        await plan_event_reminders(session, event, now)
        await plan_evaluation(session, event, now)
    await plan_star_reminders(session, now)
    for edition in (await session.scalars(select(Edition))).all():
        await plan_edition_reminders(session, edition, zones.get(edition.id, zone), now)
    await session.flush()
    return await pending_reminders(session)


async def pending_reminders(session: AsyncSession) -> list[Reminder]:
    """Rows neither sent nor dropped, earliest first."""
    return list(
        await session.scalars(
            select(Reminder)
            .where(Reminder.sent_at.is_(None), Reminder.dropped_at.is_(None))
            .order_by(Reminder.due_at, Reminder.id)
        )
    )


# --- processing --------------------------------------------------------------------------


COALESCED_KINDS = (ReminderKind.EVENT, ReminderKind.DEADLINE)
"""Kinds whose rows for one event or edition say the same again (7, 3 and 1 days before):
after downtime only the latest due one is sent."""


def superseded(due: Sequence[tuple[int, str, str]]) -> dict[int, str]:
    """Which due rows a later due row of the same kind and target makes redundant, so that
    a bot back from downtime sends one reminder, not three identical ones in a row.

    Args:
        due: (id, kind, key) of the rows due now, earliest first.

    Returns:
        Row id → key of the row sent instead.
    """
    latest: dict[str, tuple[int, str]] = {}
    for row_id, kind, key in due:
        if kind in COALESCED_KINDS:
            latest[key.rsplit(":", 1)[0]] = (row_id, key)  # event:<id> or deadline:<id>
    return {
        row_id: latest[key.rsplit(":", 1)[0]][1]
        for row_id, kind, key in due
        if kind in COALESCED_KINDS and latest[key.rsplit(":", 1)[0]][0] != row_id
    }


async def due_reminders(session: AsyncSession, now: datetime) -> list[tuple[int, str, str]]:
    """(id, kind, key) of the pending rows due at ``now`` (``due_at <= now``), earliest
    first."""
    return [
        (row.id, row.kind, row.key)
        for row in await session.execute(
            select(Reminder.id, Reminder.kind, Reminder.key)
            .where(
                Reminder.due_at <= now,
                Reminder.sent_at.is_(None),
                Reminder.dropped_at.is_(None),
                Reminder.claimed_at.is_(None),
            )
            .order_by(Reminder.due_at, Reminder.id)
        )
    ]


async def due_reminder_ids(session: AsyncSession, now: datetime) -> list[int]:
    """Ids of the pending rows due at ``now`` (``due_at <= now``), earliest first."""
    return [row_id for row_id, _, _ in await due_reminders(session, now)]


async def claim_reminder(session: AsyncSession, reminder_id: int, now: datetime) -> Reminder | None:
    """Claim one due row for processing, in the caller's transaction.

    Must be the first statement of its transaction: it is a conditional ``UPDATE`` that only
    one transaction can win (PostgreSQL re-checks the condition after the row lock; SQLite
    serialises writers). The caller then records :func:`mark_sent` or :func:`mark_dropped`
    and commits; if it rolls back, the claim is undone too and the row is tried again.

    Returns:
        The claimed row, or None if another process claimed it, or it is done or not due.
    """
    matched = await rows_matched(
        session,
        update(Reminder)
        .where(
            Reminder.id == reminder_id,
            Reminder.due_at <= now,
            Reminder.claimed_at.is_(None),
            Reminder.sent_at.is_(None),
            Reminder.dropped_at.is_(None),
        )
        .values(claimed_at=now)
        .execution_options(synchronize_session=False),
    )
    if matched != 1:
        return None
    reminder = await session.get(Reminder, reminder_id, populate_existing=True)
    return reminder


def mark_sent(reminder: Reminder, now: datetime) -> None:
    """Record that the claimed row was sent (same transaction as the claim)."""
    reminder.sent_at = now


def mark_dropped(reminder: Reminder, now: datetime) -> None:
    """Record that the claimed row will never be sent (same transaction as the claim)."""
    reminder.dropped_at = now


async def stale_reason(session: AsyncSession, reminder: Reminder, now: datetime) -> str | None:
    """Why a due row must not be sent any more, or None if it must be sent.

    Rules by kind: an event reminder once the event has started; a star reminder once its
    item has started, was cancelled or unstarred; a deadline reminder once entries closed or
    the edition was closed (the next one imported: its drafts are read-only); an
    announcement only when it was cancelled, moved or already made (a late announcement is
    still made).
    """
    payload = reminder.payload
    if reminder.kind == ReminderKind.EVENT:
        event = await session.scalar(
            select(Event).where(Event.id == payload["event_id"]).options(selectinload(Event.agenda))
        )
        if event is None:
            return "event deleted"
        return "event already started" if event_start(event) <= now else None
    if reminder.kind == ReminderKind.STAR:
        item = await session.get(AgendaItem, payload["agenda_item_id"])
        if item is None or item.cancelled:
            return "agenda item cancelled"
        if item.starts_at <= now:
            return "agenda item already started"
        star = await session.get(Star, (payload["chat_id"], payload["agenda_item_id"]))
        return "star removed" if star is None else None
    if reminder.kind == ReminderKind.DEADLINE:
        edition = await session.get(Edition, payload["edition_id"])
        if edition is None or edition.entries_close_at is None:
            return "no deadline"
        if edition.closed_at is not None:
            return "edition closed (the next edition was imported)"
        return "entries already closed" if edition.entries_close_at <= now else None
    if reminder.kind == ReminderKind.RESULTS:
        edition = await session.get(Edition, payload["edition_id"])
        if edition is None or edition.results_announce_at is None:
            return "announcement cancelled"
        if edition.results_announced_at is not None:
            return "already announced"
        if edition.results_announce_at > now:
            return "announcement moved later"
        return None
    if reminder.kind in (ReminderKind.EVALUATION, ReminderKind.EVALUATION_REMINDER):
        event = await session.get(Event, payload["event_id"])
        return "no survey" if event is None or not event.evaluation else None
    return f"unknown kind {reminder.kind!r}"


# --- deadline reminders: who still has to send what ---------------------------------------


@dataclass(frozen=True)
class DraftGaps:
    """An unsent entry and the required form fields it still lacks.

    Attributes:
        submission_id: The entry.
        title: Its title so far (None before the name is given).
        missing: The required form fields without an answer (label: ``spec.label``).
    """

    submission_id: int
    title: str | None
    missing: tuple[FormFieldSpec, ...]


@dataclass(frozen=True)
class DeadlineTarget:
    """A unit to remind before entries close.

    Attributes:
        unit: The unit.
        officer_ids: Telegram user ids of its officers.
        drafts: Its unsent entries; empty when the unit has no entry at all.
    """

    unit: Unit
    officer_ids: tuple[int, ...]
    drafts: tuple[DraftGaps, ...]


def missing_fields(fields: Sequence[FormFieldSpec], answers: Answers) -> list[FormFieldSpec]:
    """The required fields still without an answer, in the form's order.

    A field counts when it is required and asked given the answers so far (its ``show_if``
    rule, :func:`bot.services.entries.form.is_visible`); ``None`` (skipped), ``""`` and ``[]`` are
    no answer. File fields are answers too (see :mod:`bot.services.entries.form`).

    Args:
        fields: The edition's form (:func:`bot.services.entries.form.form_fields`).
        answers: Field key → ``Answer.value``.
    """
    return [
        spec
        for spec in visible_fields(fields, answers)
        if spec.required and answers.get(spec.key) in (None, "", [], {})
    ]


async def deadline_targets(session: AsyncSession, edition: Edition) -> list[DeadlineTarget]:
    """The units of ``edition`` that have officers and either an unsent entry (draft or
    returned) or no entry at all (withdrawn ones do not count), with what each draft lacks.

    Returns:
        Targets ordered by unit code.
    """
    units = (
        await session.scalars(
            select(Unit)
            .where(Unit.edition_id == edition.id)
            .options(selectinload(Unit.officers))
            .order_by(Unit.code)
        )
    ).all()
    submissions = (
        await session.scalars(
            select(Submission)
            .where(
                Submission.edition_id == edition.id,
                Submission.status != SubmissionStatus.WITHDRAWN,
            )
            .order_by(Submission.id)
        )
    ).all()
    drafts = [s for s in submissions if s.status in UNSENT_STATUSES]
    answers: dict[int, dict[str, Any]] = {s.id: {} for s in drafts}
    if drafts:
        ids = [s.id for s in drafts]
        for answer in await session.scalars(select(Answer).where(Answer.submission_id.in_(ids))):
            answers[answer.submission_id][answer.field_key] = answer.value
    fields = form_fields(edition.config)
    targets = []
    for unit in units:
        officer_ids = tuple(sorted({officer.user_id for officer in unit.officers}))
        if not officer_ids:
            continue
        own = [s for s in submissions if s.unit_id == unit.id]
        own_drafts = [s for s in own if s.status in UNSENT_STATUSES]
        if own and not own_drafts:
            continue
        gaps = tuple(
            DraftGaps(s.id, s.title, tuple(missing_fields(fields, answers[s.id])))
            for s in own_drafts
        )
        targets.append(DeadlineTarget(unit, officer_ids, gaps))
    return targets
