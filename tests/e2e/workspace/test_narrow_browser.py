"""The workspace at 320 px, the narrowest phone Telegram runs on (QA): no page of the
committee's or the judge's scrolls sideways, in headless Chromium against the running bot's
web server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import select, update

from bot.storage.models import Answer, Attachment, Judge, Submission
from tests.e2e.helpers.browser import chromium_page, expect
from tests.e2e.workspace.helpers import SCRIPT, init_data, make_world, serve_telegram

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

NARROW = {"width": 320, "height": 640}
LONG_WORD = "PelayananAntreanTerpaduDinasSosialKotaBlitar"
TITLE = f"SI-ANTRE {LONG_WORD}"
FILE_NAME = f"SK_Tim_Inovasi_{LONG_WORD}_2022_final_revisi.pdf"
ADDRESS = f"https://dinsos.blitarkota.go.id/layanan/{LONG_WORD.lower()}/pendaftaran?jenis=bansos"

OVERFLOWING = """() => {
    const clipped = (element) => {
        for (let up = element.parentElement; up; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') return true;
        }
        return false;
    };
    return [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > innerWidth + 0.5)
        .filter((element) => !clipped(element))
        .slice(0, 4)
        .map((element) => element.tagName.toLowerCase() + '.' + element.className + ' '
             + Math.round(element.getBoundingClientRect().right) + ' '
             + (element.textContent || '').trim().slice(0, 30));
}"""
"""The first elements reaching past the window's right edge outside a scrolling box (what
to fix when the test fails)."""


@pytest.fixture
async def narrow_page() -> AsyncIterator[Any]:
    async with chromium_page(NARROW) as page:
        yield page


async def _sideways(page: Any, route: str, ready: str) -> str | None:
    """What of page ``route`` reaches past the window's width (None: nothing)."""
    # a marker in the page shown now: gone once the new page replaced it
    await page.evaluate("() => { const hr = document.createElement('hr'); hr.id = 'stale';"
                        " document.querySelector('main').append(hr); }")  # fmt: skip
    await page.evaluate(f"location.hash = '#{route}'")
    await expect(page.locator("#stale")).to_have_count(0)
    await expect(page.locator(f"main {ready}").first).to_be_visible()
    width = await page.evaluate("document.scrollingElement.scrollWidth")
    if width <= await page.evaluate("innerWidth"):
        return None
    return f"#{route} is {width} px wide: {await page.evaluate(OVERFLOWING)}"


async def _long_words(bot: Any) -> None:
    """What people type without a space: a long title, file names, a web address, a name."""
    async with bot.runtime.transaction() as session:
        await session.execute(update(Submission).values(title=TITLE))
        await session.execute(update(Attachment).values(file_name=FILE_NAME))
        for answer in await session.scalars(select(Answer)):
            if isinstance(answer.value, str):
                answer.value = f"{answer.value} {ADDRESS}"
        await session.execute(update(Judge).values(name=f"Dr. {LONG_WORD}"))


async def test_no_page_overflows_at_320_px(bot, users, app_url, narrow_page) -> None:
    world = await make_world(bot, users)
    await _long_words(bot)
    pages = {
        world.admin.id: [("entries", "a.row"), (f"entry/{world.entry}", "h1"),
                         ("progress", "h1"), ("ranking", "h1"), ("certificates", "h1")],
        world.judge.id: [("assignments", "a.row"), (f"score/{world.entry}", ".rubric")],
    }  # fmt: skip
    page, wide = narrow_page, []
    for user_id, routes in pages.items():
        await serve_telegram(page, init_data(user_id))
        await page.goto(app_url)
        await expect(page.locator("main nav.tabs")).to_be_visible()
        for route, ready in routes:
            wide.append(await _sideways(page, route, ready))
        await page.unroute(SCRIPT)
    wide = [line for line in wide if line]
    assert not wide, "\n".join(wide)
