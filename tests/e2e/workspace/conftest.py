"""The workspace's tests: the bot with its web pages on and Telegram's flood control scaled
up (long committee sessions in seconds), and the fixtures of the tests in headless Chromium.
A test module overrides any of them by defining a fixture of the same name."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestServer

from bot.sandbox.config import EmulatorConfig
from bot.web.server import create_web_app
from tests.e2e.conftest import PUBLIC_URL, RunningBot
from tests.e2e.helpers.browser import chromium_page
from tests.e2e.helpers.committee import quick_emulator
from tests.e2e.workspace.helpers import SCRIPT


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """Flood control scaled up (:func:`quick_emulator`)."""
    return quick_emulator()


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    """The workspace on (a public https address; tests talk to the app directly), its
    pages loading Telegram's script from :data:`SCRIPT`, which a browser test serves."""
    return {"public_url": PUBLIC_URL, "webapp_script_url": SCRIPT}


@pytest.fixture
async def app_url(bot: RunningBot) -> AsyncIterator[str]:
    """The workspace's address on the bot's web server, for a browser."""
    server = TestServer(create_web_app(bot.application, with_webhook=False))
    await server.start_server()
    yield str(server.make_url("/app/"))
    await server.close()


@pytest.fixture
async def browser_page() -> AsyncIterator[Any]:
    """A headless Chromium page at a desktop's size."""
    async with chromium_page({"width": 1100, "height": 900}) as page:
        yield page


@pytest.fixture
async def phone() -> AsyncIterator[Any]:
    """A headless Chromium page at a small phone's width (320 px)."""
    async with chromium_page({"width": 320, "height": 640}) as page:
        yield page
