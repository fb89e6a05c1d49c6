"""The workbook and the CSV hold the right values, in Indonesian, with dd/mm/yyyy dates, and
the same rows whatever the size of the chunks the export reads and writes."""

import csv
import io
import os
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from bot.i18n import plain_text
from bot.services.committee import exports
from bot.services.judging import scoring as judging
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import Chat, SubmissionStatus, Subscriber
from tests.factories import make_entry, make_judge, seed_edition

NOW = datetime(2022, 11, 20, 2, 0, tzinfo=UTC)
WIB = ZoneInfo("Asia/Jakarta")


async def _seed(session):
    ed = await seed_edition(session)
    entry = await make_entry(session, ed, "DLH", "SIDOTI", status=SubmissionStatus.VERIFIED)
    judge = await make_judge(session, ed, 20, "Dr. Ani")
    await judging.assign(session, ed, judge_ids=None, submission_ids=None, actor_id=1, now=NOW)
    for criterion, value in zip(DEFAULT_RUBRIC, (80, 70, 60, 90, 100), strict=True):
        await judging.set_score(session, judge, entry.id, criterion.key, value, now=NOW)
    session.add(Chat(id=777, type="private", first_name="Siti", created_at=NOW))
    session.add(Subscriber(chat_id=777, topic="results", created_at=NOW))
    await session.flush()
    return ed, entry


async def _workbook(session, ed):
    out = io.BytesIO()
    await exports.write_workbook(exports.export_tables(session, ed, WIB), out)
    return load_workbook(io.BytesIO(out.getvalue()))


async def test_workbook_sheets_headers_values_and_layout(sessions) -> None:
    async with sessions() as session, session.begin():
        ed, entry = await _seed(session)
        book = await _workbook(session, ed)
    assert book.sheetnames == [
        "Entri",
        "Penilaian Mandiri (IID)",
        "Nilai",
        "Peringkat",
        "Pelanggan",
        "Log Audit",
        "Evaluasi",
    ]

    entries = book["Entri"]
    headers = [cell.value for cell in entries[1]]
    assert headers[:5] == ["Nomor", "Perangkat Daerah", "Nama Inovasi", "Status", "Tanggal Kirim"]
    for field in ed.config["form"]:
        if field["key"] != "nama":  # the innovation's name is the "Nama Inovasi" column
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
    # widths: the longest text of the column plus 2, at most MAX_WIDTH
    assert entries.column_dimensions["B"].width == len("Dinas Lingkungan Hidup") + 2
    assert entries.column_dimensions["A"].width == len("IGA-2022-001") + 2
    assert entries.column_dimensions["E"].width == len("20/10/2022 10:00") + 2
    assert all(d.width <= exports.MAX_WIDTH for d in entries.column_dimensions.values())

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
    assert [cell.value for cell in subscribers[2]][:4] == ["Hasil Lomba IGA", 777, "Siti", "Ya"]
    audit = book["Log Audit"]
    actions = [row[2].value for row in audit.iter_rows(min_row=2)]
    assert actions.count("Nilai diberikan") == 5 and "Penilai ditugaskan" in actions


async def test_csv_of_one_table(sessions) -> None:
    async with sessions() as session, session.begin():
        ed, _ = await _seed(session)
        tables = exports.export_tables(session, ed, WIB)
        table = exports.table_named(tables, "Entri")
        assert table is exports.table_named(tables, "entries")
        assert exports.table_named(tables, "nothing") is None
        out = io.BytesIO()
        await exports.write_csv(table, out)
    data = out.getvalue()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Nomor", "Perangkat Daerah", "Nama Inovasi"]
    assert rows[1][0] == "IGA-2022-001" and rows[1][4] == "20/10/2022 10:00"
    assert "01/03/2022" in rows[1]
    assert len(rows) == 2


@pytest.mark.parametrize(
    ("language", "delimiter", "mean", "final"),
    [("id", ";", "78,5", "54,95"), ("en", ",", "78.5", "54.95")],
)
async def test_csv_numbers_are_written_as_the_language_writes_them(
    sessions, language: str, delimiter: str, mean: str, final: str
) -> None:
    """QA finding: the Indonesian CSV had "78.5"; now "78,5", fields separated by
    semicolons (the list separator of a spreadsheet set to Indonesian), no thousands mark."""
    async with sessions() as session, session.begin():
        ed, _ = await _seed(session)
        tables = exports.export_tables(session, ed, WIB)
        scores, ranking = io.BytesIO(), io.BytesIO()
        await exports.write_csv(exports.table_named(tables, "scores"), scores, language)
        await exports.write_csv(exports.table_named(tables, "ranking"), ranking, language)
        entries = io.BytesIO()
        await exports.write_csv(exports.table_named(tables, "entries"), entries, language)

    def read(out: io.BytesIO) -> list[list[str]]:
        return list(
            csv.reader(io.StringIO(out.getvalue().decode("utf-8-sig")), delimiter=delimiter)
        )

    assert read(scores)[1][3:] == ["Dr. Ani", "80", "70", "60", "90", "100", mean]
    assert read(ranking)[1][:8] == [
        "1", "IGA-2022-001", "Dinas Lingkungan Hidup", "SIDOTI", "1", mean, "0", final,
    ]  # fmt: skip
    header, row = read(entries)
    assert row[header.index("Anggaran inovasi (rupiah)")] == "10000000"


