"""SQLite connections make one trip to their thread per statement
(:mod:`bot.storage.sqlite_connection`), and still behave as aiosqlite's: rows, row counts,
errors, rollbacks, and large results read in parts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.database import create_engine
from bot.storage.sqlite_connection import FIRST_ROWS, OneTripConnection


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'trips.db'}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)"))
    yield engine
    await engine.dispose()


async def _trips(connection: AsyncConnection) -> list[Any]:
    """The calls the connection's thread runs from now on (appended as they are queued)."""
    raw = await connection.get_raw_connection()
    driver = raw.driver_connection
    assert isinstance(driver, OneTripConnection)
    trips: list[Any] = []
    queue_call = driver._execute

    async def counted(function: Any, *args: Any, **kwargs: Any) -> Any:
        trips.append(function)
        return await queue_call(function, *args, **kwargs)

    driver._execute = counted  # type: ignore[method-assign]
    return trips


async def test_a_statement_is_one_trip_and_a_read_only_commit_none(engine):
    async with engine.connect() as connection:
        trips = await _trips(connection)
        await connection.execute(text("INSERT INTO t (v) VALUES ('a'), ('b')"))
        assert len(trips) == 1
        rows = (await connection.execute(text("SELECT v FROM t ORDER BY id"))).all()
        assert [row.v for row in rows] == ["a", "b"] and len(trips) == 2
        result = await connection.execute(text("UPDATE t SET v = v || '!'"))
        assert result.rowcount == 2 and len(trips) == 3
        await connection.commit()
        assert len(trips) == 4  # a write opened a transaction: committed in its thread
        await connection.execute(text("SELECT count(*) FROM t"))
        await connection.commit()
        assert len(trips) == 5  # nothing to commit after a read: no trip


async def test_a_rollback_undoes_the_writes_and_a_failed_statement_raises(engine):
    async with engine.connect() as connection:
        await connection.execute(text("INSERT INTO t (v) VALUES ('kept')"))
        await connection.commit()
        await connection.execute(text("INSERT INTO t (v) VALUES ('dropped')"))
        await connection.rollback()
        with pytest.raises(IntegrityError):
            await connection.execute(text("INSERT INTO t (v) VALUES ('kept')"))
        await connection.rollback()
        rows = (await connection.execute(text("SELECT v FROM t"))).scalars().all()
    assert rows == ["kept"]


async def test_a_large_result_is_read_in_parts_in_order(engine):
    count = FIRST_ROWS * 3 + 7
    async with engine.begin() as connection:
        await connection.execute(
            text("INSERT INTO t (v) VALUES (:v)"), [{"v": f"{i:05}"} for i in range(count)]
        )
    async with engine.connect() as connection:
        everything = (await connection.execute(text("SELECT v FROM t ORDER BY v"))).scalars()
        assert list(everything) == [f"{i:05}" for i in range(count)]
        trips = await _trips(connection)
        streamed = await connection.stream(text("SELECT v FROM t ORDER BY v"))
        parts = [[row.v for row in part] async for part in streamed.partitions(100)]
        assert [v for part in parts for v in part] == [f"{i:05}" for i in range(count)]
        assert {len(part) for part in parts[:-1]} == {100}
        assert len(trips) > 1  # the rows past the first ones came in further trips
        first = await connection.stream(text("SELECT v FROM t ORDER BY v"))
        assert (await first.fetchone()).v == "00000"
        await first.close()  # its cursor, still open, is closed
        assert await connection.scalar(text("SELECT count(*) FROM t")) == count
