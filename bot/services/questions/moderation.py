"""Questions to the narasumber, the moderator's side: who moderates, the queue, approving,
correcting, hiding, marking answered, closing and reopening a session's questions.

Moderators are the committee's admins and the Telegram users named in the event file's
``questions.moderators``, checked at the moment of use. Every action is written to the audit
log (``question.approve``, ``question.edit``, ``question.hide``, ``question.answer``,
``questions.close``, ``questions.open``) with the values before and after. A hidden question
is never shown again, to anyone: no action brings it back.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.core.admins import is_admin
from bot.services.core.audit import record
from bot.services.core.event_view import AgendaItemView, EventView
from bot.services.questions.asking import (
    EmptyQuestion,
    QuestionGone,
    TooLong,
    rules_of,
    shown_questions,
)
from bot.storage.models import (
    Admin,
    AgendaItem,
    Question,
    QuestionSession,
    QuestionStatus,
)

S = QuestionStatus

ALLOWED = {
    "approve": {S.PENDING},
    "answer": {S.APPROVED},
    "hide": {S.PENDING, S.APPROVED, S.ANSWERED},
    "edit": {S.PENDING, S.APPROVED},
}
"""Which statuses each action applies to (hidden: none, ever)."""


async def is_moderator(
    session: AsyncSession, event: EventView, user_id: int, admin_ids: Collection[int]
) -> bool:
    """Whether ``user_id`` moderates the questions now: an admin, or named in the event
    file's ``questions.moderators``."""
    return user_id in rules_of(event).moderators or await is_admin(session, user_id, admin_ids)


async def moderator_ids(
    session: AsyncSession, event: EventView, admin_ids: Collection[int]
) -> set[int]:
    """Everyone who moderates now (admins and the event file's moderators)."""
    admins = set(await session.scalars(select(Admin.user_id)))
    return set(rules_of(event).moderators) | set(admin_ids) | admins


@dataclass(frozen=True)
class Queue:
    """A session's questions as the moderator sees them: those waiting, oldest first, and
    the approved ones by votes (answered ones after, hidden ones never)."""

    pending: list[Question]
    approved: list[Question]
    answered: list[Question]


async def queue(session: AsyncSession, item_id: int) -> Queue:
    """The session's queue (see :class:`Queue`)."""
    pending = list(
        await session.scalars(
            select(Question)
            .where(Question.agenda_item_id == item_id, Question.status == S.PENDING)
            .order_by(Question.created_at, Question.id)
        )
    )
    shown = await shown_questions(session, item_id)
    return Queue(
        pending=pending,
        approved=[q for q in shown if q.status == S.APPROVED],
        answered=[q for q in shown if q.status == S.ANSWERED],
    )


async def question_in(session: AsyncSession, event: EventView, question_id: int) -> Question | None:
    """The question ``question_id`` if it belongs to a session of ``event`` (else None)."""
    question = await session.get(Question, question_id, populate_existing=True)
    if question is None:
        return None
    item = await session.get(AgendaItem, question.agenda_item_id)
    return question if item is not None and item.event_id == event.id else None


def _snapshot(question: Question) -> dict[str, object]:
    return {"status": question.status.value, "text": question.text}


async def moderate(
    session: AsyncSession,
    event: EventView,
    question_id: int,
    action: str,
    *,
    actor_id: int,
    now: datetime,
    text: str | None = None,
) -> Question:
    """Apply a moderator's ``action`` (``approve``, ``answer``, ``hide`` or ``edit`` with
    ``text``) to a question; audited as ``question.<action>``.

    Raises:
        QuestionGone: No such question in the event, or its status does not allow it (a
            hidden question allows nothing).
        EmptyQuestion, TooLong: An edit's text is empty or over the limit.
    """
    question = await question_in(session, event, question_id)
    if question is None or question.status not in ALLOWED[action]:
        raise QuestionGone(question_id)
    before = _snapshot(question)
    if action == "approve":
        question.status = S.APPROVED
        question.approved_at = now
    elif action == "answer":
        question.status = S.ANSWERED
        question.answered_at = now
    elif action == "hide":
        question.status = S.HIDDEN
    else:
        body = (text or "").strip()
        if not body:
            raise EmptyQuestion()
        limit = rules_of(event).max_length
        if len(body) > limit:
            raise TooLong(len(body), limit)
        question.text = body
    record(
        session,
        now=now,
        actor_id=actor_id,
        action=f"question.{action}",
        entity="question",
        entity_id=question.id,
        before=before,
        after=_snapshot(question),
    )
    await session.flush()
    return question


async def set_closed(
    session: AsyncSession, item: AgendaItemView, *, closed: bool, actor_id: int, now: datetime
) -> bool:
    """Close (or reopen) the session's questions; audited as ``questions.close`` /
    ``questions.open``.

    Returns:
        False when it already was so (nothing written).
    """
    row = await session.get(QuestionSession, item.id)
    was_closed = row is not None and row.closed_at is not None
    if was_closed == closed:
        return False
    if row is None:
        row = QuestionSession(agenda_item_id=item.id)
        session.add(row)
    row.closed_at = now if closed else None
    row.closed_by = actor_id
    record(
        session,
        now=now,
        actor_id=actor_id,
        action="questions.close" if closed else "questions.open",
        entity="agenda_item",
        entity_id=item.id,
        before={"closed": was_closed},
        after={"closed": closed},
    )
    await session.flush()
    return True
