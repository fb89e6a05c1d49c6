"""/kalender and the calendar button of one session: the file parses back with the icalendar
library, with the right instants in UTC and UIDs that survive an edit of the event file."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from bot.i18n import plain_text
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.services.core.event_file import parse_event_file
from bot.services.core.event_import import import_event_file
from tests.conftest import EVENT_FILE

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """Several commands within a second (faster than a person): a larger per-chat burst."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


async def _calendar(user, emu) -> tuple[dict, Calendar]:
    message = await user.expect_message(predicate=lambda m: "document" in m)
    data = await emu.download(message["document"]["file_id"])
    return message, Calendar.from_ical(data)


def _sessions(calendar: Calendar) -> dict[str, tuple[str, datetime, datetime, str]]:
    return {
        str(event["UID"]): (
            str(event["SUMMARY"]),
            event.start.astimezone(UTC),
            event.end.astimezone(UTC),
            str(event["STATUS"]),
        )
        for event in calendar.walk("VEVENT")
    }


async def test_agenda_calendar_with_utc_instants_and_stable_uids(users, bot, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/kalender")
    message, calendar = await _calendar(siti, emu)
    assert message["document"]["file_name"] == "blitar-2022.ics"
    assert message["document"]["mime_type"] in ("text/calendar", "application/octet-stream")
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    sessions = _sessions(calendar)
    assert len(sessions) == 9
    assert sessions["pembukaan.blitar-2022@iga-bot"] == (
        "Pembukaan, laporan Kepala Bappeda dan sambutan Bapak Walikota Blitar",
        datetime(2022, 12, 7, 1, 30, tzinfo=UTC),  # 08.30 WIB
        datetime(2022, 12, 7, 2, 0, tzinfo=UTC),
        "CONFIRMED",
    )

    # The committee moves a session and drops the closing one: same UIDs, new times.
    text = EVENT_FILE.read_text(encoding="utf-8")
    edited = text.replace(
        'start: "13.00"\n      end: "14.00"', 'start: "13.30"\n      end: "14.30"'
    )
    edited = edited[: edited.index("    - key: penutupan")] + edited[edited.index("  reminders:") :]
    async with bot.runtime.transaction() as session:
        await import_event_file(session, parse_event_file(edited))
    bot.runtime.forget_event()
    await siti.send("/kalender")
    _, calendar = await _calendar(siti, emu)
    after = _sessions(calendar)
    assert set(after) == set(sessions)
    moved = after["materi-balitbang-jatim.blitar-2022@iga-bot"]
    assert moved[1:3] == (
        datetime(2022, 12, 7, 6, 30, tzinfo=UTC),
        datetime(2022, 12, 7, 7, 30, tzinfo=UTC),
    )
    assert after["penutupan.blitar-2022@iga-bot"][3] == "CANCELLED"
    assert await emu.rejections() == []


async def test_one_session_alone(users, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/agenda")
    await siti.expect_message("Registrasi peserta")
    await siti.tap("13.00 Penguatan inovasi daerah")
    await siti.expect_message("Penguatan inovasi daerah")
    await siti.tap(plain_text("id", "agenda-calendar-button"))
    message, calendar = await _calendar(siti, emu)
    assert message["document"]["file_name"] == "blitar-2022-materi-balitbang-jatim.ics"
    sessions = _sessions(calendar)
    assert sessions == {
        "materi-balitbang-jatim.blitar-2022@iga-bot": (
            "Penguatan inovasi daerah",
            datetime(2022, 12, 7, 6, 0, tzinfo=UTC),
            datetime(2022, 12, 7, 7, 0, tzinfo=UTC),
            "CONFIRMED",
        )
    }
    (event,) = calendar.walk("VEVENT")
    assert "Narasumber: Narasumber Balitbang Provinsi Jawa Timur" in str(event["DESCRIPTION"])
    location = "Ballroom Lelly, Hotel Puri Perdana, Jl. Ahmad Yani, Kota Blitar"
    assert str(event["LOCATION"]) == location
    assert await emu.rejections() == []
