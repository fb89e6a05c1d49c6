"""Running the durable schedule (:mod:`bot.services.announcements.reminders`) on
python-telegram-bot's JobQueue.

* :func:`schedule_pending` plans the rows from what is loaded (idempotent by key) and gives
  each pending row one JobQueue job named by its key (stable ids: a restart or a second call
  replaces, never duplicates). Run at start (``post_init``), after an announcement time
  changes, and by the catch-up job.
* A catch-up job every :data:`CATCH_UP_INTERVAL` seconds re-plans (stars added, a file
  imported by the CLI) and runs :func:`process_due`.
* :func:`process_due` processes the rows due by the injected clock (``runtime.now()``):
  each row is claimed and marked sent or dropped in one transaction, so concurrent runs and
  restarts send nothing twice. Tests await it directly after moving ``bot.clock``; PTB's
  JobQueue runs on real time and tests never wait for it.

Every message goes to the outbox (:mod:`bot.services.shared.outbox`, one Delivery per
recipient, sent by :mod:`bot.outbox.sender`) in the transaction that marks the row sent,
named by the row's key: event reminders to the subscribers of schedule news; deadline
reminders to each unit's officers; the winners' announcement to the subscribers of results or
general news (each chat once; a chat that chose schedule news only did not ask for results,
and the menu shows them to everyone); congratulations to each winning unit's officers;
personal star reminders with a map button.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application

from bot.handlers.shared.context import BotContext, job_queue_of
from bot.handlers.shared.maps import map_link
from bot.i18n import Markup, format_moment, format_time_range, plain_text, t
from bot.runtime import Runtime, application_runtime
from bot.services.announcements.broadcasts import Audience, create_broadcast
from bot.services.announcements.reminders import (
    ReminderKind,
    claim_reminder,
    deadline_targets,
    due_reminders,
    edition_zone,
    event_start,
    mark_dropped,
    mark_sent,
    plan_all,
    stale_reason,
    superseded,
)
from bot.services.announcements.subscriptions import active_subscribers
from bot.services.attendees.agenda import join_place
from bot.services.core.committee_members import committee_ids
from bot.services.core.event_file import localized
from bot.services.core.event_view import venue_view
from bot.services.core.events import agenda_item_with_venue, event_with_venue
from bot.services.evaluation import survey
from bot.services.judging.results import drop_empty_announcement, mark_announced, visible_awards
from bot.services.shared.outbox import enqueue, in_every_language, keyboard, url_button
from bot.storage.models import Award, Edition, Event, Reminder

logger = logging.getLogger(__name__)

CATCH_UP_INTERVAL = 30.0
"""Seconds between two runs of the catch-up job."""
CATCH_UP_JOB = "scheduler:catch-up"
"""Name of the catch-up job."""
ANNOUNCEMENT_TOPICS = ("results", "general")
"""Subscriber topics that receive the winners' announcement."""


@dataclass
class DueReport:
    """What one :func:`process_due` run did.

    Attributes:
        sent: Keys of the rows sent (their messages written to the outbox).
        dropped: Keys of the rows dropped, with the reason.
    """

    sent: list[str]
    dropped: list[tuple[str, str]]


def _runtime(application: Application) -> Runtime:
    return application_runtime(application)


# --- JobQueue ----------------------------------------------------------------------------


async def schedule_pending(application: Application) -> list[Reminder]:
    """Plan every row, then keep exactly one JobQueue job per future pending row.

    A job is named by the row's key and fires at the row's instant, counted from the injected
    clock's "now" (the real clock in production). Rows already due get no job: the catch-up
    job processes them.

    Returns:
        The pending rows.
    """
    runtime = _runtime(application)
    now = runtime.now()
    async with runtime.transaction() as session:
        pending = await plan_all(session, now, runtime.settings.zone)
    queue = job_queue_of(application)
    future = {row.key: row for row in pending if row.due_at > now}
    for job in queue.jobs():
        if job.callback is _on_due and job.name not in future:
            job.schedule_removal()
    for key, row in future.items():
        jobs = queue.get_jobs_by_name(key)
        if len(jobs) == 1 and jobs[0].data == row.due_at.isoformat():
            continue
        for job in jobs:
            job.schedule_removal()
        queue.run_once(_on_due, when=row.due_at - now, name=key, data=row.due_at.isoformat())
    return pending


async def _on_due(context: BotContext) -> None:
    """A row's job fired: process whatever is due."""
    await process_due(context.application)


async def _catch_up(context: BotContext) -> None:
    """Re-plan (new stars, an import by the CLI) and process what is due."""
    await schedule_pending(context.application)
    await process_due(context.application)


# --- processing --------------------------------------------------------------------------


