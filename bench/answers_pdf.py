"""The answers' PDF of the documents archive: time per entry, the first one and the rest.

    python bench/answers_pdf.py [--entries 30]

A fresh SQLite database gets the seed event and one complete entry (every answer of the
default form, a 300-word long text, two files, a level and evidence for each of the 20
indicators), made through the services; then ``answers_pdf`` (what ``iga-bot export --out
FILE.zip`` and ``/export berkas`` write first in each entry's folder) renders it
``--entries`` times in this process, as an archive of that many entries does. Prints the
first PDF's time (the fonts are read then), the median and mean of the others, wall time and
(in brackets) this process's CPU time, which the other processes of a busy machine disturb
less, and the size.

``--compare-cached-fonts`` also renders, interleaved with the plain ones, PDFs whose fonts are
parsed once per process (an experiment kept here, not in the bot: each document gets a
shallow copy of fpdf2's parsed font with its own fontTools object, glyph subset and font
descriptor, which fpdf2 changes while writing) and prints both rows, CPU time only (min and
median), so the two are measured under the same load.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import select  # noqa: E402

from bot.services.core.event_file import load_event_file  # noqa: E402
from bot.services.core.event_import import import_event_file  # noqa: E402
from bot.services.core.events import current_edition  # noqa: E402
from bot.services.entries.invites import create_invite, redeem_invite  # noqa: E402
from bot.services.entries.submissions import (  # noqa: E402
    FileInfo,
    load_entry,
    save_answer,
    save_file,
    set_evidence,
    set_level,
    start_entry,
)
from bot.services.evidence.answers import answers_pdf  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.setup import prepare_database  # noqa: E402
from bot.storage.database import create_engine, create_session_factory  # noqa: E402
from bot.storage.models import Unit  # noqa: E402

NOW = datetime(2022, 10, 3, 2, 0, tzinfo=UTC)
"""Inside the seed's entry period."""

LONG_TEXT = " ".join(["Rancang <inovasi> & perubahan layanan publik."] * 60)

ANSWERS = {
    "nama": "SIDOTI <Sistem Informasi> & Tinja",
    "tahapan": "penerapan",
    "inisiator": "perangkat_daerah",
    "nama_inisiator": "Dinas Lingkungan Hidup",
    "jenis": "digital",
    "bentuk": "pelayanan_publik",
    "tematik": ["smart_city"],
    "urusan": "perkim",
    "waktu_uji_coba": "2022-01-10",
    "waktu_penerapan": "2022-03-01",
    "rancang_bangun": LONG_TEXT,
    "tujuan": "tujuan " * 40,
    "manfaat": "manfaat " * 40,
    "hasil": "hasil " * 40,
    "anggaran_nilai": 250_000_000,
    "video": "https://youtu.be/sidoti",
    "kontak": "+6281234567890",
}


async def _entry(database_url: str):  # type: ignore[no-untyped-def]
    """The edition and one complete entry, loaded as the archive loads them."""
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    try:
        async with sessions() as session, session.begin():
            await import_event_file(session, load_event_file(REPO / "config" / "event.yaml"))
        async with sessions() as session, session.begin():
            edition = await current_edition(session)
            unit = await session.scalar(select(Unit).where(Unit.edition_id == edition.id))
            officer = await redeem_invite(session, 1, await create_invite(session, unit, NOW), NOW)
            submission = await start_entry(session, officer, edition, NOW)
            for key, value in ANSWERS.items():
                await save_answer(session, edition, submission, key, value, NOW)
            for key in ("anggaran", "profil_bisnis"):
                file = FileInfo(key, key, f"{key} 2022.pdf", "application/pdf", 1000)
                await save_file(session, edition, submission, key, file, NOW)
            for indicator in edition.indicators:
                await set_level(session, edition, submission, indicator, 2, NOW)
                await set_evidence(
                    session, edition, submission, indicator, NOW, url="https://drive.example.id/x"
                )
            entry_id = submission.id
        async with sessions() as session:
            edition = await current_edition(session)
            _ = edition.indicators, edition.config
            submission = await load_entry(session, entry_id)
            _ = submission.unit, submission.assessments, submission.attachments
            return edition, submission
    finally:
        await engine.dispose()


