"""What the evidence tests share: an officer at a file question with no files yet, the
files as sent, and waiting until the download job has stored them."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select

from bot.services.entries.cursor import AtField, to_json
from bot.services.entries.submissions import load_entry
from bot.storage.database import create_engine, create_session_factory
from bot.storage.models import Attachment, FileState
from tests.e2e.conftest import wait_until
from tests.e2e.helpers.entries import join, prefilled_entry

DOC_A = b"%PDF-1.4\n% DPA Dinas Lingkungan Hidup 2022\n" + bytes(range(256)) * 40
DOC_B = b"%PDF-1.4\n% Rincian anggaran\n" + b"rincian " * 3000
DOC_C = DOC_A  # the same bytes again (another field): kept once in the store
PHOTO_1 = b"\xff\xd8\xff\xe0" + b"foto kegiatan replikasi " * 500
PHOTO_2 = b"\xff\xd8\xff\xe0" + b"tangkapan layar aplikasi " * 700

PDF = "application/pdf"


def sha(data: bytes) -> str:
    """Hex SHA-256."""
    return hashlib.sha256(data).hexdigest()


async def officer_without_files(users: Any, bot: Any, at: str = "anggaran") -> tuple[Any, int]:
    """An officer whose complete draft has no files yet (both file fields empty), waiting at
    field ``at``."""
    siti = await join(users, bot)
    entry_id = await prefilled_entry(bot, siti.id)
    async with bot.runtime.transaction() as session:
        submission = await load_entry(session, entry_id)
        for attachment in list(submission.attachments):
            submission.attachments.remove(attachment)
        for answer in list(submission.answers):
            if answer.field_key in ("anggaran", "profil_bisnis"):
                submission.answers.remove(answer)
        submission.cursor = to_json(AtField(at))
    await siti.send("/lanjutkan")
    return siti, entry_id


async def attachments(database_url: str) -> list[Attachment]:
    """Every attachment row, oldest first (read with a fresh engine: also while no bot
    runs)."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            return list(await session.scalars(select(Attachment).order_by(Attachment.id)))
    finally:
        await engine.dispose()


async def wait_stored(database_url: str, count: int, timeout: float = 60.0) -> list[Attachment]:
    """Wait until ``count`` attachments exist and all are stored; returns them."""
    rows: list[Attachment] = []

    async def done() -> bool:
        nonlocal rows
        rows = await attachments(database_url)
        return len(rows) == count and all(r.state == FileState.STORED for r in rows)

    await wait_until(done, timeout=timeout, interval=0.1)
    return rows
