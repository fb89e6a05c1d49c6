"""Results of an edition: THE single place deciding whether they are visible.

Until ``Edition.results_announce_at`` the awards are visible to admins only: every command,
menu, export, inline query or error message that shows an :class:`Award` must read it through
:func:`visible_awards` (never ``Edition.awards`` directly). The committee records the results
(:func:`record_award`, rank titles from ``Edition.config["rank_titles"]``) and sets, moves or
cancels the announcement time before it happens (:func:`set_announcement_time`,
:func:`cancel_announcement`); the scheduler makes the announcement
(``bot.services.announcements.reminders``, kind ``results``) and :func:`mark_announced` records it.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.announcements.reminders import plan_edition_reminders
from bot.services.core.edition_guard import ensure_open
from bot.services.core.event_view import EditionView
from bot.storage.models import AuditEntry, Award, Edition, SubmissionStatus, Unit

RESULT_STATUSES = frozenset({SubmissionStatus.WINNER, SubmissionStatus.NOT_SELECTED})
"""Entry statuses that tell the results: shown as ``nominee`` until the announcement."""


class ResultsError(Exception):
    """A change to the results or their announcement that is not allowed."""


class AlreadyAnnouncedError(ResultsError):
    """The results were already announced: their time can no longer be moved or cancelled."""

    def __init__(self, announced_at: datetime) -> None:
        super().__init__(f"results already announced at {announced_at.isoformat()}")
        self.announced_at = announced_at


class AnnouncementInPastError(ResultsError):
    """The wanted announcement time is not after now."""


class NoAnnouncementError(ResultsError):
    """There is no announcement time to cancel."""


class UnknownRankError(ResultsError):
    """The rank has no title in ``Edition.config["rank_titles"]``."""


def results_visible(edition: Edition | EditionView, now: datetime) -> bool:
    """Whether anyone may see the edition's results: an announcement time is set and
    ``now`` has reached it. With no time set (never set, or cancelled) they stay private.

    The winners must have been set before or at that time: a moment that passes with no
    winners is dropped (:func:`drop_empty_announcement`, by the scheduler and by
    :func:`record_award`), so results set afterwards wait for a new announcement time."""
    return edition.results_announce_at is not None and now >= edition.results_announce_at


def public_status(
    status: SubmissionStatus, edition: Edition | EditionView, now: datetime
) -> SubmissionStatus:
    """The status of an entry as a non-admin (its unit's officers) may see it now: before the
    announcement, ``winner`` and ``not_selected`` are shown as ``nominee``."""
    if status in RESULT_STATUSES and not results_visible(edition, now):
        return SubmissionStatus.NOMINEE
    return status


async def visible_awards(
    session: AsyncSession, edition: Edition, now: datetime, *, viewer_is_admin: bool
) -> list[Award]:
    """The awards the viewer may see, by rank, with ``unit`` loaded.

    Args:
        session: An open session.
        edition: The edition.
        now: The current instant (aware).
        viewer_is_admin: Whether the viewer is a committee admin (checked by the caller at the
            moment of use); admins see the results before the announcement.

    Returns:
        Every award when visible or for an admin; else an empty list.
    """
    if not (viewer_is_admin or results_visible(edition, now)):
        return []
    return list(
        await session.scalars(
            select(Award)
            .where(Award.edition_id == edition.id)
            .options(selectinload(Award.unit))
            .order_by(Award.rank)
        )
    )


def rank_title(edition: Edition, rank: int) -> str:
    """The title of ``rank`` (1 = first) from ``Edition.config["rank_titles"]`` (e.g.
    "Juara I", "Juara Harapan I").

    Raises:
        UnknownRankError: No title for that rank.
    """
    titles = edition.config.get("rank_titles") or []
    if not 1 <= rank <= len(titles):
        raise UnknownRankError(f"no rank title for rank {rank} ({len(titles)} titles)")
    return titles[rank - 1]


def _audit(
    session: AsyncSession,
    action: str,
    edition: Edition,
    actor_id: int | None,
    now: datetime,
    before: dict | None,
    after: dict | None,
) -> None:
    session.add(
        AuditEntry(
            at=now,
            actor_id=actor_id,
            action=action,
            entity="edition",
            entity_id=str(edition.id),
            before=before,
            after=after,
        )
    )


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


async def record_award(
    session: AsyncSession,
    edition: Edition,
    *,
    rank: int,
    unit: Unit,
    innovation: str,
    actor_id: int | None,
    now: datetime,
    submission_id: int | None = None,
) -> Award:
    """Record (or correct) the result at ``rank``; audited. Allowed until it is announced.

    Raises:
        UnknownRankError: No rank title for ``rank``.
        AlreadyAnnouncedError: The results were already announced.
    """
    await ensure_open(session, edition)
    if edition.results_announced_at is not None:
        raise AlreadyAnnouncedError(edition.results_announced_at)
    drop_empty_announcement(session, edition, actor_id=actor_id, now=now)
    title = rank_title(edition, rank)
    award = await session.scalar(
        select(Award).where(Award.edition_id == edition.id, Award.rank == rank)
    )
    before = None
    if award is None:
        award = Award(edition_id=edition.id, rank=rank)
        session.add(award)
    else:
        before = {"unit_id": award.unit_id, "innovation": award.innovation}
    award.title = title
    award.unit_id = unit.id
    award.innovation = innovation
    award.submission_id = submission_id
    _audit(
        session,
        "results.record",
        edition,
        actor_id,
        now,
        before,
        {"rank": rank, "title": title, "unit_id": unit.id, "innovation": innovation},
    )
    await session.flush()
    return award


async def set_announcement_time(
    session: AsyncSession,
    edition: Edition,
    at: datetime,
    *,
    actor_id: int | None,
    now: datetime,
    zone: ZoneInfo,
) -> None:
    """Set or move the announcement time and re-plan its scheduled row; audited.

    Args:
        at: The new time (aware; must be after ``now``).
        zone: The event's zone (for planning the edition's other reminders).

    Raises:
        AlreadyAnnouncedError: The results were already announced.
        AnnouncementInPastError: ``at`` is not after ``now``.
    """
    await ensure_open(session, edition)
    if edition.results_announced_at is not None:
        raise AlreadyAnnouncedError(edition.results_announced_at)
    if at <= now:
        raise AnnouncementInPastError(at.isoformat())
    before = _iso(edition.results_announce_at)
    edition.results_announce_at = at
    _audit(session, "results.schedule", edition, actor_id, now, {"at": before}, {"at": _iso(at)})
    await plan_edition_reminders(session, edition, zone, now)


async def cancel_announcement(
    session: AsyncSession, edition: Edition, *, actor_id: int | None, now: datetime, zone: ZoneInfo
) -> datetime:
    """Cancel the planned announcement: the results stay private until a new time is set.

    Returns:
        The cancelled time.

    Raises:
        AlreadyAnnouncedError: The results were already announced.
        NoAnnouncementError: No announcement time is set.
    """
    await ensure_open(session, edition)
    if edition.results_announced_at is not None:
        raise AlreadyAnnouncedError(edition.results_announced_at)
    cancelled = edition.results_announce_at
    if cancelled is None:
        raise NoAnnouncementError("no announcement time is set")
    edition.results_announce_at = None
    _audit(session, "results.cancel", edition, actor_id, now, {"at": _iso(cancelled)}, {"at": None})
    await plan_edition_reminders(session, edition, zone, now)
    return cancelled


async def has_awards(session: AsyncSession, edition: Edition) -> bool:
    """Whether any winner of ``edition`` is recorded (the announcement has something to say)."""
    found = await session.scalar(select(Award.id).where(Award.edition_id == edition.id).limit(1))
    return found is not None


def drop_empty_announcement(
    session: AsyncSession, edition: Edition, *, actor_id: int | None, now: datetime
) -> datetime | None:
    """Drop an announcement time that passed without an announcement (no winners were set by
    then), so winners set later stay private until a new time (``/umumkan_pada``); audited.

    Returns:
        The dropped time, or None when there was nothing to drop.
    """
    missed = edition.results_announce_at
    if missed is None or missed > now or edition.results_announced_at is not None:
        return None
    edition.results_announce_at = None
    _audit(session, "results.cancel", edition, actor_id, now, {"at": _iso(missed)}, {"at": None})
    return missed


def mark_announced(edition: Edition, now: datetime) -> None:
    """Record that the announcement was made (its time can no longer change)."""
    edition.results_announced_at = now
