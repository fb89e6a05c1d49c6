"""The first start's import of the event file (``bot.setup.prepare_database``): replicas
starting together on an empty database import it once, and none of them fails (CI saw a
webhook replica exit at start: both had found no event and imported it, the second hit the
unique slug)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from bot.settings import Settings
from bot.setup import _import_if_empty
from bot.storage.models import Event
from tests.conftest import EVENT_FILE


async def test_replicas_starting_together_import_the_event_once(database_url, sessions) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite runs one bot process (a second is refused at start)")
    settings = Settings(database_url=database_url, event_config=EVENT_FILE)
    await asyncio.gather(*(_import_if_empty(settings) for _ in range(3)))
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Event)) == 1
