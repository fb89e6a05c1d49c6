"""Helpers of the sandbox's command and browser tests: start ``iga-bot sandbox`` as a process,
drive its page, call its emulator's Bot API and control API. The fixtures built on them
(``sandbox``, ``browser``, ``page``) are in ``tests/sandbox/conftest.py``."""

from __future__ import annotations

import json
import os
import re
import select as fd_select
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from bot.sandbox.run import SANDBOX_TOKEN
from tests.conftest import EVENT_FILE, REPO

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
"""Debian's Chromium, headless, as Playwright drives it in the browser tests."""


def require_browser() -> Any:
    """Playwright's sync API; skips the calling test module, with the reason, when Playwright
    or Chromium is missing. Call at module level."""
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright for Python is not installed (pip install -e .[test])",
    )
    if not Path(CHROMIUM).exists():
        pytest.skip(
            "Chromium is not installed (apt-get install chromium): browser test skipped",
            allow_module_level=True,
        )
    return sync_api


def bot_api(url: str, method: str, **params: Any) -> dict[str, Any]:
    """Calls the emulator's Bot API as the bot does (the sandbox's token); on 429 (flood
    control: about one message a second to a private chat, shared with the bot's own replies)
    waits ``retry_after`` as Telegram asks and tries again, for up to 30 s."""
    request = urllib.request.Request(
        f"{url}bot{SANDBOX_TOKEN}/{method}",
        data=json.dumps(params).encode(),
        headers={"Content-Type": "application/json"},
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
                return json.load(response)
        except urllib.error.HTTPError as exc:
            body = json.load(exc)
            if exc.code != 429 or time.monotonic() > deadline:
                return body
        time.sleep(body["parameters"]["retry_after"])


def control(url: str, path: str, **body: Any) -> dict[str, Any]:
    """POSTs to the emulator's control API."""
    request = urllib.request.Request(
        f"{url}_emulator/{path}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        return json.load(response)


def persona_id(url: str, key: str) -> int:
    """The Telegram user id of the sandbox persona ``key`` (attendee, officer, judge, admin)."""
    with urllib.request.urlopen(f"{url}_sandbox/info", timeout=10) as response:  # noqa: S310
        info = json.load(response)
    return next(p["user_id"] for p in info["personas"] if p["key"] == key)


def send_text(page: Any, text: str) -> None:
    """Types ``text`` in the page's text box and sends it with Enter."""
    page.fill("#text", text)
    page.press("#text", "Enter")


def start_command(cwd: Path, *args: str, timeout: float = 30.0) -> tuple[subprocess.Popen, str]:
    """Runs ``python -m bot sandbox --port 0 ARGS`` in ``cwd`` until it prints its URL.

    Returns:
        The process (stdout piped, stderr to ``cwd/stderr.log``) and the page's URL.

    Raises:
        AssertionError: no URL within ``timeout`` seconds (the process is killed).
    """
    env = {**os.environ, "EVENT_CONFIG": str(EVENT_FILE), "PYTHONUNBUFFERED": "1"}
    env["PYTHONPATH"] = str(REPO)
    env.pop("TELEGRAM_BOT_TOKEN", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "sandbox", "--port", "0", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=(cwd / "stderr.log").open("w"),
        text=True,
    )
    assert process.stdout is not None
    ready, _, _ = fd_select.select([process.stdout], [], [], timeout)
    line = process.stdout.readline() if ready else ""
    match = re.search(r"open (http://127\.0\.0\.1:\d+/)", line)
    if match is None:
        process.kill()
        process.wait()
        err = (cwd / "stderr.log").read_text()
        raise AssertionError(f"the sandbox printed no URL: {line!r} {err[-2000:]}")
    return process, match.group(1)
