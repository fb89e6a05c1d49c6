"""The committee's view of the entries: filtered, paged lists and the units that entered."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.storage.models import Submission, SubmissionStatus, Unit

PAGE_SIZE = 8
"""Entries per page of ``/entries`` (one button each; keeps the message short)."""


@dataclass(frozen=True)
class EntriesPage:
    """One page of the committee's list: entries (unit loaded), total count, page (0-based)
    and number of pages (at least 1)."""

    entries: list[Submission]
    total: int
    page: int
    pages: int


async def entries_page(
    session: AsyncSession,
    edition_id: int,
    *,
    status: SubmissionStatus | None = None,
    unit_id: int | None = None,
    page: int = 0,
    size: int = PAGE_SIZE,
) -> EntriesPage:
    """The edition's entries except drafts, by registration number, filtered and paged.

    A page past the end gives the last page.
    """
    where = [Submission.edition_id == edition_id, Submission.status != SubmissionStatus.DRAFT]
    if status is not None:
        where.append(Submission.status == status)
    if unit_id is not None:
        where.append(Submission.unit_id == unit_id)
    total = await session.scalar(select(func.count()).select_from(Submission).where(*where)) or 0
    pages = max(1, -(-total // size))
    page = min(max(page, 0), pages - 1)
    entries = list(
        await session.scalars(
            select(Submission)
            .where(*where)
            .order_by(Submission.sequence, Submission.id)
            .offset(page * size)
            .limit(size)
            .options(selectinload(Submission.unit))
        )
    )
    return EntriesPage(entries, total, page, pages)


async def units_with_entries(session: AsyncSession, edition_id: int) -> list[Unit]:
    """Units that have at least one entry other than a draft, by code."""
    return list(
        await session.scalars(
            select(Unit)
            .where(
                Unit.id.in_(
                    select(Submission.unit_id).where(
                        Submission.edition_id == edition_id,
                        Submission.status != SubmissionStatus.DRAFT,
                    )
                )
            )
            .order_by(Unit.code)
        )
    )
