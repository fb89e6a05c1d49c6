"""Issue 17's target: 1,000 check-ins at the entrance within ten minutes, every one answered;
the reply times and the daftar hadir's size and build time.

    python bench/checkin.py [--people 1000] [--window 600] [--think 2]
                            [--database sqlite|postgresql] [--telegram-limits]

The bot runs as a real process (``python -m bot run``) against the in-process emulator, on an
event file whose day is today (the check-in link is valid on the event's day only) with the
check-in open all day. ``--people`` users arrive evenly over ``--window`` seconds; each scans
the QR link (``/start h-…``) and goes through the first-scan form as a person would: name,
NIP (18 digits), jabatan, unit, then taps "Benar, saya hadir", waiting ``--think`` seconds
(0.5–1.5 × that, at random) before each step. Every step's reply time is measured from the
user's message or tap to the bot's first answer. With ``--telegram-limits`` the emulator
applies Telegram's flood limits (30 messages a second overall, about 1 a second per chat);
without them it measures the bot alone.

Printed: check-ins recorded (from the database) and answered (the final "tercatat hadir"
reply), the duration, p50/p95/p99/max reply times of all steps, the bot's CPU time per
check-in; then the daftar hadir of the ``--people`` records built as ``/daftar_hadir`` does:
PDF pages, size and time; XLSX size and time.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    REPO,
    LoadResult,
    bot_environment,
    drop_database,
    fresh_database,
    harness_collector_still,
    print_table,
    spawn,
    start_emulator,
    wait_answering,
)
from bot.sandbox.config import RateLimits  # noqa: E402
from bot.sandbox.users import send_text, tap  # noqa: E402

SECRET = "bench check-in secret"
UNITS = ("Dinas Sosial", "Bappeda", "Kelurahan Sananwetan", "Dinas Kesehatan", "Kecamatan Sukorejo")


def event_file_today(directory: Path, today: date) -> Path:
    """The seed event file moved to ``today``, the check-in open all day."""
    data = yaml.safe_load((REPO / "config" / "event.yaml").read_text(encoding="utf-8"))
    data["event"]["date"] = today.isoformat()
    if "certificates" in data["event"]:  # after the (moved) event, as the file requires
        data["event"]["certificates"]["send_at"] = f"{today.isoformat()}T23:00:00+07:00"
    data["event"]["attendance"]["check_in"] = {"opens": "00.00", "closes": "23.59"}
    path = directory / "event-today.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


async def check_in_everyone(args: argparse.Namespace, emulator, replies, payload: str):
    """Returns the reply times (ms) of every step and how many got the final answer (a step
    whose reply does not come within 120 s fails the run)."""
    world = emulator.world
    people = [world.add_user(f"Peserta {i}", language_code="id") for i in range(args.people)]
    latencies: list[float] = []
    done = 0
    rng = random.Random(17)

    async def step(user, chat, action) -> None:
        reply = replies.next_reply(chat.id)
        sent = time.perf_counter()
        await action()
        answered = await asyncio.wait_for(reply, timeout=120)
        latencies.append((answered - sent) * 1000)

    async def person(index: int) -> None:
        nonlocal done
        await asyncio.sleep(index * args.window / args.people)
        user = people[index]
        chat = world.chats[user.id]
        nip = f"19{index % 90 + 10:02d}0101200501{index % 2 + 1}{index:03d}"[:18]
        answers = [
            f"/start {payload}",
            f"Peserta Nomor {index:04d}, S.Sos.",
            nip,
            "Kepala Sub Bagian Program",
            UNITS[index % len(UNITS)],
        ]
        for text in answers:
            await step(user, chat, lambda text=text: send_text(world, user, chat, text))
            await asyncio.sleep(args.think * rng.uniform(0.5, 1.5))
        try:
            await step(user, chat, lambda: tap(world, user, chat, text="Benar, saya hadir"))
        except Exception:
            texts = [(m.from_bot, m.api.get("text", "")[:80]) for m in chat.messages.values()]
            print(f"chat {chat.id}: {texts}", file=sys.stderr)
            raise
        bot_texts = [m.api.get("text", "") for m in chat.messages.values() if m.from_bot]
        done += "tercatat hadir" in bot_texts[-1]

    with harness_collector_still():
        start = time.perf_counter()
        await asyncio.gather(*(person(i) for i in range(args.people)))
    return LoadResult(len(latencies), time.perf_counter() - start, latencies), done


async def count_records(database_url: str) -> int:
    from sqlalchemy import func, select

    from bot.storage.database import create_engine, create_session_factory
    from bot.storage.models import AttendanceRecord

    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            return await session.scalar(select(func.count()).select_from(AttendanceRecord))
    finally:
        await engine.dispose()


async def build_documents(database_url: str) -> list[tuple[str, str, str]]:
    """The daftar hadir as ``/daftar_hadir`` builds it: (document, size, seconds)."""
    from pypdf import PdfReader

    from bot.services.attendance import documents
    from bot.services.attendance.records import attendees_of
    from bot.services.core.events import current_event
    from bot.storage.database import create_engine, create_session_factory

    engine = create_engine(database_url)
    rows = []
    try:
        async with create_session_factory(engine)() as session:
            begin = time.perf_counter()
            event = await current_event(session)
            people = await attendees_of(session, event.id)
            read = time.perf_counter() - begin
            begin = time.perf_counter()
            pdf = documents.build_daftar_hadir(event, people)
            pdf_seconds = time.perf_counter() - begin
            begin = time.perf_counter()
            xlsx = documents.build_daftar_hadir_xlsx(event, people)
            xlsx_seconds = time.perf_counter() - begin
    finally:
        await engine.dispose()
    pages = len(PdfReader(__import__("io").BytesIO(pdf)).pages)
    rows.append((f"read {len(people)} records", "-", f"{read:.2f}"))
    rows.append((f"PDF, {pages} pages", f"{len(pdf) / 1024:.0f} KiB", f"{pdf_seconds:.2f}"))
    rows.append(("XLSX", f"{len(xlsx) / 1024:.0f} KiB", f"{xlsx_seconds:.2f}"))
    return rows


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--window", type=float, default=600.0, help="arrivals spread (s)")
    parser.add_argument("--think", type=float, default=2.0, help="seconds between steps")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--telegram-limits", action="store_true")
    args = parser.parse_args()

    from bot.services.attendance.link import payload_for, secret_of
    from bot.services.core.event_file import load_event_file
    from bot.settings import Settings
    from bot.storage.models import Event

    with tempfile.TemporaryDirectory(prefix="iga-bench-checkin-") as tmp:
        workdir = Path(tmp)
        limits = RateLimits() if args.telegram_limits else RateLimits(enabled=False)
        emulator, replies = await start_emulator(limits)
        database_url = await fresh_database(args.database, workdir)
        today = datetime.now(UTC).astimezone(ZoneInfo("Asia/Jakarta")).date()
        event_file = event_file_today(workdir, today)
        load_event_file(event_file)  # a file the bot would refuse fails here, not as a hang
        env = bot_environment(emulator, database_url, event_config=event_file)
        env["CHECKIN_SECRET"] = SECRET
        process = spawn([sys.executable, "-m", "bot", "run"], env, workdir)
        try:
            await wait_answering(emulator, replies)
            settings = Settings(_env_file=None, checkin_secret=SECRET)  # type: ignore[call-arg]
            payload = payload_for(secret_of(settings), Event(slug="blitar-2022"), today)
            cpu_before = process.cpu_seconds()
            try:
                result, answered = await check_in_everyone(args, emulator, replies, payload)
            except TimeoutError:
                log = (workdir / "process.log").read_text(errors="replace")
                print("the bot's log (last 3,000 characters):\n" + log[-3000:], file=sys.stderr)
                raise
            cpu = process.cpu_seconds() - cpu_before
            recorded = await count_records(database_url)
        finally:
            process.stop()
            await emulator.stop()
        documents_rows = await build_documents(database_url)
        await drop_database(database_url)

    steps = 6 * args.people
    print_table(
        "Check-in at the entrance",
        ["people", "window s", "recorded", "answered", "replies / steps", "duration s", "p50 ms",
         "p95 ms", "p99 ms", "max ms", "bot CPU ms/check-in"],
        [[args.people, f"{args.window:.0f}", recorded, answered, f"{result.requests} / {steps}",
          f"{result.seconds:.0f}", f"{result.percentile(0.5):.0f}",
          f"{result.percentile(0.95):.0f}", f"{result.percentile(0.99):.0f}",
          f"{max(result.latencies_ms):.0f}", f"{1000 * cpu / max(recorded, 1):.1f}"]],
    )  # fmt: skip
    print_table("The daftar hadir of those check-ins", ["document", "size", "build s"],
                documents_rows)  # fmt: skip


if __name__ == "__main__":
    asyncio.run(main())
