"""Evidence files in the database: the download job's rows, opening a stored file, and the
committee's purge of withdrawn entries' files.

An attachment is recorded the moment the officer sends it (name, type, size, Telegram's
``file_id``) in state ``pending``; :func:`download_due` then fetches its bytes into the file
store, retrying with backoff, and marks it ``stored`` with its SHA-256 only once the store
holds them. Nothing is marked before the bytes are safe, so a process killed mid-download
simply downloads again after its restart.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import selectinload

from bot.services.core.event_file import FormFieldSpec
from bot.services.entries.form import MIME_EXTENSIONS, FieldError
from bot.services.evidence.names import extension_of, safe_name
from bot.services.evidence.store import FileStore, ObjectMissing
from bot.storage.models import Attachment, FileState, Submission, SubmissionStatus

logger = logging.getLogger(__name__)

TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024
"""Largest file the Bot API lets a bot download (getFile: 20 MB), in bytes."""

SELF_HOSTED_LIMIT = 2000 * 1024 * 1024
"""Largest file a self-hosted Bot API server (``telegram-bot-api --local``) serves: Telegram's
own 2,000 MB limit, in bytes."""

MAX_ATTEMPTS = 12
"""Downloads tried before an attachment is marked ``failed`` (about 11 hours with
:func:`retry_delay`); the archive's index lists a failed file as missing."""

BATCH = 20
"""Attachments taken per round of the download job."""

Fetch = Callable[[str], Awaitable[AsyncIterator[bytes]]]
"""Opens a Telegram file by ``file_id`` and returns its bytes in chunks (the handler layer
gives one built on the bot's getFile and file URL)."""


def download_limit(self_hosted: bool) -> int:
    """Largest file the bot accepts, in bytes: 20 MB through Telegram's Bot API, 2,000 MB
    through a self-hosted server (``TELEGRAM_API_SELF_HOSTED``)."""
    return SELF_HOSTED_LIMIT if self_hosted else TELEGRAM_DOWNLOAD_LIMIT


EVIDENCE_TYPES = ("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp",
                  "jpg", "jpeg", "png")  # fmt: skip
"""File types an indicator's evidence may be (documents, spreadsheets, slides, images);
video evidence is a link."""

IMAGE_TYPES = frozenset({"jpg", "jpeg", "png"})


def check_upload(file_name: str | None, size_bytes: int | None, limit_bytes: int) -> None:
    """Refuse at once what cannot be kept: an empty file, or one over the download limit
    (:func:`download_limit`). A file whose size Telegram does not tell is let through; the
    download then finds out.

    Raises:
        FieldError: ``evidence-file-empty`` or ``evidence-file-too-big`` (``name``,
            ``size_bytes``, ``limit_bytes``).
    """
    name = safe_name(file_name)
    if size_bytes == 0:
        raise FieldError("evidence-file-empty", name=name)
    if size_bytes is not None and size_bytes > limit_bytes:
        raise FieldError(
            "evidence-file-too-big", name=name, size_bytes=size_bytes, limit_bytes=limit_bytes
        )


def check_evidence_type(file_name: str | None, mime_type: str | None) -> None:
    """An indicator's evidence must be one of :data:`EVIDENCE_TYPES` (by the name's
    extension, else by the MIME type).

    Raises:
        FieldError: ``form-error-file-type`` (``types``: "PDF, DOC, …").
    """
    extension = extension_of(file_name).lstrip(".") or MIME_EXTENSIONS.get(mime_type or "", "")
    if extension not in EVIDENCE_TYPES:
        raise FieldError("form-error-file-type", types=", ".join(t.upper() for t in EVIDENCE_TYPES))


def accepts_images(spec: FormFieldSpec | None) -> bool:
    """Whether a photo may answer: an indicator's evidence (``spec`` None) always, a file
    field when its types include an image type or are not limited."""
    if spec is None:
        return True
    types = {kind.lower().lstrip(".") for kind in spec.file_types}
    return not types or bool(types & IMAGE_TYPES)


def retry_delay(attempts: int) -> timedelta:
    """Wait before the next try after ``attempts`` failures: 5 s doubling, at most 2 hours."""
    return timedelta(seconds=min(5 * 2 ** max(attempts - 1, 0), 7200))


async def due_downloads(session: AsyncSession, now: datetime, limit: int = BATCH) -> list[int]:
    """Ids of pending attachments whose next try is due, oldest first."""
    rows = await session.scalars(
        select(Attachment.id)
        .where(
            Attachment.state == FileState.PENDING,
            (Attachment.next_attempt_at.is_(None)) | (Attachment.next_attempt_at <= now),
        )
        .order_by(Attachment.id)
        .limit(limit)
    )
    return list(rows)


