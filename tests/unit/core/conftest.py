"""Fixtures of the core unit tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from bot.runtime import Runtime
from bot.settings import Settings
from bot.storage.database import create_engine, create_session_factory

NOW = datetime(2022, 12, 1, 2, 0, tzinfo=UTC)
"""The runtimes' clock: a week before the seed event."""


@pytest.fixture
async def two_runtimes(database_url: str) -> AsyncIterator[tuple[Runtime, Runtime]]:
    """Two runtimes on ``database_url``, each with its own engine (own connections), as two
    bot processes; their clock says :data:`NOW`."""
    settings = Settings(_env_file=None, database_url=database_url)  # type: ignore[call-arg]
    runtimes = []
    for _ in range(2):
        engine = create_engine(database_url)
        runtimes.append(Runtime(settings, engine, create_session_factory(engine), lambda: NOW))
    yield runtimes[0], runtimes[1]
    for runtime in runtimes:
        await runtime.engine.dispose()
