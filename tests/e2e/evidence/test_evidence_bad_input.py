"""Files that cannot be kept are refused at once with a clear message, and odd names are
cleaned: nothing is written outside the file store."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.i18n import plain_text
from bot.storage.models import Attachment
from tests.e2e.evidence.helpers import DOC_A, PDF, officer_without_files, wait_stored
from tests.e2e.helpers.entries import IN_WINDOW, question

pytestmark = pytest.mark.e2e

MB = 1024 * 1024


def _written(root: Path) -> set[Path]:
    return {path for path in root.rglob("*") if path.is_file()}


async def test_too_big_empty_unsupported_and_odd_names(
    users, bot, database_url, tmp_path: Path
) -> None:
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_without_files(users, bot)
    before = _written(tmp_path)
    await siti.expect_message(question("Dokumen anggaran"))

    await siti.send_document(b"%PDF-1.4\n" + b"0" * (25 * MB), "Laporan lengkap.pdf", PDF)
    refusal = await siti.expect_message("terlalu besar")
    assert "Laporan lengkap.pdf" in refusal["text"]
    assert "(25 MB)" in refusal["text"] and "sampai 20 MB" in refusal["text"]
    await siti.send_document(b"", "kosong.pdf", PDF)
    await siti.expect_message("Berkas kosong.pdf kosong (0 bita)")
    await siti.send_document(b"MZ\x90\x00", "aplikasi.exe", "application/x-msdownload")
    await siti.expect_message("Jenis berkas tidak diterima. Kirim berkas PDF")
    async with bot.runtime.sessions() as session:
        assert list(await session.scalars(select(Attachment))) == []

    odd = "../../../etc/passwd\x07\u202e\x1b[31m.pdf"
    await siti.send_document(DOC_A, odd, PDF)
    saved = await siti.expect_message("tersimpan. Kirim berkas lain")
    assert "etc_passwd" in saved["text"]
    assert not any(ch in saved["text"] for ch in "\x07\u202e\x1b") and "../" not in saved["text"]
    [row] = await wait_stored(database_url, 1)
    assert row.file_name == odd  # kept as sent, cleaned wherever shown or used as a name
    files = tmp_path / "files"
    new = {path for path in _written(tmp_path) - before if path.suffix not in (".db", ".log")}
    assert new == {files / "objects" / row.sha256[:2] / row.sha256}

    await siti.tap(plain_text("id", "evidence-button-remove", number=1, name="etc_passwd [31m.pdf"))
    await siti.expect_message("dihapus dari inovasi ini")
    async with bot.runtime.sessions() as session:
        assert list(await session.scalars(select(Attachment))) == []
    assert (files / "objects" / row.sha256[:2] / row.sha256).is_file()  # only a purge deletes
