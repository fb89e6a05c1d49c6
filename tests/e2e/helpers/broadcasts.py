"""Helpers of the broadcast tests: many recipients at once, messages counted per chat."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.sandbox.emulator import Emulator
from bot.storage.models import Chat, Subscriber


async def add_subscribers(
    emulator: Emulator,
    sessions: async_sessionmaker[AsyncSession],
    count: int,
    *,
    topic: str = "general",
    language: str | None = None,
) -> list[int]:
    """Create ``count`` users in the emulator (who have started the bot) and their Chat and
    Subscriber rows in the bot's database, in bulk.

    Returns:
        Their chat ids.
    """
    users = [emulator.world.add_user(f"Warga {i}", started=True) for i in range(count)]
    ids = [user.id for user in users]
    async with sessions() as session, session.begin():
        await session.execute(
            insert(Chat),
            [
                {
                    "id": user.id,
                    "type": "private",
                    "first_name": user.first_name,
                    "language": language,
                }
                for user in users
            ],
        )
        await session.execute(
            insert(Subscriber),
            [{"chat_id": chat_id, "topic": topic, "active": True} for chat_id in ids],
        )
    return ids


def bot_messages(
    emulator: Emulator, chat_ids: list[int], containing: str | None = None
) -> Counter[int]:
    """How many messages the bot has in each chat (live ones), read from the emulator.

    Args:
        containing: Count only messages whose text or caption contains this (other features,
            e.g. the winners' announcement, may write to the same chats).
    """
    counts: Counter[int] = Counter()
    for chat_id in chat_ids:
        chat = emulator.world.chats[chat_id]
        counts[chat_id] = sum(
            1
            for message in chat.messages.values()
            if message.from_bot
            and not message.deleted
            and (
                containing is None
                or containing in (message.api.get("text") or message.api.get("caption") or "")
            )
        )
    return counts
