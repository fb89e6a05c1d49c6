"""The workspace's test helpers: init data signed as Telegram signs it, the users and entries
of a workspace test, and Telegram's Mini App script as a browser test serves it (the fixtures,
``web``, ``app_url``, ``browser_page``…, come from the conftests)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update

from bot.sandbox.webapp import sign_init_data
from bot.storage.models import Attachment, JudgeAssignment, SubmissionStatus
from tests.e2e.conftest import BOT_TOKEN
from tests.e2e.helpers.committee import SAMPLE_PDF, add_entries, add_officer, real_file_id
from tests.factories import edition, make_judge

S = SubmissionStatus

SCRIPT = "https://telegram.org/js/telegram-web-app.js"
"""Telegram's Mini App script, served by a browser test in its place (no network here)."""


def init_data(
    user_id: int, *, token: str = BOT_TOKEN, age: int = 0, name: str = "Dewi", language: str = "id"
) -> str:
    """Init data for ``user_id`` signed with ``token``, ``age`` seconds old."""
    user = {"id": user_id, "first_name": name, "language_code": language}
    return sign_init_data(token, user, auth_date=int(time.time()) - age)


def auth(user_id: int, **options: Any) -> dict[str, str]:
    """The header the workspace's page sends."""
    return {"Authorization": f"tma {init_data(user_id, **options)}"}


@dataclass
class World:
    """Users and entries of a workspace test: an admin, a judge assigned to ``entry`` (not
    to ``other``), an officer of the entry's unit (Dinas Sosial)."""

    admin: Any
    judge: Any
    officer: Any
    entry: int
    other: int
    judge_id: int


async def make_world(bot: Any, users: Any) -> World:
    """The users and two verified entries, files stored in the emulator."""
    admin = await users.create("Rahmat", admin=True)
    judge = await users.create("Dewi")
    officer = await users.create("Budi")
    file_id = await real_file_id(officer)
    entry, other = await add_entries(
        bot.runtime,
        [("DINSOS", "SI-ANTRE Dinsos", S.VERIFIED), ("DLH", "Bank Sampah", S.SUBMITTED)],
        file_id,
    )
    await add_officer(bot.runtime, "DINSOS", officer.id)
    async with bot.runtime.transaction() as session:  # the size Telegram gives for the file
        await session.execute(update(Attachment).values(size_bytes=len(SAMPLE_PDF)))
    async with bot.runtime.transaction() as session:
        panel = await make_judge(session, await edition(session), judge.id, "Dewi Lestari")
        session.add(JudgeAssignment(judge_id=panel.id, submission_id=entry))
    return World(admin, judge, officer, entry, other, panel.id)


async def assignments(bot: Any) -> list[tuple[int, int]]:
    """Every (judge id, entry id) pair."""
    async with bot.runtime.sessions() as session:
        rows = await session.execute(
            select(JudgeAssignment.judge_id, JudgeAssignment.submission_id)
        )
        return sorted(map(tuple, rows))


def _telegram_stub(
    signed: str, theme: dict[str, str] | None = None, scheme: str = "light", **members: str
) -> str:
    """What Telegram's script gives the page: the signed init data, a theme (its
    ``themeParams``, none by default, and ``colorScheme``) and any more ``WebApp``
    ``members`` (JavaScript, e.g. ``openLink``)."""
    noop = "function () {}"
    more = "".join(f" {name}: {value}," for name, value in members.items())
    return (
        f"window.Telegram = {{WebApp: {{initData: {json.dumps(signed)},"
        f" themeParams: {json.dumps(theme or {})}, colorScheme: {json.dumps(scheme)},{more}"
        f" ready: {noop}, expand: {noop}, onEvent: {noop},"
        f" BackButton: {{show: {noop}, hide: {noop}, onClick: {noop}}}}}}};"
    )


async def serve_telegram(
    page: Any,
    signed: str,
    theme: dict[str, str] | None = None,
    scheme: str = "light",
    **members: str,
) -> None:
    """Answer ``page``'s request for Telegram's script with :func:`_telegram_stub` (in place
    of what was served before)."""
    stub = _telegram_stub(signed, theme, scheme, **members)
    await page.unroute(SCRIPT)
    await page.route(SCRIPT, lambda route: route.fulfill(body=stub, content_type="text/javascript"))
