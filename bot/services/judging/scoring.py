"""Judging: the panel (tim penilai), who judges which entry, rubric scores, the validation of
self-assessed indicator levels, and each judge's progress.

Rules:
    - The rubric is the edition's ``config["rubric"]``; without one, the national presentation
      criteria of 2023 (:data:`DEFAULT_RUBRIC`). Each criterion is scored 0–100.
    - A judge tied to the entrant cannot judge it (conflict of interest, :func:`ties_of`):
      their unit (``Judge.unit_id``), a unit they serve as an officer (``Officer``, e.g.
      joined with /daftar), an entry they created. Such assignments are skipped and
      reported, and a judge's change to such an entry is refused.
    - Judges score privately and may revise until the admins close judging
      (``Edition.judging_closed_at``) or the results are announced
      (``Edition.results_announced_at``, also when they come from the event file and nobody
      closed judging); after that every change is refused (:func:`is_closed`).
    - A score sheet the judge submitted (``JudgeReview.submitted_at``, the workspace's
      "Kirim penilaian") is final: its scores, validated levels and comment are refused
      (``submitted``) wherever the change comes from, the chat or the workspace, through
      :func:`check_can_judge`, the one check every judge's change passes.
    - Each judge validates the self-assessed levels for themselves (:class:`LevelValidation`,
      :func:`own_levels`): another judge of the panel neither sees nor changes them. The level
      that counts (``SelfAssessment.validated_level``: ranking, exports) is the panel's, the
      lower median of the judges' levels (:func:`panel_level`: never above what half the
      panel validated), kept up to date at every validation and when a judge leaves.
    - Only entries that passed the administrative check are judged (:data:`JUDGEABLE`): a
      change to an assigned entry the committee rejected (or that was withdrawn or returned)
      since is refused (``not-judgeable``), through :func:`check_can_judge` too.

Every change is audited with its value before and after.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.core.audit import record
from bot.services.core.edition_guard import ensure_entry_open, ensure_open
from bot.storage.database import rows_matched
from bot.storage.models import (
    Edition,
    Indicator,
    Judge,
    JudgeAssignment,
    JudgeReview,
    LevelValidation,
    Officer,
    Score,
    SelfAssessment,
    Submission,
    SubmissionStatus,
    Unit,
)

S = SubmissionStatus

JUDGEABLE = (S.VERIFIED, S.NOMINEE, S.WINNER, S.NOT_SELECTED)
"""Statuses of entries the panel judges: those that passed the administrative check."""

MIN_SCORE, MAX_SCORE = 0.0, 100.0
"""Range of a criterion's score."""

LEVELS = (1, 2, 3)
"""Parameter levels of an indicator (Indeks Inovasi Daerah: three levels per indicator)."""


@dataclass(frozen=True)
class Criterion:
    """A rubric criterion: key, name and description per language, weight in percent."""

    key: str
    name: dict[str, str]
    weight: float
    description: dict[str, str] = field(default_factory=dict)

    def label(self, language: str) -> str:
        """The name in ``language`` (Indonesian if missing)."""
        return self.name.get(language) or self.name.get("id") or self.key

    def explanation(self, language: str) -> str:
        """What the judges look at, in ``language`` (Indonesian if missing; may be "")."""
        return self.description.get(language) or self.description.get("id") or ""


DEFAULT_RUBRIC: tuple[Criterion, ...] = (
    Criterion("kebaharuan", {"id": "Kebaharuan", "en": "Novelty"}, 30),
    Criterion("kemanfaatan", {"id": "Kemanfaatan", "en": "Benefit"}, 25),
    Criterion(
        "kewenangan-kolaborasi",
        {"id": "Kewenangan daerah dan kolaborasi", "en": "Regional authority and collaboration"},
        15,
    ),
    Criterion(
        "replikasi-aplikatif",
        {"id": "Replikasi dan aplikatif", "en": "Replicability and applicability"},
        20,
    ),
    Criterion(
        "kualitas-penyajian", {"id": "Kualitas penyajian", "en": "Quality of presentation"}, 10
    ),
)
"""National presentation criteria and weights (Kemendagri/BSKDN, 2023), see shared/domain.md."""


