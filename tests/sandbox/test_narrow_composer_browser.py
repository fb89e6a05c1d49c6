"""The sandbox's web chat at 360×740, a common phone: the composer stays usable with every
button Telegram's chat has there (the Mini App's menu button, commands, attach, stickers,
the reply keyboard's toggle, send): nothing of it reaches past the screen, the text box keeps
room for a sentence and grows with what is typed, and a message typed there is sent.

One ``iga-bot sandbox`` process for the module (its example data)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sandbox.helpers import require_browser, send_text

pytestmark = pytest.mark.browser

sync_api = require_browser()
expect = sync_api.expect

TIMEOUT_MS = 30_000
VIEWPORT = {"width": 360, "height": 740}
SANDBOX_ARGS = ("--event-tomorrow",)
"""The admin's and judge's menu button opens the workspace (a Mini App) on any day."""

ROOM = 160
"""Narrowest text box that still shows a few words at a time (px)."""

COMPOSER = """() => {
    const box = (selector) => document.querySelector(selector).getBoundingClientRect();
    const shown = [...document.querySelectorAll('#composer > *')]
        .filter((element) => element.offsetParent !== null && !element.hidden);
    return {
        text: box('#text').width,
        height: box('#text').height,
        outside: shown.filter((element) => {
            const b = element.getBoundingClientRect();
            return b.left < -0.5 || b.right > innerWidth + 0.5 || b.width < 1;
        }).map((element) => element.id || element.className),
        wide: document.scrollingElement.scrollWidth,
        composer: document.querySelector('#composer').scrollWidth
                  - document.querySelector('#composer').clientWidth,
    };
}"""


def test_the_composer_is_usable_at_360_px(page: Any) -> None:
    page.click('[data-persona="admin"]')
    send_text(page, "/start")
    page.locator(".msg.in", has_text="Selamat datang").last.wait_for()
    expect(page.locator("#webapp-btn")).to_be_visible()
    expect(page.locator("#kb-toggle")).to_be_visible()
    measured = page.evaluate(COMPOSER)
    assert measured["outside"] == [], measured
    assert measured["wide"] <= VIEWPORT["width"] and measured["composer"] <= 0, measured
    assert measured["text"] >= ROOM, measured

    words = "Mohon informasi jadwal pembukaan dan lokasi parkir kendaraan peserta besok pagi"
    page.fill("#text", words)
    grown = page.evaluate(COMPOSER)
    assert grown["height"] > measured["height"], (measured, grown)  # it wraps, all readable
    assert grown["outside"] == [], grown
    page.locator("#send").click()
    page.locator(".msg.out", has_text=words).wait_for()
    expect(page.locator("#text")).to_have_value("")


def test_an_evidence_file_opens_in_a_new_tab_from_the_workspace(page: Any) -> None:
    """On a phone the workspace's "open" link hands the file's address to Telegram
    (openLink), which opens it outside the Mini App: here, a new tab showing the file."""
    page.click('[data-persona="admin"]')
    send_text(page, "/start")
    page.locator(".msg.in", has_text="Selamat datang").last.wait_for()
    page.locator("#webapp-btn").click()
    app = page.frame_locator("#webapp-frame")
    app.locator("a.row", has_text="SI-ANTRE").click()
    link = app.locator("main a[data-open]").first
    with page.expect_popup() as opened:
        link.click()
    popup = opened.value
    assert "/app/file/" in popup.url and "ticket=" in popup.url
    response = page.request.get(popup.url)  # no init data: the ticket alone
    assert response.ok and response.body().startswith(b"%PDF")
