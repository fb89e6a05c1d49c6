"""The one guard of a closed edition: a write to it raises EditionClosed (with its year);
an edition found open is trusted for OPEN_FOR_SECONDS, a closed one stays closed."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from bot.services.core import edition_guard
from bot.services.core.edition_guard import EditionClosed, ensure_entry_open, ensure_open
from bot.storage.models import Edition
from tests.factories import make_entry, seed_edition

NOW = datetime(2022, 12, 1, 2, 0, tzinfo=UTC)


async def test_closed_by_another_process_is_noticed(sessions) -> None:
    async with sessions() as session, session.begin():
        old = await seed_edition(session)
        entry = await make_entry(session, old, "DLH", "SIDOTI")
    async with sessions() as session:
        await ensure_open(session, old.id)
        await ensure_entry_open(session, entry.id)
    async with sessions() as session, session.begin():  # "another process" closes it
        await session.execute(update(Edition).values(closed_at=NOW))
    edition_guard.forget_open_editions()  # OPEN_FOR_SECONDS passed (no sleep in a test)
    async with sessions() as session:
        with pytest.raises(EditionClosed) as closed:
            await ensure_entry_open(session, entry.id)
        assert (closed.value.code, closed.value.year) == ("iga-2022", 2022)
        with pytest.raises(EditionClosed):  # and stays closed without another look
            await ensure_open(session, old.id)
        await ensure_entry_open(session, 999_999)  # no such entry: nothing to refuse
        await ensure_open(session, None)
