"""The workbook reads as the committee speaks: topics by name, one column per fact, and an
audit sheet with actors by name and changes as sentences, in the workbook's language."""

import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from bot.i18n import plain_text
from bot.services.committee import exports
from bot.services.entries.submission_status import change_status
from bot.services.judging import scoring as judging
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import Chat, SubmissionStatus, Subscriber
from tests.factories import make_entry, make_judge, seed_edition

NOW = datetime(2022, 11, 20, 2, 0, tzinfo=UTC)
WIB = ZoneInfo("Asia/Jakarta")
SITI = 5001


async def _book(sessions, language: str):
    async with sessions() as session, session.begin():
        ed = await seed_edition(session)
        session.add(Chat(id=SITI, type="private", first_name="Siti", username="siti_bappeda"))
        session.add(Chat(id=777, type="private", first_name="Warga", created_at=NOW))
        session.add(Subscriber(chat_id=777, topic="results", created_at=NOW))
        session.add(Subscriber(chat_id=777, topic="general", created_at=NOW))
        entry = await make_entry(session, ed, "DLH", "SIDOTI")
        await change_status(session, entry, SubmissionStatus.VERIFIED, actor_id=SITI, now=NOW)
        judge = await make_judge(session, ed, 20, "Dr. Ani Suryani")
        await judging.assign(
            session, ed, judge_ids=None, submission_ids=None, actor_id=SITI, now=NOW
        )
        await judging.set_score(session, judge, entry.id, DEFAULT_RUBRIC[0].key, 80, now=NOW)
        out = io.BytesIO()
        await exports.write_workbook(exports.export_tables(session, ed, WIB, language), out)
    return load_workbook(io.BytesIO(out.getvalue()))


def _rows(sheet) -> list[dict]:
    headers = [cell.value for cell in sheet[1]]
    return [
        dict(zip(headers, [cell.value for cell in row], strict=True))
        for row in sheet.iter_rows(min_row=2)
    ]


async def test_topics_by_name_and_no_duplicate_columns(sessions) -> None:
    book = await _book(sessions, "id")
    topics = {row["Topik"] for row in _rows(book["Pelanggan"])}
    assert topics == {
        plain_text("id", "subs-topic-results"),
        plain_text("id", "subs-topic-general"),
    }
    for sheet in book.worksheets:
        headers = [str(cell.value).casefold() for cell in sheet[1]]
        assert len(headers) == len(set(headers)), sheet.title
    assert [row["Nama Inovasi"] for row in _rows(book["Entri"])] == ["SIDOTI"]


async def test_audit_sheet_names_actors_and_says_what_changed(sessions) -> None:
    book = await _book(sessions, "id")
    rows = _rows(book["Log Audit"])
    verified = next(row for row in rows if "Lolos verifikasi administrasi" in str(row.values()))
    text = " ".join(str(value) for value in verified.values())
    assert "Siti" in text and str(SITI) not in text.replace(f"({SITI})", "")
    assert "Terkirim" in text and "{" not in text and '"status"' not in text
    scored = next(row for row in rows if "Kebaharuan" in " ".join(map(str, row.values())))
    assert "Dr. Ani Suryani" in " ".join(map(str, scored.values()))
    assert "80" in " ".join(map(str, scored.values()))
    assert all("{" not in str(value) for row in rows for value in row.values())


async def test_audit_sheet_in_english(sessions) -> None:
    book = await _book(sessions, "en")
    rows = _rows(book["Audit Log"])
    verified = next(row for row in rows if "Passed the administrative check" in str(row.values()))
    assert "Siti" in " ".join(map(str, verified.values()))
