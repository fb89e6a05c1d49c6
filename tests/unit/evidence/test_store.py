"""The file store's two backends behave alike: content-addressed, streamed, nothing outside
the store."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.services.evidence.store import FileStore, FolderStore, ObjectMissing, S3Store, object_key


@pytest.fixture(params=["folder", "s3"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[FileStore]:
    if request.param == "folder":
        backend: FileStore = FolderStore(tmp_path / "files")
    else:
        endpoint = request.getfixturevalue("s3_endpoint")
        backend = S3Store(endpoint, f"t-{uuid.uuid4().hex[:12]}", "key", "secret", "us-east-1")
    yield backend
    await backend.close()


async def _chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def test_identical_bytes_are_kept_once_under_their_sha256(store: FileStore) -> None:
    data = b"%PDF-1.4\n" + bytes(range(256)) * 5000
    first = await store.spool(_chunks(data[:1000], data[1000:]))
    assert first.sha256 == hashlib.sha256(data).hexdigest()
    assert first.size == len(data)
    await store.put_file(first)
    assert not first.path.exists()
    again = await store.spool(_chunks(data))
    await store.put_file(again)
    assert not again.path.exists()
    assert await store.has(first.sha256)
    assert await store.size(first.sha256) == len(data)
    chunks = [chunk async for chunk in store.read(first.sha256, chunk_bytes=4096)]
    assert b"".join(chunks) == data
    assert max(len(chunk) for chunk in chunks) <= 4096


async def test_missing_and_deleted_objects(store: FileStore) -> None:
    kept = await store.put_bytes(b"bukti")
    await store.delete(kept.sha256)
    assert not await store.has(kept.sha256)
    with pytest.raises(ObjectMissing):
        await store.read_all(kept.sha256)
    with pytest.raises(ObjectMissing):
        await store.size("0" * 64)
    await store.delete("0" * 64)  # nothing there: no error


def test_keys_are_digests_never_names() -> None:
    assert object_key("ab" + "0" * 62) == "objects/ab/ab" + "0" * 62
    for name in ("../../etc/passwd", "g" * 64, "AB" + "0" * 62, ""):
        with pytest.raises(ValueError):
            object_key(name)


async def test_folder_store_writes_only_under_its_root(tmp_path: Path) -> None:
    store = FolderStore(tmp_path / "files")
    kept = await store.put_bytes(b"isi")
    assert store.path_of(kept.sha256).read_bytes() == b"isi"
    written = {p for p in tmp_path.rglob("*") if p.is_file()}  # noqa: ASYNC240
    assert written == {store.path_of(kept.sha256)}


async def test_scratch_files_of_a_killed_process_are_cleaned(tmp_path: Path) -> None:
    store = FolderStore(tmp_path / "files")
    store.scratch_dir().mkdir(parents=True)
    (store.scratch_dir() / "x.part").write_bytes(b"half")
    assert store.clean_scratch() == 1
    assert list(store.scratch_dir().iterdir()) == []