async def process_due(application: Application) -> DueReport:
    """Process every row due by the injected clock, each exactly once.

    Each row is claimed, judged
    (:func:`~bot.services.announcements.reminders.stale_reason`) and marked sent or
    dropped in its own transaction; a row whose sending raises is rolled back and tried
    again on the next run. Safe to call concurrently (also from several processes).

    Returns:
        The keys sent and dropped by this call.
    """
    runtime = _runtime(application)
    now = runtime.now()
    async with runtime.sessions() as session:
        due = await due_reminders(session, now)
    instead = superseded(due)  # after downtime: one deadline reminder, not three in a row
    report = DueReport(sent=[], dropped=[])
    for reminder_id, _, _ in due:
        try:
            async with runtime.transaction() as session:
                reminder = await claim_reminder(session, reminder_id, now)
                if reminder is None:
                    continue
                reason = await stale_reason(session, reminder, now)
                if reason is None and reminder_id in instead:
                    reason = f"superseded by {instead[reminder_id]}"
                if reason is None:
                    reason = await SENDERS[reminder.kind](application, session, reminder, now)
                if reason is None:
                    mark_sent(reminder, now)
                    report.sent.append(reminder.key)
                else:
                    mark_dropped(reminder, now)
                    report.dropped.append((reminder.key, reason))
                    logger.info("Dropped %s: %s", reminder.key, reason)
        except Exception:
            logger.exception("Scheduled row %s failed; it will be tried again", reminder_id)
    return report


Sent = str | None
"""What a row's sender says: None when its messages are written, else why the row is dropped."""


async def _broadcast(
    application: Application,
    session: AsyncSession,
    *,
    kind: str,
    key: str,
    audience: Audience,
    render: Callable[[str], str],
    now: datetime,
) -> None:
    texts = in_every_language(render)
    default = _runtime(application).settings.default_language
    await create_broadcast(
        session, text=texts[default], texts=texts, audience=audience, now=now, kind=kind, key=key
    )


async def _send_event_reminder(
    application: Application, session: AsyncSession, reminder: Reminder, now: datetime
) -> Sent:
    """Reminds the subscribers of schedule news of the event: what, when, where."""
    event = await event_with_venue(session, reminder.payload["event_id"])
    if event is None:  # as stale_reason says
        return "event deleted"
    zone = _zone_of(event)
    venue = f"{event.venue.name}, {event.venue.city}" if event.venue else ""
    start = event_start(event)
    await _broadcast(
        application,
        session,
        kind="reminder",
        key=reminder.key,
        audience=Audience.subscribers("schedule"),
        render=lambda language: t(
            language,
            "scheduler-event-reminder",
            event=event.short_title,
            when=_how_soon(language, reminder.payload.get("offset") or {}),
            moment=format_moment(start, zone, language),
            venue=venue,
        ),
        now=now,
    )
    return None