class JudgingError(Exception):
    """A judging action that is not allowed; ``code`` names the catalogue text
    (``judging-error-<code>``)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def rubric(edition: Edition) -> tuple[Criterion, ...]:
    """The edition's rubric (``config["rubric"]``), else :data:`DEFAULT_RUBRIC`."""
    configured = (edition.config or {}).get("rubric") or []
    if not configured:
        return DEFAULT_RUBRIC
    return tuple(
        Criterion(
            item["key"],
            dict(item["name"]),
            float(item["weight"]),
            _texts(item.get("description")),
        )
        for item in configured
    )


def _texts(value: str | dict[str, str] | None) -> dict[str, str]:
    """A localised text of the event file as ``{language: text}``."""
    if isinstance(value, str):
        return {"id": value}
    return dict(value or {})


def is_closed(edition: Edition) -> bool:
    """Whether judging is over: the admins closed it, or the results were announced (public
    results are never changed by a late score)."""
    return edition.judging_closed_at is not None or edition.results_announced_at is not None


# --- the panel ---------------------------------------------------------------------------


async def list_judges(session: AsyncSession, edition_id: int) -> list[Judge]:
    """The edition's judges, by name."""
    return list(
        await session.scalars(
            select(Judge).where(Judge.edition_id == edition_id).order_by(Judge.name, Judge.id)
        )
    )


async def add_judge(
    session: AsyncSession,
    edition: Edition,
    *,
    user_id: int,
    name: str,
    unit_code: str | None,
    actor_id: int | None,
    now: datetime,
) -> Judge:
    """Add a judge to the edition's panel (or update their name and unit).

    Args:
        user_id: The judge's Telegram user id.
        name: Name shown in the report's panel (1–200 characters).
        unit_code: Code of the unit the judge belongs to (conflicts of interest), or None.

    Raises:
        JudgingError: ``bad-name`` or ``unknown-unit``.
    """
    await ensure_open(session, edition)
    name = " ".join(name.split())
    if not 1 <= len(name) <= 200:
        raise JudgingError("bad-name")
    unit_id = None
    if unit_code:
        unit_id = await session.scalar(
            select(Unit.id).where(Unit.edition_id == edition.id, Unit.code == unit_code.upper())
        )
        if unit_id is None:
            raise JudgingError("unknown-unit", unit_code)
    judge = await session.scalar(
        select(Judge).where(Judge.edition_id == edition.id, Judge.user_id == user_id)
    )
    before = None
    if judge is None:
        judge = Judge(edition_id=edition.id, user_id=user_id, name=name, unit_id=unit_id)
        session.add(judge)
    else:
        before = {"name": judge.name, "unit_id": judge.unit_id}
        judge.name, judge.unit_id = name, unit_id
    await session.flush()
    record(
        session,
        now=now,
        actor_id=actor_id,
        action="judge.add",
        entity="judge",
        entity_id=judge.id,
        before=before,
        after={"user_id": user_id, "name": name, "unit_id": unit_id},
    )
    return judge


async def remove_judge(
    session: AsyncSession, judge_id: int, *, actor_id: int | None, now: datetime
) -> bool:
    """Remove a judge with their assignments, scores and own validated levels (the panel's
    levels follow) (audited).

    Returns:
        True if the judge existed.
    """
    judge = await session.get(Judge, judge_id)
    if judge is None:
        return False
    await ensure_open(session, judge.edition_id)
    record(
        session,
        now=now,
        actor_id=actor_id,
        action="judge.remove",
        entity="judge",
        entity_id=judge.id,
        before={"user_id": judge.user_id, "name": judge.name, "unit_id": judge.unit_id},
    )
    await session.execute(delete(JudgeAssignment).where(JudgeAssignment.judge_id == judge_id))
    await session.execute(delete(Score).where(Score.judge_id == judge_id))
    await drop_validations(session, judge_id, None, now)
    await session.delete(judge)
    return True


