"""The committee's evidence tools: /hapus_berkas lists the files of withdrawn entries and
deletes them only after the confirmation; /export berkas sends the documents archive."""

from __future__ import annotations

import io
import zipfile

import pytest
from sqlalchemy import select

from bot.handlers.shared.file_store import STORE
from bot.i18n import plain_text
from bot.services.entries.submission_status import change_status
from bot.services.entries.submissions import load_entry
from bot.storage.models import Attachment, AuditEntry, FileState, SubmissionStatus
from tests.e2e.helpers.entries import IN_WINDOW, PDF, join, prefilled_entry

pytestmark = pytest.mark.e2e

OWN = b"%PDF-1.4\n% hanya milik inovasi yang ditarik\n"


async def test_purge_asks_then_deletes_only_withdrawn_files_and_archive(users, bot, emu) -> None:
    bot.clock.set(IN_WINDOW)
    admin = await users.create("Panitia", admin=True)
    budi = await join(users, bot, "Budi", unit="DLH")
    ani = await join(users, bot, "Ani", unit="DINSOS")
    withdrawn_id = await prefilled_entry(bot, budi.id)
    kept_id = await prefilled_entry(bot, ani.id)
    store = STORE.of(bot.application)
    own = await store.put_bytes(OWN)
    async with bot.runtime.transaction() as session:
        session.add(
            Attachment(
                submission_id=withdrawn_id, field_key="anggaran", file_id="x", file_unique_id="x",
                file_name="Rahasia.pdf", state=FileState.STORED, sha256=own.sha256,
            )
        )  # fmt: skip
        for entry_id, status in ((withdrawn_id, SubmissionStatus.WITHDRAWN),
                                 (kept_id, SubmissionStatus.SUBMITTED)):  # fmt: skip
            entry = await load_entry(session, entry_id)
            entry.number, entry.sequence = f"IGA-2022-00{entry_id}", entry_id
            await change_status(session, entry, status, actor_id=None, now=IN_WINDOW)

    await budi.send("/hapus_berkas")
    await budi.expect_message(plain_text("id", "committee-only"))
    await admin.send("/hapus_berkas")
    ask = await admin.expect_message("akan dihapus permanen")
    assert "3 berkas" in ask["text"] and "Rahasia.pdf" in ask["text"]
    assert "anggaran.pdf (isi yang sama dipakai inovasi lain" in ask["text"]
    assert await store.has(own.sha256)  # nothing deleted before the confirmation
    await admin.tap(plain_text("id", "evidence-purge-button", count=3))
    await admin.expect_message("3 berkas dari inovasi yang ditarik telah dihapus (1 dari")
    assert not await store.has(own.sha256)
    async with bot.runtime.sessions() as session:
        states = {
            (row.submission_id, row.state) for row in await session.scalars(select(Attachment))
        }
        audit = await session.scalar(
            select(AuditEntry).where(AuditEntry.action == "evidence.purge")
        )
    assert states == {(withdrawn_id, FileState.PURGED), (kept_id, FileState.STORED)}
    assert audit is not None and audit.actor_id == admin.id
    await admin.send("/hapus_berkas")
    await admin.expect_message("tidak ada yang perlu dihapus")

    await admin.send("/export berkas")
    # each entry's answers PDF parses its fonts (about a second on a loaded machine)
    sent = await admin.expect_message(predicate=lambda m: bool(m.get("document")), timeout=90)
    assert sent["document"]["file_name"] == "berkas-iga-2022.zip"
    assert "0 berkas tidak ada atau rusak" in sent["caption"]
    with zipfile.ZipFile(io.BytesIO(await emu.download(sent["document"]["file_id"]))) as archive:
        names = archive.namelist()
        kept = [n for n in names if n.startswith(f"IGA-2022-00{kept_id} Dinas Sosial")]
        assert [n.split("/")[1] for n in kept] == [
            "Jawaban formulir.pdf",
            "Dokumen anggaran - anggaran.pdf",
            "Profil bisnis - profil_bisnis.pdf",
        ]
        assert archive.read(kept[1]) == PDF
        assert not any("Rahasia" in n for n in names)
