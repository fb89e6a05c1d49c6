"""/muat_ulang: the committee reloads the event file, and attendees hear what changed.

How schedule-change news works: the committee edits EVENT_CONFIG and sends ``/muat_ulang``
to the bot (admins only, checked at the moment of use). The bot imports the file in one
transaction, writes each agenda change to the audit log (``agenda.change``), answers the admin
with what it found, and then, in the background, sends each recipient one message with what
changed (before and after of title, time, room and speakers; cancelled sessions stated as
cancelled): subscribers of schedule news get every change, and whoever starred a session gets
that session's change. The messages are paced below Telegram's limits and a 429's
``retry_after`` is honoured.

``iga-bot event import`` (the command line) is for setting the event up: it writes the same
rows but sends nothing, since it runs outside the bot. A change imported that way is not
reported again by a later ``/muat_ulang`` (the database already has it), so once attendees
use the bot, reload through the bot.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from telegram import Bot, Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.handlers.shared.access import admin_or_refuse
from bot.handlers.shared.context import language_of, runtime_of
from bot.handlers.shared.text import TEXT_BUDGET, split_blocks
from bot.i18n import Markup, format_day, format_time_range, t
from bot.runtime import Runtime
from bot.services.announcements.schedule_changes import (
    ScheduleNotice,
    changed_fields,
    is_news,
    plan_schedule_notices,
    record_schedule_changes,
)
from bot.services.attendees.agenda import event_zone
from bot.services.core.chats import mark_blocked
from bot.services.core.event_file import EventFileError, load_event_file
from bot.services.core.event_import import AgendaChange, AgendaSnapshot, import_event_file
from bot.storage.models import Event

logger = logging.getLogger(__name__)

PACE_SECONDS = 0.05
"""Pause between two notices: 20 messages a second, below Telegram's ~30 a second overall
(Bot API FAQ, "My bot is hitting limits"); each recipient gets one message anyway."""

ATTEMPTS = 3
"""Tries per message on a 429 (after waiting ``retry_after``) or a network error."""


@dataclass
class DeliveryCount:
    """How the notices went: messages sent, chats that blocked the bot, failures."""

    sent: int = 0
    blocked: int = 0
    failed: int = 0


def _when(snapshot: AgendaSnapshot, event: Event, language: str) -> Markup:
    zone = event_zone(event)
    text = t(
        language,
        "schedule-when",
        day=format_day(snapshot.starts_at.astimezone(zone), language),
        time=format_time_range(snapshot.starts_at, snapshot.ends_at, zone, language),
    )
    return Markup(text)


def _speakers(snapshot: AgendaSnapshot, language: str) -> str:
    return ", ".join(snapshot.speakers) or t(language, "schedule-none")


def change_block(change: AgendaChange, event: Event, language: str) -> str:
    """One change as HTML: cancelled, added (or restored), or each changed field before and
    after."""
    before, after = change.before, change.after
    if after.cancelled:
        shown = before or after
        return t(
            language, "schedule-cancelled", title=shown.title, when=_when(shown, event, language)
        )
    if before is None or before.cancelled:
        lines = [
            t(
                language,
                "schedule-added" if before is None else "schedule-restored",
                title=after.title,
                when=_when(after, event, language),
            )
        ]
        if after.room:
            lines.append(t(language, "agenda-item-room", room=after.room))
        if after.speakers:
            lines.append(t(language, "agenda-item-speakers", speakers=_speakers(after, language)))
        return "\n".join(lines)
    lines = [t(language, "schedule-changed", title=after.title)]
    none = t(language, "schedule-none")
    values = {
        "title": (before.title, after.title),
        "time": (_when(before, event, language), _when(after, event, language)),
        "room": (before.room or none, after.room or none),
        "speakers": (_speakers(before, language), _speakers(after, language)),
    }
    for name in changed_fields(change):
        old, new = values[name]
        lines.append(t(language, f"schedule-field-{name}", before=old, after=new))
    return "\n".join(lines)


def notice_texts(notice: ScheduleNotice, event: Event, language: str) -> list[str]:
    """The message(s) of one notice, each within Telegram's 4096 characters."""
    blocks = [t(language, "schedule-title", event=event.short_title)]
    blocks += [change_block(change, event, language) for change in notice.changes]
    return split_blocks(blocks)


