"""The workbook and the CSV hold the right values, in Indonesian, with dd/mm/yyyy dates."""

import csv
import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from bot.i18n import plain_text
from bot.services import exports, judging
from bot.services.judging import DEFAULT_RUBRIC
from bot.storage.models import Chat, SubmissionStatus, Subscriber
from tests.factories import make_entry, make_judge, seed_edition

NOW = datetime(2022, 11, 20, 2, 0, tzinfo=UTC)
WIB = ZoneInfo("Asia/Jakarta")


async def _tables(sessions):
    async with sessions() as session, session.begin():
        ed = await seed_edition(session)
        entry = await make_entry(session, ed, "DLH", "SIDOTI", status=SubmissionStatus.VERIFIED)
        judge = await make_judge(session, ed, 20, "Dr. Ani")
        await judging.assign(session, ed, judge_ids=None, submission_ids=None, actor_id=1, now=NOW)
        for criterion, value in zip(DEFAULT_RUBRIC, (80, 70, 60, 90, 100), strict=True):
            await judging.set_score(session, judge, entry.id, criterion.key, value, now=NOW)
        session.add(Chat(id=777, type="private", first_name="Siti", created_at=NOW))
        session.add(Subscriber(chat_id=777, topic="results", created_at=NOW))
        await session.flush()
        return ed, entry, await exports.build_tables(session, ed, WIB)


async def test_workbook_sheets_headers_values_and_layout(sessions) -> None:
    ed, entry, tables = await _tables(sessions)
    book = load_workbook(io.BytesIO(exports.workbook_bytes(tables)))
    assert book.sheetnames == ["Entri", "Nilai", "Peringkat", "Pelanggan", "Log Audit"]

    entries = book["Entri"]
    headers = [cell.value for cell in entries[1]]
    assert headers[:5] == ["Nomor", "Perangkat Daerah", "Nama Inovasi", "Status", "Tanggal Kirim"]
    for field in ed.config["form"]:
        assert field["label"]["id"] in headers
    row = {header: cell for header, cell in zip(headers, entries[2], strict=True)}
    assert row["Nomor"].value == "IGA-2022-001"
    assert row["Perangkat Daerah"].value == "Dinas Lingkungan Hidup"
    assert row["Status"].value == plain_text("id", "status-verified")
    assert row["Tanggal Kirim"].value == datetime(2022, 10, 20, 10, 0)  # WIB
    assert row["Tanggal Kirim"].number_format == "DD/MM/YYYY HH:MM"
    assert row["Tahapan inovasi"].value == "Penerapan"
    assert row["Tematik"].value == "Urusan wajib pelayanan dasar"
    assert row["Waktu uji coba"].value.date() == date(2022, 3, 1)
    assert row["Waktu uji coba"].number_format == "DD/MM/YYYY"
    assert row["Dokumen anggaran"].value == "anggaran.pdf"
    assert row["Anggaran inovasi (rupiah)"].value == 10_000_000
    assert entries.freeze_panes == "A2"
    assert entries[1][0].font.b
    assert 10 <= entries.column_dimensions["B"].width <= exports.MAX_WIDTH

    scores = book["Nilai"]
    assert [cell.value for cell in scores[1]][:5] == [
        "Nomor", "Perangkat Daerah", "Nama Inovasi", "Penilai", "Kebaharuan (30%)",
    ]  # fmt: skip
    values = [cell.value for cell in scores[2]]
    assert values[3:] == ["Dr. Ani", 80, 70, 60, 90, 100, 78.5]

    ranking = book["Peringkat"]
    assert [cell.value for cell in ranking[2]][:8] == [
        1, "IGA-2022-001", "Dinas Lingkungan Hidup", "SIDOTI", 1, 78.5, 0, 54.95,
    ]  # fmt: skip
    subscribers = book["Pelanggan"]
    assert [cell.value for cell in subscribers[2]][:4] == ["results", 777, "Siti", "Ya"]
    audit = book["Log Audit"]
    actions = [row[2].value for row in audit.iter_rows(min_row=2)]
    assert actions.count("score.set") == 5 and "judge.assign" in actions


async def test_csv_of_one_table(sessions) -> None:
    _, _, tables = await _tables(sessions)
    table = exports.table_named(tables, "Entri")
    assert table is exports.table_named(tables, "entries")
    assert exports.table_named(tables, "nothing") is None
    data = exports.csv_bytes(table)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Nomor", "Perangkat Daerah", "Nama Inovasi"]
    assert rows[1][0] == "IGA-2022-001" and rows[1][4] == "20/10/2022 10:00"
    assert "01/03/2022" in rows[1]


def test_cli_export_writes_a_workbook_or_a_csv(tmp_path, monkeypatch, capsys) -> None:
    from bot.cli import main
    from tests.conftest import EVENT_FILE

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    monkeypatch.setenv("EVENT_CONFIG", str(EVENT_FILE))
    assert main(["export", "--out", str(tmp_path / "rekap.xlsx")]) == 0
    book = load_workbook(tmp_path / "rekap.xlsx")
    assert book.sheetnames[0] == "Entri" and book["Entri"]["A1"].value == "Nomor"
    assert main(["export", "--out", str(tmp_path / "log.csv"), "--sheet", "audit"]) == 0
    assert (tmp_path / "log.csv").read_text("utf-8-sig").startswith("Waktu,Pelaku,Tindakan")
    assert main(["export", "--out", str(tmp_path / "x.csv"), "--sheet", "nope"]) == 2
    assert "--sheet: unknown table 'nope'" in capsys.readouterr().err
