"""The audit log: who did what, when, with the values before and after.

Every admin and judge action records one :class:`~bot.storage.models.AuditEntry` in the
caller's transaction; refused attempts (a button tapped by someone without the role) are
recorded too, as ``access.denied``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import AuditEntry

DENIED = "access.denied"
"""Action name of a refused attempt."""


def record(
    session: AsyncSession,
    *,
    now: datetime,
    actor_id: int | None,
    action: str,
    entity: str,
    entity_id: object | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add one audit entry to the session (nothing is committed here).

    Args:
        session: The caller's session.
        now: When it happened (aware).
        actor_id: Telegram user id of who did it; None for the system.
        action: Dotted name, e.g. ``score.set``, ``judge.add``, ``access.denied``.
        entity: What kind of thing changed (``submission``, ``judge``, ``score``…).
        entity_id: Its id (stored as text), if any.
        before: JSON-able values before the change.
        after: JSON-able values after the change.

    Returns:
        The new (pending) entry.
    """
    entry = AuditEntry(
        at=now,
        actor_id=actor_id,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        before=before,
        after=after,
    )
    session.add(entry)
    return entry


def record_denied(
    session: AsyncSession, *, now: datetime, actor_id: int, attempted: str, role: str
) -> AuditEntry:
    """Record that ``actor_id`` tried ``attempted`` (a command or callback data) without
    ``role``."""
    return record(
        session,
        now=now,
        actor_id=actor_id,
        action=DENIED,
        entity="access",
        entity_id=role,
        after={"attempted": attempted[:200], "required": role},
    )


async def list_entries(
    session: AsyncSession, *, limit: int = 20, offset: int = 0
) -> list[AuditEntry]:
    """The most recent entries first.

    Args:
        limit: Page size (entries).
        offset: Entries to skip (page × size).
    """
    return list(
        await session.scalars(
            select(AuditEntry)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .limit(limit)
            .offset(offset)
        )
    )


async def count_entries(session: AsyncSession, *, action: str | None = None) -> int:
    """How many entries there are (of one ``action`` when given)."""
    query = select(func.count()).select_from(AuditEntry)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    return int(await session.scalar(query) or 0)
