"""The sandbox's web chat in headless Chromium (Debian's ``chromium`` driven by Playwright).

One ``iga-bot sandbox`` process (``python -m bot sandbox --port 0``) per module; each test
talks as another persona so their chats do not mix. Skipped, with the reason, when Chromium or
Playwright is missing.
"""

from __future__ import annotations

import base64
import struct
import time
import urllib.error
import urllib.request
import zlib
from pathlib import Path
from typing import Any

import pytest

from bot.i18n import plain_text
from tests.sandbox.helpers import bot_api, control, persona_id, require_browser, send_text

pytestmark = pytest.mark.browser

TIMEOUT_MS = 10_000
VIEWPORT = {"width": 1100, "height": 800}

expect = require_browser().expect


def test_attendee_starts_and_presses_a_menu_button(
    page: Any, sandbox: dict[str, Any], record_property: Any
) -> None:
    page.click('[data-persona="attendee"]')
    send_text(page, "/start")
    welcome = page.locator(".msg.in", has_text="Selamat datang, Bapak/Ibu Siti")
    welcome.wait_for()
    seconds = time.monotonic() - sandbox["started"]
    record_property("start_to_welcome_seconds", round(seconds, 2))
    print(f"iga-bot sandbox start → /start answered in the page: {seconds:.2f} s")
    assert "Penganugerahan IGA Kota Blitar 2022" in welcome.inner_text()
    assert welcome.locator("b", has_text="Penganugerahan IGA Kota Blitar 2022").count() == 1

    help_label = plain_text("id", "menu-help")
    page.locator(".rk-btn", has_text=help_label).click()
    page.locator(".msg.out", has_text=help_label).wait_for()
    page.locator(".msg.in", has_text="Bantuan").last.wait_for()


def test_venue_document_inline_buttons_edits_and_deletions(
    page: Any, sandbox: dict[str, Any]
) -> None:
    url = sandbox["url"]
    chat_id = persona_id(url, "judge")
    page.click('[data-persona="judge"]')
    send_text(page, "/start")
    page.locator(".msg.in", has_text="Selamat datang").wait_for()

    bot_api(
        url,
        "sendVenue",
        chat_id=chat_id,
        latitude=-8.0954,
        longitude=112.1609,
        title="Ballroom Lelly",
        address="Hotel Puri Perdana, Kota Blitar",
    )
    venue = page.locator(".place", has_text="Ballroom Lelly")
    venue.wait_for()
    osm = venue.locator("a", has_text="OpenStreetMap").get_attribute("href")
    assert osm == (
        "https://www.openstreetmap.org/?mlat=-8.095400&mlon=112.160900#map=17/-8.095400/112.160900"
    )

    sent = bot_api(
        url, "sendMessage", chat_id=chat_id, text="Rekap <b>nilai</b>", parse_mode="HTML"
    )
    message_id = sent["result"]["message_id"]
    page.locator(".msg.in b", has_text="nilai").wait_for()
    bot_api(
        url,
        "editMessageText",
        chat_id=chat_id,
        message_id=message_id,
        text="Rekap nilai diperbarui",
        reply_markup={"inline_keyboard": [[{"text": "Simpan", "callback_data": "sandbox:save"}]]},
    )
    edited = page.locator(f'.msg[data-id="{message_id}"]')
    edited.locator(".edited").wait_for()
    assert "Rekap nilai diperbarui" in edited.inner_text()

    with page.expect_response("**/tap") as tapped:
        edited.locator(".kb-btn", has_text="Simpan").click()
    query_id = tapped.value.json()["query_id"]
    answer = bot_api(url, "answerCallbackQuery", callback_query_id=query_id, text="Tersimpan")
    assert answer["ok"]
    page.locator("#toast", has_text="Tersimpan").wait_for()

    bot_api(url, "deleteMessage", chat_id=chat_id, message_id=message_id)
    edited.wait_for(state="detached")

    upload = control(
        url,
        f"users/{chat_id}/document",
        data_b64=base64.b64encode(b"No;Inovasi\n1;SIPINTAR\n").decode(),
        file_name="rekap.csv",
        mime_type="text/csv",
    )
    bot_api(url, "sendDocument", chat_id=chat_id, document=upload["file_id"], caption="Rekap")
    document = page.locator(".msg.in .file", has_text="rekap.csv")
    document.wait_for()
    assert document.get_attribute("download") == "rekap.csv"
    with urllib.request.urlopen(f"{url.rstrip('/')}{document.get_attribute('href')}") as response:  # noqa: S310
        assert response.read() == b"No;Inovasi\n1;SIPINTAR\n"


