"""aiosqlite's connection with a statement in one trip to its thread.

aiosqlite runs each call on the connection's own thread and waits for the answer: SQLAlchemy
makes four such trips for a SELECT (create a cursor, execute, fetch the rows, close it) and
three for a write, plus the commit, and each trip wakes the thread and then the event loop
(the bot's CPU per form step went mostly into these hand-offs, not into SQLite). Here a
statement is one trip: the cursor is created, executed, read up to :data:`FIRST_ROWS` rows
and closed there when that is all. A larger result (an export read with ``yield_per``)
keeps its cursor open and is read in further trips, as before. A commit or a rollback
with no transaction open (pysqlite opens one at the first write) is the no-op pysqlite
would make of it, without the trip.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Iterable, Sequence
from typing import Any

import aiosqlite

FIRST_ROWS = 256
"""Rows read in the statement's own trip; a result with more is read further on demand."""


class OneTripCursor:
    """The part of aiosqlite's cursor SQLAlchemy uses, a statement in one trip.

    Args:
        connection: The connection whose thread runs it.
    """

    def __init__(self, connection: OneTripConnection) -> None:
        self._connection = connection
        self._cursor: sqlite3.Cursor | None = None
        self._rows: deque[Any] = deque()
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self.arraysize = 1

    async def __aenter__(self) -> OneTripCursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def execute(self, sql: str, parameters: Any = ()) -> OneTripCursor:
        """Run ``sql``, keeping its first rows (its cursor stays open when there are more)."""
        return await self._run(lambda cursor: cursor.execute(sql, parameters))

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> OneTripCursor:
        """Run ``sql`` once per parameter set."""
        return await self._run(lambda cursor: cursor.executemany(sql, parameters))

    async def _run(self, statement: Any) -> OneTripCursor:
        connection = self._connection

        def run() -> tuple[Any, ...]:
            cursor = connection._conn.cursor()
            try:
                statement(cursor)
                rows = cursor.fetchmany(FIRST_ROWS + 1) if cursor.description else []
            except BaseException:
                cursor.close()
                raise
            done = len(rows) <= FIRST_ROWS
            if done:
                cursor.close()
            return cursor.description, cursor.rowcount, cursor.lastrowid, rows, done, cursor

        description, rowcount, lastrowid, rows, done, cursor = await connection._execute(run)
        self.description, self.rowcount, self.lastrowid = description, rowcount, lastrowid
        self._rows = deque(rows)
        self._cursor = None if done else cursor
        return self

    async def fetchone(self) -> Any:
        """The next row, or None."""
        if not self._rows and self._cursor is not None:
            await self._more(FIRST_ROWS)
        return self._rows.popleft() if self._rows else None

    async def fetchmany(self, size: int | None = None) -> Sequence[Any]:
        """Up to ``size`` (default :attr:`arraysize`) next rows."""
        size = self.arraysize if size is None else size
        if len(self._rows) < size and self._cursor is not None:
            await self._more(max(size - len(self._rows), FIRST_ROWS))
        return [self._rows.popleft() for _ in range(min(size, len(self._rows)))]

    async def fetchall(self) -> Sequence[Any]:
        """Every remaining row."""
        if self._cursor is not None:
            await self._more(None)
        rows, self._rows = list(self._rows), deque()
        return rows

    async def _more(self, size: int | None) -> None:
        cursor = self._cursor
        assert cursor is not None

        def fetch() -> tuple[list[Any], bool]:
            rows = cursor.fetchall() if size is None else cursor.fetchmany(size)
            done = size is None or len(rows) < size
            if done:
                cursor.close()
            return rows, done

        rows, done = await self._connection._execute(fetch)
        self._rows.extend(rows)
        if done:
            self._cursor = None

    async def close(self) -> None:
        """Drop the rows left; closes the cursor if it is still open (a large result)."""
        self._rows.clear()
        cursor, self._cursor = self._cursor, None
        if cursor is not None:
            await self._connection._execute(cursor.close)


class OneTripConnection(aiosqlite.Connection):
    """aiosqlite's connection whose cursors run a statement in one trip (module doc)."""

    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        """A cursor; nothing is done in the thread until it executes."""
        return OneTripCursor(self)

    async def commit(self) -> None:
        """Commit the transaction, if one is open."""
        if self._conn.in_transaction:
            await super().commit()

    async def rollback(self) -> None:
        """Roll the transaction back, if one is open."""
        if self._conn.in_transaction:
            await super().rollback()


def connect(database: str, **kwargs: Any) -> OneTripConnection:
    """Like ``aiosqlite.connect``: ``sqlite3.connect(database, **kwargs)`` in the connection's
    thread (a daemon thread, as SQLAlchemy makes aiosqlite's), once awaited."""
    connection = OneTripConnection(lambda: sqlite3.connect(database, **kwargs), 64)
    connection._thread.daemon = True
    return connection
