"""SIGKILL while an admin confirms /hapus_berkas: the purge's rows are committed with the
tap's toast, and the files were deleted only after it, so a process killed there left the
withdrawn entry's files in the store for ever, with no row pointing at them. The next start
sweeps them: the files are gone, the rows purged once, the purge audited once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from bot.handlers.evidence.committee import PURGE, PurgeConfirm
from bot.sandbox.users import press_callback
from bot.services.evidence.files import purge_plan
from bot.services.evidence.store import FolderStore
from bot.storage.database import create_engine, create_session_factory
from bot.storage.models import Attachment, AuditEntry, FileState, SubmissionStatus
from tests.e2e.conftest import wait_until
from tests.e2e.process import all_handled
from tests.factories import edition, make_entry
from tests.faults.killing import TIMEOUT, kill_while_handling, started

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing, pytest.mark.entries_open_now]


async def withdrawn_entry_with_files(database_url: str, store: FolderStore) -> tuple[str, int]:
    """A withdrawn entry whose attachments are stored (one object, its own bytes); returns
    the object's digest and the confirmation's button data."""
    stored = await store.put_bytes(b"%PDF-1.4\n% milik inovasi yang ditarik\n")
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            current = await edition(session)
            entry = await make_entry(
                session, current, "DLH", "Bank Sampah Digital", status=SubmissionStatus.WITHDRAWN
            )
            await session.execute(
                update(Attachment)
                .where(Attachment.submission_id == entry.id)
                .values(state=FileState.STORED, sha256=stored.sha256)
            )
            plan = await purge_plan(session, current.id)
            return stored.sha256, PURGE.pack(PurgeConfirm(current.id, len(plan)))
    finally:
        await engine.dispose()


async def purged(database_url: str) -> tuple[set[FileState], int]:
    """The attachments' states and the number of purge audit entries."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            states = set(await session.scalars(select(Attachment.state)))
            audits = await session.scalar(
                select(func.count()).where(AuditEntry.action == "evidence.purge")
            )
            return states, audits or 0
    finally:
        await engine.dispose()


@pytest.mark.parametrize("point", ["after-commit", "reply-in-flight"])
async def test_killed_after_the_purge_committed_the_files_are_deleted_at_the_next_start(
    bot_process, emulator, database_url, tmp_path: Path, point
) -> None:
    world = emulator.world
    admin = world.add_user("Admin", language_code="id")
    bot_process.env["ADMIN_IDS"] = str(admin.id)
    store = FolderStore(Path(bot_process.env["FILES_DIR"]))
    sha256, data = await withdrawn_entry_with_files(database_url, store)
    message = await started(bot_process, emulator, database_url, admin)
    chat = world.chats[admin.id]

    async def act() -> dict:
        return await press_callback(world, admin, chat, message, data)

    await kill_while_handling(  # the toast names no chat: hold any (the only one)
        bot_process, emulator, database_url, None, act, point, method="answerCallbackQuery"
    )
    # the restarted bot sweeps at its start; the tap comes again and is not applied again
    # (its toast was the commit: nothing later of it was recorded, nothing is sent again)
    await wait_until(lambda: not store.path_of(sha256).exists(), 2 * TIMEOUT)
    await wait_until(lambda: all_handled(emulator, database_url), TIMEOUT, interval=0.1)
    assert await purged(database_url) == ({FileState.PURGED}, 1)
