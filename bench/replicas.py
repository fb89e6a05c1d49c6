"""Two webhook replicas behind a small load balancer, on one PostgreSQL database (issue 13):
throughput and latency of ``/agenda`` with one replica, with both up, and with both up and
one killed (SIGKILL) half-way; nothing lost, nothing doubled.

    TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test \
        python bench/replicas.py [--runs 3] [--requests 600]

Each row: a fresh database, fresh bot processes (``python -m bot run`` with WEBHOOK_URL set
to the balancer, :class:`bot.sandbox.balancer.Balancer`), the emulator delivering webhook
updates as Telegram does (up to 40 at once, one per chat at a time), 20 closed-loop users.
"lost" counts requests with no reply within 30 s, "doubled" the replies beyond one per
request (an update in flight on the killed replica may be answered by both: the ledger
replays its recorded reply instead of applying it again).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    REPO,
    bot_environment,
    drop_database,
    fresh_database,
    print_table,
    spawn,
    spread,
    start_emulator,
    warm_up,
)
from bot.sandbox.balancer import Balancer  # noqa: E402
from bot.sandbox.users import send_text  # noqa: E402
from bot.services.core.event_file import load_event_file  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.setup import import_event  # noqa: E402

USERS = 20
AGENDA = "Susunan acara"
"""Begins every /agenda reply (the catalogue's ``agenda-title``, Indonesian)."""
SECRET = "bench-Secret_1"


@dataclass
class Figures:
    """One run of one scenario."""

    throughput: float
    p50: float
    p95: float
    p99: float
    lost: int
    doubled: int
    shares: list[int]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def run(replicas: int, kill_half_way: bool, requests: int, workdir: Path) -> Figures:
    """One scenario on a fresh database and fresh processes."""
    url = await fresh_database("postgresql", workdir)
    emulator, replies = await start_emulator()
    ports = [_free_port() for _ in range(replicas)]
    balancer = Balancer([f"http://127.0.0.1:{port}" for port in ports])
    await balancer.start()
    processes = []
    try:
        settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
        await import_event(settings, load_event_file(REPO / "config" / "event.yaml"))
        for port in ports:
            env = bot_environment(emulator, url)
            env.update(
                WEBHOOK_URL=f"{balancer.url}/telegram", WEBHOOK_SECRET=SECRET, PORT=str(port)
            )
            processes.append(spawn([sys.executable, "-m", "bot", "run"], env, workdir))
        world = emulator.world
        deadline = time.monotonic() + 60
        while world.webhook.get("url") is None or not all(
            await asyncio.gather(*(_listening(port) for port in ports))
        ):
            if time.monotonic() > deadline:
                raise RuntimeError("the replicas did not start")
            await asyncio.sleep(0.2)
        people = [world.add_user(f"Peserta {i}", language_code="id") for i in range(USERS)]
        await warm_up(world, replies, people)
        await world.wait_for(lambda: sum(balancer.answered.values()) >= USERS, 30)
        balancer.answered.clear()

        remaining, done, lost = requests, 0, 0
        latencies: list[float] = []
        killed = asyncio.Event()

        async def user_loop(user) -> None:  # type: ignore[no-untyped-def]
            nonlocal remaining, done, lost
            chat = world.chats[user.id]
            while remaining > 0:
                remaining -= 1
                reply = replies.next_reply(chat.id)
                sent = time.perf_counter()
                await send_text(world, user, chat, "/agenda")
                try:
                    answered = await asyncio.wait_for(reply, timeout=30)
                except TimeoutError:
                    lost += 1
                    continue
                latencies.append((answered - sent) * 1000)
                done += 1
                if kill_half_way and not killed.is_set() and done >= requests // 2:
                    killed.set()
                    os.kill(processes[0].popen.pid, signal.SIGKILL)

        start = time.perf_counter()
        await asyncio.gather(*(user_loop(user) for user in people))
        elapsed = time.perf_counter() - start
        await world.wait_for(lambda: not world.updates, 30)  # the last replays settle
        await world.wait_for(lambda: sum(balancer.answered.values()) >= requests, 5)
        answers = sum(
            1
            for user in people
            for message in world.transcript(world.chats[user.id])
            if message["from"] == "bot" and AGENDA in (message["text"] or "")
        )
        return Figures(
            throughput=len(latencies) / elapsed,
            p50=_percentile(latencies, 0.50),
            p95=_percentile(latencies, 0.95),
            p99=_percentile(latencies, 0.99),
            lost=lost,
            doubled=max(0, answers - (requests - lost)),
            shares=[balancer.answered[f"http://127.0.0.1:{port}"] for port in ports],
        )
    finally:
        for process in processes:
            if process.popen.poll() is None:
                process.stop()
        await balancer.stop()
        await emulator.stop()
        await drop_database(url)


async def _listening(port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    writer.close()
    return True


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=600)
    args = parser.parse_args()
    scenarios = [
        ("one replica", 1, False),
        ("two replicas", 2, False),
        ("two replicas, one killed half-way", 2, True),
    ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, replicas, kill in scenarios:
            runs = []
            for _ in range(args.runs):
                workdir = Path(tmp) / uuid.uuid4().hex[:6]
                workdir.mkdir()
                runs.append(await run(replicas, kill, args.requests, workdir))
            rows.append(
                [
                    label,
                    spread([r.throughput for r in runs]),
                    spread([r.p50 for r in runs]),
                    spread([r.p95 for r in runs]),
                    spread([r.p99 for r in runs]),
                    " / ".join(str(r.lost) for r in runs),
                    " / ".join(str(r.doubled) for r in runs),
                    " / ".join("+".join(str(n) for n in r.shares) for r in runs),
                ]
            )
    average = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print_table(
        f"Webhook replicas behind a load balancer ({args.runs} runs, {args.requests} requests, "
        f"{USERS} closed-loop users, PostgreSQL; load average at the end {average})",
        [
            "replicas",
            "updates/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "lost (per run)",
            "doubled (per run)",
            "updates per replica",
        ],
        rows,
    )


if __name__ == "__main__":
    asyncio.run(main())
