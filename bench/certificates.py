"""Certificates: the cost of making them, which sets how fast they can go out after the event.

    python bench/certificates.py [--count 50] [--people 1000]

1. ``--count`` PDFs rendered as the outbox's sender makes them at send time
   (:func:`bot.services.certificates.document.render_certificate`), names mixed as at a real
   event: mostly Latin, some of 300 characters, some with emoji (the Symbola fallback font),
   some right to left (HarfBuzz shaping). Printed: mean, p50, p95 and max milliseconds per
   PDF by kind of name, and the PDFs' size.
2. ``--people`` attendance records issued as the issuing job does, ``BATCH`` per
   transaction (:func:`bot.services.certificates.issuing.issue_due` on a fresh SQLite
   database): the whole run's time, the longest transaction (what the bot's other writes
   may wait) and the outbox rows written (the PDFs are made later, one by one, by the
   sender).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from bot.handlers.certificates.issuing import BATCH  # noqa: E402
from bot.services.attendance.records import Person, check_in  # noqa: E402
from bot.services.certificates.document import (  # noqa: E402
    CertificateText,
    Signatory,
    render_certificate,
)
from bot.services.certificates.issuing import issue_due  # noqa: E402
from bot.services.core.event_file import load_event_file  # noqa: E402
from bot.services.core.event_import import import_event_file  # noqa: E402
from bot.services.core.events import current_event  # noqa: E402
from bot.storage.database import create_engine, create_session_factory  # noqa: E402
from bot.storage.migrate import upgrade_engine  # noqa: E402
from bot.storage.models import Delivery  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
NAMES = {
    "latin": "Dra. Siti Rahayu Kusumaningtyas, M.Si.",
    "300 characters": ("Raden Mas Muhammad Abdurrahman Wijayakusuma " * 8)[:300],
    "emoji": "Budi Santoso 🎉👍🏽✅",
    "right to left": "محمد عبد الله الهاشمي",
}


def _text(name: str) -> CertificateText:
    return CertificateText(
        kind="participant",
        code="K7Q2-M9XD-3HTP-8WZC",
        name=name,
        detail="Kepala Sub Bagian Perencanaan — Dinas Sosial",
        rank_title=None,
        event_title="Orientasi RKPD Kota Blitar Tahun 2024 serta Penganugerahan Lomba IGA 2022",
        organiser="Pemerintah Kota Blitar melalui Bappeda",
        event_day=date(2022, 12, 7),
        place="Ballroom Lelly, Blitar",
        signed_on=date(2022, 12, 7),
        signatory=Signatory("Blitar", "Kepala Bappeda", "Nama Kepala Bappeda", "NIP. 1970"),
        verify_url="https://iga.example.go.id/verifikasi/K7Q2-M9XD-3HTP-8WZC",
    )


def render(count: int) -> None:
    render_certificate(_text("warm-up"))  # imports, the font's code points
    for label, name in NAMES.items():
        times, sizes = [], []
        for _ in range(max(1, count // len(NAMES))):
            started = time.perf_counter()
            sizes.append(len(render_certificate(_text(name))))
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(
            f"render {label:>15}: n={len(times)} mean {statistics.mean(times):6.0f} ms"
            f"  p50 {times[len(times) // 2]:6.0f}  p95 {times[int(len(times) * 0.95)]:6.0f}"
            f"  max {times[-1]:6.0f} ms  size {statistics.mean(sizes) / 1024:5.1f} kB"
        )


async def issue(people: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite+aiosqlite:///{folder}/bench.db")
        await upgrade_engine(engine)
        sessions = create_session_factory(engine)
        async with sessions.begin() as session:
            await import_event_file(session, load_event_file(REPO / "config" / "event.yaml"))
            event = await current_event(session)
            day = datetime(2022, 12, 7, 1, 0, tzinfo=UTC)
            for number in range(people):
                person = Person(name=f"Peserta {number:04d}", jabatan="Staf", unit_name="Dinas")
                await check_in(session, event.id, person, now=day, user_id=10_000 + number, by=1)
        now = datetime(2022, 12, 7, 9, 0, tzinfo=UTC)
        issued, batches, longest = 0, 0, 0.0
        started = time.perf_counter()
        more = True
        while more:  # as the issuing job does: BATCH per transaction
            batch_started = time.perf_counter()
            async with sessions.begin() as session:
                event = await current_event(session)
                report = await issue_due(
                    session, event, now, "https://iga.example.go.id", limit=BATCH
                )
            issued += len(report.issued)
            batches += 1
            longest = max(longest, time.perf_counter() - batch_started)
            more = report.more
        seconds = time.perf_counter() - started
        async with sessions() as session:
            deliveries = await session.scalar(select(func.count()).select_from(Delivery))
        await engine.dispose()
    print(
        f"issue: {issued} certificates for {people} records in {seconds:.2f} s (SQLite),"
        f" {batches} transactions of at most {BATCH}, the longest {longest:.2f} s;"
        f" {deliveries} outbox deliveries written"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40, help="PDFs to render")
    parser.add_argument("--people", type=int, default=1000, help="records to issue for")
    args = parser.parse_args()
    render(args.count)
    asyncio.run(issue(args.people))


if __name__ == "__main__":
    main()
