"""The documents archive: folders per entry, documents named by field or indicator in the
national order, the answers' PDF, the index with checksums, missing files listed."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from bot.services.entries.submissions import evidence_key
from bot.services.evidence.answers import answers_pdf
from bot.services.evidence.archive import (
    INDEX_NAME,
    document_name,
    edition_entries,
    entry_folder,
    write_archive,
)
from bot.services.evidence.names import safe_name, unique_name
from bot.services.evidence.store import FolderStore
from bot.storage.models import Attachment, FileState
from tests.factories import edition as load_edition
from tests.factories import make_entry, seed_edition


def test_names_are_cleaned_for_display_and_archive() -> None:
    assert safe_name("../../etc/passwd") == "etc_passwd"
    assert safe_name("..\\..\\boot.ini") == "boot.ini"
    assert safe_name("SK\x00 Wali\x1b[31m Kota\u202e.pdf") == "SK Wali [31m Kota .pdf"
    assert safe_name("....") == "berkas"
    assert safe_name("") == "berkas"
    long = safe_name("a" * 300 + ".pdf")
    assert len(long) == 120 and long.endswith(".pdf")
    taken: set[str] = set()
    assert [unique_name("Bukti.pdf", taken) for _ in range(3)] == [
        "Bukti.pdf",
        "Bukti (2).pdf",
        "Bukti (3).pdf",
    ]
    assert unique_name("BUKTI.pdf", taken) == "BUKTI (4).pdf"
    assert entry_folder("IGA-2022-001", "Dinas Sosial", "Sosial Home Care Lanjut Usia") == (
        "IGA-2022-001 Dinas Sosial - Sosial Home Care Lanjut Usia"
    )
    assert document_name("16 Replikasi", "Perjanjian kerja sama.pdf", set()) == (
        "16 Replikasi - Perjanjian kerja sama.pdf"
    )
    assert document_name("Foto", None, set()) == "Foto"


async def test_archive_of_an_edition(sessions, tmp_path: Path) -> None:
    store = FolderStore(tmp_path / "files")
    contents = {}
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        entry = await make_entry(session, edition, "DINSOS", "Sosial Home Care Lanjut Usia")
        other = await make_entry(session, edition, "DINKES", "Posyandu / Lansia ../")
        replikasi = next(i for i in edition.indicators if i.number == 16)
        for name in ("Perjanjian kerja sama.pdf", "Perjanjian kerja sama.pdf", "../x\x07.pdf"):
            session.add(
                Attachment(
                    submission_id=entry.id,
                    field_key=evidence_key(replikasi),
                    file_id="f",
                    file_unique_id="u",
                    file_name=name,
                    mime_type="application/pdf",
                )
            )
        await session.flush()
        rows = list(await session.scalars(select(Attachment).order_by(Attachment.id)))
        for number, row in enumerate(rows):
            data = f"%PDF-1.4 berkas {number}".encode() * 50
            kept = await store.put_bytes(data)
            row.sha256, row.state, row.size_bytes = kept.sha256, FileState.STORED, len(data)
            contents[row.id] = data
        rows[-1].state = FileState.PENDING  # the last: not downloaded yet
        broken = next(r for r in rows if r.submission_id == other.id)
        await store.delete(broken.sha256)  # gone from the store
    async with sessions() as session:
        edition = await load_edition(session)
        out = tmp_path / "arsip.zip"
        with out.open("wb") as handle:
            result = await write_archive(
                edition_entries(session, edition, answers_pdf), store, handle
            )
    assert (result.entries, result.problems) == (2, 2)
    assert result.written == len(rows) - 2
    folder = "IGA-2022-001 Dinas Sosial - Sosial Home Care Lanjut Usia/"
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert names[0] == folder + "Jawaban formulir.pdf"
        assert names[1:5] == [
            folder + "Dokumen anggaran - anggaran.pdf",
            folder + "Profil bisnis - profil_bisnis.pdf",
            folder + "16 Replikasi - Perjanjian kerja sama.pdf",
            folder + "16 Replikasi - Perjanjian kerja sama (2).pdf",
        ]
        assert any(n.startswith("IGA-2022-002 Dinas Kesehatan - Posyandu _ Lansia") for n in names)
        assert all(".." not in part for n in names for part in n.split("/"))
        assert all(not any(ord(c) < 32 for c in n) for n in names)
        for row in rows[:5]:
            path = folder + {
                rows[0].id: "Dokumen anggaran - anggaran.pdf",
                rows[1].id: "Profil bisnis - profil_bisnis.pdf",
            }.get(row.id, "")
            if row.id in (rows[0].id, rows[1].id):
                assert archive.read(path) == contents[row.id]
        pdf = PdfReader(io.BytesIO(archive.read(names[0])))
        text = "".join(page.extract_text() for page in pdf.pages)
        assert "Sosial Home Care Lanjut Usia" in text and "Replikasi" in text
        book = load_workbook(io.BytesIO(archive.read(INDEX_NAME)))
    sheet = book.active
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[0][0] == "Nomor"
    by_path = {line[5]: line for line in lines[1:]}
    first = by_path[folder + "Dokumen anggaran - anggaran.pdf"]
    assert first[7] == hashlib.sha256(contents[rows[0].id]).hexdigest()
    assert first[8] == "Lengkap, checksum cocok"
    problems = [line for line in lines[1:] if line[5] is None]
    assert sorted(line[8] for line in problems) == [
        "Belum selesai diunduh dari Telegram",
        "Tidak ada di penyimpanan berkas",
    ]
