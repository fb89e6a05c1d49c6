"""An entry's files in phones' webviews, where a PDF in a frame (a blob) often shows
nothing: each file has an "open" link to its server address, which a plain browser opens
without init data (Telegram's openLink gives it to the phone's browser). The link carries a
ticket for the viewer and that file only, which expires; the role is checked again when it
is opened, and every refusal is audited. Images are shown in the page and in the viewer."""

from __future__ import annotations

import html
import re
import time
from typing import Any

import pytest
from sqlalchemy import delete, select

from bot.storage.models import Attachment, JudgeAssignment
from bot.web.auth import file_ticket
from tests.e2e.conftest import BOT_TOKEN
from tests.e2e.helpers.browser import chromium_page, expect
from tests.e2e.helpers.committee import denied_count
from tests.e2e.workspace.helpers import auth, init_data, make_world, serve_telegram

pytestmark = pytest.mark.e2e

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
PHONE = {"width": 360, "height": 740}


def open_links(page: str) -> dict[int, str]:
    """Each file's "open" link in a page, by attachment id."""
    return {
        int(match.group(2)): html.unescape(match.group(1))
        for match in re.finditer(r'<a href="(/app/file/(\d+)\?[^"]+)"[^>]*data-open', page)
    }


async def add_photo(bot: Any, driver: Any, entry: int) -> int:
    """A photo among the entry's files (the officer sent it; the emulator keeps it)."""
    photo = await driver.send_photo(PNG, "foto.png", "image/png")
    async with bot.runtime.transaction() as session:
        attachment = Attachment(
            submission_id=entry, field_key="foto_kegiatan", file_id=photo["file_id"],
            file_unique_id=photo.get("file_unique_id", "foto"), file_name="foto.png",
            mime_type="image/png", size_bytes=len(PNG),
        )  # fmt: skip
        session.add(attachment)
        await session.flush()
        return attachment.id


async def _links(web: Any, judge_id: int, entry: int) -> dict[int, str]:
    response = await web.get(f"/app/f/score/{entry}", headers=auth(judge_id))
    assert response.status == 200
    return open_links(await response.text())


async def test_a_files_link_opens_without_init_data_for_its_viewer_only(bot, users, web) -> None:
    world = await make_world(bot, users)
    links = await _links(web, world.judge.id, world.entry)
    async with bot.runtime.sessions() as session:
        files = set(
            await session.scalars(
                select(Attachment.id).where(Attachment.submission_id == world.entry)
            )
        )
        other_file = await session.scalar(
            select(Attachment.id).where(Attachment.submission_id == world.other).limit(1)
        )
    assert files and set(links) == files
    file_id, link = next(iter(links.items()))

    opened = await web.get(link)  # what the phone's browser asks: no Authorization header
    assert opened.status == 200, await opened.text()
    assert opened.headers["Content-Disposition"].startswith("inline;")
    assert (await opened.read()).startswith(b"%PDF-1.4")
    saved = await web.get(link + "&download=1")
    assert saved.headers["Content-Disposition"].startswith("attachment;")

    denied = await denied_count(bot.runtime)
    ticket = link.split("ticket=")[1]
    user, expires, mac = ticket.split(".")
    past = int(time.time()) - 1
    refused = [
        link[:-1] + ("0" if link[-1] != "0" else "1"),  # forged
        link.replace(f"/app/file/{file_id}?", f"/app/file/{other_file}?"),  # another file
        link.replace(ticket, f"{world.admin.id}.{expires}.{mac}"),  # another user
        f"/app/file/{file_id}?ticket={file_ticket(BOT_TOKEN, file_id, int(user), past)}",
        f"/app/file/{file_id}?ticket=",
        f"/app/file/{file_id}",
    ]
    for address in refused:
        response = await web.get(address)
        assert response.status == 401, (address, await response.text())
    assert await denied_count(bot.runtime) == denied + len(refused)

    # the role is the database's now, not the link's: unassigned, the judge's link is refused
    async with bot.runtime.transaction() as session:
        await session.execute(delete(JudgeAssignment))
    assert (await web.get(link)).status == 403
    assert await denied_count(bot.runtime) == denied + len(refused) + 1


@pytest.mark.browser
async def test_on_a_phone_files_open_in_the_browser_and_images_show(bot, users, app_url) -> None:
    world = await make_world(bot, users)
    photo = await add_photo(bot, world.officer, world.entry)
    async with chromium_page(PHONE) as page:
        await page.add_init_script("window.opened = []")  # what openLink was given
        opens = "function (url) { window.opened.push(url); }"
        await serve_telegram(page, init_data(world.judge.id), openLink=opens)
        await page.goto(app_url + f"#score/{world.entry}")
        main = page.locator("main")
        await expect(main.locator(".rubric")).to_be_visible()

        # the photo is in the page itself, loaded from its link
        image = main.locator(f'a.thumb[data-file="{photo}"] img')
        await image.scroll_into_view_if_needed()  # loaded lazily, as it comes into view
        await page.wait_for_function(
            "(img) => img.complete && img.naturalWidth > 0", arg=await image.element_handle()
        )

        # "open": Telegram gets the file's full address, which serves it without init data
        pdf = main.locator('a[data-open][href*="/app/file/"]').first
        await pdf.click()
        await page.wait_for_function("window.opened.length === 1")
        [address] = await page.evaluate("window.opened")
        assert address == await pdf.evaluate("(a) => a.href")
        response = await page.request.get(address)
        assert response.ok and (await response.body()).startswith(b"%PDF")

        # the viewer: a PDF in the frame with its "open" link; a photo as an image
        shown = main.locator('a[data-file][data-url][data-mime="application/pdf"]').first
        own_address = await shown.evaluate("(a) => new URL(a.dataset.url, location.href).href")
        await shown.click()
        viewer = page.locator("#viewer")
        await expect(viewer).to_have_attribute("data-mime", "application/pdf")
        await expect(page.locator("#viewer-frame")).to_be_visible()
        await page.locator("#viewer-open").click()
        await page.wait_for_function("window.opened.length === 2")
        assert (await page.evaluate("window.opened"))[1] == own_address
        await page.locator("#viewer-close").click()
        await main.locator(f'a[data-file="{photo}"][data-url]').first.click()
        await expect(viewer).to_have_attribute("data-mime", "image/png")
        await expect(page.locator("#viewer-frame")).to_be_hidden()
        await expect(page.locator("#viewer-image")).to_be_visible()
