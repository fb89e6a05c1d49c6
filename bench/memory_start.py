"""Resident memory and start time of the IGA bot with a city-sized database.

    python bench/memory_start.py [--database sqlite|postgresql] [--runs 3]
                                 [--subscribers 100000] [--entries 5000]

Each run gets a fresh database with the seed event, ``--subscribers`` private chats
subscribed to the general topic and ``--entries`` submitted entries with a few answers each,
bulk-inserted with SQLAlchemy Core, and a fresh emulator (whose update ids start again at 1:
on a database kept across runs, a bot that records the last update it applied would skip
them). Then the bot starts as ``python -m bot run`` and the benchmark records:

- start: seconds from spawning the process to the first answered ``/start`` (the update is
  waiting in the emulator when the bot starts polling, as after a deployment), and the CPU
  seconds the bot process used until then (user + system, from ``/proc/<pid>/stat``: less
  sensitive than the wall clock to other work on a shared machine);
- RSS after start and after each step of a workload (200 users sending ``/start`` and
  ``/agenda``; an admin's ``/entries``; the admin's ``/export`` of every entry as a
  workbook, timed from the command to the document): VmRSS of the bot process from
  ``/proc/<pid>/status``, and VmHWM, the peak.

The load average (``os.getloadavg``) before the first run and after the last is printed
under the table.

The seed event's results were announced in 2022: with the results announcement still due,
the bot's scheduler (its first catch-up, 30 s after the start) would broadcast the winners
to all the subscribers in the middle of any run slower than 30 s, and the figures would
measure that broadcast instead of the workload. The benchmark's event file moves the
announcement 30 days ahead.

Targets (issue 8): resident memory under 200 MB, start under 3 seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    ReplyClock,
    bot_environment,
    drop_database,
    event_file_open_now,
    fresh_database,
    print_table,
    spawn,
    spread,
    start_emulator,
)
from bot.sandbox.users import send_text  # noqa: E402

RSS_TARGET_MB = 200.0
START_TARGET_S = 3.0
CHUNK = 10_000
"""Rows per bulk INSERT."""


def memory_mb(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM of a process, in megabytes (MiB), from ``/proc/<pid>/status``."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) / 1024
    return values


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far, in seconds, from ``/proc/<pid>/stat``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def announcement_ahead(event_file: Path) -> None:
    """Move the results announcement of ``event_file`` 30 days ahead (see the module)."""
    data = yaml.safe_load(event_file.read_text(encoding="utf-8"))
    ahead = datetime.now(UTC).replace(microsecond=0) + timedelta(days=30)
    data["edition"]["results_announce_at"] = ahead.isoformat()
    event_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def load_average() -> str:
    """The 1-minute load average, e.g. ``2.31``."""
    return f"{os.getloadavg()[0]:.2f}"


async def fill_database(database_url: str, event_file: Path, subscribers: int, entries: int):
    """Import the event, then bulk-insert the chats, subscriptions, entries and answers."""
    from sqlalchemy import insert, select

    from bot.services.core.event_file import load_event_file
    from bot.services.core.event_import import import_event_file
    from bot.services.core.events import current_edition
    from bot.storage.database import create_engine, create_session_factory
    from bot.storage.models import Answer, Chat, Submission, SubmissionStatus, Subscriber, Unit

    engine = create_engine(database_url)
    now = datetime.now(UTC)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            await import_event_file(session, load_event_file(event_file))
        async with create_session_factory(engine)() as session:
            edition = await current_edition(session)
            units = list(
                await session.scalars(select(Unit.id).where(Unit.edition_id == edition.id))
            )
        first_chat = 5_000_000_000
        async with engine.begin() as connection:
            for start in range(0, subscribers, CHUNK):
                ids = range(first_chat + start, first_chat + min(subscribers, start + CHUNK))
                await connection.execute(
                    insert(Chat),
                    [
                        {"id": i, "type": "private", "first_name": f"Warga {i}", "language": "id"}
                        for i in ids
                    ],
                )
                await connection.execute(
                    insert(Subscriber), [{"chat_id": i, "topic": "general"} for i in ids]
                )
            for start in range(0, entries, CHUNK):
                numbers = range(start + 1, min(entries, start + CHUNK) + 1)
                rows = [
                    {
                        "edition_id": edition.id,
                        "unit_id": units[n % len(units)],
                        "title": f"Inovasi pelayanan nomor {n}",
                        "status": SubmissionStatus.SUBMITTED,
                        "sequence": n,
                        "number": f"IGA-{edition.year}-{n:03d}",
                        "created_by": first_chat + n,
                        "created_at": now,
                        "updated_at": now,
                        "submitted_at": now,
                        "cursor": None,
                    }
                    for n in numbers
                ]
                ids = (
                    await connection.execute(
                        insert(Submission).returning(Submission.id, sort_by_parameter_order=True),
                        rows,
                    )
                ).scalars()
                answers = []
                for submission_id, n in zip(ids, numbers, strict=True):
                    answers += [
                        {"submission_id": submission_id, "field_key": "nama", "value": f"Ino {n}"},
                        {"submission_id": submission_id, "field_key": "tujuan", "value": "x " * 60},
                        {"submission_id": submission_id, "field_key": "kontak", "value": "+62812"},
                    ]
                await connection.execute(insert(Answer), answers)
    finally:
        await engine.dispose()


async def answer_count(replies: ReplyClock, chat_id: int, count: int, timeout: float) -> None:
    """Wait until ``chat_id`` has received ``count`` bot messages in all."""
    deadline = time.perf_counter() + timeout
    while len(replies.arrivals[chat_id]) < count:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise RuntimeError(f"chat {chat_id}: {len(replies.arrivals[chat_id])}/{count} replies")
        try:
            await asyncio.wait_for(replies.next_reply(chat_id), remaining)
        except TimeoutError:
            pass


async def one_run(database_url: str, event_file: Path, workdir: Path) -> dict[str, float]:
    """Start the bot on the filled database, time its first answer, load it, read its memory."""
    emulator, replies = await start_emulator()
    world = emulator.world
    admin = world.add_user("Panitia", language_code="id")
    first = world.add_user("Pertama", language_code="id")
    env = bot_environment(emulator, database_url, event_config=event_file)
    env["ADMIN_IDS"] = str(admin.id)
    await send_text(world, first, world.chats[first.id], "/start")  # waiting when polling starts
    process = spawn([sys.executable, "-m", "bot", "run"], env, workdir)
    try:
        await answer_count(replies, first.id, 1, timeout=120)
        figures = {
            "start": replies.arrivals[first.id][0] - process.started_at,
            "start_cpu": cpu_seconds(process.popen.pid),
        }
        figures["rss_started"] = memory_mb(process.popen.pid)["VmRSS"]
        people = [world.add_user(f"Warga {i}", language_code="id") for i in range(200)]
        for text in ("/start", "/agenda"):
            for user in people:
                await send_text(world, user, world.chats[user.id], text)
        for user in people:
            await answer_count(replies, user.id, 2, timeout=120)
        figures["rss_attendees"] = memory_mb(process.popen.pid)["VmRSS"]
        for text in ("/entries", "/export"):
            before = len(replies.arrivals[admin.id])
            sent = time.perf_counter()
            await send_text(world, admin, world.chats[admin.id], text)
            await answer_count(replies, admin.id, before + 1, timeout=300)
            figures[f"seconds_{text[1:]}"] = replies.arrivals[admin.id][before] - sent
            figures[f"rss_{text[1:]}"] = memory_mb(process.popen.pid)["VmRSS"]
        figures["rss_peak"] = memory_mb(process.popen.pid)["VmHWM"]
        return figures
    finally:
        process.stop()
        await emulator.stop()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=5_000)
    args = parser.parse_args()

    runs = []
    fills = []
    load_before = load_average()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        event_file = event_file_open_now(workdir)
        announcement_ahead(event_file)
        for number in range(args.runs):
            url = await fresh_database(args.database, workdir / f"db{number}")
            try:
                began = time.perf_counter()
                await fill_database(url, event_file, args.subscribers, args.entries)
                fills.append(time.perf_counter() - began)
                runs.append(await one_run(url, event_file, workdir))
            finally:
                await drop_database(url)
    load_after = load_average()

    def column(key: str, digits: int = 1) -> str:
        return spread([run[key] for run in runs], digits)

    worst_rss = max(run["rss_peak"] for run in runs)
    worst_start = max(run["start"] for run in runs)
    print_table(
        f"Memory and start ({args.runs} runs; {args.subscribers:,} subscribers and "
        f"{args.entries:,} entries on {args.database}, inserted in {spread(fills, 1)} s)",
        ["figure", "median (min–max)", "target"],
        [
            [
                "start to first answered update, s",
                column("start", 2),
                _verdict(worst_start < START_TARGET_S, f"< {START_TARGET_S:g} s"),
            ],
            ["CPU of the bot process until then, s", column("start_cpu", 2), "-"],
            ["RSS after start, MB", column("rss_started"), "-"],
            ["RSS after 200 attendees' /start and /agenda, MB", column("rss_attendees"), "-"],
            ["RSS after an admin's /entries, MB", column("rss_entries"), "-"],
            ["/export of every table (workbook), s to the document", column("seconds_export"), "-"],
            ["RSS after /export of every entry (workbook), MB", column("rss_export"), "-"],
            [
                "peak RSS (VmHWM), MB",
                column("rss_peak"),
                _verdict(worst_rss < RSS_TARGET_MB, f"< {RSS_TARGET_MB:g} MB"),
            ],
        ],
    )
    print(f"\nload average (1 min): {load_before} before the first run, {load_after} after")
    print(
        "each run (start s, start CPU s, /export s, peak MB): "
        + "; ".join(
            f"{run['start']:.2f}, {run['start_cpu']:.2f}, {run['seconds_export']:.1f}, "
            f"{run['rss_peak']:.1f}"
            for run in runs
        )
    )


def _verdict(ok: bool, target: str) -> str:
    return f"{'met' if ok else 'MISSED'} ({target}, worst run)"


if __name__ == "__main__":
    asyncio.run(main())