def test_officer_uploads_a_document_and_downloads_the_bots_file(
    page: Any, sandbox: dict[str, Any], tmp_path: Path
) -> None:
    url = sandbox["url"]
    page.click('[data-persona="officer"]')
    page.set_input_files(
        "#file",
        files=[{"name": "proposal.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 x"}],
    )
    uploaded = page.locator(".msg.out .file", has_text="proposal.pdf")
    uploaded.wait_for()
    href = uploaded.get_attribute("href")
    assert uploaded.get_attribute("download") == "proposal.pdf"
    with urllib.request.urlopen(f"{url.rstrip('/')}{href}", timeout=10) as response:  # noqa: S310
        assert response.read() == b"%PDF-1.4 x"

    page.set_input_files(
        "#file",
        files=[{"name": "foto.png", "mimeType": "image/png", "buffer": _tiny_png()}],
    )
    page.locator(".msg.out img.photo").wait_for()


def test_what_a_user_types_is_shown_as_text_never_as_html(page: Any) -> None:
    page.click('[data-persona="admin"]')
    typed = '<img src=x onerror="window.pwned=1"><b>tebal?</b> & /help'
    send_text(page, typed)
    mine = page.locator(".msg.out").last
    mine.locator("text=tebal?").wait_for()
    assert typed in mine.inner_text()
    assert mine.locator("img, b").count() == 0
    assert page.evaluate("window.pwned") is None
    mine.locator("a.command", has_text="/help").click()
    page.locator(".msg.in", has_text="Bantuan").last.wait_for()


def _menu(page: Any, wanted: str = "/start") -> list[str]:
    """The commands the ☰ menu lists once it lists ``wanted`` (the bot sets a committee
    member's menu just after answering /start)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        page.click("#menu-btn")
        page.locator("#commands .command-name").first.wait_for()
        names = page.locator("#commands .command-name").all_inner_texts()
        page.click("#menu-btn")
        if wanted in names or time.monotonic() > deadline:
            return names


def test_the_menu_shows_what_each_personas_telegram_shows(page: Any) -> None:
    """The bot gives the committee a menu of its own (a chat scope): Rahmat's ☰ lists the
    committee's commands, Siti's only the public ones, each in the user's language."""
    page.click('[data-persona="admin"]')
    send_text(page, "/start")
    page.locator(".msg.in", has_text="Selamat datang").wait_for()
    admin = _menu(page, "/inovasi")
    assert "/inovasi" in admin and "/ekspor" in admin and "/start" in admin
    page.click('[data-persona="attendee"]')
    attendee = _menu(page)
    assert "/start" in attendee and "/inovasi" not in attendee
    description = page.locator("#commands .command-desc")
    page.click("#menu-btn")
    assert plain_text("id", "command-start") in description.all_inner_texts()


def test_a_sticker_is_sent_from_the_page(page: Any, sandbox: dict[str, Any]) -> None:
    page.click('[data-persona="judge"]')
    page.click("#sticker-btn")
    page.click('[data-sticker="thumbs_up"]')
    page.locator(".msg.out .sticker", has_text="👍").wait_for()
    assert page.locator("#stickers").is_hidden()


def test_a_text_longer_than_telegram_allows_is_sent_as_two_messages(page: Any) -> None:
    """Telegram's apps split a text over 4,096 characters; the page does the same (the
    emulator refuses such a text, as Telegram does)."""
    page.click('[data-persona="judge"]')
    words = " ".join(["kata"] * 1200)  # 5,999 characters
    page.fill("#text", words)
    page.press("#text", "Enter")
    sent = page.locator(".msg.out .text", has_text="kata kata kata")
    sent.nth(1).wait_for()
    parts = sent.all_inner_texts()
    assert len(parts) == 2 and all(len(part) <= 4096 for part in parts)
    assert sum(len(part.split()) for part in parts) == 1200


