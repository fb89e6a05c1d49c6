"""The bot process is killed (SIGKILL) in the middle of a broadcast to a few thousand
recipients, restarted, and every recipient is counted in the emulator.

The bot runs as ``python -m bot run`` (a child process, real clock, polling the emulator of
this test process), with the outbox's pace (``OUTBOX_PER_SECOND``) raised together with the
emulator's flood limits so that the broadcast takes seconds, not minutes.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.sandbox.emulator import Emulator
from bot.services.announcements.broadcasts import (
    Audience,
    broadcast_progress,
    create_broadcast,
    in_doubt_deliveries,
)
from bot.storage.models import BroadcastStatus, Delivery, DeliveryStatus
from tests.conftest import EVENT_FILE
from tests.e2e.conftest import BOT_TOKEN, wait_until
from tests.e2e.helpers.broadcasts import add_subscribers, bot_messages

pytestmark = pytest.mark.e2e

RECIPIENTS = 2000
PACE = 400.0
"""The sender's pace in these tests, messages per second (Telegram's is 25)."""


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """Flood control on, at a rate above the sender's pace."""
    return EmulatorConfig(rate_limits=RateLimits(global_per_second=PACE * 1.5, global_burst=50))


class BotProcess:
    """The bot as a child process (``python -m bot run`` with a raised pace)."""

    def __init__(self, emulator: Emulator, database_url: str, log: Path) -> None:
        self.env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
            "TELEGRAM_API_BASE_URL": emulator.bot_api_base_url,
            "TELEGRAM_API_FILE_URL": emulator.file_base_url,
            "DATABASE_URL": database_url,
            # no event: nothing else (reminders, the winners' announcement) writes to the
            # recipients or competes for the pace
            "EVENT_CONFIG": str(log.parent / "no-event.yaml"),
            "ADMIN_IDS": "",
            "LOG_LEVEL": "INFO",
            "OUTBOX_PER_SECOND": str(PACE),
        }
        self.log = log
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        with self.log.open("ab") as out:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                env=self.env,
                stdout=out,
                stderr=out,
                cwd=EVENT_FILE.parent.parent,
            )

    async def kill(self) -> None:
        """SIGKILL: no shutdown code runs."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def stop(self) -> None:
        """SIGTERM, as a platform stops a dyno; kill if it does not stop within 10 s."""
        if self.process is None or self.process.returncode is not None:
            return
        self.process.terminate()
        try:
            await asyncio.wait_for(self.process.wait(), 10)
        except TimeoutError:
            await self.kill()


@pytest.fixture
async def bot_process(emulator, database_url, tmp_path):
    process = BotProcess(emulator, database_url, tmp_path / "bot.log")
    yield process
    await process.stop()
    if process.log.exists():
        print(process.log.read_text()[-4000:])


async def _start_broadcast(emulator, sessions) -> tuple[int, list[int]]:
    ids = await add_subscribers(emulator, sessions, RECIPIENTS)
    async with sessions() as session, session.begin():
        broadcast = await create_broadcast(
            session,
            text=TEXT,
            audience=Audience.subscribers("general"),
            now=datetime.now(UTC),
        )
    return broadcast.id, ids


TEXT = "Pengumuman: <b>Penganugerahan IGA 2022</b>"
MARKER = "Penganugerahan IGA 2022"


def _delivered(emulator: Emulator) -> int:
    return sum(
        1
        for c in emulator.world.chats.values()
        for m in c.messages.values()
        if m.from_bot and MARKER in (m.api.get("text") or "")
    )


async def _sent_in_db(sessions, broadcast_id: int) -> int:
    async with sessions() as session:
        return await session.scalar(
            select(func.count()).where(
                Delivery.broadcast_id == broadcast_id, Delivery.status == DeliveryStatus.SENT
            )
        )


async def _finish_after_restart(bot_process, sessions, broadcast_id: int) -> None:
    await bot_process.start()

    async def done() -> bool:
        async with sessions() as session:
            return (await broadcast_progress(session, broadcast_id)).finished

    await wait_until(done, timeout=60, interval=0.2)
    async with sessions() as session:
        progress = await broadcast_progress(session, broadcast_id)
    assert progress.status is BroadcastStatus.DONE
    assert (progress.sent, progress.pending, progress.failed) == (RECIPIENTS, 0, 0)


async def test_killed_while_paused_by_telegram_resumes_with_exactly_one_copy_each(
    emulator, emu, sessions, bot_process
) -> None:
    """Killed mid-broadcast while no message is in flight (a 429 paused the sender, and
    every answer Telegram gave is recorded): after the restart each recipient has exactly
    one copy."""
    broadcast_id, ids = await _start_broadcast(emulator, sessions)
    await bot_process.start()
    await wait_until(lambda: _delivered(emulator) >= RECIPIENTS // 3, timeout=60, interval=0.02)
    flood = await emu.add_fault("429", method="sendMessage", count=1, retry_after=60)
    await wait_until(lambda: emulator.faults.rules[0].fired == 1, timeout=10)

    async def settled() -> bool:
        return await _sent_in_db(sessions, broadcast_id) == _delivered(emulator)

    await wait_until(settled, timeout=10, interval=0.05)
    await bot_process.kill()
    assert flood["kind"] == "429"
    sent_before = await _sent_in_db(sessions, broadcast_id)
    assert RECIPIENTS // 3 <= sent_before < RECIPIENTS

    await _finish_after_restart(bot_process, sessions, broadcast_id)

    counts = bot_messages(emulator, ids, MARKER)
    assert set(counts.values()) == {1}, f"copies per recipient: {sorted(set(counts.values()))}"


async def test_killed_at_any_moment_loses_no_one(emulator, sessions, bot_process) -> None:
    """Killed at an arbitrary moment while messages are in flight: after the restart no
    recipient is missed, and only deliveries that were in flight at the kill (recorded as
    such) can have reached their recipient twice."""
    broadcast_id, ids = await _start_broadcast(emulator, sessions)
    await bot_process.start()
    await wait_until(lambda: _delivered(emulator) >= RECIPIENTS // 2, timeout=60, interval=0.005)
    await bot_process.kill()
    async with sessions() as session:
        in_doubt = await in_doubt_deliveries(session)
        assert (await broadcast_progress(session, broadcast_id)).pending > 0

    await _finish_after_restart(bot_process, sessions, broadcast_id)

    counts = bot_messages(emulator, ids, MARKER)
    assert min(counts.values()) == 1, "a recipient was missed"
    duplicated = sum(1 for n in counts.values() if n > 1)
    assert max(counts.values()) <= 2
    assert duplicated <= in_doubt
    print(f"in flight at the kill: {in_doubt}; recipients with two copies: {duplicated}")
