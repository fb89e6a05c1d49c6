"""Who is on the committee now: the admins and the current edition's judges."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Admin, Chat, Judge


async def reachable_committee_ids(
    session: AsyncSession, *, admin_ids: Collection[int], edition_id: int | None
) -> list[int]:
    """Telegram user ids of the admins (ADMIN_IDS and ``Admin`` rows) and the edition's judges
    whose private chat with the bot is known and not blocked, each once, sorted.

    Someone who never wrote to the bot has no chat row: Telegram would answer "chat not found"
    to anything sent for that chat, so they are left out until they write.

    Args:
        session: An open session.
        admin_ids: ADMIN_IDS from the settings.
        edition_id: The current edition, or None (then only admins).
    """
    ids = set(admin_ids) | set(await session.scalars(select(Admin.user_id)))
    if edition_id is not None:
        judges = select(Judge.user_id).where(Judge.edition_id == edition_id)
        ids |= set(await session.scalars(judges))
    if not ids:
        return []
    reachable = select(Chat.id).where(Chat.id.in_(ids), Chat.blocked_at.is_(None))
    return sorted(await session.scalars(reachable))


async def is_reachable(session: AsyncSession, chat_id: int) -> bool:
    """Whether the bot knows the private chat ``chat_id`` (the user wrote to it) and is not
    blocked there."""
    chat = await session.get(Chat, chat_id)
    return chat is not None and chat.blocked_at is None
