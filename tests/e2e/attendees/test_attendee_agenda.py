"""The agenda through the emulator: days, time ranges, now/next markers, /sekarang and
/berikutnya, the end of the event, one session in full and the "Ingatkan saya" star."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.i18n import plain_text, t
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.storage.models import AgendaItem, Star

pytestmark = pytest.mark.e2e

DURING_AWARDS = datetime(2022, 12, 7, 2, 15, tzinfo=UTC)
"""Rabu, 7 Desember 2022, 09.15 WIB: the awarding session (09.00–09.30) is on."""
AFTER_EVENT = datetime(2022, 12, 7, 8, 0, tzinfo=UTC)
"""15.00 WIB, after the closing session (14.00–14.30)."""


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """A test user sends several commands within a second, faster than a person does; a larger
    per-chat burst keeps Telegram's flood control (1 message a second) off the bot's replies."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


def visible(language: str, key: str, /, **args: object) -> str:
    """A catalogue text as the user sees it: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", t(language, key, **args)))


def line_after(text: str, marker: str) -> str:
    """The line following the line that is ``marker``."""
    lines = text.splitlines()
    return lines[lines.index(marker) + 1]


async def item_id(bot, key: str) -> int:
    async with bot.runtime.sessions() as session:
        return await session.scalar(select(AgendaItem.id).where(AgendaItem.key == key))


async def test_agenda_by_day_with_ranges_speakers_rooms_and_markers(users, bot, emu) -> None:
    bot.clock.set(DURING_AWARDS)
    siti = await users.create("Siti")
    await siti.send("/agenda")
    page = await siti.expect_message(visible("id", "agenda-day", day="Rabu, 7 Desember 2022"))
    text = page["text"]
    assert "07.30–08.30 WIB · Registrasi peserta" in text
    assert "🎤 Bapak Walikota Blitar" in text
    assert "📍 Ballroom Lelly" in text
    now_marker = visible("id", "agenda-marker-now")
    next_marker = visible("id", "agenda-marker-next")
    assert line_after(text, now_marker).startswith("09.00–09.30 WIB · Penganugerahan")
    assert line_after(text, next_marker).startswith("09.30–10.00 WIB · Diseminasi")
    assert text.count(now_marker) == 1 and text.count(next_marker) == 1
    assert visible("id", "agenda-example-times") in text
    buttons = [row[0]["text"] for row in page["inline_keyboard"]]
    assert buttons[0] == "07.30 Registrasi peserta" and len(buttons) == 9
    assert await emu.rejections() == []


async def test_menu_button_and_deep_link_open_the_agenda(users) -> None:
    siti = await users.create("Siti")
    await siti.send(plain_text("id", "menu-agenda"))
    first = await siti.expect_message("Registrasi peserta")
    await siti.send("/start agenda")
    second = await siti.expect_message("Registrasi peserta")
    assert first["text"] == second["text"]


async def test_now_and_next_during_and_before_the_event(users, bot) -> None:
    siti = await users.create("Siti")
    await siti.send("/berikutnya")  # a week before: the first session, with its day
    reply = await siti.expect_message(
        visible("id", "agenda-next-title", day="Rabu, 7 Desember 2022")
    )
    assert "07.30–08.30 WIB · Registrasi peserta" in reply["text"]
    await siti.send("/sekarang")
    reply = await siti.expect_message(visible("id", "agenda-nothing-now"))
    assert "Registrasi peserta" in reply["text"]

    bot.clock.set(DURING_AWARDS)
    await siti.send("/now")
    reply = await siti.expect_message(visible("id", "agenda-now-title"))
    assert "09.00–09.30 WIB · Penganugerahan Lomba Innovative Government Award" in reply["text"]
    await siti.send("/next")
    reply = await siti.expect_message(
        visible("id", "agenda-next-title", day="Rabu, 7 Desember 2022")
    )
    assert "09.30–10.00 WIB · Diseminasi Laporan Hasil IGA" in reply["text"]


async def test_after_the_event_the_agenda_points_to_the_results(users, bot) -> None:
    bot.clock.set(AFTER_EVENT)
    siti = await users.create("Siti")
    ended = visible("id", "agenda-ended", winners=plain_text("id", "menu-winners"))
    await siti.send("/agenda")
    page = await siti.expect_message(ended)
    assert visible("id", "agenda-marker-now") not in page["text"]
    assert visible("id", "agenda-marker-next") not in page["text"]
    await siti.send("/sekarang")
    await siti.expect_message(ended)
    await siti.send("/berikutnya")
    await siti.expect_message(ended)


async def test_a_session_in_full_and_its_star(users, bot, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/agenda")
    await siti.expect_message("Registrasi peserta")
    materi = await item_id(bot, "materi-kemendagri")
    await siti.tap("10.00 Arah kebijakan perencanaan pembangunan da…")
    detail = await siti.expect_message("Arah kebijakan perencanaan pembangunan daerah tahun 2024")
    assert "Rabu, 7 Desember 2022, pukul 10.00–11.00 WIB" in detail["text"]
    # the institution is not repeated in brackets when the name already says it
    assert "🎤 Narasumber Kementerian Dalam Negeri\n" in detail["text"]
    assert "(Kementerian Dalam Negeri)" not in detail["text"]
    assert "📍 Ballroom Lelly, Hotel Puri Perdana\n" in detail["text"]

    tap = await siti.tap(plain_text("id", "agenda-star-button", minutes=15))
    answer = await siti.expect_callback_answer(tap)
    assert answer["text"] == plain_text(
        "id", "agenda-starred", minutes=15, time="09.45", zone="WIB"
    )
    async with bot.runtime.sessions() as session:
        assert await session.get(Star, (siti.id, materi)) is not None
    starred_label = "⭐ 10.00 Arah kebijakan perencanaan pembangunan…"
    await siti.send("/agenda")
    page = await siti.expect_message("Registrasi peserta")
    assert starred_label in [row[0]["text"] for row in page["inline_keyboard"]]

    await siti.tap(starred_label)
    await siti.expect_message("Arah kebijakan perencanaan pembangunan daerah tahun 2024")
    tap = await siti.tap(plain_text("id", "agenda-unstar-button"))
    assert (await siti.expect_callback_answer(tap))["text"] == plain_text("id", "agenda-unstarred")
    async with bot.runtime.sessions() as session:
        assert await session.get(Star, (siti.id, materi)) is None
    await siti.send("/agenda")
    page = await siti.expect_message("Registrasi peserta")
    labels = [row[0]["text"] for row in page["inline_keyboard"]]
    assert "10.00 Arah kebijakan perencanaan pembangunan da…" in labels
    assert not any(label.startswith("⭐") for label in labels)
    assert await emu.rejections() == []


class TestEnglish:
    @pytest.fixture
    def settings_overrides(self) -> dict:
        return {"default_language": "en"}

    async def test_agenda_and_now_in_english(self, users, bot) -> None:
        bot.clock.set(DURING_AWARDS)
        john = await users.create("John", language_code="en")
        await john.send("/agenda")
        page = await john.expect_message("Wednesday, 7 December 2022")
        assert "09:00–09:30 WIB · Penganugerahan" in page["text"]
        assert line_after(page["text"], visible("en", "agenda-marker-now")).startswith("09:00")
        await john.send("/next")
        reply = await john.expect_message(
            visible("en", "agenda-next-title", day="Wednesday, 7 December 2022")
        )
        assert "09:30–10:00 WIB" in reply["text"]
