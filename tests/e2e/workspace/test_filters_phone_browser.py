"""The entries' filters on a 390 px phone in Telegram's dark theme (QA #18): the search field
and the selects follow the theme (dark, as the page), and each shows its whole text (the
search's hint, "Semua Perangkat Daerah"), in headless Chromium against the bot's web server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.e2e.helpers.browser import chromium_page, expect
from tests.e2e.workspace.helpers import init_data, make_world, serve_telegram

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
DARK = {"bg_color": "#17212b", "text_color": "#f5f5f5", "hint_color": "#708499",
        "link_color": "#6ab3f3", "button_color": "#5288c1", "button_text_color": "#ffffff",
        "secondary_bg_color": "#232e3c"}  # fmt: skip
"""Telegram Desktop's night theme, as its client passes it."""

FIELDS = """() => {
    const canvas = document.createElement('canvas').getContext('2d');
    return [...document.querySelectorAll('form.filters input[type=search], form.filters select')]
        .map((field) => {
            const style = getComputedStyle(field);
            canvas.font = style.font;
            const select = field.tagName === 'SELECT';
            const text = select ? field.options[field.selectedIndex].text : field.placeholder;
            const room = field.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight) - (select ? 20 : 0);  // the select's arrow
            return {text, fits: canvas.measureText(text).width <= room,
                    scheme: style.colorScheme, background: style.backgroundColor,
                    options: select ? getComputedStyle(field.options[0]).backgroundColor : null};
        });
}"""
"""Each filter field: its text, whether it fits, its colour scheme and backgrounds."""


@pytest.fixture
async def phone() -> AsyncIterator[Any]:
    async with chromium_page(PHONE) as page:
        yield page


async def test_the_filters_are_dark_and_whole_on_a_phone(bot, users, app_url, phone) -> None:
    world = await make_world(bot, users)
    await serve_telegram(phone, init_data(world.admin.id), DARK, "dark")
    await phone.goto(app_url + "#entries")
    await expect(phone.locator("form.filters select").first).to_be_visible()
    page_background = await phone.evaluate("getComputedStyle(document.body).backgroundColor")
    assert page_background == "rgb(23, 33, 43)"
    fields = await phone.evaluate(FIELDS)
    assert len(fields) >= 3
    for field in fields:
        assert field["scheme"] == "dark", field
        assert field["background"] == page_background, field
        assert field["options"] in (None, page_background), field
    cut = [field["text"] for field in fields if not field["fits"]]
    assert not cut, f"cut at {PHONE['width']} px: {cut}"
