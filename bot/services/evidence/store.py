"""The file store: the bytes of every file officers send, kept by their SHA-256.

One interface (:class:`FileStore`), two backends: a folder (``FILES_DIR``, the default) and
S3-compatible object storage (``FILES_S3_*``, for platforms whose disk does not last, such
as the Procfile deployment). Objects are content-addressed: the key is the SHA-256 of the
bytes, so identical files are stored once and no name given by a user ever becomes a path.
Files pass through the store in chunks (:data:`CHUNK_BYTES`), never whole in memory.

Nothing here deletes an object except :meth:`FileStore.delete`, which only the committee's
purge calls, after its commit (:func:`bot.services.evidence.files.delete_objects`).
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import tempfile
from abc import ABC, abstractmethod
from collections.abc import AsyncIterable, AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.settings import Settings

CHUNK_BYTES = 1024 * 1024
"""Bytes read or written at a time."""

SHA256_RE = re.compile(r"[0-9a-f]{64}")


class ObjectMissing(LookupError):
    """No object with that SHA-256 in the store."""


@dataclass(frozen=True)
class Spooled:
    """Bytes written to a scratch file on their way into the store.

    Attributes:
        path: The scratch file (moved or uploaded by :meth:`FileStore.put_file`).
        sha256: Hex digest of the bytes.
        size: Bytes.
    """

    path: Path
    sha256: str
    size: int


def object_key(sha256: str) -> str:
    """The object's key in either backend: ``objects/ab/<sha256>``.

    Raises:
        ValueError: ``sha256`` is not 64 lower-case hex digits (never a name from a user).
    """
    if not SHA256_RE.fullmatch(sha256):
        raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
    return f"objects/{sha256[:2]}/{sha256}"


class FileStore(ABC):
    """Where evidence files are kept, by SHA-256."""

    kind: str
    """``folder`` or ``s3``."""

    @abstractmethod
    def scratch_dir(self) -> Path:
        """Folder for downloads on their way in (on the store's disk for the folder backend,
        so that :meth:`put_file` is a rename)."""

    @abstractmethod
    async def put_file(self, spooled: Spooled) -> None:
        """Take the scratch file into the store under its SHA-256 (kept once: if the object
        is there already the scratch file is just removed). The scratch file is gone after."""

    @abstractmethod
    async def has(self, sha256: str) -> bool:
        """Whether the object is in the store."""

    @abstractmethod
    def read(self, sha256: str, chunk_bytes: int = CHUNK_BYTES) -> AsyncIterator[bytes]:
        """The object's bytes in chunks.

        Raises:
            ObjectMissing: No such object (raised on the first iteration).
        """

    @abstractmethod
    async def size(self, sha256: str) -> int:
        """The object's size in bytes.

        Raises:
            ObjectMissing: No such object.
        """

    @abstractmethod
    async def delete(self, sha256: str) -> None:
        """Remove the object (nothing happens if it is not there)."""

    async def close(self) -> None:  # noqa: B027 (only the S3 backend holds connections)
        """Release connections (the S3 client); the store cannot be used after."""

    async def spool(self, chunks: AsyncIterable[bytes]) -> Spooled:
        """Write ``chunks`` to a new scratch file, hashing them on the way."""
        folder = self.scratch_dir()
        await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=folder, suffix=".part")
        digest, size = hashlib.sha256(), 0
        try:
            with os.fdopen(handle, "wb") as out:
                async for chunk in chunks:
                    digest.update(chunk)
                    size += len(chunk)
                    await asyncio.to_thread(out.write, chunk)
                await asyncio.to_thread(_flush, out)
        except BaseException:
            os.unlink(name)
            raise
        return Spooled(Path(name), digest.hexdigest(), size)

    async def put_bytes(self, data: bytes) -> Spooled:
        """Store ``data`` (small files: tests, generated documents); returns its digest."""

        async def one() -> AsyncIterator[bytes]:
            yield data

        spooled = await self.spool(one())
        await self.put_file(spooled)
        return spooled

    async def read_all(self, sha256: str) -> bytes:
        """The whole object (tests and small files only)."""
        return b"".join([chunk async for chunk in self.read(sha256)])

    def clean_scratch(self) -> int:
        """Remove scratch files a killed process left behind; returns how many. Call at
        start, before any download runs."""
        folder = self.scratch_dir()
        if not folder.is_dir():
            return 0
        removed = 0
        for leftover in folder.glob("*.part"):
            leftover.unlink(missing_ok=True)
            removed += 1
        return removed


def _flush(out: Any) -> None:
    out.flush()
    os.fsync(out.fileno())


class FolderStore(FileStore):
    """Objects as files under ``root/objects/ab/<sha256>``; scratch files in
    ``root/tmp`` (same disk, so taking a download in is an atomic rename)."""

    kind = "folder"

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def scratch_dir(self) -> Path:
        return self.root / "tmp"

    def path_of(self, sha256: str) -> Path:
        """Where the object lives (for the folder backend's own tests and tools)."""
        return self.root / object_key(sha256)

    async def put_file(self, spooled: Spooled) -> None:
        target = self.path_of(spooled.sha256)
        if target.exists():
            spooled.path.unlink(missing_ok=True)
            return
        await asyncio.to_thread(target.parent.mkdir, parents=True, exist_ok=True)
        os.replace(spooled.path, target)

    async def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    async def size(self, sha256: str) -> int:
        try:
            return self.path_of(sha256).stat().st_size
        except FileNotFoundError:
            raise ObjectMissing(sha256) from None

    async def read(self, sha256: str, chunk_bytes: int = CHUNK_BYTES) -> AsyncIterator[bytes]:
        try:
            handle = open(self.path_of(sha256), "rb")  # noqa: ASYNC230 (one open, reads in a thread)
        except FileNotFoundError:
            raise ObjectMissing(sha256) from None
        with handle:
            while chunk := await asyncio.to_thread(handle.read, chunk_bytes):
                yield chunk

    async def delete(self, sha256: str) -> None:
        self.path_of(sha256).unlink(missing_ok=True)


class S3Store(FileStore):
    """Objects in an S3-compatible bucket under ``objects/ab/<sha256>``, through aiobotocore
    (botocore's maintained asyncio client). The bucket is created if it does not exist.
    Scratch files go to the system's temporary folder."""

    kind = "s3"

    def __init__(
        self,
        endpoint: str,
        bucket: str,
        access_key: str | None,
        secret_key: str | None,
        region: str,
    ) -> None:
        self.endpoint, self.bucket, self.region = endpoint, bucket, region
        self._keys = (access_key, secret_key)
        self._client: Any = None
        self._stack: AsyncExitStack | None = None
        self._lock = asyncio.Lock()

    def scratch_dir(self) -> Path:
        return Path(tempfile.gettempdir()) / "iga-bot-files"

    async def _s3(self) -> Any:
        async with self._lock:
            if self._client is None:
                from aiobotocore.session import get_session  # import only when S3 is used

                stack = AsyncExitStack()
                client = await stack.enter_async_context(
                    get_session().create_client(
                        "s3",
                        endpoint_url=self.endpoint,
                        region_name=self.region,
                        aws_access_key_id=self._keys[0],
                        aws_secret_access_key=self._keys[1],
                    )
                )
                await _ensure_bucket(client, self.bucket)
                self._client, self._stack = client, stack
        return self._client

    async def put_file(self, spooled: Spooled) -> None:
        s3 = await self._s3()
        try:
            if not await self.has(spooled.sha256):
                with open(spooled.path, "rb") as body:  # noqa: ASYNC230 (the client streams it)
                    await s3.put_object(
                        Bucket=self.bucket,
                        Key=object_key(spooled.sha256),
                        Body=body,
                        ContentLength=spooled.size,
                        Metadata={"sha256": spooled.sha256},
                    )
        finally:
            spooled.path.unlink(missing_ok=True)

    async def has(self, sha256: str) -> bool:
        try:
            await self.size(sha256)
        except ObjectMissing:
            return False
        return True

    async def size(self, sha256: str) -> int:
        s3 = await self._s3()
        try:
            head = await s3.head_object(Bucket=self.bucket, Key=object_key(sha256))
        except s3.exceptions.ClientError as error:
            if _not_found(error):
                raise ObjectMissing(sha256) from None
            raise
        return int(head["ContentLength"])

    async def read(self, sha256: str, chunk_bytes: int = CHUNK_BYTES) -> AsyncIterator[bytes]:
        s3 = await self._s3()
        try:
            response = await s3.get_object(Bucket=self.bucket, Key=object_key(sha256))
        except s3.exceptions.ClientError as error:
            if _not_found(error):
                raise ObjectMissing(sha256) from None
            raise
        async with response["Body"] as body:
            async for chunk in body.iter_chunks(chunk_bytes):
                yield chunk

    async def delete(self, sha256: str) -> None:
        s3 = await self._s3()
        await s3.delete_object(Bucket=self.bucket, Key=object_key(sha256))

    async def close(self) -> None:
        if self._stack is not None:
            await self._stack.aclose()
            self._client = self._stack = None


def _not_found(error: Any) -> bool:
    code = str(error.response.get("Error", {}).get("Code", ""))
    return code in ("404", "NoSuchKey", "NotFound")


async def _ensure_bucket(s3: Any, bucket: str) -> None:
    try:
        await s3.head_bucket(Bucket=bucket)
    except s3.exceptions.ClientError as error:
        if not _not_found(error) and "NoSuchBucket" not in str(error):
            raise
        await s3.create_bucket(Bucket=bucket)


def open_store(settings: Settings) -> FileStore:
    """The store the settings choose: S3 when ``FILES_S3_ENDPOINT`` is set, else the folder
    ``FILES_DIR``."""
    if settings.files_s3_endpoint:
        return S3Store(
            settings.files_s3_endpoint,
            settings.files_s3_bucket or "",
            _secret(settings.files_s3_access_key),
            _secret(settings.files_s3_secret_key),
            settings.files_s3_region,
        )
    return FolderStore(settings.files_dir)


def _secret(value: Any) -> str | None:
    return None if value is None else value.get_secret_value()