# --- assignments -------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignmentReport:
    """What :func:`assign` did: pairs (judge id, submission id) added, already there, and
    skipped for a conflict of interest."""

    added: tuple[tuple[int, int], ...]
    existing: tuple[tuple[int, int], ...]
    conflicts: tuple[tuple[int, int], ...]


async def judgeable_entries(session: AsyncSession, edition_id: int) -> list[Submission]:
    """The edition's entries the panel judges (:data:`JUDGEABLE`), by number, with unit."""
    return list(
        await session.scalars(
            select(Submission)
            .where(Submission.edition_id == edition_id, Submission.status.in_(JUDGEABLE))
            .order_by(Submission.sequence, Submission.id)
            .options(selectinload(Submission.unit))
        )
    )


@dataclass(frozen=True)
class Ties:
    """What ties a judge to entrants: the units they belong to (``Judge.unit_id`` and every
    unit they serve as an officer) and their Telegram id (entries they created)."""

    units: frozenset[int]
    user_id: int

    def conflict(self, submission: Submission) -> bool:
        """Whether the judge may not judge ``submission`` (conflict of interest)."""
        return submission.unit_id in self.units or submission.created_by == self.user_id


async def ties_of(session: AsyncSession, judge: Judge) -> Ties:
    """The judge's :class:`Ties`, read now (an officer membership may be newer than the
    judge's row)."""
    units = set(
        await session.scalars(select(Officer.unit_id).where(Officer.user_id == judge.user_id))
    )
    if judge.unit_id is not None:
        units.add(judge.unit_id)
    return Ties(frozenset(units), judge.user_id)


async def has_conflict(session: AsyncSession, judge: Judge, submission: Submission) -> bool:
    """Whether the judge may not judge the entry (:func:`ties_of`)."""
    return (await ties_of(session, judge)).conflict(submission)


async def assign(
    session: AsyncSession,
    edition: Edition,
    *,
    judge_ids: Iterable[int] | None,
    submission_ids: Iterable[int] | None,
    actor_id: int | None,
    now: datetime,
) -> AssignmentReport:
    """Assign judges to entries: every listed judge to every listed entry.

    Args:
        judge_ids: Judges of the edition; None for all of them.
        submission_ids: Entries; None for every judgeable entry. Entries that are not
            judgeable or of another edition are ignored.

    Raises:
        JudgingError: ``closed`` when judging is closed.
    """
    await ensure_open(session, edition)
    if is_closed(edition):
        raise JudgingError("closed")
    judges = await list_judges(session, edition.id)
    if judge_ids is not None:
        wanted = set(judge_ids)
        judges = [judge for judge in judges if judge.id in wanted]
    entries = await judgeable_entries(session, edition.id)
    if submission_ids is not None:
        chosen = set(submission_ids)
        entries = [entry for entry in entries if entry.id in chosen]
    rows = await session.execute(select(JudgeAssignment.judge_id, JudgeAssignment.submission_id))
    current = {(judge_id, submission_id) for judge_id, submission_id in rows}
    added, existing, conflicts = [], [], []
    for judge in judges:
        ties = await ties_of(session, judge)
        for entry in entries:
            pair = (judge.id, entry.id)
            if ties.conflict(entry):
                conflicts.append(pair)
            elif pair in current:
                existing.append(pair)
            else:
                session.add(JudgeAssignment(judge_id=judge.id, submission_id=entry.id))
                added.append(pair)
    if added:
        record(
            session,
            now=now,
            actor_id=actor_id,
            action="judge.assign",
            entity="judge_assignment",
            after={"pairs": [list(pair) for pair in added]},
        )
    return AssignmentReport(tuple(added), tuple(existing), tuple(conflicts))


