"""The public verification page in headless Chromium: a valid certificate, a revoked one and
an unknown code (a polite page, status 404), from the address its QR code holds, served by
the bot's own web server. Screenshots at phone width go to ``docs/screenshots/``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestServer

from bot.handlers.certificates.issuing import issue_certificates
from bot.web.server import create_web_app
from tests.conftest import REPO
from tests.e2e.certificates.helpers import SEND_AT, checked_in, started
from tests.e2e.conftest import PUBLIC_URL
from tests.sandbox.helpers import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser

async_api = pytest.importorskip(
    "playwright.async_api", reason="Playwright for Python is not installed (pip install -e .[test])"
)
if not Path(CHROMIUM).exists():
    pytest.skip(
        "Chromium is not installed (apt-get install chromium): browser test skipped",
        allow_module_level=True,
    )
TIMEOUT_MS = 30_000
"""Generous: the machine may be busy; the test waits on conditions, never on sleeps."""
SCREENSHOTS = REPO / "docs" / "screenshots"
PHONE = {"width": 360, "height": 740}
NAME = "Siti Aminah 😀 عائشة"


@pytest.fixture
async def server(bot: Any) -> AsyncIterator[str]:
    """The bot's web application on a loopback port; its root address."""
    test_server = TestServer(create_web_app(bot.application, with_webhook=False))
    await test_server.start_server()
    yield str(test_server.make_url("")).rstrip("/")
    await test_server.close()


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async with async_api.async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        await chromium.close()


async def test_valid_revoked_and_unknown_codes(bot, users, server, browser) -> None:
    admin = await started(users, "Rahmat", admin=True)
    siti = await started(users, "Siti")
    await checked_in(bot, NAME, siti.id, jabatan="Kasubag Program", unit_name="Dinas Sosial")
    await checked_in(bot, "Budi Santoso", None)
    bot.clock.set(SEND_AT)
    issued = {c.name: c.code for c in (await issue_certificates(bot.application)).issued}
    await admin.send(f"/sertifikat cabut {issued['Budi Santoso']} salah nama")
    await admin.expect_message("dicabut")

    page = await browser.new_page(viewport=PHONE, locale="id-ID")
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # the QR code holds PUBLIC_URL/verifikasi/<code>; here the same path on the test server
    valid = await page.goto(f"{server}/verifikasi/{issued[NAME]}")
    assert valid.status == 200
    verdict = page.locator("#verdict")
    assert await verdict.get_attribute("data-status") == "valid"
    assert "asli dan berlaku" in await verdict.inner_text()
    assert await page.locator("#name").inner_text() == NAME
    assert "Peserta" in await page.locator("#role").inner_text()
    assert "Innovative Government Award" in await page.locator("#event").inner_text()
    assert await page.locator("#code").inner_text() == issued[NAME]
    await page.screenshot(path=str(SCREENSHOTS / "certificate-valid.png"), full_page=True)

    lenient = await page.goto(f"{server}/verifikasi/{issued[NAME].lower().replace('-', '')}")
    assert lenient.status == 200  # typed from paper: any case, no dashes

    revoked = await page.goto(f"{server}/verifikasi/{issued['Budi Santoso']}")
    assert revoked.status == 200
    assert await verdict.get_attribute("data-status") == "revoked"
    assert "dicabut" in await verdict.inner_text()
    assert await page.locator("#name").inner_text() == "Budi Santoso"
    await page.screenshot(path=str(SCREENSHOTS / "certificate-revoked.png"), full_page=True)

    # a reissue: the old code says revoked and replaced, the new one is valid
    await admin.send(f"/sertifikat ulang {issued[NAME]}")
    done = await admin.expect_message("Sertifikat baru")
    newer = done["text"].split("kode ")[1].split(" ")[0]
    await page.goto(f"{server}/verifikasi/{issued[NAME]}")
    assert await verdict.get_attribute("data-status") == "revoked"
    assert "diganti" in await page.locator("#replaced").inner_text()
    await page.goto(f"{server}/verifikasi/{newer}")
    assert await verdict.get_attribute("data-status") == "valid"
    assert await page.locator("#name").inner_text() == NAME

    for unknown in ("ZZZZ-ZZZZ-ZZZZ-ZZZZ", "<script>alert(1)</script>", "x" * 500):
        response = await page.goto(f"{server}/verifikasi/{unknown}")
        assert response.status == 404
        assert "tidak ditemukan" in await verdict.inner_text()
        assert await page.locator("#name").count() == 0
    await page.screenshot(path=str(SCREENSHOTS / "certificate-unknown.png"), full_page=True)

    english = await browser.new_page(locale="en-GB")
    await english.goto(f"{server}/verifikasi/{newer}")
    assert "genuine and valid" in await english.locator("#verdict").inner_text()
    await english.close()
    await page.close()
    assert errors == []
    assert PUBLIC_URL.startswith("https://")
