"""Personal reminders: agenda items a chat starred ("Ingatkan saya").

Only the wish is stored here; the reminder itself is sent by the scheduler.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.core.event_view import AgendaItemView
from bot.services.shared.cache_versions import bump_chat
from bot.storage.models import Chat, Star


class CancelledItemError(ValueError):
    """A cancelled agenda item cannot be starred."""


async def is_starred(session: AsyncSession, chat_id: int, item_id: int) -> bool:
    """Whether ``chat_id`` starred the agenda item ``item_id``."""
    return await session.get(Star, (chat_id, item_id)) is not None


async def starred_item_ids(session: AsyncSession, chat_id: int) -> set[int]:
    """The ids of the agenda items ``chat_id`` starred."""
    rows = await session.scalars(select(Star.agenda_item_id).where(Star.chat_id == chat_id))
    return set(rows)


async def toggle_star(
    session: AsyncSession, chat_id: int, item: AgendaItemView, now: datetime
) -> bool:
    """Star ``item`` for ``chat_id``, or remove the star if it is there.

    Returns:
        True if the item is starred afterwards.

    Raises:
        CancelledItemError: The item is cancelled and not starred yet (removing a star from a
            cancelled item is allowed).
    """
    await bump_chat(session, chat_id)
    if await is_starred(session, chat_id, item.id):
        await session.execute(
            delete(Star).where(Star.chat_id == chat_id, Star.agenda_item_id == item.id)
        )
        return False
    if item.cancelled:
        raise CancelledItemError(item.key)
    session.add(Star(chat_id=chat_id, agenda_item_id=item.id, created_at=now))
    await session.flush()
    return True


async def starrers(session: AsyncSession, item_ids: Iterable[int]) -> dict[int, set[int]]:
    """Who starred which of ``item_ids``: chat id → the starred item ids among them.

    Chats that blocked the bot are left out.
    """
    ids = list(item_ids)
    if not ids:
        return {}
    rows = await session.execute(
        select(Star.chat_id, Star.agenda_item_id)
        .outerjoin(Chat, Chat.id == Star.chat_id)
        .where(Star.agenda_item_id.in_(ids), Chat.blocked_at.is_(None))
    )
    result: dict[int, set[int]] = {}
    for chat_id, item_id in rows:
        result.setdefault(chat_id, set()).add(item_id)
    return result
