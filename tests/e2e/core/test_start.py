"""/start and /help through the emulator, in both languages, on SQLite and PostgreSQL."""

from datetime import date

import pytest

from bot.handlers.shared.menus import PUBLIC_MENU_LAYOUT
from bot.i18n import format_day, t

pytestmark = pytest.mark.e2e


async def test_start_greets_in_indonesian_and_names_the_event(users, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/start")
    reply = await siti.expect_message("Selamat datang, Bapak/Ibu Siti")
    assert "Penganugerahan IGA Kota Blitar 2022" in reply["text"]
    assert "Rabu, 7 Desember 2022" in reply["text"]
    assert "Ballroom Lelly, Hotel Puri Perdana" in reply["text"]
    labels = [button["text"] for row in reply["keyboard"]["keyboard"] for button in row]
    assert labels == [t("id", key) for row in PUBLIC_MENU_LAYOUT for key in row]
    assert await emu.rejections() == []


async def test_help_by_command_and_by_menu_button(users) -> None:
    siti = await users.create("Siti")
    await siti.send("/help")
    first = await siti.expect_message("Bantuan")
    await siti.send(t("id", "menu-help"))
    second = await siti.expect_message("Bantuan")
    assert first["text"] == second["text"]


class TestEnglishDefault:
    @pytest.fixture
    def settings_overrides(self) -> dict:
        return {"default_language": "en"}

    async def test_english_when_it_is_the_default(self, users) -> None:
        john = await users.create("John", language_code="en")
        await john.send("/start")
        reply = await john.expect_message("Welcome, John")
        assert format_day(date(2022, 12, 7), "en") in reply["text"]
        assert "Wednesday, 7 December 2022" in reply["text"]