async def unassign(
    session: AsyncSession,
    edition: Edition,
    judge_id: int,
    submission_id: int,
    *,
    actor_id: int | None,
    now: datetime,
) -> bool:
    """Take an entry away from a judge: their scores, own validated levels (the panel's
    level follows) and their review of it (comment) go too, so nothing of it is left to
    show them or the committee. A score sheet the judge already submitted is refused
    (``sheet-submitted``): the committee reopens it first
    (:func:`bot.services.judging.reviews.reopen_review`, the judge is told), so a final
    sheet is never dropped unseen.

    Raises:
        JudgingError: ``closed`` when judging is closed, ``sheet-submitted``.
    """
    await ensure_entry_open(session, submission_id)
    if is_closed(edition):
        raise JudgingError("closed")
    if await is_submitted(session, judge_id, submission_id):
        raise JudgingError("sheet-submitted")
    removed = await rows_matched(
        session,
        delete(JudgeAssignment).where(
            JudgeAssignment.judge_id == judge_id, JudgeAssignment.submission_id == submission_id
        ),
    )
    if not removed:
        return False
    await session.execute(
        delete(Score).where(Score.judge_id == judge_id, Score.submission_id == submission_id)
    )
    await session.execute(
        delete(JudgeReview).where(
            JudgeReview.judge_id == judge_id, JudgeReview.submission_id == submission_id
        )
    )
    await drop_validations(session, judge_id, submission_id, now)
    record(
        session,
        now=now,
        actor_id=actor_id,
        action="judge.unassign",
        entity="judge_assignment",
        before={"pairs": [[judge_id, submission_id]]},
    )
    return True


async def assigned_ids(session: AsyncSession, judge_id: int) -> set[int]:
    """Ids of the entries assigned to the judge."""
    return set(
        await session.scalars(
            select(JudgeAssignment.submission_id).where(JudgeAssignment.judge_id == judge_id)
        )
    )


async def assigned_entries(session: AsyncSession, judge: Judge) -> list[Submission]:
    """The entries assigned to ``judge`` that are still judged (:data:`JUDGEABLE`: not one
    rejected, withdrawn or returned since), by number, with unit, answers and assessments:
    the judge's list in the chat and the workspace, and the committee's progress."""
    return list(
        await session.scalars(
            _entries_of(judge, JUDGEABLE).options(
                selectinload(Submission.unit),
                selectinload(Submission.answers),
                selectinload(Submission.assessments),
            )
        )
    )


def _entries_of(judge: Judge, statuses: Iterable[SubmissionStatus]) -> Select[Submission]:
    """The entries assigned to ``judge`` whose status is one of ``statuses``, by number."""
    return (
        select(Submission)
        .join(JudgeAssignment, JudgeAssignment.submission_id == Submission.id)
        .where(JudgeAssignment.judge_id == judge.id, Submission.status.in_(statuses))
        .order_by(Submission.sequence, Submission.id)
    )


async def check_can_judge(
    session: AsyncSession, judge: Judge, submission_id: int
) -> tuple[Edition, Submission]:
    """The edition and the entry when ``judge`` may change its judging now: the one check
    of every judge's change (score, validated level, comment, submission), from the chat and
    the workspace alike.

    Raises:
        JudgingError: ``closed``, ``announced`` (the results are public), ``not-assigned``,
            ``not-judgeable`` (the entry is no longer judged: rejected, withdrawn, returned
            for revision; detail: its status), ``conflict`` or ``submitted`` (the judge
            already submitted this entry's score sheet, which is final).
    """
    edition = await session.get(Edition, judge.edition_id)
    if edition is None or is_closed(edition):
        announced = edition is not None and edition.results_announced_at is not None
        raise JudgingError("announced" if announced else "closed")
    submission = await session.get(Submission, submission_id)
    if submission is None or submission_id not in await assigned_ids(session, judge.id):
        raise JudgingError("not-assigned")
    if submission.status not in JUDGEABLE:  # the committee rejected it after assigning (QA #26)
        raise JudgingError("not-judgeable", submission.status)
    if await has_conflict(session, judge, submission):
        raise JudgingError("conflict")
    if await is_submitted(session, judge.id, submission_id):
        raise JudgingError("submitted")
    return edition, submission


