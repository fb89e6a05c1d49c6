"""SIGKILL while the download job is fetching officers' files: after a new start every file
is downloaded and stored with the bytes the officer sent; no partial download is left."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.services.core.events import current_edition
from bot.services.entries.cursor import AtField
from bot.services.entries.invites import create_invite, redeem_invite
from bot.services.entries.submissions import set_cursor, start_entry
from bot.storage.database import create_engine, create_session_factory
from bot.storage.models import FileState, Unit
from tests.e2e.conftest import wait_until
from tests.e2e.evidence.helpers import attachments, sha, wait_stored

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing, pytest.mark.entries_open_now]

FILES = 6
START_TIMEOUT = 30.0


async def _officer_at_file_field(database_url: str, user_id: int) -> None:
    engine = create_engine(database_url)
    now = datetime.now(UTC)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            edition = await current_edition(session)
            unit = await session.scalar(select(Unit).where(Unit.code == "DLH"))
            officer = await redeem_invite(
                session, user_id, await create_invite(session, unit, now), now
            )
            set_cursor(await start_entry(session, officer, edition, now), AtField("anggaran"), now)
    finally:
        await engine.dispose()


async def test_killed_while_downloading_no_file_is_lost(
    bot_process,
    emu,
    database_url,
    tmp_path: Path,
) -> None:
    siti = await emu.create_user("Siti", language_code="id")
    await _officer_at_file_field(database_url, siti.id)
    # every getFile answers after 2 s: the downloads are still under way at the kill
    await emu.add_fault("latency", method="getFile", count=None, latency=2.0)
    process = bot_process.start()
    sent = [f"%PDF-1.4\n% berkas {n}\n".encode() + bytes([n]) * (300_000 + n) for n in range(FILES)]
    for number, data in enumerate(sent):
        await siti.send_document(data, f"Bukti {number}.pdf", "application/pdf")
        await siti.expect_message(f"Berkas Bukti {number}.pdf tersimpan", timeout=START_TIMEOUT)

    async def some_pending() -> bool:
        rows = await attachments(database_url)
        return len(rows) == FILES and any(r.state == FileState.PENDING for r in rows)

    await wait_until(some_pending, timeout=START_TIMEOUT, interval=0.1)

    async def downloading() -> bool:
        return (await emu.calls()).get("getfile", 0) > 0

    await wait_until(downloading, timeout=START_TIMEOUT, interval=0.1)
    process.kill()
    rows = await attachments(database_url)
    assert any(r.state == FileState.PENDING for r in rows), "killed too late: nothing pending"

    await emu.clear_faults()
    bot_process.start()
    rows = await wait_stored(database_url, FILES, timeout=START_TIMEOUT * 2)
    assert [row.sha256 for row in rows] == [sha(data) for data in sent]
    objects = tmp_path / "files" / "objects"
    for row, data in zip(rows, sent, strict=True):
        assert (objects / row.sha256[:2] / row.sha256).read_bytes() == data
    assert list((tmp_path / "files" / "tmp").glob("*")) == []  # no partial download left
