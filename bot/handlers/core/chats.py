"""Chat tracking: every update refreshes its chat's row (at most every few minutes)."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import Application, TypeHandler

from bot.handlers.core import command_menu
from bot.handlers.shared.context import BotContext, chat_info
from bot.services.core.chats import touch_chat

TOUCH_INTERVAL = timedelta(minutes=10)
"""How often a chat's ``last_seen_at`` is refreshed at most (saves a write per update)."""


async def track_chat(update: Update, context: BotContext) -> None:
    """Records the chat that wrote (at most every few minutes); reactivates a blocked one."""
    runtime = context.runtime
    await runtime.fresh()  # another process's changes to what this one caches
    chat = update.effective_chat
    if chat is None or update.my_chat_member is not None:
        return
    if chat.type == ChatType.PRIVATE:  # a menu the start could not set (QA #29)
        command_menu.retry_unset_menu(context.application, chat.id)
    now = runtime.now()
    seen = runtime.seen_chats.get(chat.id)
    if seen is not None and now - seen < TOUCH_INTERVAL:
        return
    async with runtime.transaction() as session:
        await touch_chat(session, chat_info(chat), now)
    runtime.seen_chats[chat.id] = now


def register(application: Application) -> None:
    """Track every chat before any other handler runs (group -2: before the group guard of
    :mod:`bot.handlers.core.private_only`, which may stop an update)."""
    application.add_handler(TypeHandler(Update, track_chat), group=-2)
