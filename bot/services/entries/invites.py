"""Invite codes that make a Telegram user an officer of a unit.

A code is 8 characters from a 31-letter alphabet without look-alikes (about 8.5 × 10^11
possible codes); only its SHA-256 is stored. Failed attempts are counted per user: after
``MAX_FAILED_ATTEMPTS`` within ``ATTEMPT_WINDOW`` further attempts are refused until the
window has passed, so guessing codes is impractical.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.core import audit
from bot.services.entries.submissions import leave_form, officer_units
from bot.storage.models import (
    AuditEntry,
    Invite,
    InviteAttempt,
    Judge,
    JudgeAssignment,
    Officer,
    Submission,
    Unit,
)

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[:31]
CODE_LENGTH = 8
MAX_FAILED_ATTEMPTS = 5
ATTEMPT_WINDOW = timedelta(minutes=15)
DEFAULT_VALIDITY = timedelta(days=30)
DEFAULT_MAX_USES = 5


class InviteProblem(enum.StrEnum):
    """Why a code was not accepted."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED_UP = "used_up"
    THROTTLED = "throttled"


class InviteError(Exception):
    """A code was refused; ``problem`` says why, ``retry_after`` when throttled."""

    def __init__(self, problem: InviteProblem, retry_after: timedelta | None = None) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.retry_after = retry_after


class OtherUnit(Exception):
    """A valid code for a unit while the user is already an officer of another unit of the
    same edition: one Telegram account serves one unit, so joining means switching, which
    the user confirms first (nothing was written, no use counted).

    Attributes:
        current: The units the user belongs to now (names, for the question).
        unit: The code's unit.
    """

    def __init__(self, current: list[Unit], unit: Unit) -> None:
        super().__init__(f"already an officer of {', '.join(u.code for u in current)}")
        self.current = current
        self.unit = unit


class JudgeJoining(Exception):
    """A valid code while the user is a judge of the unit's edition: an officer of a unit may
    not judge its entries (conflict of interest), so the judge confirms first (nothing was
    written, no use counted).

    Attributes:
        unit: The code's unit.
        assigned: Entries of that unit assigned to the judge now (they could no longer judge
            them).
    """

    def __init__(self, unit: Unit, assigned: int) -> None:
        super().__init__(f"a judge joining {unit.code}")
        self.unit = unit
        self.assigned = assigned


def normalize_code(code: str) -> str:
    """Upper-case the code and drop spaces and dashes, as people type it."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_code(code: str) -> str:
    """The stored form of a code."""
    return hashlib.sha256(normalize_code(code).encode()).hexdigest()


def format_code(code: str) -> str:
    """A code as shown to people: ``ABCD-EFGH``."""
    return f"{code[:4]}-{code[4:]}"


async def create_invite(
    session: AsyncSession,
    unit: Unit,
    now: datetime,
    *,
    valid_for: timedelta = DEFAULT_VALIDITY,
    max_uses: int = DEFAULT_MAX_USES,
    created_by: int | None = None,
) -> str:
    """Create an invite code for ``unit``.

    Returns:
        The plain code (8 characters); it is shown once and never stored.
    """
    code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    session.add(
        Invite(
            unit_id=unit.id,
            code_hash=hash_code(code),
            expires_at=now + valid_for,
            max_uses=max_uses,
            created_by=created_by,
            created_at=now,
        )
    )
    session.add(
        AuditEntry(
            at=now,
            actor_id=created_by,
            action="invite.create",
            entity="unit",
            entity_id=unit.code,
            after={"expires_at": (now + valid_for).isoformat(), "max_uses": max_uses},
        )
    )
    return code


async def redeem_invite(
    session: AsyncSession,
    user_id: int,
    code: str,
    now: datetime,
    *,
    switch: bool = False,
    as_judge: bool = False,
) -> Officer:
    """Make ``user_id`` an officer of the code's unit.

    Redeeming a code for a unit the user already belongs to returns the existing officer and
    uses nothing up. An officer of another unit of the same edition is asked first
    (:class:`OtherUnit`); with ``switch`` they leave that unit (audited ``officer.leave``;
    its entries stay with it) and join this one. A judge of the edition is warned first
    (:class:`JudgeJoining`: they could no longer judge the unit's entries); with
    ``as_judge`` they confirmed, and the join's audit entry says so.

    Raises:
        InviteError: Unknown, expired or used-up code, or too many failed attempts.
        OtherUnit: The user belongs to another unit and ``switch`` is not set.
        JudgeJoining: The user is a judge of the edition and ``as_judge`` is not set.
    """
    since = now - ATTEMPT_WINDOW
    failures = await session.scalar(  # a count: never None
        select(func.count())
        .select_from(InviteAttempt)
        .where(InviteAttempt.user_id == user_id, InviteAttempt.attempted_at > since)
    )
    if (failures or 0) >= MAX_FAILED_ATTEMPTS:
        oldest = await session.scalar(
            select(func.min(InviteAttempt.attempted_at)).where(
                InviteAttempt.user_id == user_id, InviteAttempt.attempted_at > since
            )
        )
        waited = now - oldest if oldest is not None else timedelta(0)  # counted just now: set
        raise InviteError(InviteProblem.THROTTLED, retry_after=ATTEMPT_WINDOW - waited)

    invite = await session.scalar(
        select(Invite)
        .where(Invite.code_hash == hash_code(code))
        .options(selectinload(Invite.unit))
        .with_for_update()
    )
    problem = None
    if invite is None:
        problem = InviteProblem.UNKNOWN
    elif invite.expires_at <= now:
        problem = InviteProblem.EXPIRED
    if problem is not None:
        session.add(InviteAttempt(user_id=user_id, attempted_at=now))
        raise InviteError(problem)
    assert invite is not None
    existing = await session.scalar(
        select(Officer)
        .where(Officer.user_id == user_id, Officer.unit_id == invite.unit_id)
        .options(selectinload(Officer.unit))
    )
    if existing is not None:
        return existing
    if invite.uses >= invite.max_uses:
        raise InviteError(InviteProblem.USED_UP)
    others = await officer_units(session, user_id, invite.unit.edition_id)
    if others and not switch:
        raise OtherUnit([other.unit for other in others], invite.unit)
    judge = await session.scalar(
        select(Judge).where(Judge.user_id == user_id, Judge.edition_id == invite.unit.edition_id)
    )
    if judge is not None and not as_judge:
        assigned = await session.scalar(
            select(func.count())
            .select_from(JudgeAssignment)
            .join(Submission, Submission.id == JudgeAssignment.submission_id)
            .where(JudgeAssignment.judge_id == judge.id, Submission.unit_id == invite.unit_id)
        )
        raise JudgeJoining(invite.unit, assigned or 0)
    if any(other.current_submission_id for other in others):
        await leave_form(session, user_id)  # the old unit's entry: its draft is kept
    for other in others:
        await session.delete(other)
        audit.record(
            session,
            now=now,
            actor_id=user_id,
            action="officer.leave",
            entity="unit",
            entity_id=other.unit.code,
            before={"user_id": user_id},
            after={"switched_to": invite.unit.code},
        )
    invite.uses += 1
    officer = Officer(user_id=user_id, unit_id=invite.unit_id, invite_id=invite.id, joined_at=now)
    officer.unit = invite.unit
    session.add(officer)
    session.add(
        AuditEntry(
            at=now,
            actor_id=user_id,
            action="officer.join",
            entity="unit",
            entity_id=invite.unit.code,
            after={"user_id": user_id, **({"judge": True} if judge is not None else {})},
        )
    )
    return officer
