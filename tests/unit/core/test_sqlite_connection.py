"""SQLite connections run their statements on the event loop's thread
(:mod:`bot.storage.sqlite_connection`), and still behave as aiosqlite's: rows, row counts,
errors, rollbacks, and large results read in parts."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage import sqlite_connection
from bot.storage.database import create_engine
from bot.storage.sqlite_connection import InlineConnection


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'inline.db'}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)"))
    yield engine
    await engine.dispose()


async def test_statements_run_on_the_event_loops_thread(engine):
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        driver = raw.driver_connection
        assert isinstance(driver, InlineConnection)
        threads: list[int] = []

        def thread_of(value: Any) -> Any:
            threads.append(threading.get_ident())
            return value

        driver.sqlite().create_function("thread_of", 1, thread_of)
        await connection.execute(text("INSERT INTO t (v) VALUES (thread_of('a'))"))
        await connection.commit()
        assert await connection.scalar(text("SELECT thread_of(v) FROM t")) == "a"
    assert threads == [threading.get_ident()] * 2


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
    count = 1000 * 3 + 7
    async with engine.begin() as connection:
        await connection.execute(
            text("INSERT INTO t (v) VALUES (:v)"), [{"v": f"{i:05}"} for i in range(count)]
        )
    async with engine.connect() as connection:
        everything = (await connection.execute(text("SELECT v FROM t ORDER BY v"))).scalars()
        assert list(everything) == [f"{i:05}" for i in range(count)]
        streamed = await connection.stream(text("SELECT v FROM t ORDER BY v"))
        parts = [[row.v for row in part] async for part in streamed.partitions(100)]
        assert [v for part in parts for v in part] == [f"{i:05}" for i in range(count)]
        assert {len(part) for part in parts[:-1]} == {100}
        first = await connection.stream(text("SELECT v FROM t ORDER BY v"))
        assert (await first.fetchone()).v == "00000"
        await first.close()  # its cursor, still open, is closed
        assert await connection.scalar(text("SELECT count(*) FROM t")) == count


async def test_a_write_waits_for_another_process_lock_without_stopping_the_loop(engine, tmp_path):
    other = sqlite3.connect(tmp_path / "inline.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process (the CLI) writing

    async def write() -> None:
        async with engine.begin() as connection:
            await connection.execute(text("INSERT INTO t (v) VALUES ('after the lock')"))

    waiting = asyncio.create_task(write())
    with pytest.raises(TimeoutError):  # the loop runs this timeout while the write waits
        await asyncio.wait_for(asyncio.shield(waiting), timeout=0.3)
    other.execute("ROLLBACK")
    other.close()
    await waiting
    async with engine.connect() as connection:
        rows = (await connection.execute(text("SELECT v FROM t"))).scalars().all()
    assert rows == ["after the lock"]


async def test_a_close_waits_for_a_call_still_running_in_the_thread(tmp_path):
    path = tmp_path / "closing.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("CREATE TABLE t (v TEXT)")
    other.execute("BEGIN IMMEDIATE")  # the write below waits for it in aiosqlite's thread
    connection = await sqlite_connection.connect(str(path), timeout=30)
    write = connection.cursor().execute("INSERT INTO t (v) VALUES ('cancelled')")
    with pytest.raises(TimeoutError):  # its caller gives up (the update was cancelled)
        await asyncio.wait_for(write, timeout=0.3)
    closing = asyncio.create_task(connection.close())  # SQLAlchemy's terminate
    other.execute("ROLLBACK")
    await closing  # after the write, never during it (that crashed the process)
    assert other.execute("SELECT count(*) FROM t").fetchone() == (0,)  # closed uncommitted
    other.close()


class QuickDisk:
    """The clock a commit is timed with, as if every commit waited 0.1 ms for the disk."""

    now = 0.0

    @classmethod
    def perf_counter(cls) -> float:
        cls.now += 0.0001  # read at the commit's start and at its end: 0.1 ms apart
        return cls.now


async def test_a_commit_runs_on_the_loops_thread_unless_the_disk_is_slow(engine, monkeypatch):
    monkeypatch.setattr(sqlite_connection, "time", QuickDisk)
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        driver = raw.driver_connection
        assert isinstance(driver, InlineConnection)
        committed_on: list[int] = []
        driver.sqlite().set_trace_callback(
            lambda sql: committed_on.append(threading.get_ident()) if sql == "COMMIT" else None
        )

        async def commit_one(value: str) -> int:
            await connection.execute(text("INSERT INTO t (v) VALUES (:v)"), {"v": value})
            await connection.commit()
            return committed_on[-1]

        loop_thread = threading.get_ident()
        assert await commit_one("quick disk") == loop_thread
        driver.commit_seconds = 1.0  # as after commits that waited a second for the disk
        assert await commit_one("slow disk") != loop_thread
        threads = [await commit_one(f"quick again {n}") for n in range(40)]
        back = threads.index(loop_thread)  # once the average came down
        assert back > 0 and set(threads[:back]) == {committed_on[1]}
        assert set(threads[back:]) == {loop_thread}
        count = await connection.scalar(text("SELECT count(*) FROM t"))
    assert count == 42
