"""Who is on the committee now: the admins and the current edition's judges."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Admin, Chat, Judge


async def committee_ids(
    session: AsyncSession, *, admin_ids: Collection[int], edition_id: int | None
) -> set[int]:
    """Telegram user ids of the admins (ADMIN_IDS and ``Admin`` rows) and, when
    ``edition_id`` is given, that edition's judges."""
    ids = set(admin_ids) | set(await session.scalars(select(Admin.user_id)))
    if edition_id is not None:
        judges = select(Judge.user_id).where(Judge.edition_id == edition_id)
        ids |= set(await session.scalars(judges))
    return ids


async def may_be_on_committee(
    session: AsyncSession, user_id: int, *, admin_ids: Collection[int]
) -> bool:
    """A cheap first check (one query at most) before per-user committee work such as the
    command menu: whether ``user_id`` is an admin or a judge of any edition. Never use it to
    grant a right: roles are checked with :func:`bot.services.core.roles.roles_of`."""
    if user_id in admin_ids:
        return True
    admin = select(Admin.user_id).where(Admin.user_id == user_id)
    judge = select(Judge.user_id).where(Judge.user_id == user_id)
    return await session.scalar(select(admin.union(judge).exists())) or False


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
    ids = await committee_ids(session, admin_ids=admin_ids, edition_id=edition_id)
    return await reachable_ids(session, ids)


async def reachable_ids(session: AsyncSession, user_ids: Collection[int]) -> list[int]:
    """Those of ``user_ids`` whose private chat with the bot is known and not blocked, each
    once, sorted (see :func:`reachable_committee_ids`)."""
    if not user_ids:
        return []
    reachable = select(Chat.id).where(Chat.id.in_(user_ids), Chat.blocked_at.is_(None))
    return sorted(await session.scalars(reachable))


async def is_reachable(session: AsyncSession, chat_id: int) -> bool:
    """Whether the bot knows the private chat ``chat_id`` (the user wrote to it) and is not
    blocked there."""
    chat = await session.get(Chat, chat_id)
    return chat is not None and chat.blocked_at is None
