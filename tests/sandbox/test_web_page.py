"""The sandbox's web chat in headless Chromium (Debian's ``chromium`` driven by Playwright).

One ``iga-bot sandbox`` process (``python -m bot sandbox --port 0``) per module; each test
talks as another persona so their chats do not mix. Skipped, with the reason, when Chromium or
Playwright is missing.
"""

from __future__ import annotations

import base64
import json
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.i18n import plain_text
from bot.sandbox.run import SANDBOX_TOKEN
from tests.sandbox.test_run_sandbox import start_command

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 10_000

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (pip install -e .[test])"
)
if not Path(CHROMIUM).exists():
    pytest.skip(
        "Chromium is not installed (apt-get install chromium): browser test skipped",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The running ``iga-bot sandbox`` command: {"url", "started" (monotonic seconds)}."""
    started = time.monotonic()
    process, url = start_command(tmp_path_factory.mktemp("sandbox"))
    try:
        yield {"url": url, "started": started}
    finally:
        process.terminate()
        process.wait(timeout=15)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, sandbox: dict[str, Any]) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1100, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(sandbox["url"])
    yield page
    page.close()
    assert errors == [], errors


def _bot_api(url: str, method: str, **params: Any) -> dict[str, Any]:
    """Calls the emulator's Bot API as the bot does (the sandbox's token); on 429 (flood
    control: about one message a second to a private chat) waits ``retry_after`` as Telegram
    asks, once."""
    request = urllib.request.Request(
        f"{url}bot{SANDBOX_TOKEN}/{method}",
        data=json.dumps(params).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return json.load(response)
    except urllib.error.HTTPError as exc:
        body = json.load(exc)
        if exc.code != 429:
            return body
    time.sleep(body["parameters"]["retry_after"])
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        return json.load(response)


def _control(url: str, path: str, **body: Any) -> dict[str, Any]:
    """POSTs to the emulator's control API."""
    request = urllib.request.Request(
        f"{url}_emulator/{path}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        return json.load(response)


def _persona_id(url: str, key: str) -> int:
    with urllib.request.urlopen(f"{url}_sandbox/info", timeout=10) as response:  # noqa: S310
        info = json.load(response)
    return next(p["user_id"] for p in info["personas"] if p["key"] == key)


def _send(page: Any, text: str) -> None:
    page.fill("#text", text)
    page.press("#text", "Enter")


def test_attendee_starts_and_presses_a_menu_button(
    page: Any, sandbox: dict[str, Any], record_property: Any
) -> None:
    page.click('[data-persona="attendee"]')
    _send(page, "/start")
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
    chat_id = _persona_id(url, "judge")
    page.click('[data-persona="judge"]')
    _send(page, "/start")
    page.locator(".msg.in", has_text="Selamat datang").wait_for()

    _bot_api(
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

    sent = _bot_api(
        url, "sendMessage", chat_id=chat_id, text="Rekap <b>nilai</b>", parse_mode="HTML"
    )
    message_id = sent["result"]["message_id"]
    page.locator(".msg.in b", has_text="nilai").wait_for()
    _bot_api(
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
    answer = _bot_api(url, "answerCallbackQuery", callback_query_id=query_id, text="Tersimpan")
    assert answer["ok"]
    page.locator("#toast", has_text="Tersimpan").wait_for()

    _bot_api(url, "deleteMessage", chat_id=chat_id, message_id=message_id)
    edited.wait_for(state="detached")

    upload = _control(
        url,
        f"users/{chat_id}/document",
        data_b64=base64.b64encode(b"No;Inovasi\n1;SIPINTAR\n").decode(),
        file_name="rekap.csv",
        mime_type="text/csv",
    )
    _bot_api(url, "sendDocument", chat_id=chat_id, document=upload["file_id"], caption="Rekap")
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
    _send(page, typed)
    mine = page.locator(".msg.out").last
    mine.locator("text=tebal?").wait_for()
    assert typed in mine.inner_text()
    assert mine.locator("img, b").count() == 0
    assert page.evaluate("window.pwned") is None
    mine.locator("a.command", has_text="/help").click()
    page.locator(".msg.in", has_text="Bantuan").last.wait_for()


def _tiny_png() -> bytes:
    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
