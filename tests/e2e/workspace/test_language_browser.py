"""The workspace's shell follows the user's language as the chat does (the language chosen
with /bahasa, else Telegram's language_code): its <html lang>, the file viewer's labels and
its own messages ("no connection"), which come from the catalogue through its template, in
headless Chromium against the running bot's web server."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.i18n import plain_text
from tests.e2e.helpers.browser import expect
from tests.e2e.helpers.committee import choose_english
from tests.e2e.workspace.helpers import init_data, make_world, serve_telegram

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


async def _open_as(page: Any, app_url: str, user_id: int, language: str) -> None:
    unsafe = {"user": {"id": user_id, "first_name": "Dewi", "language_code": language}}
    signed = init_data(user_id, language=language)
    await serve_telegram(page, signed, initDataUnsafe=json.dumps(unsafe))
    await page.goto(app_url)
    await expect(page.locator("main nav.tabs")).to_be_visible()


async def _offline_message(page: Any) -> str:
    """What the shell says when a page cannot be fetched."""
    await page.route("**/app/f/**", lambda route: route.abort())
    await page.evaluate("location.hash = '#progress-offline'")
    toast = page.locator("#toast")
    await expect(toast).to_be_visible()
    await page.unroute("**/app/f/**")
    return await toast.inner_text()


async def test_the_shell_follows_the_users_language(bot, users, app_url, browser_page) -> None:
    world = await make_world(bot, users)
    page, root = browser_page, browser_page.locator("html")

    # an admin whose Telegram is in English
    await _open_as(page, app_url, world.admin.id, "en")
    await expect(page.locator("main nav.tabs")).to_contain_text("Entries")
    await expect(root).to_have_attribute("lang", "en")
    close = plain_text("en", "workspace-viewer-close")
    await expect(page.locator("#viewer-close")).to_have_attribute("aria-label", close)
    assert await _offline_message(page) == plain_text("en", "workspace-offline")

    # a judge whose Telegram is in Indonesian but who chose English in the chat
    await choose_english(world.judge)
    await _open_as(page, app_url, world.judge.id, "id")
    await expect(page.locator("main nav.tabs")).to_contain_text("My assignments")
    await expect(root).to_have_attribute("lang", "en")
    assert await _offline_message(page) == plain_text("en", "workspace-offline")

    # an Indonesian admin: Indonesian throughout
    await _open_as(page, app_url, world.admin.id, "id")
    await expect(root).to_have_attribute("lang", "id")
    tutup = plain_text("id", "workspace-viewer-close")
    await expect(page.locator("#viewer-close")).to_have_attribute("aria-label", tutup)
    assert await _offline_message(page) == plain_text("id", "workspace-offline")