def _cached_fonts() -> None:
    """Make UnicodePdf parse each font file once per process (the experiment)."""
    import copy
    from io import BytesIO

    from fontTools import ttLib
    from fpdf.fonts import SubsetMap, TTFFont

    from bot.services.shared import pdf_text

    parsed: dict[tuple[str, str], tuple[TTFFont, bytes]] = {}

    def add(pdf: Any, style: str, path: Path) -> None:
        key, fontkey = (str(path), style), f"dejavu{style}"
        if key not in parsed:
            pdf.add_font("DejaVu", style, str(path))
            parsed[key] = (copy.copy(pdf.fonts[fontkey]), path.read_bytes())
            pdf.fonts[fontkey].ttfont = ttLib.TTFont(BytesIO(parsed[key][1]), lazy=True)
            return
        template, data = parsed[key]
        font = copy.copy(template)
        font.i, font.fontkey = len(pdf.fonts) + 1, fontkey
        font.ttfont = ttLib.TTFont(BytesIO(data), recalcTimestamp=False, lazy=True)
        font.desc = copy.copy(template.desc)
        font._hbfont, font.biggest_size_pt, font.missing_glyphs = None, 0, []
        font.subset = SubsetMap(font)
        pdf.fonts[fontkey] = font

    def init(self: Any, orientation: str = "P") -> None:
        pdf_text.FPDF.__init__(self, orientation=orientation, format="A4")
        regular, bold = pdf_text.find_unicode_font()  # type: ignore[misc]
        add(self, "", regular)
        add(self, "B", bold)
        self.family, self.unicode, self.main_font = "DejaVu", True, regular
        self.symbols_loaded = self.shaping_on = False

    pdf_text.UnicodePdf.__init__ = init  # type: ignore[method-assign]


def _compare(edition: Any, submission: Any, entries: int) -> None:
    from bot.services.shared import pdf_text

    plain = pdf_text.UnicodePdf.__init__
    _cached_fonts()
    cached = pdf_text.UnicodePdf.__init__
    cpu: dict[str, list[float]] = {"parsed for every PDF": [], "parsed once": []}
    for _ in range(entries):
        for label, init in (("parsed for every PDF", plain), ("parsed once", cached)):
            pdf_text.UnicodePdf.__init__ = init  # type: ignore[method-assign]
            started = time.process_time()
            answers_pdf(edition, submission, "id")
            cpu[label].append(time.process_time() - started)
    print()
    print("| fonts | PDFs | CPU per PDF, min | CPU per PDF, median |")
    print("|---|---|---|---|")
    for label, times in cpu.items():
        rest = times[1:] or times
        print(
            f"| {label} | {entries} | {min(rest) * 1000:.0f} ms "
            f"| {statistics.median(rest) * 1000:.0f} ms |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=30)
    parser.add_argument("--compare-cached-fonts", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="iga-answers-bench-") as work:
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None, database_url=f"sqlite:///{Path(work) / 'bench.db'}"
        )
        prepare_database(settings)
        edition, submission = asyncio.run(_entry(settings.database_url))
    times, cpu, size = [], [], 0
    for _ in range(args.entries):
        started, started_cpu = time.perf_counter(), time.process_time()
        size = len(answers_pdf(edition, submission, "id"))
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    rest, rest_cpu = times[1:] or times, cpu[1:] or cpu
    print(
        "| entries | first PDF (CPU) | median of the rest (CPU) | mean of the rest (CPU) "
        "| PDF size |"
    )
    print("|---|---|---|---|---|")
    print(
        f"| {args.entries} | {times[0] * 1000:.0f} ms ({cpu[0] * 1000:.0f} ms) "
        f"| {statistics.median(rest) * 1000:.0f} ms ({statistics.median(rest_cpu) * 1000:.0f} ms) "
        f"| {statistics.mean(rest) * 1000:.0f} ms ({statistics.mean(rest_cpu) * 1000:.0f} ms) "
        f"| {size / 1024:.0f} KiB |"
    )
    if args.compare_cached_fonts:
        _compare(edition, submission, args.entries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
