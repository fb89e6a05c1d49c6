"""Notices to officers in their own language (sent by the handler that made the change)."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.handlers.shared.context import runtime_of
from bot.handlers.shared.workspace_links import open_entry_markup
from bot.i18n import Markup, format_moment, t
from bot.runtime import Runtime
from bot.services.core.chats import chat_language
from bot.services.entries.submission_status import StatusChange
from bot.storage.models import SubmissionStatus

logger = logging.getLogger(__name__)


async def notify_officers(
    context: ContextTypes.DEFAULT_TYPE, changes: Sequence[StatusChange]
) -> int:
    """Tell each officer of the entry's unit about the change (:func:`send_officer_notices`)."""
    return await send_officer_notices(context.bot, runtime_of(context), changes)


async def send_officer_notices(bot: Bot, runtime: Runtime, changes: Sequence[StatusChange]) -> int:
    """Tell each officer of the entry's unit about the change, in their language; the chat's
    buttons and the workspace's actions both send their notices here.

    Returns:
        How many notices were sent (failures, e.g. a blocked bot, are logged and skipped).
    """
    sent = 0
    for change in changes:
        key = f"officer-notice-{change.new.value}"
        for user_id in sorted(set(change.officer_ids)):
            async with runtime.sessions() as session:
                language = await chat_language(session, user_id)
            language = language or runtime.settings.default_language
            text = t(
                language,
                key,
                title=change.submission.title or "—",
                number=change.submission.number or "—",
                note=change.note or "—",
            )
            try:
                await bot.send_message(user_id, text, parse_mode=ParseMode.HTML)
                sent += 1
            except TelegramError as error:
                logger.warning("Could not notify officer %s: %s", user_id, error)
    return sent


def note_text(language: str, note: str) -> str:
    """The committee's note, escaped (a note may be longer than a catalogue placeable)."""
    return t(language, "entry-returned-note") + " " + html.escape(note)


def status_label(language: str, status: SubmissionStatus) -> str:
    """The status as the officers read it."""
    return t(language, f"entry-status-{status.value}")


async def notify(
    context: ContextTypes.DEFAULT_TYPE, recipients: set[int], key: str, **args: Any
) -> None:
    """Send catalogue text ``key`` to each recipient in their language; a ``status``
    argument (a :class:`SubmissionStatus`) is shown as its label, a datetime as a moment in
    the event's zone; a ``workspace_entry`` (entry id) adds a button opening the entry in the
    workspace. Failures are logged (a user who blocked the bot is skipped)."""
    runtime = runtime_of(context)
    entry_id = args.pop("workspace_entry", None)
    for user_id in sorted(recipients):
        async with runtime.sessions() as session:
            language = await chat_language(session, user_id) or runtime.settings.default_language
        markup = (
            None if entry_id is None else open_entry_markup(runtime.settings, language, entry_id)
        )
        shown = dict(args)
        if isinstance(shown.get("status"), SubmissionStatus):
            shown["status"] = status_label(language, shown["status"])
        for name, value in shown.items():
            if isinstance(value, datetime):
                shown[name] = format_moment(value, runtime.settings.zone, language)
        if shown.get("note"):
            shown["note"] = Markup("\n" + note_text(language, shown["note"]))
        try:
            text = t(language, key, **shown)
            await context.bot.send_message(
                user_id, text, parse_mode=ParseMode.HTML, reply_markup=markup
            )
        except TelegramError as error:
            logger.warning("Could not notify %s: %s", user_id, error)
