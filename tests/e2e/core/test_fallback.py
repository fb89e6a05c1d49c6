"""A private message or command no feature takes gets a short polite answer with the menu;
one a feature takes (commands, menu buttons, the committee's note) gets no second answer."""

from __future__ import annotations

import pytest

from bot.handlers.shared.menus import PUBLIC_MENU_LAYOUT
from bot.i18n import plain_text, t
from bot.storage.models import SubmissionStatus
from tests.e2e.helpers.committee import add_entries, add_officer, quick_emulator, real_file_id

pytestmark = pytest.mark.e2e

FALLBACKS = ("fallback-not-understood", "fallback-unknown-command")


@pytest.fixture
def emulator_config():
    """Several messages within a second: flood control scaled up."""
    return quick_emulator()


async def _fallbacks(driver) -> list[str]:
    texts = {plain_text(language, key) for language in ("id", "en") for key in FALLBACKS}
    return [m["text"] for m in await driver.bot_messages() if m["text"] in texts]


async def _settle(driver) -> None:
    """Updates are handled in order: once /help is answered, every earlier one was."""
    await driver.send("/help")
    await driver.expect_message("Bantuan")


async def test_free_text_and_unknown_command_get_a_polite_pointer(users, emu) -> None:
    warga = await users.create("Warga")
    await warga.send("halo apa kabar")
    reply = await warga.expect_message(t("id", "fallback-not-understood"))
    labels = [button["text"] for row in reply["keyboard"]["keyboard"] for button in row]
    assert labels == [plain_text("id", key) for row in PUBLIC_MENU_LAYOUT for key in row]
    await warga.send("/foo")
    await warga.expect_message(t("id", "fallback-unknown-command"))
    assert await emu.rejections() == []


async def test_handled_messages_get_no_fallback(users) -> None:
    warga = await users.create("Warga")
    await warga.send("/agenda")
    await warga.expect_message("Susunan acara")
    await warga.send(plain_text("id", "menu-venue"))
    await warga.expect_message(predicate=lambda m: bool(m.get("venue")))
    await _settle(warga)
    assert await _fallbacks(warga) == []


async def test_the_admins_note_is_taken_without_a_fallback(bot, users) -> None:
    siti = await users.create("Siti", admin=True)
    dodi = await users.create("Dodi")
    await add_officer(bot.runtime, "DLH", dodi.id)
    await add_entries(
        bot.runtime, [("DLH", "SIDOTI", SubmissionStatus.SUBMITTED)], await real_file_id(dodi)
    )
    await siti.send("/inovasi DLH")
    await siti.expect_message("(1 entri)")
    await siti.tap("IGA-2022-001 · SIDOTI")
    await siti.expect_message(regex=r"^IGA-2022-001 · .*\nStatus: ")  # the entry's card, last
    await siti.tap(t("id", "entry-button-return"))
    await siti.expect_message("catatan perbaikan untuk IGA-2022-001")
    await siti.send("Lengkapi SK tim inovasi.")
    await siti.expect_message("status kini Dikembalikan untuk perbaikan")
    await _settle(siti)
    assert await _fallbacks(siti) == []


class TestEnglish:
    @pytest.fixture
    def settings_overrides(self) -> dict:
        return {"default_language": "en"}

    async def test_english_pointer(self, users) -> None:
        john = await users.create("John", language_code="en")
        await john.send("hello?")
        await john.expect_message(t("en", "fallback-not-understood"))
