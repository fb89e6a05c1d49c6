"""aiosqlite's connection with its statements run on the event loop's thread.

aiosqlite runs each call on the connection's own thread and waits for the answer. The bot's
statements take microseconds, and each such trip cost more than the statement: the thread is
woken, then the event loop, and the two threads hand the GIL to each other (a form step made
9 trips; its CPU went mostly into these hand-offs, not into SQLite). Here a statement, a fetch,
a rollback and a commit run at once on the caller's thread; opening and closing the
connection go to aiosqlite's thread.

A commit waits for the disk (fsync). Sent to aiosqlite's thread, it came back only once the
busy event loop let go of the GIL, with the session's turn held all that time, and the
hand-offs cost about 0.9 ms of CPU per commit: the form step of ``bench/throughput.py`` made
242 updates/s with commits in the thread and 350 with commits on the loop's thread (fsyncs of
0.2 ms here). Only where the disk is slow (commits averaging over
:data:`SLOW_COMMIT_SECONDS`) does a commit go to aiosqlite's thread, so that the loop is not
held up for long.

The price: while a statement or a quick commit runs, the event loop waits. The bot's sessions
on SQLite take turns anyway (:func:`bot.storage.database.turn_of`), so only work that needs no
database (a cached /agenda, the web pages' static files) waits with them. A statement never
waits for another process's lock on the loop's thread: the connection has no busy timeout,
and a statement refused with SQLITE_BUSY (nothing done) runs again in aiosqlite's thread,
which waits for the lock (the CLI's commands write beside the running bot).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import aiosqlite

T = TypeVar("T")

SLOW_COMMIT_SECONDS = 0.002
"""A connection whose commits wait longer than this for the disk (an average, seconds)
commits in aiosqlite's thread, and back on the loop's thread once they are quick again."""

_COMMIT_WEIGHT = 0.2
"""The weight of the last commit in a connection's average commit time."""


class InlineCursor:
    """The part of aiosqlite's cursor SQLAlchemy uses, run on the caller's thread.

    Args:
        connection: The connection it belongs to.
    """

    def __init__(self, connection: InlineConnection) -> None:
        self._connection = connection
        self._cursor: sqlite3.Cursor | None = None
        self.arraysize = 1

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def description(self) -> Any:
        """The columns of the last statement's rows (None for a write)."""
        return self._cursor.description if self._cursor is not None else None

    @property
    def rowcount(self) -> int:
        """Rows the last write matched (-1 for a SELECT)."""
        return self._cursor.rowcount if self._cursor is not None else -1

    @property
    def lastrowid(self) -> int | None:
        """The row id of the last INSERT."""
        return self._cursor.lastrowid if self._cursor is not None else None

    async def execute(self, sql: str, parameters: Any = ()) -> InlineCursor:
        """Run ``sql``; its rows are read by the fetch methods."""
        self._cursor = await self._connection.run(lambda db: db.execute(sql, parameters))
        return self

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> InlineCursor:
        """Run ``sql`` once per parameter set."""
        self._cursor = await self._connection.run(lambda db: db.executemany(sql, parameters))
        return self

    async def fetchone(self) -> Any:
        """The next row, or None."""
        cursor = self._cursor
        return await self._connection.call(cursor.fetchone) if cursor is not None else None

    async def fetchmany(self, size: int | None = None) -> Sequence[Any]:
        """Up to ``size`` (default :attr:`arraysize`) next rows."""
        cursor, count = self._cursor, self.arraysize if size is None else size
        return await self._connection.call(lambda: cursor.fetchmany(count)) if cursor else []

    async def fetchall(self) -> Sequence[Any]:
        """Every remaining row."""
        cursor = self._cursor
        return await self._connection.call(cursor.fetchall) if cursor is not None else []

    async def close(self) -> None:
        """Close the statement's cursor, dropping the rows left."""
        cursor, self._cursor = self._cursor, None
        if cursor is not None:
            await self._connection.call(cursor.close)


