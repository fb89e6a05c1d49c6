"""An agenda of 60 sessions whose names, speakers and rooms hold <, >, & and quotes: every
page, the speakers, the calendar and a session in full arrive without a single rejection by
the emulator, and every name is shown as written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from icalendar import Calendar

from bot.sandbox.config import EmulatorConfig, RateLimits
from tests.conftest import EVENT_FILE

pytestmark = pytest.mark.e2e

ITEMS = 60
NASTY = "<b>&amp; \"Kota\" 'Blitar' & <i>R&D</i> > 3 < 4"


def _title(index: int) -> str:
    return f"Sesi {index:02d} {NASTY} " + "panjang " * 20


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """The test sends its next command as soon as a multi-part answer arrived, faster than a
    person does: a larger per-chat burst keeps flood control off the next answer."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=10))


@pytest.fixture
def event_file(tmp_path: Path) -> Path:
    data = yaml.safe_load(EVENT_FILE.read_text(encoding="utf-8"))
    event = data["event"]
    event["short_title"] = 'IGA <2022> & "Blitar"'
    event["end_date"] = "2022-12-08"
    event["speakers"] = [
        {
            "key": f"s{index}",
            "name": f'Narasumber {index} <Dr.> & "Tim"',
            "institution": "Bappeda & <Litbang>",
        }
        for index in range(6)
    ]
    agenda = []
    for index in range(ITEMS):
        day = "2022-12-07" if index < 30 else "2022-12-08"
        hour, half = divmod(index % 30, 2)
        start = f"{7 + hour:02d}.{30 * half:02d}"
        end = f"{7 + hour + half:02d}.{30 * (1 - half):02d}"
        agenda.append(
            {
                "key": f"sesi-{index:02d}",
                "title": _title(index),
                "start": f"{day} {start}",
                "end": f"{day} {end}",
                "room": f'Ruang <{index}> & "Lelly"',
                "speakers": [f"s{index % 6}", f"s{(index + 1) % 6}"],
                "description": "Catatan <penting> & 'rahasia'",
            }
        )
    event["agenda"] = agenda
    # the seed's sessions with their own check-in name agenda items this agenda replaced
    event.get("attendance", {}).pop("sessions", None)
    path = tmp_path / "event.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


async def test_sixty_sessions_page_by_page_without_a_rejection(users, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/agenda")
    page = await siti.expect_message("Sesi 00")
    assert "Rabu, 7 Desember 2022" in page["text"]
    assert '📍 Ruang <0> & "Lelly"' in page["text"]
    seen: list[str] = []
    for _ in range(ITEMS):
        lines = page["text"].splitlines()
        seen += [line for line in lines if "· Sesi " in line]
        assert len(page["text"]) <= 4096
        nav = page["inline_keyboard"][-1]
        if nav[-1]["text"] != "▶":
            break
        message_id = page["message_id"]
        await siti.tap("▶", message_id=message_id)
        page = await siti.expect_message(  # the same message, edited to the next page
            predicate=lambda m, mid=message_id: m["message_id"] == mid
        )
    assert len(seen) == ITEMS
    for index, line in enumerate(seen):
        assert line.endswith(_title(index).strip()), line
    assert "Kamis, 8 Desember 2022" in page["text"]
    assert await emu.rejections() == []


async def test_speakers_calendar_and_a_session_with_special_characters(users, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/narasumber")
    reply = await siti.expect_message('Narasumber 0 <Dr.> & "Tim"')
    assert "Bappeda & <Litbang>" in reply["text"]
    await siti.send("/kalender")
    message = await siti.expect_message(predicate=lambda m: "document" in m)
    calendar = Calendar.from_ical(await emu.download(message["document"]["file_id"]))
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert summaries == [_title(index).strip() for index in range(ITEMS)]
    await siti.send("/agenda")
    page = await siti.expect_message(predicate=lambda m: bool(m["inline_keyboard"]))
    await siti.tap(page["inline_keyboard"][0][0]["text"])
    detail = await siti.expect_message("Catatan <penting> & 'rahasia'")
    assert detail["text"].startswith(_title(0).strip())
    assert 'Narasumber 0 <Dr.> & "Tim" (Bappeda & <Litbang>)' in detail["text"]
    assert await emu.rejections() == []
