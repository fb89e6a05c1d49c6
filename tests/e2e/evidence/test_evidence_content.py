"""A file whose content is not the type it claims (a text file renamed ``.pdf``, a text
renamed ``.docx`` or ``.png``) is refused when it is sent, in the officer's language, naming
the file and the type expected; nothing is recorded. Genuine files still go through."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.i18n import plain_text
from bot.services.entries.cursor import AtEvidence, to_json
from bot.services.entries.submissions import load_entry
from bot.storage.models import Attachment, Indicator
from tests.e2e.attendees.test_attendee_agenda import visible
from tests.e2e.evidence.helpers import DOC_A, PDF, officer_without_files, wait_stored
from tests.e2e.helpers.entries import IN_WINDOW, join, prefilled_entry, question

pytestmark = pytest.mark.e2e

FAKE = b"this is not a pdf at all\n"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


async def _attachments(bot) -> list[Attachment]:
    async with bot.runtime.sessions() as session:
        return list(await session.scalars(select(Attachment)))


async def _first_indicator(session, edition_id: int) -> Indicator:
    return await session.scalar(
        select(Indicator).where(Indicator.edition_id == edition_id).order_by(Indicator.number)
    )


async def _at_evidence(bot, siti, entry_id: int) -> str:
    """Move the officer's entry to its first indicator's evidence question; its name."""
    async with bot.runtime.transaction() as session:
        submission = await load_entry(session, entry_id)
        indicator = await _first_indicator(session, submission.edition_id)
        submission.cursor = to_json(AtEvidence(indicator.key))
        name = indicator.name
    await siti.send("/lanjutkan")
    await siti.expect_message(f"Kirim bukti untuk {name}")
    return name


async def test_renamed_files_are_refused_in_fields_and_evidence(users, bot, database_url) -> None:
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_without_files(users, bot)
    await siti.expect_message(question("Dokumen anggaran"))

    await siti.send_document(FAKE, "fake.pdf", PDF)
    refusal = await siti.expect_message("Berkas fake.pdf bukan PDF yang sah")
    assert "tidak disimpan" in refusal["text"] and "tersimpan" not in refusal["text"]
    await siti.send_document(FAKE, "anggaran", PDF)  # no extension: the MIME type tells
    await siti.expect_message("Berkas anggaran bukan PDF yang sah")
    assert await _attachments(bot) == []

    await siti.send_document(DOC_A, "anggaran.pdf", PDF)  # a real PDF still goes through
    await siti.expect_message("Berkas anggaran.pdf tersimpan")
    await wait_stored(database_url, 1)

    await _at_evidence(bot, siti, entry_id)
    await siti.send_document(FAKE, "foto.png", "image/png")
    await siti.expect_message("Berkas foto.png bukan PNG yang sah")
    await siti.send_document(FAKE, "sk.docx", DOCX)
    await siti.expect_message("Berkas sk.docx bukan DOCX yang sah")
    await siti.send_document(FAKE, "sk.pdf", PDF)
    await siti.expect_message("Berkas sk.pdf bukan PDF yang sah")
    assert len(await _attachments(bot)) == 1

    await siti.send_document(b"PK\x03\x04" + b"\x00" * 60, "sk.docx", DOCX)
    await siti.expect_message("Berkas sk.docx tersimpan")
    await siti.send_document(b"\x89PNG\r\n\x1a\n" + b"\x00" * 60, "foto.png", "image/png")
    await siti.expect_message("Berkas foto.png tersimpan")
    await wait_stored(database_url, 3)


async def test_the_refusal_in_english(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    john = await join(users, bot, "John", "DLH")
    await john.send("/bahasa")
    await john.expect_message(visible("id", "language-choose"))
    await john.tap(plain_text("id", "language-name-en"))
    await john.expect_message("English")
    entry_id = await prefilled_entry(bot, john.id)
    await john.send("/lanjutkan")
    await john.expect_message()
    async with bot.runtime.transaction() as session:
        submission = await load_entry(session, entry_id)
        indicator = await _first_indicator(session, submission.edition_id)
        submission.cursor = to_json(AtEvidence(indicator.key))
    await john.send("/lanjutkan")
    await john.expect_message("evidence")
    await john.send_document(FAKE, "fake.pdf", PDF)
    refusal = await john.expect_message("File fake.pdf is not a valid PDF")
    assert "was not saved" in refusal["text"]
