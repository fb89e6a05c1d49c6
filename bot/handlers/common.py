"""Helpers every handler uses: the runtime, the user's language, chat tracking."""

from __future__ import annotations

from datetime import timedelta

from telegram import Chat as TelegramChat
from telegram import Update
from telegram.ext import Application, ContextTypes, TypeHandler

from bot.i18n import t
from bot.runtime import Runtime
from bot.services.chats import ChatInfo, chat_language, touch_chat

LANGUAGE_KEY = "language"
TOUCH_INTERVAL = timedelta(minutes=10)
"""How often a chat's ``last_seen_at`` is refreshed at most (saves a write per update)."""


def runtime_of(context: ContextTypes.DEFAULT_TYPE) -> Runtime:
    """The bot's :class:`Runtime`, kept in ``bot_data``."""
    return context.application.bot_data["runtime"]


def chat_info(chat: TelegramChat) -> ChatInfo:
    """The parts of a Telegram chat the services keep."""
    return ChatInfo(
        id=chat.id,
        type=chat.type,
        title=chat.title,
        first_name=chat.first_name,
        username=chat.username,
    )


async def language_of(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The language to answer in: the one chosen with /bahasa, else DEFAULT_LANGUAGE."""
    chat = update.effective_chat
    cache = context.chat_data if context.chat_data is not None else {}
    if LANGUAGE_KEY in cache:
        return cache[LANGUAGE_KEY]
    runtime = runtime_of(context)
    language = None
    if chat is not None:
        async with runtime.sessions() as session:
            language = await chat_language(session, chat.id)
    language = language or runtime.settings.default_language
    cache[LANGUAGE_KEY] = language
    return language


def remember_language(context: ContextTypes.DEFAULT_TYPE, language: str) -> None:
    """Update the cached language after the chat chose another one."""
    if context.chat_data is not None:
        context.chat_data[LANGUAGE_KEY] = language


async def text_for(
    update: Update, context: ContextTypes.DEFAULT_TYPE, key: str, /, **args: object
) -> str:
    """The catalogue text ``key`` in the user's language (arguments HTML-escaped)."""
    return t(await language_of(update, context), key, **args)


async def track_chat(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Records the chat that wrote (at most every few minutes); reactivates a blocked one."""
    chat = update.effective_chat
    if chat is None or update.my_chat_member is not None:
        return
    runtime = runtime_of(context)
    now = runtime.now()
    seen = runtime.seen_chats.get(chat.id)
    if seen is not None and now - seen < TOUCH_INTERVAL:
        return
    async with runtime.transaction() as session:
        await touch_chat(session, chat_info(chat), now)
    runtime.seen_chats[chat.id] = now


def register(application: Application) -> None:
    """Track every chat before any feature handler runs (group -1)."""
    application.add_handler(TypeHandler(Update, track_chat), group=-1)
