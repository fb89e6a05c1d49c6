"""Who may do what: admin, judge (penilai), officer, public.

One question, :func:`roles_of`, answered from the database at the moment of use (never from a
cache or from what a button says): admins are the users in ADMIN_IDS plus the ``Admin`` rows
(:mod:`bot.services.core.admins`), judges are the ``Judge`` rows of the edition, officers the
``Officer`` rows of the edition's units. Everybody is public.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.core.admins import is_admin
from bot.services.core.audit import record
from bot.storage.database import rows_matched
from bot.storage.models import Admin, Judge, Officer, Unit


class Role(enum.StrEnum):
    """The roles a Telegram user can have."""

    ADMIN = "admin"
    JUDGE = "judge"
    OFFICER = "officer"
    PUBLIC = "public"


@dataclass(frozen=True)
class Roles:
    """A user's roles now.

    Attributes:
        user_id: Telegram user id.
        admin: Whether the user is a committee admin.
        judge: The user's ``Judge`` row in the edition, or None.
        unit_ids: Ids of the units the user is an officer of (in the edition).
    """

    user_id: int
    admin: bool
    judge: Judge | None
    unit_ids: tuple[int, ...]

    @property
    def roles(self) -> frozenset[Role]:
        """Every role held, ``PUBLIC`` always included."""
        held = {Role.PUBLIC}
        if self.admin:
            held.add(Role.ADMIN)
        if self.judge is not None:
            held.add(Role.JUDGE)
        if self.unit_ids:
            held.add(Role.OFFICER)
        return frozenset(held)

    def has(self, role: Role) -> bool:
        """Whether the user holds ``role``."""
        return role in self.roles

    @property
    def as_judge(self) -> Judge:
        """The user's ``Judge`` row, for code that checked :attr:`Role.JUDGE` first (the
        role guard, the workspace's judges' pages).

        Raises:
            PermissionError: The user judges nothing in the edition.
        """
        if self.judge is None:
            raise PermissionError(f"user {self.user_id} is not a judge")
        return self.judge


async def roles_of(
    session: AsyncSession, user_id: int, *, admin_ids: Collection[int], edition_id: int | None
) -> Roles:
    """The roles ``user_id`` has now.

    Args:
        session: An open session.
        user_id: Telegram user id.
        admin_ids: ADMIN_IDS from the settings.
        edition_id: The current edition (judges and officers are per edition); None when no
            edition is loaded (then only admin and public apply).
    """
    admin = await is_admin(session, user_id, admin_ids)
    judge = None
    unit_ids: tuple[int, ...] = ()
    if edition_id is not None:
        judge = await session.scalar(
            select(Judge).where(Judge.edition_id == edition_id, Judge.user_id == user_id)
        )
        unit_ids = tuple(
            await session.scalars(
                select(Officer.unit_id)
                .join(Unit, Unit.id == Officer.unit_id)
                .where(Officer.user_id == user_id, Unit.edition_id == edition_id)
            )
        )
    return Roles(user_id=user_id, admin=admin, judge=judge, unit_ids=unit_ids)


async def officer_ids(session: AsyncSession, edition_id: int | None) -> set[int]:
    """Telegram user ids of the officers of edition ``edition_id`` (none without one)."""
    if edition_id is None:
        return set()
    officers = (
        select(Officer.user_id)
        .join(Unit, Unit.id == Officer.unit_id)
        .where(Unit.edition_id == edition_id)
    )
    return set(await session.scalars(officers))


async def is_officer(session: AsyncSession, user_id: int, edition_id: int | None) -> bool:
    """Whether ``user_id`` is an officer of a unit of edition ``edition_id`` (one query)."""
    if edition_id is None:
        return False
    officer = (
        select(Officer.user_id)
        .join(Unit, Unit.id == Officer.unit_id)
        .where(Officer.user_id == user_id, Unit.edition_id == edition_id)
    )
    return await session.scalar(select(officer.exists())) or False


async def may_hold_a_role(
    session: AsyncSession, user_id: int, *, admin_ids: Collection[int]
) -> bool:
    """A cheap first check (one query at most) before per-user work such as the command
    menu: whether ``user_id`` is an admin, or a judge or officer of any edition. Never use it
    to grant a right: roles are checked with :func:`roles_of`."""
    if user_id in admin_ids:
        return True
    admin = select(Admin.user_id).where(Admin.user_id == user_id)
    judge = select(Judge.user_id).where(Judge.user_id == user_id)
    officer = select(Officer.user_id).where(Officer.user_id == user_id)
    return await session.scalar(select(admin.union(judge, officer).exists())) or False


async def remove_admin(
    session: AsyncSession, user_id: int, now: datetime, removed_by: int | None = None
) -> bool:
    """Remove an admin added at run time (ADMIN_IDS stay admins until the setting changes);
    audited.

    Returns:
        True if a row was removed.
    """
    if not await rows_matched(session, delete(Admin).where(Admin.user_id == user_id)):
        return False
    record(
        session,
        now=now,
        actor_id=removed_by,
        action="admin.remove",
        entity="admin",
        entity_id=user_id,
        before={"user_id": user_id},
    )
    return True
