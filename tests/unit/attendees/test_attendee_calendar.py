"""The .ics file: VTIMEZONE, instants in UTC, UIDs from slug and agenda key, cancellations;
and every button's callback data within Telegram's 64 bytes."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from icalendar import Calendar

from bot.handlers.announcements.subscriptions import CALLBACK_PATTERN as SUBS_PATTERN
from bot.handlers.attendees.agenda import ITEM_PATTERN, PAGE_PATTERN, STAR_PATTERN
from bot.handlers.attendees.calendar import ITEM_PATTERN as CALENDAR_PATTERN
from bot.handlers.core.language import CALLBACK_PATTERN as LANGUAGE_PATTERN
from bot.services.attendees.calendar import agenda_calendar, item_uid
from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.services.core.events import current_event
from tests.conftest import EVENT_FILE

NOW = datetime(2022, 12, 1, 2, 0, tzinfo=UTC)


async def test_calendar_round_trip(sessions) -> None:
    async with sessions() as session, session.begin():
        await import_event_file(session, load_event_file(EVENT_FILE))
    async with sessions() as session:
        event = await current_event(session)
    event.agenda[-1].cancelled = True
    calendar = Calendar.from_ical(agenda_calendar(event, event.agenda, NOW, "en"))
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    entries = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(entries) == {item_uid(event, item) for item in event.agenda}
    first = entries["registrasi.blitar-2022@iga-bot"]
    assert first.start.astimezone(UTC) == datetime(2022, 12, 7, 0, 30, tzinfo=UTC)
    assert first.end.astimezone(UTC) == datetime(2022, 12, 7, 1, 30, tzinfo=UTC)
    assert str(entries["penutupan.blitar-2022@iga-bot"]["STATUS"]) == "CANCELLED"
    assert "Speakers: Bapak Walikota Blitar" in str(
        entries["pembukaan.blitar-2022@iga-bot"]["DESCRIPTION"]
    )


def test_callback_data_fits_64_bytes() -> None:
    biggest = str(2**63 - 1)
    samples = {
        PAGE_PATTERN: f"agenda:page:{biggest}",
        ITEM_PATTERN: f"agenda:item:{biggest}",
        STAR_PATTERN: f"agenda:star:{biggest}",
        CALENDAR_PATTERN: f"calendar:item:{biggest}",
        SUBS_PATTERN: "subs:off:schedule",
        LANGUAGE_PATTERN: "language:en",
    }
    for pattern, data in samples.items():
        assert re.match(pattern, data), pattern
        assert len(data.encode()) <= 64, data
