"""The one guard of a closed edition: once the next edition is imported, nothing of the
previous one (its entries, scores, reviews, judges, results) may change any more.

Every service that writes an entry, a score, a review or a result calls :func:`ensure_open`
first; the exception it raises rolls the caller's transaction back, and the chat's error
handler (``bot/handlers/core/errors.py``) and the workspace answer it politely.
"""

from __future__ import annotations

import time

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.core.event_view import EditionView
from bot.storage.models import Edition, Submission, Unit


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


OPEN_FOR_SECONDS = 1.0
"""How long this process trusts that an edition it found open is still open: an import in
another process closes it, and this process notices within this time, as its other caches
notice another process's changes (``docs/architecture.md``). An edition found closed stays
closed: closing is never undone."""

_open_until: dict[tuple[str, int], float] = {}
_closed: dict[tuple[str, int], tuple[str, int]] = {}
"""Keyed by the database's address and the edition's id (tests open many databases)."""


def forget_open_editions() -> None:
    """Forget which editions were found open (an import in this process closed one)."""
    _open_until.clear()


async def ensure_open(session: AsyncSession, edition: Edition | EditionView | int | None) -> None:
    """Refuse a write to a closed edition.

    Args:
        edition: The edition, or its id; None (nothing loaded yet) passes. A loaded edition
            is trusted as loaded; an id is looked up at most every :data:`OPEN_FOR_SECONDS`
            (a form step calls this on every answer).

    Raises:
        EditionClosed: The edition is closed; the caller's transaction must not commit.
    """
    if edition is None:
        return
    if not isinstance(edition, int):
        if edition.closed_at is not None:
            raise EditionClosed(edition.code, edition.year)
        edition = edition.id
    key = (str(session.get_bind().engine.url), edition)
    if key in _closed:
        raise EditionClosed(*_closed[key])
    if _open_until.get(key, 0.0) > time.monotonic():
        return
    row = (
        await session.execute(
            select(Edition.code, Edition.year, Edition.closed_at).where(Edition.id == edition)
        )
    ).first()
    if row is not None and row.closed_at is not None:
        _closed[key] = (row.code, row.year)
        raise EditionClosed(row.code, row.year)
    _open_until[key] = time.monotonic() + OPEN_FOR_SECONDS


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


async def ensure_unit_open(session: AsyncSession, unit_id: int) -> None:
    """:func:`ensure_open` for the edition of a unit (a button naming a unit of an edition
    closed since it was sent); an unknown unit passes.

    Raises:
        EditionClosed: The unit's edition is closed.
    """
    edition_id = await session.scalar(select(Unit.edition_id).where(Unit.id == unit_id))
    await ensure_open(session, edition_id)