class InlineConnection(aiosqlite.Connection):
    """aiosqlite's connection whose statements run on the caller's thread (module doc).

    Args:
        connector: Opens the sqlite3 connection (in aiosqlite's thread), with no busy
            timeout: a statement that finds the database locked by another process fails
            at once on the caller's thread, and runs again in aiosqlite's thread, which
            waits.
        busy_seconds: How long that thread waits for the lock (sqlite3's ``timeout``).
    """

    def __init__(self, connector: Callable[[], sqlite3.Connection], busy_seconds: float):
        super().__init__(connector, 64)
        self._busy_ms = int(busy_seconds * 1000)
        self._queued = 0  # calls given to aiosqlite's thread and not finished there
        self._queued_lock = threading.Lock()
        self.commit_seconds = 0.0
        """This connection's commits' average wait for the disk (see :meth:`commit`)."""

    async def run(self, call: Callable[[sqlite3.Connection], T]) -> T:
        """``call(connection)`` on the caller's thread; in aiosqlite's thread, waiting for the
        lock, when another process holds it (SQLITE_BUSY: nothing was done), or after the
        calls still queued there."""
        if self._thread_busy():
            return await self.in_thread(call)
        db = self.sqlite()
        try:
            return call(db)
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode != sqlite3.SQLITE_BUSY:
                raise
        return await self.in_thread(call)

    async def in_thread(self, call: Callable[[sqlite3.Connection], T]) -> T:
        """``call(connection)`` in aiosqlite's thread, waiting for another process's lock up
        to the busy timeout."""
        db = self.sqlite()

        def waiting() -> T:
            db.execute(f"PRAGMA busy_timeout={self._busy_ms}")
            try:
                return call(db)
            finally:
                db.execute("PRAGMA busy_timeout=0")

        return await self._queue(waiting)

    async def _queue(self, call: Callable[[], T]) -> T:
        """``call()`` in aiosqlite's thread. Until it has run there, this connection's other
        calls queue behind it: one whose caller was cancelled still runs, and a close or a
        statement must not overtake it (closing during a commit crashed the process)."""

        def counted() -> T:
            try:
                return call()
            finally:
                with self._queued_lock:
                    self._queued -= 1

        with self._queued_lock:
            self._queued += 1
        result: T = await aiosqlite.Connection._execute(self, counted)
        return result

    def _thread_busy(self) -> bool:
        with self._queued_lock:
            return self._queued > 0

    def sqlite(self) -> sqlite3.Connection:
        """The open sqlite3 connection.

        Raises:
            ValueError: The connection is closed (aiosqlite's error for it).
        """
        if not self._running or self._connection is None:
            raise ValueError("Connection closed")
        return self._connection

    async def call(self, call: Callable[[], T]) -> T:
        """``call()`` on the caller's thread, or in aiosqlite's after the calls still queued
        there (the sqlite3 connection serves one thread at a time)."""
        self.sqlite()
        if self._thread_busy():
            return await self._queue(call)
        return call()

    async def _execute(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """aiosqlite's own calls (rollback, close, create_function…), as :meth:`call`."""
        return await self.call(lambda: fn(*args, **kwargs))

    def cursor(self) -> InlineCursor:  # type: ignore[override]
        """A cursor for one statement at a time."""
        return InlineCursor(self)

    async def commit(self) -> None:
        """Commit, when a write opened a transaction: on the caller's thread, or in
        aiosqlite's thread while this connection's commits average over
        :data:`SLOW_COMMIT_SECONDS` (module doc)."""
        if not self.sqlite().in_transaction:
            return
        if self.commit_seconds > SLOW_COMMIT_SECONDS:
            await self.in_thread(self._timed_commit)
        else:
            await self.run(self._timed_commit)

    def _timed_commit(self, db: sqlite3.Connection) -> None:
        start = time.perf_counter()
        db.commit()
        self.commit_seconds += (time.perf_counter() - start - self.commit_seconds) * _COMMIT_WEIGHT


def connect(database: str, **kwargs: Any) -> InlineConnection:
    """Like ``aiosqlite.connect``: ``sqlite3.connect(database, **kwargs)`` in the connection's
    thread (a daemon thread, as SQLAlchemy makes aiosqlite's), once awaited; the connection
    may then be used from the event loop's thread."""
    busy_seconds = kwargs.pop("timeout", 5.0)
    arguments = {**kwargs, "check_same_thread": False, "timeout": 0}
    connection = InlineConnection(lambda: sqlite3.connect(database, **arguments), busy_seconds)
    connection._thread.daemon = True
    return connection
