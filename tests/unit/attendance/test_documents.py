"""The daftar hadir (PDF and XLSX) and the check-in poster, read back."""

import io
from datetime import UTC, datetime, timedelta

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from bot.services.attendance.documents import (
    build_daftar_hadir,
    build_daftar_hadir_xlsx,
    build_poster,
)
from bot.services.attendance.records import Person, attendees_of, check_in
from bot.services.shared.pdf_text import find_symbol_font
from bot.storage.models import Event
from tests.factories import seed_edition

NOW = datetime(2022, 12, 7, 0, 45, tzinfo=UTC)  # 07.45 WIB

PEOPLE = [
    Person(name="Dra. Siti Aminah, M.Si.", nip="198001012005012001", jabatan="Kepala Dinas",
           unit_name="Dinas Sosial"),
    Person(name="Dewi 🌸 Lestari", jabatan="Tim teknis", unit_name="Bappeda"),
    Person(name="محمد عبد الله", jabatan="Tamu", unit_name="Universitas"),
    Person(name="B" * 300, jabatan="Staf", unit_name="Dinas Kesehatan"),
]  # fmt: skip


async def _records(sessions, count: int = 0):
    async with sessions.begin() as session:
        await seed_edition(session)
        event = await session.scalar(select(Event).options(selectinload(Event.venue)))
        people = PEOPLE + [
            Person(name=f"Peserta {n:03d}", unit_name="Kelurahan") for n in range(count)
        ]
        for index, person in enumerate(people):
            await check_in(session, event.id, person, now=NOW + timedelta(seconds=index),
                           user_id=1000 + index, by=1000 + index)  # fmt: skip
    async with sessions() as session:
        event = await session.scalar(select(Event).options(selectinload(Event.venue)))
        return event, await attendees_of(session, event.id)


async def test_the_pdf_has_the_government_layout_and_every_name_whole(sessions) -> None:
    event, records = await _records(sessions, count=40)
    pdf = PdfReader(io.BytesIO(build_daftar_hadir(event, records)))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    flat = "".join(text.split())
    assert len(pdf.pages) >= 3
    for words in ("PEMERINTAH KOTA BLITAR", "DAFTAR HADIR", "Rabu, 7 Desember 2022",
                  "Ballroom Lelly", "Tanda tangan", "Unit Kerja", "Waktu hadir",
                  "19800101 200501 2 001", "07.45", "Ketua Panitia", "Nama Ketua Panitia",
                  "Peserta 039"):  # fmt: skip
        assert "".join(words.split()) in flat, words
    assert "B" * 300 in flat
    # the emoji from the symbol font (the certificates' fallback), when one is installed
    assert ("Dewi🌸Lestari" if find_symbol_font() else "DewiLestari") in flat
    assert f"Halaman 1 dari {len(pdf.pages)}" in text


async def test_the_workbook_keeps_every_character(sessions) -> None:
    event, records = await _records(sessions)
    records[0].checked_in_at = records[0].checked_in_at.replace(microsecond=658_000)
    book = load_workbook(io.BytesIO(build_daftar_hadir_xlsx(event, records)))
    rows = [row for row in book.active.iter_rows(values_only=True) if row and row[0] == 1]
    names = [row[1] for row in book.active.iter_rows(values_only=True)]
    assert "Dewi 🌸 Lestari" in names and "محمد عبد الله" in names and "B" * 300 in names
    assert rows[0][2] == "198001012005012001"
    assert rows[0][5].microsecond == 0  # the check-in time, shown as the PDF shows it
    time_cell = next(r for r in book.active.iter_rows() if r[0].value == 1)[5]
    assert time_cell.number_format == 'hh"."mm'
    cells = [cell for row in book.active.iter_rows(values_only=True) for cell in row if cell]
    assert "Blitar, 7 Desember 2022" in cells  # the sign-off names the place and the date


async def test_the_poster_carries_the_link(sessions) -> None:
    event, _ = await _records(sessions)
    link = "https://t.me/iga_bot?start=h-abc"
    pdf = PdfReader(io.BytesIO(build_poster(event, link)))
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert link in text and "DAFTAR HADIR" in text
    assert pdf.pages[0].images  # the QR code
