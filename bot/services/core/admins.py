"""Committee admins: those in ADMIN_IDS and those added at run time."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Admin, AuditEntry


async def is_admin(session: AsyncSession, user_id: int, configured: Collection[int]) -> bool:
    """Whether ``user_id`` is an admin now (checked on the server at the moment of use)."""
    return user_id in configured or await session.get(Admin, user_id) is not None


async def add_admin(
    session: AsyncSession, user_id: int, now: datetime, added_by: int | None = None
) -> bool:
    """Make ``user_id`` an admin; audited.

    Returns:
        True if the user was added, False if already an admin.
    """
    if await session.get(Admin, user_id) is not None:
        return False
    session.add(Admin(user_id=user_id, added_by=added_by, added_at=now))
    session.add(
        AuditEntry(
            at=now,
            actor_id=added_by,
            action="admin.add",
            entity="admin",
            entity_id=str(user_id),
            after={"user_id": user_id},
        )
    )
    return True
