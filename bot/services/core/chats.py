"""Chats the bot knows, their language, and whether they blocked the bot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.shared.cache_versions import bump_chat
from bot.storage.models import Chat, Subscriber


@dataclass(frozen=True)
class ChatInfo:
    """The parts of a Telegram chat the bot keeps (no dependency on ``telegram``)."""

    id: int
    type: str
    title: str | None = None
    first_name: str | None = None
    username: str | None = None


async def touch_chat(session: AsyncSession, info: ChatInfo, now: datetime) -> Chat:
    """Record that ``info`` wrote to the bot: create or refresh its row, clear a block.

    A chat that had blocked the bot and writes again is active again, and so are its
    subscriptions (it asked for them before it blocked the bot).

    Returns:
        The chat's row.
    """
    chat = await session.get(Chat, info.id)
    if chat is None:
        chat = Chat(id=info.id, type=info.type, created_at=now)
        session.add(chat)
    chat.title = info.title
    chat.first_name = info.first_name
    chat.username = info.username
    chat.last_seen_at = now
    if chat.blocked_at is not None:
        chat.blocked_at = None
        await session.execute(
            update(Subscriber).where(Subscriber.chat_id == info.id).values(active=True)
        )
    return chat


async def mark_blocked(session: AsyncSession, chat_id: int, now: datetime) -> None:
    """Record Telegram's 403 "bot was blocked by the user": the chat and its subscriptions
    are inactive until the user writes again."""
    chat = await session.get(Chat, chat_id)
    if chat is not None:
        chat.blocked_at = now
    await bump_chat(session, chat_id)  # other processes must record its next update again
    await session.execute(
        update(Subscriber).where(Subscriber.chat_id == chat_id).values(active=False)
    )


async def chat_language(session: AsyncSession, chat_id: int) -> str | None:
    """The language the chat chose with /bahasa, or None if it never chose."""
    chat = await session.get(Chat, chat_id)
    return chat.language if chat else None


async def set_chat_language(session: AsyncSession, chat_id: int, language: str) -> None:
    """Store the chat's chosen language (``id`` or ``en``); the chat row must exist."""
    chat = await session.get(Chat, chat_id)
    if chat is None:
        raise LookupError(f"unknown chat {chat_id}")
    chat.language = language
    await bump_chat(session, chat_id)
