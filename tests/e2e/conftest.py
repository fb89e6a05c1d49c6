"""End-to-end harness: the real bot, built by ``build_application`` and polling exactly as in
production, against the local Bot API emulator, on SQLite and on PostgreSQL.

The fixtures (``clock``, ``emulator``, ``emu``, ``bot``, ``users``…) are in
:mod:`tests.e2e.fixtures`, loaded for every folder by ``tests/conftest.py``; here are the
helpers tests import: :class:`FakeClock`, :func:`start_bot`, :func:`stop_bot`,
:func:`wait_until`, :func:`all_updates_handled`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from telegram.ext import Application

from bot.app import build_application
from bot.runtime import Runtime, application_runtime
from bot.sandbox.client import EmulatorClient
from bot.sandbox.driver import UserDriver
from bot.services.core.admins import add_admin
from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.settings import Settings
from tests.e2e.diagnostics import connections_report, tasks_report

BOT_TOKEN = "123456789:AAHsandbox-test-token-0123456789abcdef"

PUBLIC_URL = "https://iga.example.go.id"
"""The bot's public https address in tests that turn its web pages on (the workspace, the
ballroom screen, the certificates' verification page)."""

DEFAULT_NOW = datetime(2022, 12, 1, 2, 0, tzinfo=UTC)
"""Default "now" of the bot in tests: Kamis, 1 Desember 2022, 09.00 WIB (before the event)."""


@dataclass
class FakeClock:
    """A controllable clock: ``clock()`` returns the current fake instant (aware, UTC)."""

    current: datetime = DEFAULT_NOW

    def __call__(self) -> datetime:
        return self.current

    def set(self, moment: datetime) -> None:
        """Jump to ``moment`` (must be aware)."""
        assert moment.tzinfo is not None
        self.current = moment

    def advance(self, delta: timedelta) -> None:
        """Move forward by ``delta``."""
        self.current += delta


@dataclass
class RunningBot:
    """A bot started by the harness."""

    application: Application
    settings: Settings
    clock: FakeClock
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def runtime(self) -> Runtime:
        """The bot's runtime (database sessions, settings, clock)."""
        return application_runtime(self.application)


async def start_bot(settings: Settings, clock: FakeClock, event_file: Path | None) -> RunningBot:
    """Import the event file, then build and start the bot with polling, as production does."""
    application = build_application(settings, clock=clock)
    runtime = application_runtime(application)
    if event_file is not None:
        async with runtime.transaction() as session:
            await import_event_file(session, load_event_file(event_file))
    await application.initialize()
    if application.post_init is not None:
        await application.post_init(application)
    await application.start()
    await application.updater.start_polling(poll_interval=0.0, timeout=10)
    return RunningBot(application=application, settings=settings, clock=clock)


STOP_DEADLINE = 60.0
"""Seconds the bot gets to stop at the end of a test before the test fails with every task's
stack and (on PostgreSQL) what each database connection waits for."""


async def stop_bot(running: RunningBot) -> None:
    """Stop polling, the application and its resources, within :data:`STOP_DEADLINE` seconds.

    Raises:
        AssertionError: The bot did not stop in time; the message says where it is stuck.
    """
    stopping = asyncio.ensure_future(_stop_bot(running))
    done, _ = await asyncio.wait({stopping}, timeout=STOP_DEADLINE)
    if stopping in done:
        stopping.result()
        return
    report = tasks_report()
    connections = await connections_report(running.settings.database_url)
    stopping.cancel()
    raise AssertionError(
        f"the bot did not stop within {STOP_DEADLINE:.0f} s; its tasks:\n{report}\n"
        f"connections to the test database:\n{connections}"
    )


async def _stop_bot(running: RunningBot) -> None:
    application = running.application
    if application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()
    if application.post_stop is not None:
        await application.post_stop(application)
    await application.shutdown()
    if application.post_shutdown is not None:
        await application.post_shutdown(application)


class Users:
    """Creates simulated users who talk to the bot."""

    def __init__(self, client: EmulatorClient, running: RunningBot) -> None:
        self.client = client
        self.running = running

    async def create(
        self,
        first_name: str = "Siti",
        *,
        language_code: str = "id",
        username: str | None = None,
        admin: bool = False,
    ) -> UserDriver:
        """A new user; ``admin=True`` makes them a committee admin (as `iga-bot admin add`)."""
        driver = await self.client.create_user(
            first_name, language_code=language_code, username=username
        )
        if admin:
            runtime = self.running.runtime
            async with runtime.transaction() as session:
                await add_admin(session, driver.id, runtime.now())
        return driver


async def all_updates_handled(bot: RunningBot, emu, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until every update sent so far is handled: Telegram holds none unconfirmed and
    the bot has none in hand (updates of different chats are handled at the same time, so
    an answer to a later one says nothing of the earlier ones)."""
    inbox = bot.application.bot.inbox

    async def handled() -> bool:
        return not inbox.in_hand and not await emu.pending_updates()

    await wait_until(handled, timeout=timeout, interval=0.05)


async def wait_until(condition, timeout: float = 5.0, interval: float = 0.01) -> None:  # type: ignore[no-untyped-def]
    """Wait until ``await condition()`` (or ``condition()``) is truthy, or fail at the deadline.

    For state that has no event to wait on (rows in the database); polls briefly.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = condition()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if loop.time() >= deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        await asyncio.sleep(interval)
