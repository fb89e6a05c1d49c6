"""Who is on the committee now: the admins and the current edition's judges."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Admin, Judge


async def committee_user_ids(
    session: AsyncSession, *, admin_ids: Collection[int], edition_id: int | None
) -> list[int]:
    """Telegram user ids of every admin (ADMIN_IDS and ``Admin`` rows) and every judge of the
    edition, each once, sorted.

    Args:
        session: An open session.
        admin_ids: ADMIN_IDS from the settings.
        edition_id: The current edition, or None (then only admins).
    """
    ids = set(admin_ids) | set(await session.scalars(select(Admin.user_id)))
    if edition_id is not None:
        ids |= set(
            await session.scalars(select(Judge.user_id).where(Judge.edition_id == edition_id))
        )
    return sorted(ids)
