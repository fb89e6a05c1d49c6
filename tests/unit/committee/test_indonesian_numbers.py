"""Numbers in Indonesian (issue 14, item 16): decimals with a comma in the results report,
and numbers kept as numbers in the workbook with number formats (scores with two decimals,
money as Rupiah). Both databases."""

import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select, update

from bot.i18n import format_number
from bot.services.committee import exports, report
from bot.services.judging import ranking
from bot.services.judging import scoring as judging
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import Answer, Event, SubmissionStatus
from tests.factories import make_entry, make_judge, seed_edition

NOW = datetime(2022, 12, 7, 1, 0, tzinfo=UTC)
WIB = ZoneInfo("Asia/Jakarta")


def test_format_number_writes_decimals_as_each_language_does() -> None:
    assert format_number(87.5, "id") == "87,5"
    assert format_number(85.25, "id") == "85,25"
    assert format_number(0.0, "id", decimals=2) == "0,00"
    assert format_number(1234.5, "id", decimals=2) == "1.234,50"
    assert format_number(87.5, "en") == "87.5"
    assert format_number(70, "id") == "70"


async def _judged(session):  # type: ignore[no-untyped-def]
    edition = await seed_edition(session)
    entry = await make_entry(
        session, edition, "DINKES", "SEHATI Lansia", status=SubmissionStatus.NOMINEE
    )
    await session.execute(
        update(Answer)
        .where(Answer.submission_id == entry.id, Answer.field_key == "anggaran_nilai")
        .values(value=250_000_000)
    )
    judge = await make_judge(session, edition, 20, "Dr. Ani Suryani", "BAPPEDA")
    await judging.assign(session, edition, judge_ids=None, submission_ids=None, actor_id=1, now=NOW)
    for criterion, value in zip(DEFAULT_RUBRIC, (87.5, 87.5, 87.5, 87.5, 87.5), strict=True):
        await judging.set_score(session, judge, entry.id, criterion.key, value, now=NOW)
    await session.flush()
    return edition, entry


async def test_the_report_writes_scores_with_a_decimal_comma(sessions) -> None:
    async with sessions() as session, session.begin():
        edition, _ = await _judged(session)
        await judging.set_judging_closed(session, edition, True, actor_id=1, now=NOW)
        edition.config = {**edition.config, "rank_titles": ["Juara I"]}
        await ranking.set_results(session, edition, actor_id=1, now=NOW)
        event = await session.scalar(select(Event))
        pdf = await report.build_report(session, edition, event, now=NOW, zone=WIB)
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    assert "61,25" in text  # 0.7 × 87.5
    assert "61.25" not in text
    assert "0,00" in text and "0.00" not in text  # the self-assessment, not validated


async def test_the_workbook_keeps_numbers_with_indonesian_formats(sessions) -> None:
    async with sessions() as session, session.begin():
        edition, _ = await _judged(session)
        out = io.BytesIO()
        await exports.write_workbook(exports.export_tables(session, edition, WIB), out)
    book = load_workbook(io.BytesIO(out.getvalue()))
    entries = book["Entri"]
    headers = [cell.value for cell in entries[1]]
    budget = entries.cell(row=2, column=headers.index("Anggaran inovasi (rupiah)") + 1)
    assert budget.value == 250_000_000 and isinstance(budget.value, int)
    assert "Rp" in budget.number_format and "#,##0" in budget.number_format
    scores = book["Nilai"]
    score_cells = [cell for row in scores.iter_rows(min_row=2) for cell in row]
    numeric = [cell for cell in score_cells if isinstance(cell.value, float)]
    assert numeric and all(cell.number_format == "#,##0.00" for cell in numeric)
    assert 87.5 in [cell.value for cell in numeric]
