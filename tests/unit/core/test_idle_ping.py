"""A PostgreSQL connection that sat idle in the pool is pinged before use, so a connection
the server dropped meanwhile (a restart, an idle timeout) costs no update its handling
(:func:`bot.storage.database.create_engine`)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.storage.database import create_engine
from tests.conftest import pg_connect


async def _drop_pooled_connection(url: str, idle_ping_seconds: float) -> object:
    """Use a connection, have the server drop it while it is pooled, use the pool again."""
    engine = create_engine(url, idle_ping_seconds=idle_ping_seconds)
    try:
        async with engine.connect() as connection:
            pid = await connection.scalar(text("SELECT pg_backend_pid()"))
        admin = await pg_connect(url)
        try:
            assert await admin.fetchval("SELECT pg_terminate_backend($1)", pid)
        finally:
            await admin.close()
        async with engine.connect() as connection:
            return await connection.scalar(text("SELECT 1"))
    finally:
        await engine.dispose()


async def test_a_connection_dropped_while_idle_is_replaced(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has no server to drop a connection")
    assert await _drop_pooled_connection(database_url, idle_ping_seconds=0) == 1
    with pytest.raises(DBAPIError):  # not pinged (used a moment ago): the drop is seen
        await _drop_pooled_connection(database_url, idle_ping_seconds=3600)
