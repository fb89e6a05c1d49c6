"""Work done exactly once across bot processes on one database.

- :func:`skip_locked`: row claiming for the jobs that must run once across bot processes. On
  PostgreSQL a claim locks the rows it selects with ``FOR UPDATE SKIP LOCKED``: a second
  process claiming at the same moment skips them instead of waiting for them or taking them
  too. SQLite runs one bot process (one writer at a time) and ignores the clause.
- :func:`hold_process_lock`: a lock the process holds while it runs. On PostgreSQL a
  session-level advisory lock (``pg_try_advisory_lock``) on a connection of its own, released
  by PostgreSQL when the process dies (a SIGKILL included); on SQLite an exclusive ``flock``
  on ``<database file>.lock``, released by the kernel likewise. The bot takes
  ``"polling:<bot id>"`` in polling mode on PostgreSQL (one poller per bot: Telegram allows
  one getUpdates at a time) and ``"sqlite"`` on SQLite (one process per database file).
- :func:`try_transaction_lock`: an advisory lock held until the end of the caller's
  transaction (``pg_try_advisory_xact_lock``), for a job that several processes may start at
  the same moment but only one may run; always granted on SQLite (one process).
- :func:`transaction_lock`: the blocking form, for a check-then-write that several processes
  starting together must do one after the other (the first start's import of the event).
- :func:`lease_now` and :func:`lease_until`: the clock of leases (a row claimed by one process
  until an instant, renewed while it works on it, free for another once it lapses). On
  PostgreSQL the database's own clock, so replicas on several machines compare one clock
  (and a test's fake clock never moves a lease); on SQLite (one process) this process's.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import IO, Any, TypeVar

from sqlalchemy import ColumnElement, Interval, Select, func, literal, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from bot.storage.database import dialect_of
from bot.storage.types import UTCDateTime

Query = TypeVar("Query", bound=Select[*tuple[Any, ...]])


def skip_locked(query: Query, *of: Any) -> Query:
    """``query`` with ``FOR UPDATE SKIP LOCKED`` (PostgreSQL), locking only the rows of the
    tables or entities in ``of`` (all of the query's otherwise; name them when the query
    outer-joins, which PostgreSQL cannot lock on the nullable side)."""
    return query.with_for_update(skip_locked=True, of=list(of) if of else None)


class LockTaken(Exception):
    """Another process holds the lock."""


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``name`` (PostgreSQL advisory locks take a bigint)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), signed=True)


@dataclass
class ProcessLock:
    """A held :func:`hold_process_lock`; :meth:`release` gives it back."""

    connection: AsyncConnection | None = None
    file: IO[bytes] | None = None

    async def release(self) -> None:
        """Give the lock back (idempotent)."""
        if self.connection is not None:
            await self.connection.close()  # the session lock goes with its session
            self.connection = None
        if self.file is not None:
            self.file.close()  # the flock goes with its file description
            self.file = None


async def hold_process_lock(engine: AsyncEngine, name: str) -> ProcessLock:
    """Take the lock ``name`` for as long as this process runs (or until released).

    Raises:
        LockTaken: Another process holds it.
    """
    if engine.dialect.name == "sqlite":
        database = make_url(str(engine.url)).database
        if not database or database == ":memory:":
            return ProcessLock()
        return ProcessLock(file=_lock_file(f"{database}.lock", name))
    connection = await engine.connect()
    taken = await connection.scalar(select(func.pg_try_advisory_lock(lock_key(name))))
    await connection.commit()  # end the implicit transaction; the session lock stays
    if not taken:
        await connection.close()
        raise LockTaken(name)
    return ProcessLock(connection=connection)


def _lock_file(path: str, name: str) -> IO[bytes]:
    handle = open(os.path.abspath(path), "ab")  # noqa: SIM115 - kept open while held
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise LockTaken(name) from None
    return handle


async def try_transaction_lock(session: AsyncSession, name: str) -> bool:
    """Whether this transaction got the lock ``name`` (kept until it commits or rolls back);
    False when another process's transaction holds it."""
    if dialect_of(session) == "sqlite":
        return True
    return bool(await session.scalar(select(func.pg_try_advisory_xact_lock(lock_key(name)))))


async def transaction_lock(session: AsyncSession, name: str) -> None:
    """Waits for the lock ``name`` and keeps it until this transaction ends
    (``pg_advisory_xact_lock``), for a check-then-write that replicas starting together must
    do one after the other; nothing to wait for on SQLite (one process)."""
    if dialect_of(session) != "sqlite":
        await session.execute(select(func.pg_advisory_xact_lock(lock_key(name))))


def lease_now(session: AsyncSession) -> ColumnElement[datetime]:
    """The current instant for leases: PostgreSQL's ``now()`` (the transaction's start),
    else this process's real clock (never the injected clock of ``Runtime.now``)."""
    return lease_until(session, 0.0)


def lease_until(session: AsyncSession, seconds: float) -> ColumnElement[datetime]:
    """The instant ``seconds`` after :func:`lease_now`, as an SQL expression."""
    if dialect_of(session) == "postgresql":
        return func.now() + literal(timedelta(seconds=seconds), Interval())
    return literal(datetime.now(UTC) + timedelta(seconds=seconds), UTCDateTime())