def test_the_transcript_stays_at_the_newest_message_after_a_photo(page: Any) -> None:
    page.click('[data-persona="officer"]')
    for number in range(12):
        send_text(page, f"Pesan nomor {number}")
    # exact: "Pesan nomor 1" followed by its time "10:22" also contains "Pesan nomor 11"
    page.locator(".msg.out .text").get_by_text("Pesan nomor 11", exact=True).wait_for()
    page.set_input_files(
        "#file",
        files=[{"name": "besar.png", "mimeType": "image/png", "buffer": _png(640, 480)}],
    )
    photo = page.locator(".msg.out img.photo").last
    photo.wait_for()
    page.wait_for_function("document.querySelector('.msg.out img.photo').complete")
    send_text(page, "Setelah foto")
    page.locator(".msg.out", has_text="Setelah foto").wait_for()
    page.wait_for_function(
        "(() => { const b = document.getElementById('messages');"
        " return b.scrollHeight - b.scrollTop - b.clientHeight < 2; })()"
    )


AT_BOTTOM = (
    "(() => { const b = document.getElementById('messages');"
    " return b.scrollHeight - b.scrollTop - b.clientHeight < 2; })()"
)


def test_scrolled_up_new_messages_show_the_down_button_and_a_send_jumps(
    page: Any, sandbox: dict[str, Any]
) -> None:
    """QA #25: scrolled up (to tap an older button), the reader keeps their place when the
    bot writes, and a ↓ button with the count of new messages takes them down; their own
    send always jumps to the newest message, as in Telegram."""
    url = sandbox["url"]
    chat_id = persona_id(url, "admin")
    page.click('[data-persona="admin"]')
    send_text(page, "/start")
    page.locator(".msg.in", has_text="Selamat datang").wait_for()
    lines = "\n".join(f"Baris {number}" for number in range(40))
    for number in range(2):
        bot_api(url, "sendMessage", chat_id=chat_id, text=f"Rekap {number}\n{lines}")
    page.locator(".msg.in", has_text="Rekap 1").wait_for()
    page.wait_for_function(AT_BOTTOM)
    down = page.locator("#to-newest")
    expect(down).to_be_hidden()

    count = "document.querySelectorAll('#messages .msg.in, #messages .msg.out').length"
    page.locator("#messages").evaluate("box => { box.scrollTop = 0; }")
    before = page.evaluate(count)
    for number in range(2):
        bot_api(url, "sendMessage", chat_id=chat_id, text=f"Balasan baru {number}")
    page.locator(".msg.in", has_text="Balasan baru 1").wait_for()
    expect(down).to_be_visible()
    # the count is what came since (a late answer to another test's /start may come too)
    page.wait_for_function(
        f"{count} - {before} === Number(document.getElementById('to-newest-count').textContent)"
    )
    assert int(page.locator("#to-newest-count").inner_text()) >= 2
    assert page.locator("#messages").evaluate("box => box.scrollTop") == 0  # place kept
    down.click()
    page.wait_for_function(AT_BOTTOM)
    expect(down).to_be_hidden()

    page.locator("#messages").evaluate("box => { box.scrollTop = 0; }")
    send_text(page, "Kiriman saya")
    page.locator(".msg.out", has_text="Kiriman saya").wait_for()
    page.wait_for_function(AT_BOTTOM)
    expect(down).to_be_hidden()


def test_skipping_ahead_runs_the_next_scheduled_reminder(page: Any) -> None:
    """⏩ names what comes next and moves the bot's clock to it: in the plain sandbox, the
    first entry deadline reminder reaches Budi, whose unit has sent nothing yet. (The module's
    sandbox stays 23 days on; entries are still open then.)"""
    page.click('[data-persona="officer"]')
    send_text(page, "/start")
    # The open chat's welcome (other personas' chats, hidden, hold theirs). It comes after
    # the replies to the 14 messages the transcript test sent, which Telegram's limit of
    # about one message a second to a chat paces: about 15 s.
    page.locator(".msg.in:visible", has_text="Selamat datang").last.wait_for(timeout=60_000)
    assert "Entry deadline reminder" in page.locator("#skip-what").inner_text()
    page.click("#skip")
    page.locator(".msg.in", has_text="Pengingat batas akhir pengiriman inovasi").wait_for()
    page.locator("#toast", has_text="Ran").wait_for()


def _png(width: int, height: int) -> bytes:
    """An opaque grey PNG of that size."""
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _tiny_png() -> bytes:
    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
