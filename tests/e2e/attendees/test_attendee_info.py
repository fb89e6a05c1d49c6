"""Venue, speakers and FAQ through the emulator, in both languages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote_plus

import pytest

from bot.i18n import plain_text
from bot.sandbox.config import EmulatorConfig, RateLimits
from tests.conftest import EVENT_FILE
from tests.e2e.attendees.test_attendee_agenda import visible

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """Several commands within a second (faster than a person): a larger per-chat burst."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


def _href(message: dict) -> str:
    """The URL of the message's one link."""
    (url,) = [entity["url"] for entity in message["entities"] if entity["type"] == "text_link"]
    return url


async def test_venue_with_coordinates_and_a_map_link(users, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/lokasi")
    pin = await siti.expect_message(predicate=lambda m: "venue" in m)
    assert pin["venue"]["title"] == "Ballroom Lelly, Hotel Puri Perdana"
    assert pin["venue"]["address"] == "Jl. Ahmad Yani, Kota Blitar"  # the city once
    assert pin["venue"]["location"] == {"latitude": -8.0955, "longitude": 112.1609}
    text = await siti.expect_message("Buka di peta")
    assert _href(text) == "https://www.google.com/maps/search/?api=1&query=-8.0955,112.1609"
    assert visible("id", "venue-example") in text["text"]
    await siti.send(plain_text("id", "menu-venue"))
    await siti.expect_message(predicate=lambda m: "venue" in m)
    await siti.send("/start venue")
    await siti.expect_message(predicate=lambda m: "venue" in m)
    assert await emu.rejections() == []


class TestVenueWithoutCoordinates:
    @pytest.fixture
    def event_file(self, tmp_path: Path) -> Path:
        text = EVENT_FILE.read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if "itude:" not in line]
        path = tmp_path / "event.yaml"
        path.write_text("\n".join(lines), encoding="utf-8")
        return path

    async def test_a_map_search_for_name_and_city(self, users, emu) -> None:
        siti = await users.create("Siti")
        await siti.send("/lokasi")
        text = await siti.expect_message("Buka di peta")
        query = quote_plus("Ballroom Lelly, Hotel Puri Perdana, Kota Blitar")
        assert _href(text) == f"https://www.google.com/maps/search/?api=1&query={query}"
        assert not [m for m in await siti.bot_messages() if "venue" in m]
        assert await emu.rejections() == []


async def test_speakers_with_institution_and_sessions(users) -> None:
    siti = await users.create("Siti")
    await siti.send("/narasumber")
    reply = await siti.expect_message("Narasumber Bappeda Provinsi Jawa Timur")
    blocks = reply["text"].split("\n\n")
    walikota = next(block for block in blocks if block.startswith("Bapak Walikota Blitar"))
    assert walikota.splitlines() == [
        "Bapak Walikota Blitar",
        "Pemerintah Kota Blitar",
        "Penyerahan penghargaan IGA 2022",
        "• 08.30–09.00 WIB · Pembukaan, laporan Kepala Bappeda dan sambutan Bapak Walikota Blitar",
        "• 09.00–09.30 WIB · Penganugerahan Lomba Innovative Government Award (IGA) Tahun 2022",
    ]
    await siti.send(plain_text("id", "menu-speakers"))
    again = await siti.expect_message("Narasumber Bappeda Provinsi Jawa Timur")
    assert again["text"] == reply["text"]


async def test_faq_from_the_event_file(users) -> None:
    siti = await users.create("Siti")
    await siti.send("/faq")
    reply = await siti.expect_message("Siapa yang dapat dihubungi?")
    assert "Pakaian Dinas Harian (contoh)." in reply["text"]
    assert "Di mana tempat parkir?" in reply["text"]
    assert "Apa yang perlu dibawa?" in reply["text"]


class TestEnglish:
    @pytest.fixture
    def settings_overrides(self) -> dict:
        return {"default_language": "en"}

    async def test_venue_speakers_and_faq_in_english(self, users) -> None:
        john = await users.create("John", language_code="en")
        await john.send("/venue")
        await john.expect_message("Open in maps")
        await john.send("/speakers")
        reply = await john.expect_message(
            visible("en", "speakers-title", event="Penganugerahan IGA Kota Blitar 2022")
        )
        assert "• 10:00–11:00 WIB · Arah kebijakan" in reply["text"]
        await john.send("/faq")
        reply = await john.expect_message("Whom can I contact?")
        assert "Daily official uniform (example)." in reply["text"]


async def test_help_lists_the_attendee_commands(users) -> None:
    siti = await users.create("Siti")
    await siti.send("/help")
    reply = await siti.expect_message("Bantuan")
    for command in ("/agenda", "/sekarang", "/lokasi", "/narasumber", "/kalender", "/langganan"):
        assert command in reply["text"]
