"""The bot as a separate process (``python -m bot run``) against the emulator, for tests that
kill it (SIGKILL) and start it again.

Use the ``bot_process`` fixture (a plugin of every test: ``pytest_plugins`` in tests/conftest.py)::

    async def test_kill(bot_process, emu) -> None:
        running = bot_process.start()
        ...
        running.kill()
        bot_process.start()

The process reads its settings from the environment, as in production: the emulator's URLs,
the test database (already migrated by the ``database_url`` fixture) and the ``event_file``
fixture's file, imported before the first start. It runs on the real clock, so a test of the
entry form needs an event file whose entry period includes today
(:func:`event_file_open_now`).
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from bot.sandbox.emulator import Emulator
from bot.services.core.event_file import load_event_file
from bot.settings import Settings
from bot.setup import import_event
from bot.storage.database import create_engine
from bot.storage.models import ParkedUpdate
from tests.conftest import EVENT_FILE, FAILED, REPO
from tests.e2e.conftest import BOT_TOKEN
from tests.e2e.diagnostics import connections_report

STOP_TIMEOUT = 10.0
"""Seconds a terminated process gets to stop before it is killed."""


class BotProcess:
    """One ``python -m bot run`` process; its output goes to ``log``."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.log = log
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"],
                cwd=REPO,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    @property
    def running(self) -> bool:
        """Whether the process is still alive."""
        return self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as when the machine or the container dies."""
        if self.running:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(STOP_TIMEOUT)

    async def stop(self) -> None:
        """SIGTERM, then SIGKILL after :data:`STOP_TIMEOUT` seconds. Waits in a thread: the
        emulator answering the bot's last requests runs on the test's event loop, which a
        blocking wait would stall until the bot's own request timeout."""
        if self.running:
            self.process.terminate()
            try:
                await asyncio.to_thread(self.process.wait, STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.kill()


class BotProcesses:
    """Starts bot processes with the test's settings and stops them all at the end."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env = env
        self.log = log
        self.started: list[BotProcess] = []

    def start(self) -> BotProcess:
        """Start a new process (the previous one should be stopped or killed first)."""
        process = BotProcess(self.env, self.log)
        self.started.append(process)
        return process

    def output(self) -> str:
        """Everything the processes printed (for failure messages)."""
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    async def stop_all(self) -> None:
        """Stop every process still running."""
        for process in self.started:
            await process.stop()


async def all_handled(emulator: Emulator, database_url: str) -> bool:
    """Whether the bot process handled every update sent so far: Telegram holds none that it
    has not confirmed, and none it confirmed is parked unhandled (``parked_updates``)."""
    if emulator.world.updates:
        return False
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return (await connection.execute(select(ParkedUpdate.update_id))).first() is None
    finally:
        await engine.dispose()


def free_port() -> int:
    """A TCP port free on the loopback interface now (for a bot process's PORT)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def event_file_open_now(directory: Path, days_before: int = 1, days_after: int = 30) -> Path:
    """A copy of the seed event file whose entry period includes the real "now" (for a bot
    process on the real clock)."""
    data = yaml.safe_load(EVENT_FILE.read_text(encoding="utf-8"))
    now = datetime.now(UTC).replace(microsecond=0)
    data["edition"]["entries_open"] = (now - timedelta(days=days_before)).isoformat()
    data["edition"]["entries_close"] = (now + timedelta(days=days_after)).isoformat()
    path = directory / "event-open-now.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
async def bot_process(
    request: pytest.FixtureRequest,
    database_url: str,
    emulator: Emulator,
    event_file: Path,
    tmp_path: Path,
) -> Iterator[BotProcesses]:
    """A factory of ``python -m bot run`` processes on the test database and the emulator,
    with ``event_file`` imported; every process is stopped at the end. When the test failed,
    the processes' output and (on PostgreSQL) what each database connection waits for are
    printed before they stop, for the failure report."""
    settings = Settings(_env_file=None, database_url=database_url)  # type: ignore[call-arg]
    await import_event(settings, load_event_file(event_file))
    inherited = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK", "FILES_"))
    }
    env = {
        **inherited,
        "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
        "TELEGRAM_API_BASE_URL": emulator.bot_api_base_url,
        "TELEGRAM_API_FILE_URL": emulator.file_base_url,
        "DATABASE_URL": database_url,
        "EVENT_CONFIG": str(event_file),
        "ADMIN_IDS": "",
        "LOG_LEVEL": "INFO",
        "FILES_DIR": str(tmp_path / "files"),
    }
    processes = BotProcesses(env, tmp_path / "bot-process.log")
    yield processes
    if request.node.stash.get(FAILED, False):
        print("--- the bot processes' output (last 200 lines):")
        print("\n".join(processes.output().splitlines()[-200:]))
        print("--- connections to the test database:")
        print(await connections_report(database_url))
    await processes.stop_all()
