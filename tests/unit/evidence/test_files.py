"""The download job's rows, opening a stored file, and the purge (services against a real
database, the folder store on disk)."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.services.evidence.files import (
    MAX_ATTEMPTS,
    delete_objects,
    download_due,
    open_stored_file,
    orphaned_objects,
    purge,
    purge_plan,
    retry_delay,
    sweep_purged,
)
from bot.services.evidence.store import FolderStore
from bot.storage.models import Attachment, FileState, SubmissionStatus
from tests.factories import make_entry, seed_edition

NOW = datetime(2022, 10, 20, 3, 0, tzinfo=UTC)


class Telegram:
    """The files Telegram holds, by file_id, as the download job's fetch sees them."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.calls: list[str] = []

    async def fetch(self, file_id: str) -> AsyncIterator[bytes]:
        self.calls.append(file_id)
        if file_id not in self.files:
            raise RuntimeError("Bad Request: wrong file_id")
        data = self.files[file_id]

        async def chunks() -> AsyncIterator[bytes]:
            for start in range(0, len(data), 1000):
                yield data[start : start + 1000]

        return chunks()


async def _entries(sessions, status=SubmissionStatus.SUBMITTED):  # type: ignore[no-untyped-def]
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        entry = await make_entry(
            session, edition, "DINSOS", "Sosial Home Care Lanjut Usia", status=status
        )
        attachments = list(
            await session.scalars(select(Attachment).where(Attachment.submission_id == entry.id))
        )
        return edition.id, entry.id, attachments


async def test_downloads_are_stored_by_checksum_once(sessions, tmp_path: Path) -> None:
    _, _, attachments = await _entries(sessions)
    telegram, store = Telegram(), FolderStore(tmp_path / "files")
    same = b"%PDF-1.4 sama" * 100
    for attachment in attachments:
        telegram.files[attachment.file_id] = same
    async with sessions() as session, session.begin():
        for attachment in attachments:
            (await session.get(Attachment, attachment.id)).size_bytes = len(same)
    assert await download_due(sessions, store, telegram.fetch, lambda: NOW) == len(attachments)
    async with sessions() as session:
        rows = list(await session.scalars(select(Attachment).order_by(Attachment.id)))
    assert {row.state for row in rows} == {FileState.STORED}
    assert {row.sha256 for row in rows} == {hashlib.sha256(same).hexdigest()}
    assert len(list((tmp_path / "files" / "objects").rglob("*"))) == 2  # one folder, one file
    assert await download_due(sessions, store, telegram.fetch, lambda: NOW) == 0
    async with sessions() as session:
        stream = await open_stored_file(session, store, rows[0].id)
        assert stream is not None
        assert (stream.name, stream.content_type, stream.size) == (
            rows[0].file_name,
            "application/pdf",
            len(same),
        )
        assert b"".join([chunk async for chunk in stream.chunks]) == same


async def test_failed_downloads_wait_with_backoff_then_give_up(sessions, tmp_path: Path) -> None:
    _, _, attachments = await _entries(sessions)
    telegram, store = Telegram(), FolderStore(tmp_path / "files")
    first = attachments[0]
    clock = [NOW]
    for attempt in range(1, MAX_ATTEMPTS + 1):
        now = clock[0]
        await download_due(sessions, store, telegram.fetch, lambda: clock[0])
        async with sessions() as session:
            row = await session.get(Attachment, first.id)
            assert row.attempts == attempt
            assert "wrong file_id" in row.last_error
            assert await open_stored_file(session, store, first.id) is None
        if attempt < MAX_ATTEMPTS:
            assert row.state == FileState.PENDING
            assert row.next_attempt_at == now + retry_delay(attempt)
            calls = len(telegram.calls)
            await download_due(sessions, store, telegram.fetch, lambda: clock[0])
            assert len(telegram.calls) == calls  # not due yet: nothing fetched
            clock[0] = row.next_attempt_at
    assert row.state == FileState.FAILED
    assert retry_delay(1) == timedelta(seconds=5) and retry_delay(30) == timedelta(hours=2)
    assert list(store.scratch_dir().glob("*")) == []


async def test_a_short_download_is_not_stored(sessions, tmp_path: Path) -> None:
    _, _, attachments = await _entries(sessions)
    telegram, store = Telegram(), FolderStore(tmp_path / "files")
    for attachment in attachments:
        telegram.files[attachment.file_id] = b"cut"  # factories announce 1,024 bytes
    await download_due(sessions, store, telegram.fetch, lambda: NOW)
    async with sessions() as session:
        row = await session.get(Attachment, attachments[0].id)
    assert row.state == FileState.PENDING and "1024" in row.last_error
    assert not (tmp_path / "files" / "objects").exists()