async def is_submitted(session: AsyncSession, judge_id: int, submission_id: int) -> bool:
    """Whether the judge submitted their score sheet of the entry (it is final)."""
    submitted_at = await session.scalar(
        select(JudgeReview.submitted_at).where(
            JudgeReview.judge_id == judge_id, JudgeReview.submission_id == submission_id
        )
    )
    return submitted_at is not None


REFUSED = "judging.refused"
"""Audit action of a judge's change that was refused (:class:`JudgingError`)."""


def record_refusal(
    session: AsyncSession,
    *,
    actor_id: int,
    judge_id: int,
    submission_id: int,
    error: JudgingError,
    attempted: str,
    now: datetime,
) -> None:
    """Audit a refused judge's change (``judging.refused`` with the reason and what was
    tried). The caller's transaction must hold nothing of the refused change: the chat
    records it in the handler's session after the refusal, the workspace in a transaction
    of its own after the rollback."""
    record(
        session,
        now=now,
        actor_id=actor_id,
        action=REFUSED,
        entity="judge_review",
        entity_id=f"{judge_id}:{submission_id}",
        after={"code": error.code, "attempted": attempted[:200]},
    )


# --- scores ------------------------------------------------------------------------------


async def set_score(
    session: AsyncSession,
    judge: Judge,
    submission_id: int,
    criterion_key: str,
    value: float,
    *,
    now: datetime,
) -> Score:
    """Record (or revise) the judge's score of one criterion of an assigned entry.

    Args:
        value: 0–100.

    Raises:
        JudgingError: ``closed``, ``not-assigned``, ``conflict``, ``unknown-criterion`` or
            ``out-of-range``.
    """
    await ensure_entry_open(session, submission_id)
    edition, _ = await check_can_judge(session, judge, submission_id)
    if criterion_key not in {criterion.key for criterion in rubric(edition)}:
        raise JudgingError("unknown-criterion", criterion_key)
    if not MIN_SCORE <= value <= MAX_SCORE:
        raise JudgingError("out-of-range", str(value))
    score = await session.scalar(
        select(Score).where(
            Score.judge_id == judge.id,
            Score.submission_id == submission_id,
            Score.criterion_key == criterion_key,
        )
    )
    before = None if score is None else {"value": score.value}
    if score is None:
        score = Score(
            judge_id=judge.id,
            submission_id=submission_id,
            criterion_key=criterion_key,
            value=value,
            updated_at=now,
        )
        session.add(score)
    elif score.value == value:  # the same score again: nothing changes, no history row
        return score
    else:
        score.value, score.updated_at = value, now
    record(
        session,
        now=now,
        actor_id=judge.user_id,
        action="score.set",
        entity="score",
        entity_id=f"{judge.id}:{submission_id}:{criterion_key}",
        before=before,
        after={"value": value},
    )
    return score


async def scores_of(session: AsyncSession, judge_id: int, submission_id: int) -> dict[str, float]:
    """The judge's scores of an entry: criterion key → 0–100."""
    rows = await session.execute(
        select(Score.criterion_key, Score.value).where(
            Score.judge_id == judge_id, Score.submission_id == submission_id
        )
    )
    return {key: value for key, value in rows}


