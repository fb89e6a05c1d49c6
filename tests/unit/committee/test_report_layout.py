"""The results report's layout: left-aligned text (no justified gaps), a signature block with
the committee's signatory from the event file, and no fontTools chatter on the console."""

import io
import logging
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from bot.services.committee import report
from bot.services.shared import pdf_text
from bot.storage.models import Event
from tests.factories import seed_edition

NOW = datetime(2022, 12, 7, 1, 0, tzinfo=UTC)
WIB = ZoneInfo("Asia/Jakarta")


async def _pdf(sessions) -> bytes:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        event = await session.scalar(select(Event))
        return await report.build_report(session, edition, event, now=NOW, zone=WIB)


async def test_text_is_left_aligned_and_signed(sessions) -> None:
    pdf = await _pdf(sessions)
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        content = page.get_contents().get_data()
        # fpdf2 justifies with word spacing (Tw); left-aligned text never sets it
        assert b" Tw" not in content
    last = " ".join(reader.pages[-1].extract_text().split())
    full = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Blitar, 7 Desember 2022" in full
    assert "Kepala Bappeda Kota Blitar" in full
    signature = full[full.index("Blitar, 7 Desember 2022") :]
    assert "NIP" in signature
    assert last  # the report has text to the end


async def test_no_font_subsetting_chatter(sessions, caplog) -> None:
    with caplog.at_level(logging.INFO):
        await _pdf(sessions)
    assert not [r for r in caplog.records if r.name.startswith("fontTools")]


@pytest.mark.skipif(
    pdf_text.find_unicode_font() is None or pdf_text.find_symbol_font() is None,
    reason="DejaVu Sans or Symbola is not installed (fonts-dejavu-core, fonts-symbola)",
)
async def test_emoji_and_arabic_are_written_as_typed(sessions) -> None:
    """The report is a UnicodePdf like the certificates: an emoji DejaVu lacks comes from the
    symbol font instead of dropping out, Arabic is shaped."""
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        event = await session.scalar(select(Event))
        event.title = "Malam Penganugerahan 🏆 IGA مرحبا"
        pdf = await report.build_report(session, edition, event, now=NOW, zone=WIB)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert "🏆" in page.extract_text()
    fonts = {str(font["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    assert any("Symbola" in font for font in fonts), fonts
