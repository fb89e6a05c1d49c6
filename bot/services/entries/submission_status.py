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
``submitted_at`` on submission, an audit entry records who changed what, and the notices
are written to the outbox (:mod:`bot.services.shared.outbox`), sent once the caller commits:

- the committee's decisions (verified, returned, rejected, nominee) tell every officer of the
  unit but the one who acted (``officer-notice-<status>``; a returned entry comes with a button
  that opens it for revision);
- the unit's own steps (submitted, withdrawn) tell the unit's other officers
  (``entry-status-changed``), and a submission alerts the committee (``entry-committee-new``,
  ``entry-committee-resubmitted`` after a revision,
  with a button that opens the entry);
- results (winner, not selected) tell no one: they stay private until the announcement,
  which congratulates the winners (:mod:`bot.handlers.scheduler`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import plain_text, t
from bot.services.core.committee_members import committee_ids
from bot.services.core.edition_guard import ensure_entry_open
from bot.services.shared.outbox import (
    button_in_every_language,
    enqueue,
    in_every_language,
    keyboard,
    web_app_button,
)
from bot.storage.models import AuditEntry, Officer, Submission, SubmissionStatus, Unit

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

COMMITTEE_DECISIONS = frozenset({S.VERIFIED, S.RETURNED, S.REJECTED, S.NOMINEE})
"""Statuses the committee sets that the unit's officers hear about (``officer-notice-*``)."""
UNIT_STEPS = frozenset({S.SUBMITTED, S.WITHDRAWN})
"""Statuses the unit sets itself; its other officers hear about them."""


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
    notify: bool = True,
    admin_ids: Collection[int] = (),
    workspace_url: str | None = None,
) -> StatusChange:
    """Move ``submission`` to ``new`` if the transition table allows it, with the side effects
    of the module doc.

    Args:
        session: The caller's session; nothing is committed here.
        submission: The entry (loaded in ``session``).
        new: The wanted status.
        actor_id: Telegram user id of who made the change (None for the system).
        now: The current instant (aware).
        note: Shown to the officers (the committee's note on return or rejection).
        notify: False writes no notice (setting the results, which stay private).
        admin_ids: ADMIN_IDS; with the ``admins`` rows, who is alerted of a submission.
        workspace_url: The workspace's (Mini App's) address when it is on: the alert's button
            opens the entry there; None: in the chat (``cm:e:<id>``).

    Returns:
        The change, with the Telegram user ids of the unit's officers to notify.

    Raises:
        StatusChangeError: ``new`` is not reachable from the current status.
    """
    await ensure_entry_open(session, submission)
    old = submission.status
    if new not in TRANSITIONS[old]:
        raise StatusChangeError(old, new)
    submission.status = new
    submission.status_note = note
    submission.updated_at = now
    if new is S.SUBMITTED:
        submission.submitted_at = now
    audit = AuditEntry(
        at=now,
        actor_id=actor_id,
        action=f"submission.{new.value}",
        entity="submission",
        entity_id=str(submission.id),
        before={"status": old.value},
        after={"status": new.value, "note": note},
    )
    session.add(audit)
    officer_ids = tuple(
        await session.scalars(select(Officer.user_id).where(Officer.unit_id == submission.unit_id))
    )
    change = StatusChange(submission, old, new, note, officer_ids)
    if notify:
        await session.flush()  # the audit entry's id names the notices
        await _write_notices(session, change, audit.id, actor_id, now, admin_ids, workspace_url)
    return change


async def _write_notices(
    session: AsyncSession,
    change: StatusChange,
    audit_id: int,
    actor_id: int | None,
    now: datetime,
    admin_ids: Collection[int],
    workspace_url: str | None,
) -> None:
    entry, new = change.submission, change.new
    officers = [user_id for user_id in change.officer_ids if user_id != actor_id]
    title, number = entry.title or "—", entry.number or "—"
    markups = None
    if new in COMMITTEE_DECISIONS:
        key, note = f"officer-notice-{new.value}", change.note or "—"
        if new is S.RETURNED:
            markups = button_in_every_language(
                "officer-notice-button-revise", f"entry:open:{entry.id}"
            )
    elif new in UNIT_STEPS:
        key, note = "entry-status-changed", ""
    if new in COMMITTEE_DECISIONS | UNIT_STEPS:
        await enqueue(
            session,
            kind="status",
            key=f"status:{audit_id}",
            recipients=officers,
            texts=in_every_language(
                lambda language: t(
                    language,
                    key,
                    title=title,
                    name=title,
                    number=number,
                    status=t(language, f"entry-status-{new.value}"),
                    note=note,
                )
            ),
            markups=markups,
            now=now,
        )
    if new is S.SUBMITTED:
        unit = await session.scalar(select(Unit.name).where(Unit.id == entry.unit_id))
        committee = await committee_ids(session, admin_ids=admin_ids, edition_id=None)
        # after a revision the committee hears it is back, not that a new entry came in
        alert = "entry-committee-resubmitted" if change.old is S.RETURNED else "entry-committee-new"
        await enqueue(
            session,
            kind="new-entry",
            key=f"new-entry:{audit_id}",
            recipients=sorted(committee),
            texts=in_every_language(
                lambda language: t(
                    language,
                    alert,
                    name=entry.title or t(language, "entry-untitled"),
                    number=number,
                    unit=unit,
                )
            ),
            markups=_open_entry_buttons(entry.id, workspace_url),
            now=now,
        )


def _open_entry_buttons(entry_id: int, workspace_url: str | None) -> dict[str, dict[str, Any]]:
    """The committee alert's button: the entry's page in the workspace when it is on (a
    Mini App button: the alert goes to private chats), else its detail in the chat."""
    if workspace_url is None:
        return button_in_every_language("entry-committee-button-open", f"cm:e:{entry_id}")
    address = f"{workspace_url}?entry={entry_id}"
    return in_every_language(
        lambda language: keyboard(
            [[web_app_button(plain_text(language, "workspace-open-entry"), address)]]
        )
    )
