"""The download job: every file an officer sends is fetched from Telegram into the file store
in the background, as soon as it is recorded and again after a restart.

One asyncio task per bot process (started in ``post_init``, stopped in ``post_stop``) runs
:func:`bot.services.evidence.files.download_due` whenever a handler records a file
(:func:`wake`) and every :data:`POLL_SECONDS` for retries. The rows are the queue: a process
killed mid-download leaves the row pending and the next process downloads it again.
Telegram is reached through the bot's own Bot API client (getFile) and the file URL
(``TELEGRAM_API_FILE_URL``), read in chunks.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator

import aiohttp
from telegram.ext import Application

from bot.handlers.shared.context import BotContext
from bot.handlers.shared.file_store import STORE
from bot.runtime import application_runtime
from bot.services.evidence.files import download_due, sweep_purged
from bot.services.evidence.store import CHUNK_BYTES, FileStore, open_store
from bot.slots import Slot
from bot.update_ledger import after_commit

logger = logging.getLogger(__name__)

WORKER: Slot[DownloadWorker] = Slot("evidence_downloads")
"""The application's :class:`DownloadWorker`."""

POLL_SECONDS = 5.0
"""Longest wait between two looks for due downloads (retries become due on their own)."""

READ_TIMEOUT = 300.0
"""Seconds one file's download may take (20 MB on a slow link; a self-hosted server's larger
files on a fast one)."""


class DownloadError(RuntimeError):
    """A download failed; the message never holds the file URL (it contains the token)."""


class DownloadWorker:
    """Runs the download job of one bot process."""

    def __init__(self, application: Application, store: FileStore) -> None:
        self.application = application
        self.store = store
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._http: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        """Clean what a killed process left (scratch files, the objects of a purge committed
        but not yet deleted) and start downloading."""
        removed = await asyncio.to_thread(self.store.clean_scratch)
        if removed:
            logger.info("Removed %s partial downloads of an earlier process", removed)
        try:
            await sweep_purged(application_runtime(self.application).sessions, self.store)
        except Exception:  # the database or the store is away: the next start sweeps
            logger.exception("Sweeping the objects of purged files failed")
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=READ_TIMEOUT))
        self._task = asyncio.create_task(self._run(), name="evidence-downloads")

    def wake(self) -> None:
        """A file was recorded: look for due downloads now."""
        self._wake.set()

    async def stop(self) -> None:
        """Stop after the current download (a download cut short is done again next start)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._http is not None:
            await self._http.close()
        await self.store.close()

    async def _run(self) -> None:
        runtime = application_runtime(self.application)
        while True:
            self._wake.clear()
            try:
                tried = await download_due(runtime.sessions, self.store, self._fetch, runtime.now)
            except Exception:  # the database is away: try again at the next round
                logger.exception("Download round failed")
                tried = 0
            if tried:
                continue
            with contextlib.suppress(TimeoutError):  # not wait_for: see OutboxSender._idle
                async with asyncio.timeout(POLL_SECONDS):
                    await self._wake.wait()

    async def _fetch(self, file_id: str) -> AsyncGenerator[bytes, None]:
        """getFile, then the file's bytes from its URL in chunks."""
        telegram_file = await self.application.bot.get_file(file_id)
        if not telegram_file.file_path:
            raise DownloadError("Telegram gave no file path")
        http = self._http
        assert http is not None, "start() first"
        url = telegram_file.file_path

        async def chunks() -> AsyncGenerator[bytes, None]:
            try:
                async with http.get(url) as response:
                    if response.status != 200:
                        raise DownloadError(f"file download answered HTTP {response.status}")
                    async for chunk in response.content.iter_chunked(CHUNK_BYTES):
                        yield chunk
            except aiohttp.ClientError as error:
                raise DownloadError(f"file download failed: {type(error).__name__}") from None

        return chunks()

    async def read_head(self, file_id: str, limit: int) -> bytes:
        """The first ``limit`` bytes of a Telegram file (fewer if it is shorter), read at
        once to check a sent file's content; the rest is not transferred."""
        head = bytearray()
        chunks = await self._fetch(file_id)
        async for chunk in chunks:
            head += chunk
            if len(head) >= limit:
                break
        await chunks.aclose()  # closes the response: the rest is not read
        return bytes(head[:limit])


HEAD_TIMEOUT = 15.0
"""Seconds the check of a sent file's first bytes may take before the file is let through
(its download job then fetches it as usual)."""


async def read_head(context: BotContext, file_id: str, limit: int) -> bytes | None:
    """The first ``limit`` bytes of the file ``file_id`` an officer just sent, or None when
    they cannot be read now (Telegram or the network away, no download job): the caller
    then lets the file through rather than refusing a good file."""
    worker = WORKER.get(context.application)
    if worker is None:
        return None
    try:
        async with asyncio.timeout(HEAD_TIMEOUT):
            return await worker.read_head(file_id, limit)
    except Exception as error:  # any failure: the file is let through, never lost
        logger.warning("Reading the start of file %s failed: %s", file_id, error)
        return None


def store_of(context: BotContext) -> FileStore:
    """The bot's file store (installed by :func:`install`)."""
    return STORE.of(context.application)


def wake_downloads(context: BotContext) -> None:
    """Tell the download job that a file was recorded (call after the transaction; the job
    is woken once the update's transaction is committed, :func:`bot.update_ledger.after_commit`)."""
    worker = WORKER.get(context.application)
    if worker is not None:
        after_commit(worker.wake)


def install(application: Application) -> DownloadWorker:
    """Create the store and the download job of ``application`` (its runtime
    must be set); start it in ``post_init`` and stop it in ``post_stop``."""
    store = open_store(application_runtime(application).settings)
    worker = DownloadWorker(application, store)
    STORE.put(application, store)
    WORKER.put(application, worker)
    return worker
