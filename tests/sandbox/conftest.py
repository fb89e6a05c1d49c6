"""Fixtures for the emulator tests: a started emulator on a free loopback port with a fake
clock, a control API client, and a raw Bot API caller; for the browser tests, one
``iga-bot sandbox`` process and one headless Chromium per module, and a page on the sandbox
per test (helpers in ``tests/sandbox/helpers.py``)."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest

from bot.sandbox import Emulator, EmulatorClient, EmulatorConfig
from tests.sandbox.helpers import CHROMIUM, CHROMIUM_ARGS, start_command

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"


class FakeClock:
    """A monotonic clock the test moves by hand (seconds)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class BotApiCaller:
    """Calls Bot API methods over HTTP and returns (status, body)."""

    def __init__(self, session: aiohttp.ClientSession, base: str, token: str = TOKEN) -> None:
        self.session = session
        self.base = base
        self.token = token

    async def __call__(self, method: str, **params: Any) -> tuple[int, dict[str, Any]]:
        async with self.session.post(f"{self.base}{self.token}/{method}", json=params) as resp:
            return resp.status, await resp.json()

    async def form(self, method: str, data: Any) -> tuple[int, dict[str, Any]]:
        """Posts form-urlencoded or multipart data (aiohttp.FormData or dict of str)."""
        async with self.session.post(f"{self.base}{self.token}/{method}", data=data) as resp:
            return resp.status, await resp.json()

    async def ok(self, method: str, **params: Any) -> Any:
        status, body = await self(method, **params)
        assert status == 200 and body["ok"], (method, status, json.dumps(body))
        return body["result"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def config(clock: FakeClock) -> EmulatorConfig:
    cfg = EmulatorConfig(clock=clock)
    return cfg


@pytest.fixture
async def emu(config: EmulatorConfig) -> AsyncIterator[Emulator]:
    emulator = Emulator(config)
    await emulator.start(host="127.0.0.1", port=0)
    try:
        yield emulator
    finally:
        await emulator.stop()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


@pytest.fixture
async def client(emu: Emulator, session: aiohttp.ClientSession) -> EmulatorClient:
    return EmulatorClient(emu.base_url, session)


@pytest.fixture
def api(emu: Emulator, session: aiohttp.ClientSession) -> BotApiCaller:
    return BotApiCaller(session, emu.bot_api_base_url)


@pytest.fixture(scope="module")
def sandbox(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    """The running ``iga-bot sandbox`` command, one per module, with the module's
    ``SANDBOX_ARGS`` if it has them: {"url", "started" (monotonic seconds)}."""
    started = time.monotonic()
    args = getattr(request.module, "SANDBOX_ARGS", ())
    process, url = start_command(tmp_path_factory.mktemp("sandbox"), *args)
    try:
        yield {"url": url, "started": started}
    finally:
        process.terminate()
        process.wait(timeout=15)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium, one per module (the module calls ``require_browser()`` first)."""
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(request: pytest.FixtureRequest, browser: Any, sandbox: dict[str, Any]) -> Iterator[Any]:
    """A page on the sandbox at the module's ``VIEWPORT`` with its ``TIMEOUT_MS``; fails the
    test on a JavaScript error in the page."""
    page = browser.new_page(viewport=request.module.VIEWPORT)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(request.module.TIMEOUT_MS)
    page.goto(sandbox["url"])
    yield page
    page.close()
    assert errors == [], errors