async def next_retry_at(session: AsyncSession) -> datetime | None:
    """When the earliest waiting retry is due (None if no download waits)."""
    return await session.scalar(
        select(func.min(Attachment.next_attempt_at)).where(Attachment.state == FileState.PENDING)
    )


async def download_one(
    sessions: async_sessionmaker[AsyncSession],
    store: FileStore,
    fetch: Fetch,
    attachment_id: int,
    now: Callable[[], datetime],
) -> FileState | None:
    """Fetch one pending attachment into the store and record its SHA-256; on failure count
    the attempt and set the next try (``failed`` after :data:`MAX_ATTEMPTS`). The download
    runs outside any transaction.

    Returns:
        The attachment's new state (None if it was no longer pending).
    """
    async with sessions() as session:
        attachment = await session.get(Attachment, attachment_id)
        if attachment is None or attachment.state != FileState.PENDING:
            return None
        file_id, expected = attachment.file_id, attachment.size_bytes
    try:
        spooled = await store.spool(await fetch(file_id))
        if expected is not None and spooled.size != expected:
            spooled.path.unlink(missing_ok=True)
            raise ValueError(f"got {spooled.size} bytes, Telegram announced {expected}")
        await store.put_file(spooled)
    except Exception as error:  # any failure: retried later, never lost
        logger.warning("Download of attachment %s failed: %s", attachment_id, error)
        async with sessions() as session, session.begin():
            attachment = await session.get(Attachment, attachment_id)
            if attachment is None or attachment.state != FileState.PENDING:
                return None
            attachment.attempts += 1
            attachment.last_error = str(error)[:300] or type(error).__name__
            if attachment.attempts >= MAX_ATTEMPTS:
                attachment.state = FileState.FAILED
            else:
                attachment.next_attempt_at = now() + retry_delay(attachment.attempts)
            return attachment.state
    async with sessions() as session, session.begin():
        attachment = await session.get(Attachment, attachment_id)
        if attachment is None:
            return None
        attachment.sha256, attachment.size_bytes = spooled.sha256, spooled.size
        attachment.state, attachment.stored_at = FileState.STORED, now()
        attachment.last_error = None
        return attachment.state


async def download_due(
    sessions: async_sessionmaker[AsyncSession],
    store: FileStore,
    fetch: Fetch,
    now: Callable[[], datetime],
) -> int:
    """One round of the download job: every attachment due now. Returns how many were
    tried."""
    async with sessions() as session:
        due = await due_downloads(session, now())
    for attachment_id in due:
        await download_one(sessions, store, fetch, attachment_id, now)
    return len(due)


# --- reading a stored file ---------------------------------------------------------------


@dataclass
class FileStream:
    """A stored file opened for reading (the Mini App serves evidence with it).

    Attributes:
        name: The officer's file name, made safe to show and to put in a
            ``Content-Disposition`` (:func:`bot.services.evidence.names.safe_name`).
        content_type: Its MIME type (``application/octet-stream`` if unknown).
        size: Bytes.
        chunks: The bytes, in chunks, read from the store as they are iterated.
        attachment: The attachment row (its entry's ``submission_id`` for access checks).
    """

    name: str
    content_type: str
    size: int
    chunks: AsyncIterator[bytes]
    attachment: Attachment


async def open_stored_file(
    session: AsyncSession, store: FileStore, attachment_id: int
) -> FileStream | None:
    """Open an attachment's bytes from the file store as a stream. The caller checks that
    the reader may see the entry (``FileStream.attachment.submission_id``).

    Returns:
        The stream, or None if there is no such attachment or its bytes are not in the store
        (not downloaded yet, failed, or purged).
    """
    attachment = await session.get(Attachment, attachment_id)
    if attachment is None or attachment.state != FileState.STORED or not attachment.sha256:
        return None
    try:
        size = await store.size(attachment.sha256)
    except ObjectMissing:
        return None
    return FileStream(
        name=safe_name(attachment.file_name),
        content_type=attachment.mime_type or "application/octet-stream",
        size=size,
        chunks=store.read(attachment.sha256),
        attachment=attachment,
    )


# --- purge -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurgeItem:
    """One attachment a purge would delete.

    Attributes:
        shared: Another entry that is not withdrawn keeps the same bytes (identical file):
            the row is marked purged but the stored object stays.
    """

    attachment_id: int
    entry: str
    file_name: str
    size: int
    sha256: str | None
    shared: bool


