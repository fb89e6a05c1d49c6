"""The workbook's self-assessment sheet for the national IID application."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from bot.services.committee import exports
from bot.services.entries.submissions import evidence_key
from bot.storage.models import Attachment, FileState, SubmissionStatus
from tests.factories import make_entry, seed_edition

NOW = datetime(2022, 11, 1, 3, 0, tzinfo=UTC)


async def test_one_row_per_entry_and_indicator_in_the_national_order(sessions) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        first = await make_entry(
            session, edition, "DINSOS", "Home Care", levels={"replikasi": 3},
            validated={"replikasi": 2},
        )  # fmt: skip
        await make_entry(session, edition, "DLH", "Draf", status=SubmissionStatus.DRAFT)
        second = await make_entry(session, edition, "DINKES", "Posyandu")
        replikasi = next(i for i in edition.indicators if i.key == "replikasi")
        for name, state in (
            ("MoU Kab. Kediri.pdf", FileState.STORED),
            ("lama.pdf", FileState.PURGED),
            ("Foto\x07.jpg", FileState.PENDING),
        ):
            session.add(Attachment(submission_id=first.id, field_key=evidence_key(replikasi),
                                   file_id="f", file_unique_id="u", file_name=name, state=state,
                                   created_at=NOW))  # fmt: skip
        await session.flush()
        out = io.BytesIO()
        tables = exports.export_tables(session, edition, ZoneInfo("Asia/Jakarta"))
        await exports.write_workbook(tables, out)
    sheet = load_workbook(io.BytesIO(out.getvalue()))["Penilaian Mandiri (IID)"]
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[0][:6] == (
        "Nomor",
        "Perangkat Daerah",
        "Nama Inovasi",
        "No. Indikator",
        "Indikator",
        "Tingkat (mandiri)",
    )
    indicators = sorted(edition.indicators, key=lambda i: i.number)
    body = lines[1:]
    assert len(body) == 2 * len(indicators)  # the draft is left out
    assert [line[0] for line in body] == [first.number] * len(indicators) + [second.number] * len(
        indicators
    )
    assert [line[3] for line in body[: len(indicators)]] == [i.number for i in indicators]
    row = next(line for line in body if line[0] == first.number and line[3] == 16)
    assert row[4:9] == ("Replikasi", 3, 2, replikasi.weight, replikasi.weight * 2)
    assert row[9] == "MoU Kab. Kediri.pdf; Foto .jpg"
    other = next(line for line in body if line[0] == second.number and line[3] == 16)
    assert other[5:9] == (2, None, replikasi.weight, replikasi.weight * 2) and other[9] is None
