"""Broadcast engine: achieved rate against the configured pace, and lost/duplicated copies,
with injected Telegram errors.

    python bench/broadcast.py [--recipients 10000] [--pace 300] [--faults 0.05]
                              [--in-flight 10] [--database-url URL]

A Bot API emulator runs in this process with flood control on (its global limit raised to
1.5 × the pace); the bot runs as a real ``python -m bot run`` process with the sender's pace
raised to ``--pace``. ``--faults`` of the sendMessage calls fail: mostly 500/502 answers, and
a few 429 answers with ``retry_after`` 1 s (each pauses the whole sender, as Telegram
demands; at most 10 of them so one run stays short). The table shows the achieved rate
(recipients reached per second, from the broadcast's creation to its last delivery), and the
recipients who got no copy or more than one.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402

from bot.sandbox.config import EmulatorConfig, RateLimits  # noqa: E402
from bot.sandbox.emulator import Emulator  # noqa: E402
from bot.services.broadcasts import (  # noqa: E402
    Audience,
    broadcast_progress,
    create_broadcast,
)
from bot.settings import Settings  # noqa: E402
from bot.storage.database import create_engine, create_session_factory  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402
from bot.storage.models import Chat, Subscriber  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BOT_TOKEN = "123456789:AAHbench-token-0123456789abcdefghij"
LAUNCHER = """
import sys
import bot.broadcast.sender as sender
sender.PER_SECOND = float(sys.argv[1])
sender.MAX_IN_FLIGHT = int(sys.argv[2])
from bot.cli import main
sys.exit(main(["run"]))
"""


def _open_log(path: Path):  # type: ignore[no-untyped-def]
    return path.open("ab")


async def run(
    recipients: int, pace: float, faults: float, database_url: str, in_flight: int
) -> dict[str, object]:
    """One broadcast to ``recipients`` subscribers (database already migrated); returns the
    measured figures."""
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    emulator = Emulator(
        EmulatorConfig(rate_limits=RateLimits(global_per_second=pace * 1.5, global_burst=50))
    )
    await emulator.start(host="127.0.0.1", port=0)
    users = [emulator.world.add_user(f"Warga {i}", started=True) for i in range(recipients)]
    ids = [user.id for user in users]
    async with sessions() as session, session.begin():
        await session.execute(insert(Chat), [{"id": i, "type": "private"} for i in ids])
        await session.execute(
            insert(Subscriber), [{"chat_id": i, "topic": "general", "active": True} for i in ids]
        )
    if faults > 0:
        rules = [
            {"kind": "429", "count": 10, "probability": 0.002},
            {"kind": "500", "count": None, "probability": faults * 0.6},
            {"kind": "502", "count": None, "probability": faults * 0.4},
        ]
        for rule in rules:
            emulator.faults.add({"method": "sendMessage", **rule})
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
        "TELEGRAM_API_BASE_URL": emulator.bot_api_base_url,
        "TELEGRAM_API_FILE_URL": emulator.file_base_url,
        "DATABASE_URL": database_url,
        # no event: nothing else (reminders, the winners' announcement) competes for the pace
        "EVENT_CONFIG": str(Path(tempfile.gettempdir()) / "no-event-for-bench.yaml"),
        "ADMIN_IDS": "",
        "LOG_LEVEL": "WARNING",
    }
    log = Path(tempfile.mkstemp(prefix="bench-broadcast-", suffix=".log")[1])
    with _open_log(log) as output:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            LAUNCHER,
            str(pace),
            str(in_flight),
            env=env,
            cwd=REPO,
            stdout=output,
            stderr=output,
        )
    try:
        while not emulator.world.calls["getupdates"]:  # started: start-up is not sending
            if process.returncode is not None:
                raise RuntimeError(f"the bot stopped; see {log}")
            await asyncio.sleep(0.1)
        started = time.perf_counter()
        async with sessions() as session, session.begin():
            broadcast = await create_broadcast(
                session,
                text="Pengumuman <b>IGA 2022</b>",
                audience=Audience.subscribers("general"),
                now=datetime.now(UTC),
            )
        while True:
            async with sessions() as session:
                progress = await broadcast_progress(session, broadcast.id)
            if progress.finished:
                break
            if process.returncode is not None:
                raise RuntimeError(f"the bot stopped; see {log}")
            await asyncio.sleep(0.05)
        elapsed = time.perf_counter() - started
    finally:
        if process.returncode is None:
            process.terminate()
            await process.wait()
    copies = Counter(
        {i: sum(1 for m in emulator.world.chats[i].messages.values() if m.from_bot) for i in ids}
    )
    rejected = Counter(r["error_code"] for r in emulator.world.rejections)
    await emulator.stop()
    await engine.dispose()
    return {
        "recipients": recipients,
        "pace (configured, msg/s)": pace,
        "max in flight": in_flight,
        "achieved (msg/s)": round(progress.sent / elapsed, 1),
        "elapsed (s)": round(elapsed, 1),
        "sent": progress.sent,
        "failed (gave up)": progress.failed,
        "lost (no copy)": sum(1 for n in copies.values() if n == 0),
        "duplicated (>1 copy)": sum(1 for n in copies.values() if n > 1),
        "injected 429": rejected.get(429, 0),
        "injected 5xx": rejected.get(500, 0) + rejected.get(502, 0),
        "log": str(log),
    }


def main() -> int:
    """Parses the arguments, runs the benchmark and prints the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--pace", type=float, default=300.0, help="sender pace, messages/s")
    parser.add_argument("--faults", type=float, default=0.05, help="share of failing sends")
    parser.add_argument("--in-flight", type=int, default=10, help="sender's max_in_flight")
    parser.add_argument(
        "--database-url",
        default=None,
        help="an empty database to use up (it is migrated and filled); default: a new SQLite file",
    )
    args = parser.parse_args()
    database_url = args.database_url
    if database_url is None:
        path = Path(tempfile.mkdtemp(prefix="bench-broadcast-")) / "bench.db"
        database_url = f"sqlite+aiosqlite:///{path}"
    database_url = Settings(_env_file=None, database_url=database_url).database_url
    upgrade(database_url)
    figures = asyncio.run(
        run(args.recipients, args.pace, args.faults, database_url, args.in_flight)
    )
    width = max(len(name) for name in figures)
    for name, value in figures.items():
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
