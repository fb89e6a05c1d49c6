"""``current_edition_id``: the id of ``current_edition`` with one query, on SQLite and
PostgreSQL."""

from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.services.core.events import current_edition, current_edition_id
from tests.conftest import EVENT_FILE


async def test_current_edition_id_is_the_current_editions_id(sessions) -> None:
    async with sessions() as session:
        assert await current_edition_id(session) is None
    async with sessions() as session, session.begin():
        await import_event_file(session, load_event_file(EVENT_FILE))
    async with sessions() as session:
        edition = await current_edition(session)
        assert edition is not None
        assert await current_edition_id(session) == edition.id
