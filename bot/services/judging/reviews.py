"""A judge's review of an entry beyond the scores: the comment, saved as typed, and the
submission of the scoring once every criterion is scored.

A submitted review is final: its scores, levels and comment are no longer changed, in the
workspace or the chat (``JudgingError("submitted")`` from
:func:`~bot.services.judging.scoring.check_can_judge`); the admins see who submitted in the
judging progress, and only they can reopen it (:func:`reopen_review`: a judge who submitted
by mistake asks the committee; the judge is told through the outbox). Every change is
audited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import t
from bot.services.core.audit import record
from bot.services.core.edition_guard import ensure_entry_open
from bot.services.judging.scoring import (
    JudgingError,
    check_can_judge,
    is_closed,
    rubric,
    scores_of,
)
from bot.services.shared.outbox import enqueue, in_every_language
from bot.storage.models import Edition, Judge, JudgeReview, Submission

COMMENT_LIMIT = 10_000
"""Longest comment (characters); a longer one is refused whole, never cut."""


async def review_of(session: AsyncSession, judge_id: int, submission_id: int) -> JudgeReview | None:
    """The judge's review of the entry, if they wrote or submitted anything."""
    return await session.scalar(
        select(JudgeReview).where(
            JudgeReview.judge_id == judge_id, JudgeReview.submission_id == submission_id
        )
    )


async def _open_review(
    session: AsyncSession, judge: Judge, submission_id: int, now: datetime
) -> JudgeReview:
    await check_can_judge(session, judge, submission_id)
    review = await review_of(session, judge.id, submission_id)
    if review is None:
        review = JudgeReview(
            judge_id=judge.id, submission_id=submission_id, comment="", updated_at=now
        )
        session.add(review)
    return review


async def save_comment(
    session: AsyncSession, judge: Judge, submission_id: int, comment: str, *, now: datetime
) -> JudgeReview:
    """Save the judge's comment on an assigned entry (audited).

    Raises:
        JudgingError: ``closed``, ``not-assigned``, ``conflict``, ``submitted`` or
            ``comment-too-long`` (over :data:`COMMENT_LIMIT` characters).
    """
    await ensure_entry_open(session, submission_id)
    if len(comment) > COMMENT_LIMIT:
        raise JudgingError("comment-too-long", str(len(comment)))
    review = await _open_review(session, judge, submission_id, now)
    if review.id and review.comment == comment:  # saved again unchanged: no history row
        return review
    before = {"comment": review.comment} if review.id else None
    review.comment, review.updated_at = comment, now
    record(
        session,
        now=now,
        actor_id=judge.user_id,
        action="review.comment",
        entity="judge_review",
        entity_id=f"{judge.id}:{submission_id}",
        before=before,
        after={"comment": comment},
    )
    return review


async def submit_review(
    session: AsyncSession,
    judge: Judge,
    submission_id: int,
    *,
    now: datetime,
    shown: Mapping[str, object] | None = None,
) -> JudgeReview:
    """Submit the judge's scoring of an assigned entry (audited).

    ``shown`` is what the workspace page shows in each criterion's field (a number, or the
    text when it is not one): the sheet is submitted only when it is what is stored, so a
    judge never sends older saved values while the page shows another or an invalid one.

    Raises:
        JudgingError: ``closed``, ``not-assigned``, ``conflict``, ``submitted``,
            ``incomplete`` (a criterion of the rubric has no score) or ``unsaved`` (a
            shown value is not the stored one).
    """
    await ensure_entry_open(session, submission_id)
    edition, _ = await check_can_judge(session, judge, submission_id)
    scores = await scores_of(session, judge.id, submission_id)
    if any(criterion.key not in scores for criterion in rubric(edition)):
        raise JudgingError("incomplete")
    if shown is not None and any(
        not _same_score(shown.get(key), value) for key, value in scores.items()
    ):
        raise JudgingError("unsaved")
    review = await _open_review(session, judge, submission_id, now)
    review.submitted_at = review.updated_at = now
    record(
        session,
        now=now,
        actor_id=judge.user_id,
        action="review.submit",
        entity="judge_review",
        entity_id=f"{judge.id}:{submission_id}",
        after={"scores": scores},
    )
    return review


def _same_score(shown: object, stored: float) -> bool:
    """Whether a page's shown value is the stored score (a bool or a text never is)."""
    return (
        isinstance(shown, int | float)
        and not isinstance(shown, bool)
        and abs(float(shown) - stored) < 1e-9
    )


async def reopen_review(
    session: AsyncSession,
    edition: Edition,
    judge_id: int,
    submission_id: int,
    *,
    actor_id: int | None,
    now: datetime,
) -> JudgeReview | None:
    """The committee reopens a judge's submitted score sheet: the judge may change its scores,
    levels and comment again and submit it anew (audited ``review.reopen``); the judge is
    told in the chat through the outbox.

    Returns:
        The review, or None when there is no submitted sheet of that judge and entry (already
        reopened, or a stale button: nothing written).

    Raises:
        JudgingError: ``closed`` when judging is closed or the results announced.
    """
    await ensure_entry_open(session, submission_id)
    if is_closed(edition):
        raise JudgingError("closed")
    review = await review_of(session, judge_id, submission_id)
    judge = await session.get(Judge, judge_id)
    entry = await session.get(Submission, submission_id)
    if review is None or review.submitted_at is None or judge is None or entry is None:
        return None
    if judge.edition_id != edition.id:
        return None
    submitted_at = review.submitted_at
    review.submitted_at, review.updated_at = None, now
    audit = record(
        session,
        now=now,
        actor_id=actor_id,
        action="review.reopen",
        entity="judge_review",
        entity_id=f"{judge_id}:{submission_id}",
        before={"submitted_at": submitted_at.isoformat()},
        after={"submitted_at": None},
    )
    await session.flush()
    number, title = entry.number or "—", entry.title or "—"
    await enqueue(
        session,
        kind="review-reopen",
        key=f"review-reopen:{audit.id}",
        recipients=[judge.user_id],
        texts=in_every_language(
            lambda language: t(language, "review-reopened-notice", number=number, title=title)
        ),
        now=now,
    )
    return review


async def reviews_of_edition(session: AsyncSession, judge_ids: list[int]) -> list[JudgeReview]:
    """Every review of the given judges (for the committee's progress view)."""
    if not judge_ids:
        return []
    return list(
        await session.scalars(select(JudgeReview).where(JudgeReview.judge_id.in_(judge_ids)))
    )


@dataclass(frozen=True)
class JudgeComment:
    """A judge's comment on an entry as the committee reads it.

    Attributes:
        judge: The judge's name.
        comment: The comment as typed (plain text; escape it for the page).
        submitted: Whether the judge submitted the score sheet (the comment is final).
    """

    judge: str
    comment: str
    submitted: bool


async def comments_on(session: AsyncSession, submission_id: int) -> list[JudgeComment]:
    """The judges' non-empty comments on an entry, by judge name (the committee's entry
    page, QA #26: otherwise only the audit log held them)."""
    rows = await session.execute(
        select(Judge.name, JudgeReview.comment, JudgeReview.submitted_at)
        .join(Judge, Judge.id == JudgeReview.judge_id)
        .where(JudgeReview.submission_id == submission_id, JudgeReview.comment != "")
        .order_by(Judge.name, Judge.id)
    )
    return [
        JudgeComment(name, comment, submitted_at is not None)
        for name, comment, submitted_at in rows
        if comment.strip()
    ]
