"""The committee's ranking at phone width (320 px) in headless Chromium (QA): each entry is a
card, the number and title over the full width and the three scores in one row under it, so
an entry number never breaks and a warning is not one word per line; the tab bar, cut at the
right, shows that it scrolls."""

from __future__ import annotations

import pytest

from bot.i18n import t
from tests.e2e.helpers.browser import expect
from tests.e2e.workspace.helpers import init_data, make_world, serve_telegram

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


async def test_the_ranking_is_cards_at_320_px(bot, users, app_url, phone) -> None:
    world = await make_world(bot, users)
    await serve_telegram(phone, init_data(world.admin.id))
    await phone.goto(app_url + "#ranking")
    row = phone.locator("table.ranking tbody tr").first
    await expect(row).to_contain_text(t("id", "workspace-warning-no-judge"))

    number = await row.locator("a").bounding_box()
    line = await row.locator("a").evaluate("a => parseFloat(getComputedStyle(a).lineHeight)")
    assert number["height"] < 1.5 * line  # "IGA-2022-001" on one line
    entry = await row.locator("td").nth(1).bounding_box()
    assert entry["width"] > 240  # the title and warnings use the card's width
    boxes = [await row.locator("td.n").nth(i).bounding_box() for i in range(3)]
    assert len({round(box["y"]) for box in boxes}) == 1  # the three scores in one row
    assert all(box["y"] >= entry["y"] + entry["height"] - 1 for box in boxes)  # under it
    assert all(box["x"] + box["width"] <= 320 for box in boxes)
    labels = [await cell.evaluate("c => getComputedStyle(c, '::before').content") for cell in
              await row.locator("td.n").all()]  # fmt: skip
    assert labels == [
        f'"{t("id", key)}"'
        for key in ("workspace-judges-mean", "workspace-self-score", "workspace-final")
    ]
    assert await phone.evaluate("document.documentElement.scrollWidth") <= 320

    tabs = phone.locator("nav.tabs")
    assert await tabs.evaluate("n => n.scrollWidth > n.clientWidth")  # cut at 320 px
    hint = await tabs.evaluate("n => getComputedStyle(n).backgroundImage")
    assert "gradient" in hint  # the scroll shadow at the cut edge
