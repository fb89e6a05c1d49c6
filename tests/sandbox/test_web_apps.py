"""Mini Apps in the emulator, as strict as Telegram: web_app buttons only in private chats and
only to https addresses (plain http only when the sandbox allows its own), the menu button's
shape, and init data signed as Telegram signs it (the bot's token, HMAC-SHA256)."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from bot.sandbox import Emulator, EmulatorClient
from bot.web.auth import InitDataRefused, viewer_from_init_data

from .conftest import TOKEN, BotApiCaller


@pytest.fixture
async def siti(client: EmulatorClient, emu: Emulator):
    emu.config.rate_limits.enabled = False
    return await client.create_user("Siti", language_code="id", started=True)


def web_app_markup(url: str) -> dict:
    return {"inline_keyboard": [[{"text": "Buka", "web_app": {"url": url}}]]}


async def test_web_app_buttons_in_private_chats_with_https_only(
    api: BotApiCaller, siti, client: EmulatorClient, emu: Emulator
) -> None:
    await api.ok(
        "sendMessage", chat_id=siti.id, text="a", reply_markup=web_app_markup("https://x.id/app/")
    )
    status, body = await api(
        "sendMessage", chat_id=siti.id, text="a", reply_markup=web_app_markup("http://x.id/app/")
    )
    assert status == 400 and "Only HTTPS links are allowed" in body["description"]
    group = await client.create_group("Panitia", [siti])
    status, body = await api(
        "sendMessage",
        chat_id=group["chat_id"],
        text="a",
        reply_markup=web_app_markup("https://x.id/app/"),
    )
    assert status == 400 and body["description"] == "Bad Request: BUTTON_TYPE_INVALID"
    emu.config.plain_http_web_apps = True  # as iga-bot sandbox sets it for its own address
    await api.ok(
        "sendMessage",
        chat_id=siti.id,
        text="a",
        reply_markup=web_app_markup("http://127.0.0.1:9/app/"),
    )


async def test_menu_button(api: BotApiCaller, siti, client: EmulatorClient) -> None:
    button = {"type": "web_app", "text": "Ruang kerja", "web_app": {"url": "https://x.id/app/"}}
    assert (await client.request("GET", f"users/{siti.id}/menu_button"))["type"] == "commands"
    await api.ok("setChatMenuButton", chat_id=siti.id, menu_button=button)
    assert await api.ok("getChatMenuButton", chat_id=siti.id) == button
    assert await client.request("GET", f"users/{siti.id}/menu_button") == button
    for wrong in (
        {**button, "web_app": {"url": "http://x.id/app/"}},
        {**button, "text": " "},
        {"type": "dance"},
    ):
        status, _ = await api("setChatMenuButton", chat_id=siti.id, menu_button=wrong)
        assert status == 400
    group = await client.create_group("Panitia", [siti])
    status, body = await api("setChatMenuButton", chat_id=group["chat_id"], menu_button=button)
    assert status == 400


async def test_init_data_signed_with_the_bots_token(
    api: BotApiCaller, siti, client: EmulatorClient
) -> None:
    await api.ok("getMe")  # the emulator learns the token from the bot's calls
    opened = await client.request(
        "POST", f"users/{siti.id}/web_app", {"url": "https://x.id/app/", "theme": "dark"}
    )
    fragment = parse_qs(opened["url"].split("#", 1)[1])
    init_data = fragment["tgWebAppData"][0]
    assert opened["url"].startswith("https://x.id/app/#")
    assert '"bg_color": "#212121"' in fragment["tgWebAppThemeParams"][0]
    viewer = viewer_from_init_data(init_data, TOKEN, 3600)
    assert viewer.user_id == siti.id and viewer.first_name == "Siti"
    with pytest.raises(InitDataRefused):
        viewer_from_init_data(init_data, "987654321:AAOther", 3600)