@pytest.mark.parametrize("shared", [False, True])
async def test_purge_deletes_only_withdrawn_entries_files(
    sessions, tmp_path: Path, shared: bool
) -> None:
    edition_id, withdrawn_id, _ = await _entries(sessions, SubmissionStatus.WITHDRAWN)
    store = FolderStore(tmp_path / "files")
    async with sessions() as session, session.begin():
        from tests.factories import edition as load_edition

        edition = await load_edition(session)
        kept = await make_entry(session, edition, "DINKES", "Tetap")
    kept_bytes = await store.put_bytes(b"tetap")
    gone_bytes = await store.put_bytes(b"tetap" if shared else b"dihapus")
    async with sessions() as session, session.begin():
        for row in await session.scalars(select(Attachment)):
            mine = row.submission_id == withdrawn_id
            row.state = FileState.STORED
            row.sha256 = (gone_bytes if mine else kept_bytes).sha256
    async with sessions() as session:
        plan = await purge_plan(session, edition_id)
    assert {item.entry for item in plan} == {"IGA-2022-001"}
    assert all(item.shared is shared for item in plan)
    async with sessions() as session, session.begin():
        doomed = await purge(session, plan, NOW)
    assert await store.has(gone_bytes.sha256)  # marked only: the files go after the commit
    assert await delete_objects(store, doomed) == (0 if shared else 1)
    assert await store.has(kept_bytes.sha256)
    assert await store.has(gone_bytes.sha256) is shared
    async with sessions() as session:
        states = {row.submission_id: row.state for row in await session.scalars(select(Attachment))}
        assert await purge_plan(session, edition_id) == []
    assert states == {withdrawn_id: FileState.PURGED, kept.id: FileState.STORED}


async def test_purge_whose_commit_fails_deletes_no_file(sessions, tmp_path: Path) -> None:
    """The rows and their files stay together: a purge rolled back (its commit failed) has
    deleted nothing, and deleting an object already gone is no error."""
    edition_id, _, _ = await _entries(sessions, SubmissionStatus.WITHDRAWN)
    store = FolderStore(tmp_path / "files")
    stored = await store.put_bytes(b"bukti")
    async with sessions() as session, session.begin():
        for row in await session.scalars(select(Attachment)):
            row.state, row.sha256 = FileState.STORED, stored.sha256
    async with sessions() as session:
        plan = await purge_plan(session, edition_id)
        doomed = await purge(session, plan, NOW)
        await session.rollback()  # the commit failed
    assert doomed == [stored.sha256]
    assert await store.has(stored.sha256)
    async with sessions() as session:
        states = set(await session.scalars(select(Attachment.state)))
    assert states == {FileState.STORED}
    assert await delete_objects(store, doomed) == 1
    assert await delete_objects(store, doomed) == 1  # already gone: counted, no error
    assert not await store.has(stored.sha256)


async def test_a_purge_killed_before_its_deletions_is_finished_by_the_sweep(
    sessions, tmp_path: Path
) -> None:
    """The process dies between the purge's commit and deleting the objects (the rows say
    purged, the files are still in the store, nothing points at them): the sweep run at the
    next start deletes them, keeps an object another row still holds (identical bytes of a
    kept entry), and has nothing left to do the second time."""
    edition_id, withdrawn_id, _ = await _entries(sessions, SubmissionStatus.WITHDRAWN)
    store = FolderStore(tmp_path / "files")
    async with sessions() as session, session.begin():
        from tests.factories import edition as load_edition

        kept = await make_entry(session, await load_edition(session), "DINKES", "Tetap")
    shared = await store.put_bytes(b"sama")
    own = [await store.put_bytes(f"milik {n}".encode()) for n in range(2)]
    async with sessions() as session, session.begin():
        rows = list(await session.scalars(select(Attachment).order_by(Attachment.id)))
        mine = [row for row in rows if row.submission_id == withdrawn_id]
        for row in rows:
            row.state, row.sha256 = FileState.STORED, shared.sha256
        for row, spooled in zip(mine, own, strict=False):
            row.sha256 = spooled.sha256
    async with sessions() as session, session.begin():
        await purge(session, await purge_plan(session, edition_id), NOW)
    # killed here: committed, delete_objects never ran
    assert all([await store.has(spooled.sha256) for spooled in (*own, shared)])
    async with sessions() as session:
        assert await orphaned_objects(session) == sorted(s.sha256 for s in own)

    assert await sweep_purged(sessions, store) == 2
    assert not any([await store.has(spooled.sha256) for spooled in own])
    assert await store.has(shared.sha256)  # the kept entry's rows hold it
    assert await sweep_purged(sessions, store) == 0
    async with sessions() as session:
        states = {
            (row.submission_id, row.state) for row in await session.scalars(select(Attachment))
        }
    assert states == {(withdrawn_id, FileState.PURGED), (kept.id, FileState.STORED)}
