"""The ranking and the results.

Per entry (edition's ``config["final_score"]``, see ``config/event.yaml``):

- each judge's weighted score: Σ weight × score / Σ weight over the rubric (0–100); a judge
  counts once all criteria are scored;
- the mean over those judges;
- the validated self-assessment score: Σ weight × validated level / Σ weight × 3, as a
  percentage, over all the edition's indicators (an indicator the panel did not validate
  counts 0: unproven evidence earns nothing);
- final = ``judges`` × mean + ``self_assessment`` × self-assessment score.

Ties: ``final_score.tie_break`` (the higher judges' mean, or the higher self-assessment, or
the earlier submission), then the earlier ``submitted_at``, then the entry number.

:func:`set_results` turns the ranking into ``Award`` rows with the edition's rank titles and
moves nominees to winner / not_selected through :func:`change_status`. Results stay private
to admins until the announcement (``bot.services.judging.results`` decides visibility).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.core.audit import record
from bot.services.core.edition_guard import ensure_open
from bot.services.entries.submission_status import StatusChange, change_status
from bot.services.judging.results import record_award
from bot.services.judging.scoring import JUDGEABLE, Criterion, indicators_of, rubric
from bot.storage.models import (
    Award,
    Edition,
    Judge,
    Score,
    SelfAssessment,
    Submission,
    SubmissionStatus,
)

S = SubmissionStatus

DEFAULT_FINAL = {"judges": 0.7, "self_assessment": 0.3, "tie_break": "judges"}
"""Final-score formula when the edition's file gives none (the event file's defaults)."""

RESULT_POOL = (S.NOMINEE, S.WINNER, S.NOT_SELECTED)
"""Entries that take part in the results: the nominees (and a previous result's entries)."""


class RankingError(Exception):
    """Results cannot be set; ``code`` names the catalogue text (``ranking-error-<code>``)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class RankedEntry:
    """One entry's line in the ranking.

    Attributes:
        submission: The entry (unit loaded).
        judge_scores: Judge id → weighted score (0–100) of each judge who scored every
            criterion.
        judges_mean: Mean of ``judge_scores``, or None if no judge completed.
        self_assessment: Validated self-assessment score (0–100).
        final: The final score (0–100), counting a missing judges' mean as 0.
        rank: 1-based position.
        unvalidated: Indicators the entry self-assessed that no judge validated yet (they
            count 0 in ``self_assessment``).
    """

    submission: Submission
    judge_scores: dict[int, float] = field(default_factory=dict)
    judges_mean: float | None = None
    self_assessment: float = 0.0
    final: float = 0.0
    rank: int = 0
    unvalidated: int = 0


def weighted_score(scores: dict[str, float], criteria: tuple[Criterion, ...]) -> float | None:
    """Σ weight × score / Σ weight (0–100), or None unless every criterion is scored."""
    if any(criterion.key not in scores for criterion in criteria):
        return None
    total = sum(criterion.weight for criterion in criteria)
    return sum(criterion.weight * scores[criterion.key] for criterion in criteria) / total


def final_formula(edition: Edition) -> dict[str, Any]:
    """The edition's ``final_score`` settings with defaults filled in."""
    return {**DEFAULT_FINAL, **((edition.config or {}).get("final_score") or {})}


async def compute_ranking(session: AsyncSession, edition: Edition) -> list[RankedEntry]:
    """The ranking of the edition's judged entries
    (:data:`~bot.services.judging.scoring.JUDGEABLE`), best first, ties broken as
    the module says."""
    criteria = rubric(edition)
    formula = final_formula(edition)
    entries = list(
        await session.scalars(
            select(Submission)
            .where(Submission.edition_id == edition.id, Submission.status.in_(JUDGEABLE))
            .options(selectinload(Submission.unit))
        )
    )
    ids = [entry.id for entry in entries]
    per_judge: dict[tuple[int, int], dict[str, float]] = {}
    for judge_id, submission_id, key, value in await session.execute(
        select(Score.judge_id, Score.submission_id, Score.criterion_key, Score.value).where(
            Score.submission_id.in_(ids)
        )
    ):
        per_judge.setdefault((submission_id, judge_id), {})[key] = value
    indicators = await indicators_of(session, edition.id)
    weights = {indicator.id: indicator.weight for indicator in indicators}
    maximum = sum(weights.values()) * 3
    validated: dict[int, float] = {}
    unvalidated: dict[int, int] = {}
    for submission_id, indicator_id, claimed, level in await session.execute(
        select(
            SelfAssessment.submission_id,
            SelfAssessment.indicator_id,
            SelfAssessment.level,
            SelfAssessment.validated_level,
        ).where(SelfAssessment.submission_id.in_(ids))
    ):
        if indicator_id not in weights:
            continue
        if level:
            validated[submission_id] = (
                validated.get(submission_id, 0.0) + weights[indicator_id] * level
            )
        elif claimed:
            unvalidated[submission_id] = unvalidated.get(submission_id, 0) + 1
    ranked = []
    for entry in entries:
        line = RankedEntry(entry)
        for (submission_id, judge_id), scores in per_judge.items():
            if submission_id == entry.id:
                score = weighted_score(scores, criteria)
                if score is not None:
                    line.judge_scores[judge_id] = score
        if line.judge_scores:
            line.judges_mean = sum(line.judge_scores.values()) / len(line.judge_scores)
        line.self_assessment = 100 * validated.get(entry.id, 0.0) / maximum if maximum else 0.0
        line.unvalidated = unvalidated.get(entry.id, 0)
        line.final = (
            float(formula["judges"]) * (line.judges_mean or 0.0)
            + float(formula["self_assessment"]) * line.self_assessment
        )
        ranked.append(line)
    ranked.sort(key=lambda line: _sort_key(line, str(formula["tie_break"])))
    for position, line in enumerate(ranked, start=1):
        line.rank = position
    return ranked


_FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


def _sort_key(line: RankedEntry, tie_break: str) -> tuple:
    submitted = line.submission.submitted_at or _FAR_FUTURE
    first = {
        "judges": -(line.judges_mean or 0.0),
        "self_assessment": -line.self_assessment,
    }.get(tie_break, 0.0)
    return (-round(line.final, 6), round(first, 6), submitted, line.submission.sequence or 0)


async def judges_by_id(session: AsyncSession, edition_id: int) -> dict[int, Judge]:
    """The edition's judges by id."""
    return {
        judge.id: judge
        for judge in await session.scalars(select(Judge).where(Judge.edition_id == edition_id))
    }


@dataclass(frozen=True)
class Results:
    """What :func:`set_results` did: the awards, and every status change made."""

    awards: tuple[Award, ...]
    changes: tuple[StatusChange, ...]


def results_blocker(edition: Edition, ranked: list[RankedEntry]) -> str | None:
    """Why the results cannot be set now (a ``ranking-error-<code>`` code: ``announced``,
    ``open`` while judging is open, ``no-nominees``, ``unjudged`` while a nominee has no
    judge's complete score), or None: the committee is offered only what it can do."""
    if edition.results_announced_at is not None:
        return "announced"
    if edition.judging_closed_at is None:
        return "open"
    if not any(line.submission.status in RESULT_POOL for line in ranked):
        return "no-nominees"
    if unjudged_nominees(ranked):
        return "unjudged"
    return None


def unjudged_nominees(ranked: list[RankedEntry]) -> list[RankedEntry]:
    """The nominees (and a previous result's entries) no judge has scored on every criterion.

    The results rest on the panel's scores: such an entry would rank on its self-assessment
    alone (0 without one) and could become a winner or lose unjudged, so the winners are not
    set while there is one (:func:`results_blocker`); the committee reopens judging for the
    panel to score it."""
    return [
        line for line in ranked if line.submission.status in RESULT_POOL and not line.judge_scores
    ]


def unvalidated_entries(ranked: list[RankedEntry]) -> list[RankedEntry]:
    """The entries whose self-assessment is not fully validated, so part of it counts 0:
    the committee is warned before closing judging, setting the winners and in the report."""
    return [line for line in ranked if line.unvalidated]


async def set_results(
    session: AsyncSession, edition: Edition, *, actor_id: int | None, now: datetime
) -> Results:
    """Turn the ranking into the edition's results.

    The nominees (and entries of a previous result) are taken in ranking order: the first
    ``len(config["rank_titles"])`` become winners with an ``Award`` each (rank title from the
    file, recorded through :func:`bot.services.judging.results.record_award`), the others
    not_selected. Earlier awards of the edition are replaced (audited).
    Officers are not notified here: the results stay private until the announcement.

    Raises:
        RankingError: ``open`` (judging is not closed), ``announced`` (results already
            announced), ``no-nominees``, ``unjudged`` (a nominee has no judge's complete
            score: :func:`unjudged_nominees`).
    """
    await ensure_open(session, edition)
    ranked = await compute_ranking(session, edition)
    blocker = results_blocker(edition, ranked)
    if blocker is not None:
        raise RankingError(blocker)
    titles = list((edition.config or {}).get("rank_titles") or [])
    pool = [line for line in ranked if line.submission.status in RESULT_POOL]
    before = [_award_json(award) for award in await awards_of(session, edition.id)]
    winners = len(titles)
    awards, changes = [], []
    for position, line in enumerate(pool):
        entry = line.submission
        wanted = S.WINNER if position < winners else S.NOT_SELECTED
        if entry.status != wanted:
            if entry.status != S.NOMINEE:
                changes.append(
                    await change_status(
                        session, entry, S.NOMINEE, actor_id=actor_id, now=now, notify=False
                    )
                )
            changes.append(
                await change_status(
                    session, entry, wanted, actor_id=actor_id, now=now, notify=False
                )
            )
        if wanted is S.WINNER:
            awards.append(
                await record_award(
                    session,
                    edition,
                    rank=position + 1,
                    unit=entry.unit,
                    innovation=entry.title or entry.number or "",
                    actor_id=actor_id,
                    now=now,
                    submission_id=entry.id,
                )
            )
    await session.execute(
        delete(Award).where(Award.edition_id == edition.id, Award.rank > len(awards))
    )
    await session.flush()
    record(
        session,
        now=now,
        actor_id=actor_id,
        action="results.set",
        entity="edition",
        entity_id=edition.id,
        before={"awards": before},
        after={"awards": [_award_json(award) for award in awards]},
    )
    return Results(tuple(awards), tuple(changes))


def _award_json(award: Award) -> dict[str, object]:
    return {
        "rank": award.rank,
        "title": award.title,
        "unit_id": award.unit_id,
        "innovation": award.innovation,
        "submission_id": award.submission_id,
    }


async def awards_of(session: AsyncSession, edition_id: int) -> list[Award]:
    """The edition's awards by rank, with unit (admins' view; not a visibility check)."""
    return list(
        await session.scalars(
            select(Award)
            .where(Award.edition_id == edition_id)
            .order_by(Award.rank)
            .options(selectinload(Award.unit))
        )
    )