async def purge_plan(session: AsyncSession, edition_id: int) -> list[PurgeItem]:
    """What :func:`purge` would delete: the files of the edition's withdrawn entries that
    are still in the store (or still waiting to be downloaded)."""
    rows = await session.scalars(
        select(Attachment)
        .join(Submission, Submission.id == Attachment.submission_id)
        .where(
            Submission.edition_id == edition_id,
            Submission.status == SubmissionStatus.WITHDRAWN,
            Attachment.state != FileState.PURGED,
        )
        .options(selectinload(Attachment.submission).selectinload(Submission.unit))
        .order_by(Attachment.submission_id, Attachment.id)
    )
    attachments = list(rows)
    digests = {a.sha256 for a in attachments if a.sha256}
    kept_elsewhere: set[str] = set()
    if digests:
        kept_elsewhere = set(
            await session.scalars(
                select(Attachment.sha256)
                .join(Submission, Submission.id == Attachment.submission_id)
                .where(
                    Attachment.sha256.in_(digests),
                    Attachment.state != FileState.PURGED,
                    Submission.status != SubmissionStatus.WITHDRAWN,
                )
            )
        )
    return [
        PurgeItem(
            attachment_id=a.id,
            entry=a.submission.number or a.submission.title or f"#{a.submission_id}",
            file_name=safe_name(a.file_name),
            size=a.size_bytes or 0,
            sha256=a.sha256,
            shared=a.sha256 in kept_elsewhere,
        )
        for a in attachments
    ]


async def purge(session: AsyncSession, plan: list[PurgeItem], now: datetime) -> list[str]:
    """Mark the attachments of ``plan`` (as :func:`purge_plan` listed them and the committee
    confirmed) ``purged``; nothing is deleted yet. The caller deletes the objects returned
    with :func:`delete_objects` once this is committed: a commit that fails then leaves the
    rows and their files as they were, never rows pointing at deleted files.

    Returns:
        The digests of the objects to delete (not those another entry keeps).
    """
    doomed: list[str] = []
    for item in plan:
        attachment = await session.get(Attachment, item.attachment_id)
        if attachment is None or attachment.state == FileState.PURGED:
            continue
        attachment.state, attachment.next_attempt_at = FileState.PURGED, None
        attachment.last_error = f"purged {now.isoformat()}"
        if item.sha256 and not item.shared and item.sha256 not in doomed:
            doomed.append(item.sha256)
    await session.flush()
    return doomed


async def orphaned_objects(session: AsyncSession) -> list[str]:
    """Digests of purged attachments that no other attachment keeps (in any state but
    purged): objects a purge owes the store, deleted already or not."""
    kept = select(Attachment.sha256).where(
        Attachment.state != FileState.PURGED, Attachment.sha256.is_not(None)
    )
    return list(
        await session.scalars(
            select(Attachment.sha256)
            .where(
                Attachment.state == FileState.PURGED,
                Attachment.sha256.is_not(None),
                Attachment.sha256.not_in(kept),
            )
            .distinct()
            .order_by(Attachment.sha256)
        )
    )


async def sweep_purged(sessions: async_sessionmaker[AsyncSession], store: FileStore) -> int:
    """Delete the objects of purged attachments still in the store: a process killed between
    a purge's commit and its deletions (or a store that failed a delete) left them there,
    with no row pointing at them any more. Run at start, before downloads begin (a download
    of the same bytes would put the object back for a new row; rows that keep it are left
    out by :func:`orphaned_objects`).

    Returns:
        Objects deleted.
    """
    async with sessions() as session:
        digests = await orphaned_objects(session)
    present = [sha256 for sha256 in digests if await store.has(sha256)]
    deleted = await delete_objects(store, present)
    if deleted:
        logger.info("Deleted %s objects an interrupted purge left in the store", deleted)
    return deleted


async def delete_objects(store: FileStore, digests: list[str]) -> int:
    """Delete the purged objects from the store, after the purge's commit. The only code that
    deletes a stored file. An object already gone counts as deleted; one the store fails to
    delete is logged and left (its rows are purged: nothing points at it any more).

    Returns:
        Objects deleted (or found gone).
    """
    deleted = 0
    for sha256 in digests:
        try:
            await store.delete(sha256)
        except Exception:
            logger.exception("purged object %s could not be deleted from the store", sha256)
        else:
            deleted += 1
    return deleted