async def _send(bot: Bot, chat_id: int, text: str) -> str:
    for attempt in range(1, ATTEMPTS + 1):
        try:
            await bot.send_message(chat_id, text, parse_mode=ParseMode.HTML)
            return "sent"
        except RetryAfter as exc:
            delay = exc.retry_after
            seconds = delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
            logger.warning("Flood control for chat %s: waiting %.0f s", chat_id, seconds)
            await asyncio.sleep(seconds)
        except Forbidden:
            return "blocked"
        except NetworkError:
            if attempt == ATTEMPTS:
                break
            await asyncio.sleep(attempt)
        except TelegramError:
            logger.warning("Schedule notice to chat %s refused", chat_id, exc_info=True)
            return "failed"
    return "failed"


async def deliver_schedule_notices(
    bot: Bot, runtime: Runtime, notices: Sequence[ScheduleNotice]
) -> DeliveryCount:
    """Send each notice in its recipient's language, paced (:data:`PACE_SECONDS`).

    A recipient who blocked the bot (403) is marked blocked (their subscriptions inactive).

    Returns:
        The counts of sent messages, blocked chats and failed chats.
    """
    count = DeliveryCount()
    event = await runtime.event()
    if event is None:
        return count
    for notice in notices:
        language = notice.language or runtime.settings.default_language
        for text in notice_texts(notice, event, language):
            outcome = await _send(bot, notice.chat_id, text)
            await asyncio.sleep(PACE_SECONDS)
            if outcome != "sent":
                break
            count.sent += 1
        if outcome == "blocked":
            count.blocked += 1
            async with runtime.transaction() as session:
                await mark_blocked(session, notice.chat_id, runtime.now())
            runtime.forget_chat(notice.chat_id)
        elif outcome == "failed":
            count.failed += 1
    logger.info(
        "Schedule notices: %d sent, %d blocked, %d failed", count.sent, count.blocked, count.failed
    )
    return count


async def notify_schedule_changes(
    bot: Bot, runtime: Runtime, changes: Sequence[AgendaChange]
) -> DeliveryCount:
    """Plan who hears about ``changes`` (an import's ``agenda_changes``) and tell them.

    Returns:
        The delivery counts.
    """
    async with runtime.sessions() as session:
        notices = await plan_schedule_notices(session, changes)
    return await deliver_schedule_notices(bot, runtime, notices)


async def reload_event(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reloads the event file (admins only), reports the changes and tells the attendees."""
    language = await language_of(update, context)
    runtime = runtime_of(context)
    user_id = update.effective_user.id
    message = update.effective_message
    if not await admin_or_refuse(update, context):
        return
    try:
        spec = load_event_file(runtime.settings.event_config)
    except EventFileError as exc:
        problems = "\n".join(exc.problems)
        if len(problems) > TEXT_BUDGET - 200:
            problems = problems[: TEXT_BUDGET - 200] + "…"
        await message.reply_text(
            t(language, "reload-invalid", problems=problems), parse_mode=ParseMode.HTML
        )
        return
    async with runtime.transaction() as session:
        report = await import_event_file(session, spec)
        await record_schedule_changes(session, report.agenda_changes, user_id, runtime.now())
    runtime.forget_event()
    news = [change for change in report.agenda_changes if is_news(change)]
    await message.reply_text(
        t(
            language,
            "reload-done",
            created=report.created,
            updated=report.updated,
            changes=len(news),
        ),
        parse_mode=ParseMode.HTML,
    )
    if news:
        context.application.create_task(
            notify_schedule_changes(context.bot, runtime, news), update=update
        )


def register(application: Application) -> None:
    """Adds /muat_ulang (also /reload), for admins."""
    application.add_handler(CommandHandler(["muat_ulang", "reload"], reload_event))
