"""Where the chat opens the workspace: the menu button of admins and judges (not of others),
the committee's notice of a new entry with a button opening that entry, ``/ruang_kerja``;
without PUBLIC_URL the workspace is off and the chat says so."""

from __future__ import annotations

import pytest

from bot.i18n import plain_text, t
from tests.e2e.conftest import PUBLIC_URL, wait_until
from tests.e2e.helpers.entries import IN_WINDOW, join, prefilled_entry

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]


@pytest.fixture
def settings_overrides(request):
    on = getattr(request, "param", True)
    return {"public_url": PUBLIC_URL} if on else {}


async def menu_button(emu, user) -> dict:
    return await emu.request("GET", f"users/{user.id}/menu_button")


async def test_menu_button_and_the_new_entry_notice_open_the_workspace(users, bot, emu) -> None:
    bot.clock.set(IN_WINDOW)
    admin = await users.create("Rahmat", admin=True)
    await admin.send("/start")
    await admin.expect_message("Selamat datang")

    async def web_app_set() -> bool:
        return (await menu_button(emu, admin))["type"] == "web_app"

    await wait_until(web_app_set)  # set after the welcome, as the command menu is
    assert await menu_button(emu, admin) == {
        "type": "web_app",
        "text": "Ruang kerja",
        "web_app": {"url": f"{PUBLIC_URL}/app/"},
    }
    budi = await join(users, bot, "Budi")
    assert (await menu_button(emu, budi))["type"] == "commands"  # officers keep the commands
    entry_id = await prefilled_entry(bot, budi.id)
    await budi.send("/lanjutkan")
    await budi.expect_message("Ringkasan:")
    await budi.tap(t("id", "entry-button-review"))
    await budi.expect_message("Periksa kembali")
    await budi.expect_message(plain_text("id", "entry-review-confirm"))  # the page with ✅
    await budi.tap(t("id", "entry-button-confirm"))
    notice = await admin.expect_message("Inovasi baru masuk")
    [[open_button]] = notice["inline_keyboard"]
    assert open_button["web_app"] == {"url": f"{PUBLIC_URL}/app/?entry={entry_id}"}
    await admin.send("/ruang_kerja")
    invitation = await admin.expect_message("Ruang kerja panitia")
    assert invitation["inline_keyboard"][0][0]["web_app"] == {"url": f"{PUBLIC_URL}/app/"}
    await budi.send("/ruang_kerja")
    await budi.expect_message("khusus untuk panitia")


@pytest.mark.parametrize("settings_overrides", [False], indirect=True)
async def test_without_public_url_the_workspace_is_off(users, bot, emu) -> None:
    admin = await users.create("Rahmat", admin=True)
    await admin.send("/start")
    await admin.expect_message("Selamat datang")
    await admin.send("/ruang_kerja")
    await admin.expect_message("PUBLIC_URL belum diatur")
    assert (await menu_button(emu, admin))["type"] == "commands"  # /start was handled before
