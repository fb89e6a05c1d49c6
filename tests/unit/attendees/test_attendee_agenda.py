"""The agenda in time (now, next, days, the end) and its texts within Telegram's limits."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.handlers.attendees.agenda_view import agenda_pages
from bot.services.attendees.agenda import days, event_end, is_over, items_next, items_now
from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.services.core.events import current_event
from tests.conftest import EVENT_FILE


async def _event(sessions):
    async with sessions() as session, session.begin():
        await import_event_file(session, load_event_file(EVENT_FILE))
    async with sessions() as session:
        return await current_event(session)


def _wib(hour: int, minute: int = 0) -> datetime:
    return datetime(2022, 12, 7, hour - 7, minute, tzinfo=UTC)


async def test_now_next_and_the_end(sessions) -> None:
    event = await _event(sessions)
    assert [i.key for i in items_now(event, _wib(9, 15))] == ["penganugerahan-iga"]
    assert [i.key for i in items_next(event, _wib(9, 15))] == ["diseminasi-iga"]
    assert items_now(event, _wib(9, 30))[0].key == "diseminasi-iga"  # an end is exclusive
    assert items_now(event, datetime(2022, 12, 1, tzinfo=UTC)) == []
    assert items_next(event, datetime(2022, 12, 1, tzinfo=UTC))[0].key == "registrasi"
    assert event_end(event) == _wib(14, 30)
    assert not is_over(event, _wib(14, 29)) and is_over(event, _wib(14, 30))
    assert [day for day, _ in days(event)] == [date(2022, 12, 7)]


async def test_markers_pages_and_the_ended_line(sessions) -> None:
    event = await _event(sessions)
    (page,) = agenda_pages(event, _wib(9, 15), "id")
    assert page.text.count("Sedang berlangsung") == 1
    assert len(page.items) == 9
    (ended,) = agenda_pages(event, _wib(15), "en")
    assert "The event has ended" in ended.text and "On now" not in ended.text
