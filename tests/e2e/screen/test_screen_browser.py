"""The ballroom screen (issue 18) in headless Chromium against the running bot's web server:
it shows now and next, follows a newly approved question without a reload (a pending one
never shows), and reveals the winners rank by rank from the announcement time; before each
rank's moment no name or unit of it is in the page, its panel, or anything the page fetched.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.services.questions.asking import ask
from bot.services.questions.moderation import moderate
from bot.services.screen.board import REVEAL_SECONDS
from bot.storage.models import AgendaItem
from tests.e2e.helpers.browser import chromium_page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.public_url]


WIB = ZoneInfo("Asia/Jakarta")
BEFORE = datetime(2022, 12, 7, 8, 45, tzinfo=WIB)
ANNOUNCE = datetime(2022, 12, 7, 9, 0, tzinfo=WIB)
RANK_SECRETS = {
    1: ("Dinas Sosial", "Sosial Home Care"),
    2: ("Dinas PM dan PTSP", "LAPIS MANIS"),
    3: ("Kelurahan Bendogerit", "JAGO SILO"),
    4: ("Dinas Lingkungan Hidup", "SIDOTI"),
}
"""What would betray each rank: its unit and its innovation."""


@pytest.fixture
async def page() -> AsyncIterator[Any]:
    async with chromium_page({"width": 1280, "height": 720}) as page:
        yield page


class Traffic:
    """Every response the page received, body included (fetched through a route)."""

    def __init__(self) -> None:
        self.bodies: list[tuple[str, str]] = []

    async def handle(self, route: Any) -> None:
        response = await route.fetch()
        body = await response.text()
        self.bodies.append((route.request.url, body))
        await route.fulfill(response=response, body=body)

    def found(self, secrets: tuple[str, ...]) -> list[tuple[str, str]]:
        return [(url, s) for url, body in self.bodies for s in secrets if s in body]


async def _add_questions(bot) -> None:
    """A pending question and an approved one in the opening session."""
    runtime = bot.runtime
    event = await runtime.event()
    now = runtime.now()
    async with runtime.transaction() as session:
        item = next(i for i in event.agenda if i.key == "pembukaan")
        item = await session.get(AgendaItem, item.id)
        await ask(
            session, event, item, asker_id=7, asker_name="Budi", text="Masih menunggu?", now=now
        )
        approved = await ask(
            session, event, item, asker_id=8, asker_name=None,
            text="<script>alert(1)</script> Kapan RKPD 2024 ditetapkan?", now=now,
        )  # fmt: skip
        await moderate(session, event, approved.id, "approve", actor_id=1, now=now)


async def test_now_next_questions_and_the_reveal_rank_by_rank(bot, clock, screen_url, page) -> None:
    clock.set(BEFORE)
    traffic = Traffic()
    await page.route("**/*", traffic.handle)
    await page.goto(screen_url)
    panel = page.locator("#panel")
    await expect(panel.locator(".now")).to_contain_text("Pembukaan, laporan Kepala Bappeda")
    await expect(panel.locator(".next")).to_contain_text("Penganugerahan Lomba Innovative")
    await expect(panel.locator(".winners")).to_contain_text("09.00 WIB")

    # a newly approved question appears without a reload; the pending one never
    await page.evaluate("window.sameDocument = true")
    await _add_questions(bot)
    question = panel.locator(".question .text")
    await expect(question).to_have_text("<script>alert(1)</script> Kapan RKPD 2024 ditetapkan?")
    assert await page.evaluate("window.sameDocument") is True
    assert await panel.locator(".question .asker").inner_text() == "— Anonim"
    assert "Masih menunggu" not in await panel.inner_html()

    # just before the announcement: no winner anywhere (page, panels, every fetched body)
    clock.set(ANNOUNCE - timedelta(seconds=1))
    updated = await panel.get_attribute("data-updated")
    await expect(panel).not_to_have_attribute("data-updated", updated or "")
    every_secret = tuple(s for secrets in RANK_SECRETS.values() for s in secrets)
    assert traffic.found(every_secret) == []
    for path in ("", "/panel", "/sesi/penganugerahan-iga", "/sesi/penganugerahan-iga/panel"):
        response = await page.request.get(screen_url + path)
        assert response.ok
        body = await response.text()
        assert [s for s in every_secret if s in body] == [], path

    # at the announcement time the last rank first, rank by rank, Juara I last
    clock.set(ANNOUNCE)
    winners = panel.locator(".winner")
    await expect(winners).to_have_count(1)
    await expect(winners.first).to_contain_text("Juara IV")
    await expect(winners.first).to_contain_text("Dinas Lingkungan Hidup")
    assert traffic.found(RANK_SECRETS[1] + RANK_SECRETS[2] + RANK_SECRETS[3]) == []
    clock.set(ANNOUNCE + timedelta(seconds=2 * REVEAL_SECONDS))
    await expect(winners).to_have_count(3)
    assert traffic.found(RANK_SECRETS[1]) == []
    clock.set(ANNOUNCE + timedelta(seconds=3 * REVEAL_SECONDS))
    await expect(winners).to_have_count(4)
    await expect(winners.first).to_contain_text("Juara I")
    await expect(winners.first).to_contain_text("Dinas Sosial")
    await expect(winners.first).to_contain_text("Sosial Home Care Lanjut Usia")

    # after it they stay
    clock.set(ANNOUNCE + timedelta(hours=4))
    await expect(panel.locator(".now")).to_contain_text("Penguatan inovasi daerah")
    await expect(winners).to_have_count(4)
    assert await page.evaluate("window.sameDocument") is True
