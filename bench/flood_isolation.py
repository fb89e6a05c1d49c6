"""Issue 13's target: while one chat is held by Telegram's 429 (retry_after 4), other users'
``/agenda`` p99 stays under 100 ms.

One user ("held") sends ``/agenda`` and Telegram answers its reply with 429, retry_after 4
(an injected fault for that chat only): the bot waits 4 s before sending it again. Meanwhile
``--users`` other users send ``/agenda``, each every ``--pace`` seconds or as soon as
answered if later (0: a closed loop, the machine's saturation); their latencies (message to first
reply) are measured only while the held chat is waiting. Repeated ``--rounds`` times per run.
A second row measures the same closed loop for 4 s with no chat held (the control: what the
machine gives at that load anyway).

    python bench/flood_isolation.py --runs 3 [--database postgresql]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    bot_environment,
    drop_database,
    event_file_open_now,
    fresh_database,
    harness_collector_still,
    print_table,
    spawn,
    spread,
    start_emulator,
    wait_answering,
    warm_up,
)
from bot.sandbox.users import send_text  # noqa: E402

RETRY_AFTER = 4


async def one_run(
    args: argparse.Namespace, workdir: Path, *, hold: bool
) -> tuple[list[float], list[float]]:
    """Returns the other users' latencies (ms) while the held chat waited (or, without
    ``hold``, during as long a window), and the held chat's reply delays (s)."""
    emulator, replies = await start_emulator()
    database_url = await fresh_database(args.database, workdir)
    env = bot_environment(emulator, database_url, event_config=event_file_open_now(workdir))
    process = spawn([sys.executable, "-m", "bot", "run"], env, workdir)
    world = emulator.world
    try:
        await wait_answering(emulator, replies)
        held = world.add_user("Tertahan", language_code="id")
        others = [world.add_user(f"Peserta {i}", language_code="id") for i in range(args.users)]
        await warm_up(world, replies, [held, *others])
        latencies: list[float] = []
        held_delays: list[float] = []

        async def user_loop(user, held_waits: asyncio.Event) -> None:  # type: ignore[no-untyped-def]
            chat = world.chats[user.id]
            while held_waits.is_set():
                reply = replies.next_reply(chat.id)
                sent = time.perf_counter()
                await send_text(world, user, chat, "/agenda")
                answered = await asyncio.wait_for(reply, timeout=30)
                if held_waits.is_set():
                    latencies.append((answered - sent) * 1000)
                await asyncio.sleep(max(0.0, args.pace - (time.perf_counter() - sent)))

        with harness_collector_still():
            for _ in range(args.rounds):
                held_waits = asyncio.Event()
                held_waits.set()
                if not hold:
                    loops = [asyncio.create_task(user_loop(user, held_waits)) for user in others]
                    await asyncio.sleep(RETRY_AFTER)
                    held_waits.clear()
                    await asyncio.gather(*loops)
                    continue
                emulator.faults.add(
                    {
                        "kind": "429",
                        "method": "sendMessage",
                        "chat_id": held.id,
                        "count": 1,
                        "retry_after": RETRY_AFTER,
                    }
                )
                held_chat = world.chats[held.id]
                held_reply = replies.next_reply(held_chat.id)
                sent_at = time.perf_counter()
                await send_text(world, held, held_chat, "/agenda")
                loops = [asyncio.create_task(user_loop(user, held_waits)) for user in others]
                answered = await asyncio.wait_for(held_reply, timeout=RETRY_AFTER * 4)
                held_waits.clear()
                held_delays.append(answered - sent_at)
                await asyncio.gather(*loops)
        return latencies, held_delays
    finally:
        process.stop()
        await emulator.stop()
        await drop_database(database_url)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3, help="429 holds per run")
    parser.add_argument("--users", type=int, default=19, help="other users")
    parser.add_argument(
        "--pace",
        type=float,
        default=0.5,
        help="seconds between one user's messages (0: closed loop)",
    )
    args = parser.parse_args()
    table = []
    for hold in (True, False):
        rows: dict[str, list[float]] = {k: [] for k in ("n", "p50", "p95", "p99", "max", "held")}
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="iga-flood-") as tmp:
                latencies, held = await one_run(args, Path(tmp), hold=hold)
            rows["n"].append(len(latencies))
            for name, fraction in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("max", 1.0)):
                rows[name].append(percentile(latencies, fraction))
            if held:
                rows["held"].append(min(held))
        p99 = sorted(rows["p99"])[len(rows["p99"]) // 2]
        table.append(
            [
                "one chat held by 429 (retry_after 4)" if hold else "control: no chat held",
                spread(rows["n"], 0),
                spread(rows["p50"]),
                spread(rows["p95"]),
                spread(rows["p99"]),
                spread(rows["max"]),
                spread(rows["held"], 2) if rows["held"] else "-",
                ("met" if p99 < 100 else "MISSED") if hold else "-",
            ]
        )
    print_table(
        f"Other users' /agenda while one chat waits out a 429 ({args.database})",
        [
            "window",
            "updates measured",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "held chat's reply s",
            "target p99 < 100 ms",
        ],
        table,
    )


if __name__ == "__main__":
    asyncio.run(main())
