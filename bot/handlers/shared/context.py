"""Helpers every handler uses: the runtime, the user's language, chat tracking."""

from __future__ import annotations

from telegram import Chat as TelegramChat
from telegram import Update
from telegram.ext import ContextTypes

from bot.runtime import Runtime
from bot.services.core.chats import ChatInfo, chat_language

LANGUAGE_KEY = "language"


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
