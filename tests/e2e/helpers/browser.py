"""Headless Chromium for the e2e tests of the bot's web pages (Playwright's async API, in
the test's event loop). A module importing this is skipped without Playwright or Chromium."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.sandbox.helpers import CHROMIUM, CHROMIUM_ARGS

async_api = pytest.importorskip("playwright.async_api")
if not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)
expect = async_api.expect
expect.set_options(timeout=15_000)  # generous: the machine may be busy; waits end at once

TIMEOUT_MS = 15_000


@asynccontextmanager
async def chromium_page(viewport: dict[str, int]) -> AsyncIterator[Any]:
    """A page of a new headless Chromium at ``viewport``; a JavaScript error in the page
    fails the test when the page is done."""
    async with async_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = await browser.new_page(viewport=viewport)
        page.set_default_timeout(TIMEOUT_MS)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page
        await browser.close()
        assert errors == [], errors
