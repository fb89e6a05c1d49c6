"""Row claiming shared by the jobs that must run once across bot processes.

On PostgreSQL a claim locks the rows it selects with ``FOR UPDATE SKIP LOCKED``: a second
process claiming at the same moment skips them instead of waiting for them or taking them
too. SQLite runs one bot process (one writer at a time) and ignores the clause.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select

Query = TypeVar("Query", bound=Select[Any])


def skip_locked(query: Query, *of: Any) -> Query:
    """``query`` with ``FOR UPDATE SKIP LOCKED`` (PostgreSQL), locking only the rows of the
    tables or entities in ``of`` (all of the query's otherwise; name them when the query
    outer-joins, which PostgreSQL cannot lock on the nullable side)."""
    return query.with_for_update(skip_locked=True, of=list(of) if of else None)