async def validate_level(
    session: AsyncSession,
    judge: Judge,
    submission_id: int,
    indicator_id: int,
    level: int,
    *,
    now: datetime,
) -> SelfAssessment:
    """Set the judge's own validated level of a self-assessed indicator (their check of the
    evidence; another judge's stays as it is), then the panel's level
    (:func:`refresh_panel_level`), which creates the row when the entrant gave no level.

    Returns:
        The indicator's self-assessment with the panel's level.

    Raises:
        JudgingError: ``closed``, ``not-assigned``, ``conflict``, ``bad-level`` or
            ``unknown-indicator``.
    """
    await ensure_entry_open(session, submission_id)
    edition, _ = await check_can_judge(session, judge, submission_id)
    if level not in LEVELS:
        raise JudgingError("bad-level", str(level))
    indicator = await session.get(Indicator, indicator_id)
    if indicator is None or indicator.edition_id != edition.id:
        raise JudgingError("unknown-indicator", str(indicator_id))
    own = await session.scalar(
        select(LevelValidation).where(
            LevelValidation.judge_id == judge.id,
            LevelValidation.submission_id == submission_id,
            LevelValidation.indicator_id == indicator_id,
        )
    )
    before = None if own is None else {"validated_level": own.level}
    if own is None:
        session.add(
            LevelValidation(
                judge_id=judge.id,
                submission_id=submission_id,
                indicator_id=indicator_id,
                level=level,
                updated_at=now,
            )
        )
    else:
        own.level, own.updated_at = level, now
    await session.flush()
    assessment = await refresh_panel_level(session, submission_id, indicator_id, now)
    assert assessment is not None  # the judge's level was just written
    if before == {"validated_level": level}:  # the same level again: no history row (QA #28)
        return assessment
    record(
        session,
        now=now,
        actor_id=judge.user_id,
        action="assessment.validate",
        entity="self_assessment",
        entity_id=f"{submission_id}:{indicator.key}",
        before=before,
        after={
            "validated_level": level,
            "judge_id": judge.id,
            "panel_level": assessment.validated_level,
        },
    )
    return assessment


