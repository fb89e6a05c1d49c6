"""The workspace's edition chooser in headless Chromium against the running bot's web
server: once IGA 2023 is imported the admin switches to IGA 2022, opens an entry (no action
or judges form), goes back, filters and changes tabs within 2022, and returns to 2023."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestServer

from bot.i18n import t
from bot.web.server import create_web_app
from tests.e2e.editions.test_read_only_previous_edition import start_next_edition
from tests.e2e.helpers.browser import chromium_page, expect
from tests.e2e.helpers.committee import quick_emulator
from tests.e2e.workspace.helpers import PUBLIC_URL, init_data, make_world

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

SCRIPT = "https://telegram.org/js/telegram-web-app.js"
"""Telegram's Mini App script, served by the test in its place (no network here)."""


@pytest.fixture
def emulator_config():
    return quick_emulator()


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    return {"public_url": PUBLIC_URL, "webapp_script_url": SCRIPT}


@pytest.fixture
async def app_url(bot) -> AsyncIterator[str]:
    server = TestServer(create_web_app(bot.application, with_webhook=False))
    await server.start_server()
    yield str(server.make_url("/app/"))
    await server.close()


def telegram_stub(signed: str) -> str:
    """What Telegram's script gives the page: the signed init data and a light theme."""
    noop = "function () {}"
    back = f"{{show: {noop}, hide: {noop}, onClick: {noop}}}"
    return (
        f"window.Telegram = {{WebApp: {{initData: {json.dumps(signed)}, themeParams: {{}},"
        f" colorScheme: 'light', ready: {noop}, expand: {noop}, onEvent: {noop},"
        f" BackButton: {back}}}}};"
    )


@pytest.fixture
async def browser_page() -> AsyncIterator[Any]:
    async with chromium_page({"width": 1100, "height": 900}) as page:
        yield page


async def test_the_admin_switches_to_2022_and_back(bot, users, app_url, browser_page) -> None:
    world = await make_world(bot, users)
    await start_next_edition(bot)
    page = browser_page
    stub = telegram_stub(init_data(world.admin.id))
    await page.route(SCRIPT, lambda route: route.fulfill(body=stub, content_type="text/javascript"))
    await page.goto(app_url)
    editions = page.locator("main nav.editions")
    await expect(editions.locator("a.on")).to_have_text("IGA 2023")
    read_only = page.locator("main .read-only")
    await expect(read_only).to_have_count(0)

    await editions.locator("a", has_text="IGA 2022").click()
    await expect(page.locator("main a.row", has_text="SI-ANTRE Dinsos")).to_be_visible()
    await expect(read_only).to_have_text(t("id", "workspace-read-only", year="2022"))
    await page.locator("main a.row", has_text="SI-ANTRE Dinsos").click()
    await expect(page.locator("main h1")).to_have_text("SI-ANTRE Dinsos")
    await expect(read_only).to_be_visible()
    for form in ("button[data-action]", "[data-assign]", "#note"):
        await expect(page.locator(f"main {form}")).to_have_count(0)

    await page.locator("main a.back").click()  # back to 2022's entries, not 2023's
    await expect(editions.locator("a.on")).to_have_text("IGA 2022")
    await page.locator("main input[name=q]").fill("Bank")
    await page.locator("main form.filters button").click()
    await expect(page.locator("main a.row")).to_have_count(1)
    await expect(page.locator("main a.row")).to_contain_text("Bank Sampah")
    assert "edition=iga-2022" in await page.evaluate("location.hash")

    await page.locator("main nav.tabs a", has_text="Peringkat").click()
    await expect(page.locator("main table.ranking")).to_contain_text("SI-ANTRE Dinsos")
    await expect(read_only).to_be_visible()
    await editions.locator("a", has_text="IGA 2023").click()
    await expect(page.locator("main h1")).to_have_text(t("id", "workspace-ranking-title"))
    await expect(read_only).to_have_count(0)
    await expect(page.locator("main table.ranking")).to_have_count(0)
