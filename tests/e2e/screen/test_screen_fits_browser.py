"""The ballroom screen fits a projector (1280×720 and 1920×1080) whatever the texts: a long
event title, long session titles and speakers, the most questions it shows each as long as a
question may be, four winners with long units and innovations: nothing scrolls, and every
title, session, question and winner is within the screen (clamped or scaled, not cut off
below it), in headless Chromium against the running bot's web server."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.services.questions.asking import ask
from bot.services.questions.moderation import moderate
from bot.services.screen.board import QUESTIONS_SHOWN, REVEAL_SECONDS, current_session
from bot.storage.models import AgendaItem, Award, Event, Speaker, Unit
from tests.e2e.helpers.browser import chromium_page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.public_url]

WIB = ZoneInfo("Asia/Jakarta")
ANNOUNCE = datetime(2022, 12, 7, 9, 0, tzinfo=WIB)
"""The winners' announcement of the fixture's event (a session is on, taking questions)."""
LONG_WORD = "PelayananAntreanTerpaduDinasSosialKotaBlitar"
SCREENS = ({"width": 1280, "height": 720}, {"width": 1920, "height": 1080})

OUTSIDE = """() => {
    const shown = 'h1, h2, .meta, .session, .winner, .question, .how, .none';
    return [...document.querySelectorAll(shown)]
        .map((element) => [element, element.getBoundingClientRect()])
        .filter(([element, box]) => box.height < 1 || box.top < -0.5
                || box.bottom > innerHeight + 0.5 || box.right > innerWidth + 0.5)
        .map(([element, box]) => element.tagName.toLowerCase() + '.' + element.className + ' '
             + Math.round(box.top) + '–' + Math.round(box.bottom) + ' × ' + Math.round(box.right)
             + ' ' + (element.textContent || '').trim().slice(0, 30));
}"""
"""What of the panel is not wholly on the screen (what to fix when the test fails)."""


def long(text: str, length: int) -> str:
    """``text`` repeated up to ``length`` characters, with a word that never breaks."""
    words = f"{LONG_WORD} {text}"
    return (words + " " + text * (length // max(len(text), 1) + 1))[:length].strip()


async def _longest_texts(bot: Any) -> None:
    """Every text the screen shows as long as its column allows, and questions as many as
    it shows, each as long as a question may be."""
    runtime = bot.runtime
    async with runtime.transaction() as session:
        for event in await session.scalars(select(Event)):
            event.short_title = long("Innovative Government Award Kota Blitar ", 200)
        for item in await session.scalars(select(AgendaItem)):
            item.title = long(f"{item.title} — sesi paparan inovasi daerah ", 300)
            item.room = long("Ballroom Hotel Grand Mercure Lantai Dua ", 120)
        for speaker in await session.scalars(select(Speaker)):
            speaker.name = long(f"{speaker.name}, Kepala Badan Perencanaan ", 150)
        for unit in await session.scalars(select(Unit)):
            unit.name = long(f"{unit.name} Pemerintah Kota Blitar ", 150)
        for award in await session.scalars(select(Award)):
            award.innovation = long(f"{award.innovation} berbasis aplikasi terpadu ", 200)
    runtime.forget_event()
    event = await runtime.event()
    now = runtime.now()
    item = current_session(event, now)
    assert item is not None
    async with runtime.transaction() as session:
        row = await session.get(AgendaItem, item.id)
        for asker in range(QUESTIONS_SHOWN + 3):
            question = await ask(
                session, event, row, asker_id=100 + asker, asker_name=long("Bapak Ibu ", 80),
                text=long("Bagaimana rencana pemerintah kota untuk keberlanjutan inovasi? ", 500),
                now=now,
            )  # fmt: skip
            await moderate(session, event, question.id, "approve", actor_id=1, now=now)


async def test_the_screen_fits_a_projector_with_the_longest_texts(bot, clock, screen_url) -> None:
    clock.set(ANNOUNCE + timedelta(seconds=4 * REVEAL_SECONDS))  # every winner revealed
    async with chromium_page(SCREENS[0]) as page:  # the event's own texts: full size
        await page.goto(screen_url)
        await expect(page.locator("#panel .winner")).to_have_count(4)
        await expect(page.locator("#panel")).to_have_attribute("data-scale", "1.00")
    await _longest_texts(bot)
    for screen in SCREENS:
        async with chromium_page(screen) as page:
            await page.goto(screen_url)
            panel = page.locator("#panel")
            await expect(panel.locator(".winner")).to_have_count(4)
            await expect(panel.locator(".question")).to_have_count(QUESTIONS_SHOWN)
            await expect(panel.locator(".now .session").first).to_be_visible()
            await page.wait_for_function("document.fonts.status === 'loaded'")
            await expect(panel).to_have_attribute("data-scale", re.compile(r"^[01]\.\d\d$"))
            size = await page.evaluate(
                "[document.scrollingElement.scrollWidth, document.scrollingElement.scrollHeight]"
            )
            assert size[0] <= screen["width"] and size[1] <= screen["height"], (screen, size)
            outside = await page.evaluate(OUTSIDE)
            assert outside == [], (screen, outside)