def _how_soon(language: str, offset: dict[str, Any]) -> str:
    """When the event starts as its reminder's offset says ("besok", "dalam 1 jam"), so the
    day-before and the hour-before reminders do not read as one sent twice (QA #16)."""
    minutes = int(offset.get("minutes_before") or 0)
    if minutes and minutes % 60 == 0:
        return plain_text(language, "scheduler-event-in-hours", hours=minutes // 60)
    if minutes:
        return plain_text(language, "scheduler-event-in-minutes", minutes=minutes)
    return plain_text(language, "scheduler-event-in-days", days=int(offset.get("days_before", 0)))


def _zone_of(event: Event) -> ZoneInfo:
    return ZoneInfo(event.timezone)


async def _send_star_reminder(
    application: Application, session: AsyncSession, reminder: Reminder, now: datetime
) -> Sent:
    """Reminds one chat of a session it starred, with a map button."""
    chat_id = reminder.payload["chat_id"]
    item = await agenda_item_with_venue(session, reminder.payload["agenda_item_id"])
    if item is None:  # as stale_reason says
        return "agenda item cancelled"
    event = item.event
    venue = event.venue
    place = join_place(item.room, venue.name if venue else None)
    markups = None
    if venue is not None:
        link = map_link(venue_view(venue))
        markups = in_every_language(
            lambda language: keyboard(
                [[url_button(plain_text(language, "scheduler-venue-button"), link)]]
            )
        )
    written = await enqueue(
        session,
        kind="star",
        key=reminder.key,
        recipients=[chat_id],
        texts=in_every_language(
            lambda language: t(
                language,
                "scheduler-star-reminder",
                title=item.title,
                time=format_time_range(item.starts_at, item.ends_at, _zone_of(event), language),
                place=place,
            )
        ),
        markups=markups,
        now=now,
    )
    return None if written is not None else "chat blocked the bot"


async def _send_deadline_reminders(
    application: Application, session: AsyncSession, reminder: Reminder, now: datetime
) -> Sent:
    """Reminds the officers of each unit with an unsent draft or no entry, listing what
    each draft still lacks."""
    edition = await session.get(Edition, reminder.payload["edition_id"])
    if edition is None or edition.entries_close_at is None:  # as stale_reason says
        return "no deadline"
    deadline = edition.entries_close_at
    zone = await edition_zone(session, edition.id, _runtime(application).settings.zone)
    targets = await deadline_targets(session, edition)
    for target in targets:

        def render(language: str, target=target) -> str:
            lines = [
                t(
                    language,
                    "scheduler-deadline-reminder",
                    edition=edition.name,
                    deadline=format_moment(deadline, zone, language),
                )
            ]
            if not target.drafts:
                lines.append(
                    t(
                        language,
                        "scheduler-deadline-no-entry",
                        unit=target.unit.name,
                        menu=plain_text(language, "menu-submit"),
                    )
                )
            for draft in target.drafts:
                title = draft.title or plain_text(language, "scheduler-deadline-untitled")
                if draft.missing:
                    missing = ", ".join(localized(spec.label, language) for spec in draft.missing)
                    lines.append(
                        t(
                            language,
                            "scheduler-deadline-draft",
                            title=title,
                            unit=target.unit.name,
                            missing=missing,
                        )
                    )
                else:
                    lines.append(
                        t(
                            language,
                            "scheduler-deadline-draft-complete",
                            title=title,
                            unit=target.unit.name,
                        )
                    )
            return "\n\n".join(lines)

        await _broadcast(
            application,
            session,
            kind="deadline",
            key=f"{reminder.key}:{target.unit.code}",
            audience=Audience.chats(target.officer_ids),
            render=render,
            now=now,
        )
    return None


def winners_lines(awards: Sequence[Award], language: str) -> Markup:
    """The awards, one per line: "Juara I — Dinas Sosial — Sosial Home Care Lanjut Usia"
    (escaped HTML; ``unit`` must be loaded)."""
    return Markup(
        "\n".join(
            t(language, "winners-line", title=a.title, unit=a.unit.name, innovation=a.innovation)
            for a in awards
        )
    )


async def _announce_results(
    application: Application, session: AsyncSession, reminder: Reminder, now: datetime
) -> Sent:
    """Announces the winners to the subscribers of results or general news, congratulates
    each winning unit's officers, and records the announcement."""
    edition = await session.get(Edition, reminder.payload["edition_id"])
    if edition is None:  # as stale_reason says
        return "announcement cancelled"
    awards = await visible_awards(session, edition, now, viewer_is_admin=False)
    if not awards:  # nothing to announce: the time is dropped, the committee told
        missed = drop_empty_announcement(session, edition, actor_id=None, now=now)
        admin_ids = _runtime(application).settings.admin_ids
        committee = await committee_ids(session, admin_ids=admin_ids, edition_id=None)
        zone = await edition_zone(session, edition.id, _runtime(application).settings.zone)
        await _broadcast(
            application,
            session,
            kind="winners-empty",
            key=f"{reminder.key}:empty",
            audience=Audience.chats(sorted(committee)),
            render=lambda language: t(
                language,
                "winners-announcement-empty",
                edition=edition.name,
                moment=format_moment(missed or now, zone, language),
            ),
            now=now,
        )
        return "no results recorded"
    chat_ids: set[int] = set()
    for topic in ANNOUNCEMENT_TOPICS:
        chat_ids.update(await active_subscribers(session, topic))
    await _broadcast(
        application,
        session,
        kind="winners",
        key=f"{reminder.key}:winners",
        audience=Audience.chats(sorted(chat_ids)),
        render=lambda language: t(
            language,
            "winners-announcement",
            edition=edition.name,
            list=winners_lines(awards, language),
        ),
        now=now,
    )
    units = {award.unit.id: award.unit for award in awards}
    for unit in units.values():
        own = [award for award in awards if award.unit_id == unit.id]

        def congratulations(
            language: str, own: Sequence[Award] = own, name: str = unit.name
        ) -> str:
            return t(
                language,
                "winners-congratulations",
                unit=name,
                edition=edition.name,
                list=winners_lines(own, language),
            )

        await _broadcast(
            application,
            session,
            kind="congratulations",
            key=f"{reminder.key}:{unit.code}",
            audience=Audience.officers([unit.code], edition_id=edition.id),
            render=congratulations,
            now=now,
        )
    mark_announced(edition, now)
    return None


async def _send_evaluation(
    application: Application, session: AsyncSession, reminder: Reminder, now: datetime
) -> Sent:
    """The evaluation survey to those checked in (or the subscribers)."""
    return await survey.send_invitations(session, reminder.payload["event_id"], now)


async def _send_evaluation_reminder(
    application: Application, session: AsyncSession, reminder: Reminder, now: datetime
) -> Sent:
    """The survey's one reminder to those who did not finish."""
    return await survey.send_reminders(session, reminder.payload["event_id"], now)


SENDERS: dict[
    str,
    Callable[[Application, AsyncSession, Reminder, datetime], Awaitable[Sent]],
] = {
    ReminderKind.EVENT: _send_event_reminder,
    ReminderKind.STAR: _send_star_reminder,
    ReminderKind.DEADLINE: _send_deadline_reminders,
    ReminderKind.RESULTS: _announce_results,
    ReminderKind.EVALUATION: _send_evaluation,
    ReminderKind.EVALUATION_REMINDER: _send_evaluation_reminder,
}
"""What each kind of row does when it falls due."""


def register(application: Application) -> None:
    """Adds the catch-up job, every :data:`CATCH_UP_INTERVAL` seconds (at start,
    ``post_init`` plans the rows; what is due is processed by the first catch-up)."""
    job_queue_of(application).run_repeating(
        _catch_up, interval=CATCH_UP_INTERVAL, first=CATCH_UP_INTERVAL, name=CATCH_UP_JOB
    )
