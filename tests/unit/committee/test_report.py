"""The results report: a real PDF whose text holds the winners in order, the ranking, the
panel and the legal basis."""

import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from pypdf import PdfReader
from sqlalchemy import select

from bot.services.committee import report
from bot.services.judging import ranking
from bot.services.judging import scoring as judging
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.services.shared import pdf_text
from bot.storage.models import Event, SubmissionStatus
from tests.factories import make_entry, make_judge, seed_edition

NOW = datetime(2022, 12, 7, 1, 0, tzinfo=UTC)
NOMINEE = SubmissionStatus.NOMINEE
WIB = ZoneInfo("Asia/Jakarta")


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def _squash(text: str) -> str:
    return " ".join(text.split())


async def test_seed_edition_report_lists_the_blitar_2022_winners_in_order(sessions) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        event = await session.scalar(select(Event))
        pdf = await report.build_report(session, edition, event, now=NOW, zone=WIB)
    assert pdf.startswith(b"%PDF")
    text = _squash(_text(pdf))
    assert "Laporan Hasil IGA 2022" in text
    winners = [
        ("Juara I", "Dinas Sosial", "Sosial Home Care Lanjut Usia"),
        ("Juara II", "Dinas PM dan PTSP", "LAPIS MANIS"),
        ("Juara III", "Kelurahan Bendogerit", "JAGO SILO"),
        ("Juara IV", "Dinas Lingkungan Hidup", "SIDOTI"),
    ]
    positions = [text.index(innovation) for _, _, innovation in winners]
    assert positions == sorted(positions)
    for title, unit, _ in winners:
        assert title in text and unit in text
    assert "Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah" in text
    assert "Penganugerahan Lomba Innovative Government" in text
    assert "Rabu, 7 Desember 2022" in text
    # the seed names no signatory: its example block is marked as such on the report
    assert "Nama Kepala Bappeda" in text
    assert "CONTOH — penanda tangan ini belum diganti di berkas acara" in text


async def test_report_of_judged_entries_has_ranking_panel_and_a_page_per_winner(
    sessions,
) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        event = await session.scalar(select(Event))
        first = await make_entry(session, edition, "DINKES", "SEHATI Lansia", status=NOMINEE)
        second = await make_entry(session, edition, "DISHUB", "Parkir Cerdas", status=NOMINEE)
        judge = await make_judge(session, edition, 20, "Dr. Ani Suryani", "BAPPEDA")
        await judging.assign(
            session, edition, judge_ids=None, submission_ids=None, actor_id=1, now=NOW
        )
        for entry, value in ((first, 90), (second, 60)):
            for criterion in DEFAULT_RUBRIC:
                await judging.set_score(session, judge, entry.id, criterion.key, value, now=NOW)
        await judging.set_judging_closed(session, edition, True, actor_id=1, now=NOW)
        edition.config = {**edition.config, "rank_titles": ["Juara I"]}
        await ranking.set_results(session, edition, actor_id=1, now=NOW)
        assert second.status is SubmissionStatus.NOT_SELECTED
        pdf = await report.build_report(session, edition, event, now=NOW, zone=WIB)
    reader = PdfReader(io.BytesIO(pdf))
    text = _squash(_text(pdf))
    assert "Juara I" in text and "SEHATI Lansia" in text
    assert text.index("SEHATI Lansia") < text.index("Parkir Cerdas")
    assert "63,00" in text and "42,00" in text  # 0.7 × 90 and 0.7 × 60, in Indonesian
    # no judge validated their self-assessments: the report says they count 0
    assert "belum divalidasi penilai dihitung 0: IGA-2022-001 (20 indikator)" in text
    assert "Dr. Ani Suryani (Badan Perencanaan Pembangunan Daerah)" in text
    assert len(reader.pages) == 2
    summary = _squash(reader.pages[-1].extract_text())
    assert summary.startswith("Juara I: SEHATI Lansia")
    assert "Dinas Kesehatan" in summary and "Tujuan inovasi" in summary


async def test_without_a_unicode_font_the_core_font_is_used(sessions, monkeypatch) -> None:
    monkeypatch.setattr(pdf_text, "find_unicode_font", lambda: None)
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        event = await session.scalar(select(Event))
        pdf = await report.build_report(session, edition, event, now=NOW, zone=WIB)
    text = _squash(_text(pdf))
    assert "Laporan Hasil IGA 2022" in text and "SIDOTI" in text
