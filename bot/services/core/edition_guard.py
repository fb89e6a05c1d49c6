"""The one guard of a closed edition: once the next edition is imported, nothing of the
previous one (its entries, scores, reviews, judges, results) may change any more.

Every service that writes an entry, a score, a review or a result calls :func:`ensure_open`
first; the exception it raises rolls the caller's transaction back, and the chat's error
handler (``bot/handlers/core/errors.py``) and the workspace answer it politely.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Edition, Submission


class EditionClosed(Exception):
    """The edition is read-only: a later edition was imported (issue 19).

    Attributes:
        code: The closed edition's code (``iga-2022``).
        year: Its year, for the polite message ("IGA 2022 sudah ditutup").
    """

    def __init__(self, code: str, year: int) -> None:
        super().__init__(f"edition {code} is closed (read-only)")
        self.code = code
        self.year = year


async def ensure_open(session: AsyncSession, edition: Edition | int | None) -> None:
    """Refuse a write to a closed edition.

    Args:
        edition: The edition, or its id; None (nothing loaded yet) passes.

    Raises:
        EditionClosed: The edition is closed; the caller's transaction must not commit.
    """
    if edition is None:
        return
    if isinstance(edition, int):
        row = (
            await session.execute(
                select(Edition.code, Edition.year, Edition.closed_at).where(Edition.id == edition)
            )
        ).first()
        if row is not None and row.closed_at is not None:
            raise EditionClosed(row.code, row.year)
        return
    if edition.closed_at is not None:
        raise EditionClosed(edition.code, edition.year)


async def ensure_entry_open(session: AsyncSession, submission: Submission | int) -> None:
    """:func:`ensure_open` for the edition of an entry (an entry or its id).

    Raises:
        EditionClosed: The entry's edition is closed.
    """
    if isinstance(submission, int):
        edition_id = await session.scalar(
            select(Submission.edition_id).where(Submission.id == submission)
        )
    else:
        edition_id = submission.edition_id
    await ensure_open(session, edition_id)