async def test_rows_are_the_same_in_small_chunks(sessions) -> None:
    """Rows read 2 at a time, with score pairs (entry, judge) split across chunks, are the
    rows read at once; the workbook and the CSV hold every one of them, in order."""
    async with sessions() as session, session.begin():
        ed, first = await _seed(session)
        second = await make_entry(
            session, ed, "DINSOS", "Home Care", status=SubmissionStatus.VERIFIED
        )
        other = await make_judge(session, ed, 21, "Ir. Budi")
        await judging.assign(session, ed, judge_ids=None, submission_ids=None, actor_id=1, now=NOW)
        for entry_id in (first.id, second.id):
            for criterion in DEFAULT_RUBRIC[:3]:  # incomplete: no weighted score
                await judging.set_score(session, other, entry_id, criterion.key, 50, now=NOW)
        for i in range(7):
            session.add(Chat(id=1000 + i, type="private", first_name=f"Warga {i}"))
            session.add(
                Subscriber(chat_id=1000 + i, topic="general", created_at=NOW + timedelta(days=i))
            )
        await session.flush()
        whole = {t.key: await t.rows() for t in exports.export_tables(session, ed, WIB)}
        tables = exports.export_tables(session, ed, WIB, chunk=2)
        chunked = {}
        for table in tables:
            chunks = [chunk async for chunk in table.read()]
            assert all(len(chunk) <= 2 for chunk in chunks)
            chunked[table.key] = [row for chunk in chunks for row in chunk]
        out = io.BytesIO()
        await exports.write_workbook(tables, out)
        csv_out = io.BytesIO()
        await exports.write_csv(exports.table_named(tables, "subscribers"), csv_out)
    assert chunked == whole
    assert [row[3] for row in whole["scores"]] == ["Dr. Ani", "Ir. Budi", "Ir. Budi"]
    assert [row[0] for row in whole["scores"]] == ["IGA-2022-001", "IGA-2022-001", "IGA-2022-002"]
    assert whole["scores"][1][4:] == [50, 50, 50, None, None, None]
    assert len(whole["subscribers"]) == 8
    assert len(whole["audit"]) > 2  # several chunks
    book = load_workbook(io.BytesIO(out.getvalue()))
    for table in tables:
        sheet = book[table.title]
        assert sheet.max_row == 1 + len(whole[table.key])
    sheet = book["Pelanggan"]
    assert [c.value for c in sheet[2]][:3] == ["Pengumuman umum", 1000, "Warga 0"]
    assert sheet["E2"].value == datetime(2022, 11, 20, 9, 0)  # WIB
    lines = list(csv.reader(io.StringIO(csv_out.getvalue().decode("utf-8-sig")), delimiter=";"))
    assert len(lines) == 9 and lines[-1][:3] == ["Hasil Lomba IGA", "777", "Siti"]


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_cli_export_writes_a_workbook_or_a_csv(tmp_path, monkeypatch, capsys, suffix) -> None:
    from bot.cli import main
    from tests.conftest import EVENT_FILE

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    monkeypatch.setenv("EVENT_CONFIG", str(EVENT_FILE))
    if suffix == "xlsx":
        assert main(["export", "--out", str(tmp_path / "rekap.xlsx")]) == 0
        book = load_workbook(tmp_path / "rekap.xlsx")
        assert book.sheetnames[0] == "Entri" and book["Entri"]["A1"].value == "Nomor"
    else:
        assert main(["export", "--out", str(tmp_path / "log.csv"), "--sheet", "audit"]) == 0
        assert (tmp_path / "log.csv").read_text("utf-8-sig").startswith("Waktu;Pelaku;Tindakan")
        assert main(["export", "--out", str(tmp_path / "x.csv"), "--sheet", "nope"]) == 2
        assert "--sheet: unknown table 'nope'" in capsys.readouterr().err
    # only the finished file, no temporary one left beside it, readable as any new file
    written = sorted(p for p in tmp_path.iterdir() if "rekap" in p.name or "csv" in p.name)
    assert [p.name for p in written] == (["rekap.xlsx"] if suffix == "xlsx" else ["log.csv"])
    umask = os.umask(0)
    os.umask(umask)
    assert written[0].stat().st_mode & 0o777 == 0o666 & ~umask


async def test_a_failed_workbook_leaves_no_temporary_file(tmp_path, monkeypatch) -> None:
    """A read that fails after a sheet was written (the database went away) raises, and the
    sheets' temporary files are gone at once, not at the bot's exit."""
    import tempfile

    from openpyxl.worksheet import _writer

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    async def rows():
        yield [["a", 1]]

    async def broken():
        yield [["b", 2]]
        raise ConnectionResetError("database went away")

    tables = [
        exports.Table("one", "Satu", ["A", "B"], rows),
        exports.Table("two", "Dua", ["A", "B"], broken),
    ]
    with pytest.raises(ConnectionResetError):
        await exports.write_workbook(tables, io.BytesIO())
    assert list(tmp_path.iterdir()) == []
    assert not [path for path in _writer.ALL_TEMP_FILES if path.startswith(str(tmp_path))]
