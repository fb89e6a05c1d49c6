"""The workspace's edition chooser in headless Chromium against the running bot's web
server: once IGA 2023 is imported the admin switches to IGA 2022, opens an entry (no action
or judges form), goes back, filters and changes tabs within 2022, and returns to 2023."""

from __future__ import annotations

import pytest

from bot.i18n import t
from tests.e2e.editions.test_read_only_previous_edition import start_next_edition
from tests.e2e.helpers.browser import expect
from tests.e2e.workspace.helpers import init_data, make_world, serve_telegram

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


async def test_the_admin_switches_to_2022_and_back(bot, users, app_url, browser_page) -> None:
    world = await make_world(bot, users)
    await start_next_edition(bot)
    page = browser_page
    await serve_telegram(page, init_data(world.admin.id))
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
