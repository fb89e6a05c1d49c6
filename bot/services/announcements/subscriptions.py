"""Subscriptions to announcements by topic.

A chat subscribes to a topic with one :class:`~bot.storage.models.Subscriber` row.
Unsubscribing deletes the row; ``active`` is only about blocking (False while the chat has
blocked the bot, see :func:`bot.services.core.chats.mark_blocked` and ``touch_chat``), so a chat
that unblocks the bot gets back exactly the topics it had chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.core.chats import ChatInfo, touch_chat
from bot.storage.models import Chat, Subscriber

TOPICS = ("general", "schedule", "results")
"""Topics in display order: general announcements, schedule changes, IGA results."""


class UnknownTopicError(ValueError):
    """A topic that is not one of :data:`TOPICS`."""


def _check(topic: str) -> None:
    if topic not in TOPICS:
        raise UnknownTopicError(topic)


async def subscribed_topics(session: AsyncSession, chat_id: int) -> set[str]:
    """The topics ``chat_id`` subscribed to (whether or not it is blocked now)."""
    rows = await session.scalars(select(Subscriber.topic).where(Subscriber.chat_id == chat_id))
    return set(rows)


async def subscribe(
    session: AsyncSession, chat_id: int, topics: Iterable[str], now: datetime
) -> None:
    """Subscribe ``chat_id`` to ``topics`` (already subscribed ones stay as they are).

    Raises:
        UnknownTopicError: A topic is not one of :data:`TOPICS`; nothing is written.
    """
    wanted = list(topics)
    for topic in wanted:
        _check(topic)
    have = await subscribed_topics(session, chat_id)
    for topic in wanted:
        if topic not in have:
            session.add(Subscriber(chat_id=chat_id, topic=topic, active=True, created_at=now))
            have.add(topic)
    await session.flush()


async def unsubscribe(session: AsyncSession, chat_id: int, topics: Iterable[str]) -> None:
    """Remove ``chat_id``'s subscriptions to ``topics``.

    Raises:
        UnknownTopicError: A topic is not one of :data:`TOPICS`; nothing is written.
    """
    wanted = list(topics)
    for topic in wanted:
        _check(topic)
    await session.execute(
        delete(Subscriber).where(Subscriber.chat_id == chat_id, Subscriber.topic.in_(wanted))
    )


async def active_subscribers(session: AsyncSession, topic: str) -> list[int]:
    """Chat ids subscribed to ``topic`` that have not blocked the bot, in id order."""
    _check(topic)
    rows = await session.scalars(
        select(Subscriber.chat_id)
        .where(Subscriber.topic == topic, Subscriber.active.is_(True))
        .order_by(Subscriber.chat_id)
    )
    return list(rows)


async def resume_chat(session: AsyncSession, info: ChatInfo, now: datetime) -> bool:
    """A chat that had blocked the bot (or removed it from a group) lets it back: the chat
    and its subscriptions are active again. A chat the bot does not know yet is left alone
    (it is recorded when it first writes).

    Returns:
        True if a blocked chat was made active again.
    """
    chat = await session.get(Chat, info.id)
    if chat is None or chat.blocked_at is None:
        return False
    await touch_chat(session, info, now)
    return True
