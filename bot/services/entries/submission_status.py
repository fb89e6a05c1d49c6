"""The one place where an entry's status changes, with its rules and side effects.

Allowed transitions (``SubmissionStatus``)::

    draft      → submitted, withdrawn
    submitted  → verified, returned, rejected, withdrawn
    returned   → submitted, withdrawn
    verified   → nominee, returned, rejected, not_selected
    nominee    → winner, not_selected
    winner     → nominee           (the committee corrects a result before announcing)
    not_selected → nominee

Side effects, all in the caller's transaction: ``status`` and ``status_note`` are set,
``submitted_at`` on submission, and an audit entry records who changed what. Notifying the
unit's officers is the caller's (handler's) job, using :attr:`StatusChange.officer_ids`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import AuditEntry, Officer, Submission, SubmissionStatus

S = SubmissionStatus

NOTE_LIMIT = 1000
"""Longest committee note on a return or rejection (characters), so the officer's notice
stays one message; a longer note is refused whole, never cut."""

TRANSITIONS: dict[SubmissionStatus, frozenset[SubmissionStatus]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    S.SUBMITTED: frozenset({S.VERIFIED, S.RETURNED, S.REJECTED, S.WITHDRAWN}),
    S.RETURNED: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    S.VERIFIED: frozenset({S.NOMINEE, S.RETURNED, S.REJECTED, S.NOT_SELECTED}),
    S.NOMINEE: frozenset({S.WINNER, S.NOT_SELECTED}),
    S.WINNER: frozenset({S.NOMINEE}),
    S.NOT_SELECTED: frozenset({S.NOMINEE}),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
}


class StatusChangeError(Exception):
    """The change is not allowed from the entry's current status."""

    def __init__(self, current: SubmissionStatus, wanted: SubmissionStatus) -> None:
        super().__init__(f"cannot change an entry from {current} to {wanted}")
        self.current = current
        self.wanted = wanted


@dataclass(frozen=True)
class StatusChange:
    """What happened: the entry, its old and new status, the note, whom to notify."""

    submission: Submission
    old: SubmissionStatus
    new: SubmissionStatus
    note: str | None
    officer_ids: tuple[int, ...]


async def change_status(
    session: AsyncSession,
    submission: Submission,
    new: SubmissionStatus,
    *,
    actor_id: int | None,
    now: datetime,
    note: str | None = None,
) -> StatusChange:
    """Move ``submission`` to ``new`` if the transition table allows it.

    Args:
        session: The caller's session; nothing is committed here.
        submission: The entry (loaded in ``session``).
        new: The wanted status.
        actor_id: Telegram user id of who made the change (None for the system).
        now: The current instant (aware).
        note: Shown to the officers (the committee's note on return or rejection).

    Returns:
        The change, with the Telegram user ids of the unit's officers to notify.

    Raises:
        StatusChangeError: ``new`` is not reachable from the current status.
    """
    old = submission.status
    if new not in TRANSITIONS[old]:
        raise StatusChangeError(old, new)
    submission.status = new
    submission.status_note = note
    submission.updated_at = now
    if new is S.SUBMITTED:
        submission.submitted_at = now
    session.add(
        AuditEntry(
            at=now,
            actor_id=actor_id,
            action=f"submission.{new.value}",
            entity="submission",
            entity_id=str(submission.id),
            before={"status": old.value},
            after={"status": new.value, "note": note},
        )
    )
    officer_ids = tuple(
        await session.scalars(select(Officer.user_id).where(Officer.unit_id == submission.unit_id))
    )
    return StatusChange(submission, old, new, note, officer_ids)