def panel_level(levels: Iterable[int]) -> int | None:
    """The panel's validated level from the judges' own levels: the lower median (with two
    judges at 2 and 3, 2), so never above what half the panel validated; None for none."""
    ordered = sorted(levels)
    return ordered[(len(ordered) - 1) // 2] if ordered else None


async def refresh_panel_level(
    session: AsyncSession, submission_id: int, indicator_id: int, now: datetime
) -> SelfAssessment | None:
    """Set ``SelfAssessment.validated_level`` of the indicator to the panel's level now
    (:func:`panel_level`), creating the row when the entrant gave no level.

    Returns:
        The row, or None when there is none and no judge validated the indicator.
    """
    levels = list(
        await session.scalars(
            select(LevelValidation.level).where(
                LevelValidation.submission_id == submission_id,
                LevelValidation.indicator_id == indicator_id,
            )
        )
    )
    assessment = await session.scalar(
        select(SelfAssessment).where(
            SelfAssessment.submission_id == submission_id,
            SelfAssessment.indicator_id == indicator_id,
        )
    )
    if assessment is None:
        if not levels:
            return None
        assessment = SelfAssessment(
            submission_id=submission_id, indicator_id=indicator_id, level=0, updated_at=now
        )
        session.add(assessment)
    level = panel_level(levels)
    if assessment.validated_level != level:
        assessment.validated_level, assessment.updated_at = level, now
    return assessment


async def own_levels(session: AsyncSession, judge_id: int, submission_id: int) -> dict[int, int]:
    """The judge's own validated levels of an entry: indicator id → level."""
    rows = await session.execute(
        select(LevelValidation.indicator_id, LevelValidation.level).where(
            LevelValidation.judge_id == judge_id, LevelValidation.submission_id == submission_id
        )
    )
    return {indicator_id: level for indicator_id, level in rows}


async def drop_validations(
    session: AsyncSession, judge_id: int, submission_id: int | None, now: datetime
) -> None:
    """Remove the judge's own levels (of one entry, or of all when ``submission_id`` is None)
    and set the panel's levels they counted in again."""
    where = [LevelValidation.judge_id == judge_id]
    if submission_id is not None:
        where.append(LevelValidation.submission_id == submission_id)
    touched = list(
        await session.execute(
            select(LevelValidation.submission_id, LevelValidation.indicator_id).where(*where)
        )
    )
    if not touched:
        return
    await session.execute(delete(LevelValidation).where(*where))
    for entry_id, indicator_id in touched:
        await refresh_panel_level(session, entry_id, indicator_id, now)


# --- progress and closing ----------------------------------------------------------------


@dataclass(frozen=True)
class EntryProgress:
    """How far a judge is with one entry: criteria scored out of the rubric's, and whether
    the score sheet is submitted (a complete sheet is not yet sent, QA #11)."""

    submission: Submission
    scored: int
    total: int
    submitted: bool = False

    @property
    def complete(self) -> bool:
        """Every criterion scored."""
        return self.scored >= self.total


BACK_WITH_UNIT = (S.RETURNED, S.SUBMITTED)
"""Statuses of an assigned entry returned to its unit for revision: being revised, or sent
again and not yet verified; judged again once verified (assignment and scores are kept)."""


async def returned_entries(session: AsyncSession, judge: Judge) -> list[Submission]:
    """The entries assigned to ``judge`` that are back with their unit (:data:`BACK_WITH_UNIT`),
    by number: the judge is told they come back (QA2 #21: the list said nothing was
    assigned)."""
    return list(await session.scalars(_entries_of(judge, BACK_WITH_UNIT)))


async def progress(session: AsyncSession, judge: Judge) -> list[EntryProgress]:
    """The judge's progress per assigned entry, by entry number."""
    edition = await session.get_one(Edition, judge.edition_id)
    keys = {criterion.key for criterion in rubric(edition)}
    entries = await assigned_entries(session, judge)
    rows = await session.execute(
        select(Score.submission_id, Score.criterion_key).where(Score.judge_id == judge.id)
    )
    scored: dict[int, set[str]] = {}
    for submission_id, key in rows:
        if key in keys:
            scored.setdefault(submission_id, set()).add(key)
    submitted = set(
        await session.scalars(
            select(JudgeReview.submission_id).where(
                JudgeReview.judge_id == judge.id, JudgeReview.submitted_at.is_not(None)
            )
        )
    )
    return [
        EntryProgress(entry, len(scored.get(entry.id, ())), len(keys), entry.id in submitted)
        for entry in entries
    ]


async def unsent_sheets(
    session: AsyncSession, edition: Edition
) -> list[tuple[Judge, list[EntryProgress]]]:
    """Each judge of the edition with the assigned entries whose score sheet they have not
    submitted (judges by name, entries by number; judges with none left out): what closing
    judging would leave unfinished (QA #13)."""
    unsent = []
    for judge in await list_judges(session, edition.id):
        open_sheets = [
            line
            for line in await progress(session, judge)
            if not await is_submitted(session, judge.id, line.submission.id)
        ]
        if open_sheets:
            unsent.append((judge, open_sheets))
    return unsent


async def set_judging_closed(
    session: AsyncSession, edition: Edition, closed: bool, *, actor_id: int | None, now: datetime
) -> bool:
    """Close (or reopen) judging for the edition.

    Returns:
        True if the state changed.
    """
    await ensure_open(session, edition)
    if (edition.judging_closed_at is not None) == closed:
        return False
    before = edition.judging_closed_at
    edition.judging_closed_at = now if closed else None
    record(
        session,
        now=now,
        actor_id=actor_id,
        action="judging.close" if closed else "judging.reopen",
        entity="edition",
        entity_id=edition.id,
        before={"judging_closed_at": before.isoformat() if before else None},
        after={"judging_closed_at": now.isoformat() if closed else None},
    )
    return True


async def indicators_of(session: AsyncSession, edition_id: int) -> Sequence[Indicator]:
    """The edition's indicators by number."""
    return list(
        await session.scalars(
            select(Indicator).where(Indicator.edition_id == edition_id).order_by(Indicator.number)
        )
    )
