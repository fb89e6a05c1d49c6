"""Broadcast engine (issue 8): achieved rate against the configured limit, and recipients who
got no copy or more than one, with and without injected Telegram errors.

    python bench/broadcast.py [--pace 1000] [--recipients 10000] [--small 1000]
                              [--faults 0.05] [--in-flight 20] [--database sqlite|postgresql]
                              [--runs 1] [--only raised|faults|default]

One table, one row per run:

- **raised**: ``--recipients`` subscribers, the emulator's global flood limit raised to
  ``--pace`` messages a second and the bot's sender configured with the same pace and
  ``--in-flight`` sends awaiting an answer (its default, 10, is sized for 25 a second; it
  is also the most messages a crash can duplicate);
- **faults**: the same with ``--faults`` of the sendMessage calls failing: 500/502 answers,
  and 429 answers with ``retry_after`` 1 s at 0.2 % of the calls (at most 10, so a run stays
  short; each one pauses every send for that second, as Telegram demands);
- **default**: ``--small`` subscribers at Telegram's default limits (the emulator's 30 a
  second) and the sender's defaults (25 a second, 10 in flight).

Each run has its own fresh database, emulator and bot process (``python -m bot run`` with the
outbox's settings ``OUTBOX_PER_SECOND`` and ``OUTBOX_MAX_IN_FLIGHT`` in its environment). The
emulator runs in this process and timestamps every message it accepts. The broadcast is made
as the committee makes one: an admin sends ``/broadcast`` and the text, taps the audience
"general subscribers", then "send now" (the handler creates one delivery per recipient; the
commit wakes the sender). The columns:

- *from the tap*: messages accepted by the emulator per second, from the tap on "send now"
  to the last message (includes creating the deliveries and the sender's first look);
- *first to last*: the same from the first message to the last;
- *429 pause s*, *retry tail s*: waits the Bot API and the sender's rules impose, which no
  pace can shorten: every send is paused for each 429's ``retry_after`` (the union of the
  answers' ``[time, time + retry_after]``), and after the last recipient's first attempt
  only retries are left, each waiting its exponential backoff (1 s, 2 s, 4 s…);
- *sending msg/s*, *sending calls/s*: messages accepted, and sendMessage calls made
  (accepted or failed), per second of the sending phase: from the first message to the
  last recipient's first attempt, 429 pauses excluded. Without faults this is *first to
  last*. A failing call takes its place in the pace like any other, so with 5 % failing
  calls the messages get at most 95 % of the limit: the target is judged on calls then;
- *ratio*: *sending msg/s* (with faults: *sending calls/s*) over the configured limit;
  *ratio from the tap* is *from the tap* over it;
- *bot CPU ms/msg*: CPU time of the bot process (user + system, all its threads) per
  accepted message, from the tap to the end; *emulator CPU ms/msg* the same for this
  process (the emulator, on the same 2 cores);
- *flood 429*: 429 answers to the broadcast from the emulator's own flood control (not
  injected), which the sender's pacing must keep at 0;
- *lost*, *duplicated*: recipients with no copy, with more than one (both must be 0).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select  # noqa: E402

from bench.harness import drop_database, fresh_database, print_table  # noqa: E402
from bot.sandbox.config import EmulatorConfig, RateLimits  # noqa: E402
from bot.sandbox.emulator import Emulator  # noqa: E402
from bot.sandbox.users import find_button, send_text, tap  # noqa: E402
from bot.services.announcements.broadcasts import broadcast_progress  # noqa: E402
from bot.storage.database import create_engine, create_session_factory  # noqa: E402
from bot.storage.models import Broadcast, Chat, Subscriber  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BOT_TOKEN = "123456789:AAHbench-token-0123456789abcdefghij"
TEXT = "Pengumuman: gladi bersih IGA 2022 hari Rabu pukul 08.00."

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Scenario:
    """One row of the table.

    Attributes:
        name: What the row shows.
        recipients: Subscribers the broadcast goes to.
        pace: The configured limit, messages/s: the sender's pace and the emulator's global
            flood limit; None for the defaults (sender 25/s, emulator 30/s).
        faults: Share of sendMessage calls failing.
    """

    name: str
    recipients: int
    pace: float | None
    faults: float

    @property
    def limit(self) -> float:
        """The configured limit the ratio is taken against, messages/s."""
        return self.pace if self.pace is not None else 25.0


@dataclass
class Figures:
    """What one run measured."""

    from_tap: float
    first_to_last: float
    paused_s: float
    tail_s: float
    sending_rate: float
    sending_calls: float
    cpu_ms: float
    emulator_cpu_ms: float
    sent: int
    failed: int
    lost: int
    duplicated: int
    injected_429: int
    injected_5xx: int
    flood_429: int


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` (all its threads), seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _union_length(intervals: list[tuple[float, float]], start: float, end: float) -> float:
    """Seconds of [start, end] covered by the union of ``intervals``."""
    covered, reach = 0.0, start
    for low, high in sorted(intervals):
        low, high = max(low, reach), min(high, end)
        if high > low:
            covered += high - low
            reach = high
    return covered


async def run(scenario: Scenario, database_url: str, in_flight: int, log: Path) -> Figures:
    """One broadcast to ``scenario.recipients`` subscribers of a fresh bot process."""
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    limits = (
        RateLimits(global_per_second=scenario.pace, global_burst=30)
        if scenario.pace is not None
        else RateLimits()
    )
    emulator = Emulator(EmulatorConfig(rate_limits=limits))
    world = emulator.world
    admin = world.add_user("Panitia", started=True)
    accepted: list[tuple[float, int]] = []
    original = world.add_message

    def add_message(chat, sender, from_bot, **content):  # type: ignore[no-untyped-def]
        if from_bot and chat.id != admin.id:
            accepted.append((time.time(), chat.id))
        return original(chat, sender, from_bot, **content)

    world.add_message = add_message  # type: ignore[method-assign]
    await emulator.start(host="127.0.0.1", port=0)
    users = [
        emulator.world.add_user(f"Warga {i}", started=True) for i in range(scenario.recipients)
    ]
    ids = [user.id for user in users]
    async with sessions() as session, session.begin():
        await session.execute(insert(Chat), [{"id": i, "type": "private"} for i in ids])
        await session.execute(
            insert(Subscriber), [{"chat_id": i, "topic": "general", "active": True} for i in ids]
        )
    if scenario.faults > 0:
        for rule in (
            {"kind": "429", "count": 10, "probability": 0.002, "retry_after": 1},
            {"kind": "500", "count": None, "probability": scenario.faults * 0.6},
            {"kind": "502", "count": None, "probability": scenario.faults * 0.4},
        ):
            emulator.faults.add({"method": "sendMessage", **rule})
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
        "TELEGRAM_API_BASE_URL": emulator.bot_api_base_url,
        "TELEGRAM_API_FILE_URL": emulator.file_base_url,
        "DATABASE_URL": database_url,
        # no event: nothing else (reminders, the winners' announcement) competes for the pace
        "EVENT_CONFIG": str(Path(tempfile.gettempdir()) / "no-event-for-bench.yaml"),
        "ADMIN_IDS": str(admin.id),
        "LOG_LEVEL": "WARNING",
    }
    if scenario.pace is not None:  # else the settings' defaults
        env["OUTBOX_PER_SECOND"] = str(scenario.pace)
        env["OUTBOX_MAX_IN_FLIGHT"] = str(in_flight)
    with log.open("ab") as output:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
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
        chat = world.chats[admin.id]

        async def answered(condition) -> None:  # type: ignore[no-untyped-def]
            deadline = time.monotonic() + 30
            while not condition():
                if process.returncode is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the bot did not answer the committee; see {log}")
                await asyncio.sleep(0.02)

        def button(data: str):  # type: ignore[no-untyped-def]
            return lambda: find_button(world, chat, message_id=None, text=None, data=data)

        def replies() -> int:
            return sum(1 for m in chat.messages.values() if m.from_bot)

        before = replies()
        await send_text(world, admin, chat, "/broadcast")
        await answered(lambda: replies() > before)
        await send_text(world, admin, chat, TEXT)
        await answered(button("bc:aud:topic:general"))
        await tap(world, admin, chat, data="bc:aud:topic:general")
        await answered(button("bc:now"))
        cpu_before, own_before = _cpu_seconds(process.pid), time.process_time()
        tapped = time.time()
        await tap(world, admin, chat, data="bc:now")
        broadcast_id = None
        while broadcast_id is None:
            async with sessions() as session:
                broadcast_id = await session.scalar(select(func.max(Broadcast.id)))
            await asyncio.sleep(0.05)
        while True:
            async with sessions() as session:
                progress = await broadcast_progress(session, broadcast_id)
            if progress.finished:
                break
            if process.returncode is not None:
                raise RuntimeError(f"the bot stopped; see {log}")
            await asyncio.sleep(0.05)
        cpu = _cpu_seconds(process.pid) - cpu_before
        own = time.process_time() - own_before
    finally:
        if process.returncode is None:
            process.terminate()
            await process.wait()
    copies = Counter(
        {i: sum(1 for m in emulator.world.chats[i].messages.values() if m.from_bot) for i in ids}
    )
    sends = [  # the broadcast's (the committee's chat has the bot's replies, paced apart)
        r
        for r in world.rejections
        if r["method"].lower() == "sendmessage" and str(r["chat_id"]) != str(admin.id)
    ]
    others = [r for r in world.rejections if r not in sends]
    if others:
        print(f"rejected calls to the committee's chat: {others}", file=sys.stderr)
    await emulator.stop()
    await engine.dispose()
    times = [moment for moment, _ in accepted]
    first, last = times[0], times[-1]
    pauses = [
        (r["time"], r["time"] + r["parameters"]["retry_after"])
        for r in sends
        if r["error_code"] == 429
    ]
    first_attempt: dict[int, float] = {}
    for moment, chat_id in [*accepted, *((r["time"], int(r["chat_id"])) for r in sends)]:
        first_attempt[chat_id] = min(moment, first_attempt.get(chat_id, moment))
    phase_end = max(first_attempt.values())  # after it, only retries waiting for backoff
    paused = _union_length(pauses, first, phase_end)
    sending = phase_end - first - paused
    in_phase = sum(1 for moment in times if moment <= phase_end)
    failed_calls = sum(1 for r in sends if first <= r["time"] <= phase_end)
    return Figures(
        from_tap=len(times) / (last - tapped),
        first_to_last=(len(times) - 1) / (last - first),
        paused_s=_union_length(pauses, first, last),
        tail_s=last - phase_end,
        sending_rate=(in_phase - 1) / sending,
        sending_calls=(in_phase + failed_calls - 1) / sending,
        cpu_ms=1000 * cpu / len(times),
        emulator_cpu_ms=1000 * own / len(times),
        sent=progress.sent,
        failed=progress.failed,
        lost=sum(1 for n in copies.values() if n == 0),
        duplicated=sum(1 for n in copies.values() if n > 1),
        injected_429=sum(1 for r in sends if r["error_code"] == 429 and r["injected"]),
        injected_5xx=sum(1 for r in sends if r["error_code"] in (500, 502) and r["injected"]),
        flood_429=sum(1 for r in sends if r["error_code"] == 429 and not r["injected"]),
    )


def _cell(values: list[float], digits: int = 1) -> str:
    """Median, and the range when there are several runs."""
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return (
        f"{statistics.median(values):.{digits}f} "
        f"({min(values):.{digits}f}–{max(values):.{digits}f})"
    )


def _row(scenario: Scenario, runs: list[Figures]) -> list[str]:
    faulty = scenario.faults > 0
    ratio = [(f.sending_calls if faulty else f.sending_rate) / scenario.limit for f in runs]
    met = all(r >= 0.95 for r in ratio) and all(f.lost == 0 == f.duplicated for f in runs)
    return [
        scenario.name,
        f"{scenario.limit:g}",
        _cell([f.from_tap for f in runs]),
        _cell([f.first_to_last for f in runs]),
        _cell([f.paused_s for f in runs]),
        _cell([f.tail_s for f in runs]),
        _cell([f.sending_rate for f in runs]),
        _cell([f.sending_calls for f in runs]),
        _cell(ratio, 2) + (" (calls)" if faulty else ""),
        _cell([f.from_tap / scenario.limit for f in runs], 2),
        _cell([f.cpu_ms for f in runs], 2),
        _cell([f.emulator_cpu_ms for f in runs], 2),
        f"{sum(f.injected_429 for f in runs)} / {sum(f.injected_5xx for f in runs)}",
        str(sum(f.flood_429 for f in runs)),
        str(sum(f.failed for f in runs)),
        str(sum(f.lost for f in runs)),
        str(sum(f.duplicated for f in runs)),
        "met" if met else "MISSED",
    ]


HEADERS = [
    "run",
    "limit msg/s",
    "from the tap msg/s",
    "first to last msg/s",
    "429 pause s",
    "retry tail s",
    "sending msg/s",
    "sending calls/s",
    "ratio",
    "ratio from the tap",
    "bot CPU ms/msg",
    "emulator CPU ms/msg",
    "injected 429 / 5xx",
    "flood 429",
    "failed",
    "lost",
    "duplicated",
    "target (≥95 %, 0 lost, 0 dup.)",
]


async def main_async(args: argparse.Namespace) -> int:
    scenarios = []
    for pace in args.pace:
        if "raised" in args.only:
            scenarios.append(
                Scenario(f"{args.recipients:,}, raised limit", args.recipients, pace, 0)
            )
        if "faults" in args.only:
            name = f"{args.recipients:,}, raised limit, {args.faults:.0%} faults"
            scenarios.append(Scenario(name, args.recipients, pace, args.faults))
    if "default" in args.only:
        scenarios.append(Scenario(f"{args.small:,}, default limits", args.small, None, 0))
    log = Path(tempfile.mkstemp(prefix="bench-broadcast-", suffix=".log")[1])
    load = [os.getloadavg()[0]]
    rows = []
    for scenario in scenarios:
        runs = []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="bench-broadcast-") as directory:
                url = await fresh_database(args.database, Path(directory))
                try:
                    runs.append(await run(scenario, url, args.in_flight, log))
                finally:
                    await drop_database(url)
            load.append(os.getloadavg()[0])
        rows.append(_row(scenario, runs))
    title = (
        f"Broadcast ({args.runs} run{'s' if args.runs > 1 else ''} per row, {args.database}, "
        f"max in flight {args.in_flight} at raised limits)"
    )
    print_table(title, HEADERS, rows)
    print(f"\nload average (1 min) {min(load):.1f}–{max(load):.1f} during the runs; bot log {log}")
    return 0


def main() -> int:
    """Parses the arguments, runs the scenarios and prints the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pace", type=float, nargs="+", default=[1000.0], help="raised limit(s), messages/s"
    )
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000, help="recipients at default limits")
    parser.add_argument("--faults", type=float, default=0.05, help="share of failing sends")
    parser.add_argument(
        "--in-flight", type=int, default=20, help="sender's max_in_flight at raised limits"
    )
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--runs", type=int, default=1, help="runs per row")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=("raised", "faults", "default"),
        default=["raised", "faults", "default"],
    )
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
