"""The async engine and session factory."""

from __future__ import annotations

import asyncio
import time
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import CursorResult, Engine, Executable, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.storage import sqlite_connection


def create_engine(
    database_url: str, *, echo: bool = False, idle_ping_seconds: float | None = None
) -> AsyncEngine:
    """Create the async engine for ``database_url``.

    On SQLite, foreign keys are switched on and the file uses write-ahead logging; a write
    that finds another process's lock waits for it up to 30 s (in aiosqlite's thread).
    The bot's sessions take turns on SQLite (:func:`turn_of`). Their statements run on the
    event loop's thread (:mod:`bot.storage.sqlite_connection`).

    Args:
        database_url: An async SQLAlchemy URL (``sqlite+aiosqlite://…`` or
            ``postgresql+asyncpg://…``).
        echo: Log every statement.
        idle_ping_seconds: On PostgreSQL, a pooled connection idle for longer is pinged
            before use (default :data:`IDLE_PING_SECONDS`).
    """
    if database_url.startswith("sqlite"):
        engine = create_async_engine(database_url, echo=echo, connect_args={"timeout": 30})

        @event.listens_for(engine.sync_engine, "do_connect")
        def _inline(dialect, _record, cargs, cparams) -> Any:
            return dialect.loaded_dbapi.connect(
                *cargs, async_creator_fn=sqlite_connection.connect, **cparams
            )

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            if ":memory:" not in database_url:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    engine = create_async_engine(database_url, echo=echo)
    idle = IDLE_PING_SECONDS if idle_ping_seconds is None else idle_ping_seconds
    _ping_when_idle(engine.sync_engine, idle)
    return engine


IDLE_PING_SECONDS = 10.0
"""A pooled PostgreSQL connection unused for longer is pinged before it is handed out."""


def _ping_when_idle(engine: Engine, idle_seconds: float) -> None:
    """Ping a pooled connection before use when it sat idle for ``idle_seconds``
    (SQLAlchemy's "pessimistic" disconnect handling, for idle connections only): a server
    restarted meanwhile costs no update its handling, and a busy bot pays no ping
    (``pool_pre_ping`` pings at every checkout: on asyncpg BEGIN, ``;`` and ROLLBACK, three
    round trips per transaction).

    Raises (to the pool, which then opens a new connection):
        DisconnectionError: The ping failed.
    """

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        returned_at = record.info.get("returned_at")
        if returned_at is None or time.monotonic() - returned_at < idle_seconds:
            return  # new, or used a moment ago
        try:
            dbapi_connection.ping()
        except Exception as error:
            raise DisconnectionError(f"idle connection lost: {error}") from error


class _TurnLock:
    """An asyncio lock that the task holding it may take again (its turns nest)."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._owner: asyncio.Task[Any] | None = None
        self._depth = 0

    async def acquire(self) -> None:
        """Wait for the turn (at once if this task has it)."""
        task = asyncio.current_task()
        if self._owner is not task:
            await self._lock.acquire()
            self._owner = task
        self._depth += 1

    def release(self) -> None:
        """Give back one acquisition; the turn passes on after the last."""
        self._depth -= 1
        if self._depth == 0:
            self._owner = None
            self._lock.release()


_turns: WeakKeyDictionary[Engine, _TurnLock] = WeakKeyDictionary()


def turn_of(bind: AsyncEngine | AsyncConnection | None) -> _TurnLock | None:
    """The lock by which the sessions of one SQLite database take turns in this process;
    None on PostgreSQL (sessions run at the same time).

    SQLite has one writer at a time, and a transaction that read before another one's
    commit cannot write any more ("database is locked" at once, SQLITE_BUSY_SNAPSHOT); the
    bot handles updates of several chats at the same time (:mod:`bot.update_processing`),
    so its sessions on SQLite take turns (:class:`bot.update_ledger.UpdateSession`).
    """
    if bind is None or bind.dialect.name != "sqlite":
        return None
    engine = bind.sync_engine
    return _turns.setdefault(engine, _TurnLock())


def create_session_factory(
    engine: AsyncEngine, session_class: type[AsyncSession] = AsyncSession
) -> async_sessionmaker[AsyncSession]:
    """A session factory whose objects stay usable after commit (no lazy reloads)."""
    return async_sessionmaker(engine, class_=session_class, expire_on_commit=False)


async def rows_matched(
    session: AsyncSession, statement: Executable, parameters: dict[str, Any] | None = None
) -> int:
    """Runs an UPDATE or a DELETE and returns how many rows it matched (the cursor's
    ``rowcount``: a guarded update that matched none lost a race).

    Raises:
        TypeError: ``statement`` returned rows (a SELECT).
    """
    result = await session.execute(statement, parameters)
    if not isinstance(result, CursorResult):
        raise TypeError(f"{type(result).__name__} has no row count")
    return result.rowcount


def dialect_of(session: AsyncSession) -> str:
    """The kind of database the session talks to: ``"sqlite"`` or ``"postgresql"``."""
    return session.get_bind().dialect.name
