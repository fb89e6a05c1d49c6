"""The documents archive: a ZIP with a folder per entry (``IGA-2022-001 Dinas Sosial -
Sosial Home Care Lanjut Usia/``) holding the answers as a PDF and every document, named by
form field or by indicator in the national order (``16 Replikasi - Perjanjian kerja
sama.pdf``), and an index workbook (``indeks.xlsx``) listing every file with its checksum.

Written as a stream: entries are read from the database a few at a time, each document is
copied from the store in chunks (:data:`~bot.services.evidence.store.CHUNK_BYTES`) straight
into the ZIP on disk, so memory stays flat whatever the archive's size
(``bench/evidence_archive.py``). Each document's SHA-256 is checked as it is copied; a file
that is missing from the store (not downloaded yet, failed, purged) or whose bytes differ is
listed in the index with the reason instead of failing the export.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
import zipfile
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.i18n import plain_text
from bot.services.evidence.names import extension_of, safe_name, shorten, unique_name
from bot.services.evidence.store import FileStore, ObjectMissing
from bot.storage.models import Attachment, Edition, FileState, Indicator, Submission

ENTRIES_PER_READ = 20
"""Entries (with their answers and attachments) read from the database at a time."""

INDEX_NAME = "indeks.xlsx"
FOLDER_MAX_CHARS = 100
"""Longest entry folder name, in characters."""


class FileStatus:
    """How a document fared in the archive (catalogue ``archive-status-<value>``)."""

    OK = "ok"
    MISSING = "missing"
    PENDING = "pending"
    CHECKSUM = "checksum"


@dataclass
class ArchiveDocument:
    """One document of an entry as it goes into the archive.

    Attributes:
        source: The field's label or the indicator's "16 Replikasi".
        file_name: The officer's file name (as sent; cleaned when used).
        sha256: Digest recorded at download (None if not stored).
        state: The attachment's state.
        size: Bytes as recorded.
    """

    source: str
    file_name: str | None
    sha256: str | None
    state: FileState
    size: int | None


@dataclass
class ArchiveEntry:
    """One entry's folder: its name, the answers' PDF, and its documents in order."""

    folder: str
    number: str
    unit: str
    title: str
    answers_pdf: bytes
    documents: list[ArchiveDocument] = field(default_factory=list)


@dataclass
class IndexRow:
    """A line of the index workbook (sizes in bytes)."""

    number: str
    unit: str
    title: str
    source: str
    original: str
    path: str | None
    size: int | None
    sha256: str | None
    status: str


@dataclass
class ArchiveResult:
    """What was written: entries, documents written, documents listed as missing or
    differing, and bytes of documents copied."""

    entries: int = 0
    written: int = 0
    problems: int = 0
    document_bytes: int = 0
    rows: list[IndexRow] = field(default_factory=list)


def entry_folder(number: str | None, unit: str, title: str | None) -> str:
    """``IGA-2022-001 Dinas Sosial - Sosial Home Care Lanjut Usia``, cleaned and at most
    :data:`FOLDER_MAX_CHARS` characters."""
    head = " ".join(part for part in (number, unit) if part)
    name = f"{head} - {title}" if title else head
    return safe_name(shorten(name, FOLDER_MAX_CHARS), fallback=number or "entri")


def document_name(source: str, file_name: str | None, taken: set[str]) -> str:
    """``16 Replikasi - Perjanjian kerja sama.pdf``: the field or indicator, then the
    officer's name for the file, unique within the folder."""
    original = safe_name(file_name, fallback="")
    name = safe_name(f"{source} - {original}" if original else source + extension_of(file_name))
    return unique_name(name, taken)


async def write_archive(
    entries: AsyncIterator[ArchiveEntry],
    store: FileStore,
    out: IO[bytes],
    language: str = "id",
) -> ArchiveResult:
    """Write the archive of ``entries`` into ``out`` (a seekable binary file).

    Returns:
        Counts, and the index's rows (also written as ``indeks.xlsx`` at the archive's root).
    """
    result = ArchiveResult()
    with zipfile.ZipFile(out, "w", allowZip64=True) as archive:
        folders: set[str] = set()
        async for entry in entries:
            result.entries += 1
            folder = unique_name(entry.folder, folders)
            taken: set[str] = set()
            answers = unique_name(plain_text(language, "archive-answers-file") + ".pdf", taken)
            await asyncio.to_thread(
                archive.writestr,
                _info(f"{folder}/{answers}", zipfile.ZIP_DEFLATED),
                entry.answers_pdf,
            )
            for document in entry.documents:
                name = document_name(document.source, document.file_name, taken)
                row = IndexRow(
                    entry.number,
                    entry.unit,
                    entry.title,
                    document.source,
                    safe_name(document.file_name, fallback=""),
                    f"{folder}/{name}",
                    document.size,
                    document.sha256,
                    FileStatus.OK,
                )
                await _copy_document(archive, store, document, row, result)
                result.rows.append(row)
        await asyncio.to_thread(_write_index, archive, result.rows, language)
    return result


def _info(path: str, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(path, date_time=datetime.now().timetuple()[:6])
    info.compress_type = compression
    info.external_attr = 0o644 << 16
    return info


async def _copy_document(
    archive: zipfile.ZipFile,
    store: FileStore,
    document: ArchiveDocument,
    row: IndexRow,
    result: ArchiveResult,
) -> None:
    if document.state != FileState.STORED or not document.sha256:
        row.path = None
        pending = document.state == FileState.PENDING
        row.status = FileStatus.PENDING if pending else FileStatus.MISSING
        result.problems += 1
        return
    chunks = store.read(document.sha256)
    try:
        first = await anext(chunks, b"")
    except ObjectMissing:
        row.path, row.status = None, FileStatus.MISSING
        result.problems += 1
        return
    digest, size = hashlib.sha256(), 0
    # documents are PDFs, office files and photos: already compressed, stored as they are
    with archive.open(_info(row.path or "", zipfile.ZIP_STORED), "w") as target:
        chunk = first
        while chunk:
            digest.update(chunk)
            size += len(chunk)
            await asyncio.to_thread(target.write, chunk)
            chunk = await anext(chunks, b"")
    row.size = size
    result.document_bytes += size
    if digest.hexdigest() != document.sha256:
        row.status = FileStatus.CHECKSUM
        result.problems += 1
    else:
        result.written += 1


def _write_index(archive: zipfile.ZipFile, rows: Sequence[IndexRow], language: str) -> None:
    from openpyxl import Workbook  # imported when an archive is written (see exports)

    book = Workbook(write_only=True)
    sheet = book.create_sheet(plain_text(language, "archive-index-sheet")[:31])
    keys = ("number", "unit", "title", "source", "original", "path", "size", "sha256", "status")
    sheet.append([plain_text(language, f"archive-col-{key}") for key in keys])
    for row in rows:
        status = plain_text(language, f"archive-status-{row.status}")
        sheet.append(
            [
                row.number,
                row.unit,
                row.title,
                row.source,
                row.original,
                row.path,
                row.size,
                row.sha256,
                status,
            ]
        )
    handle, name = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    try:
        book.save(name)
        archive.write(name, INDEX_NAME, compress_type=zipfile.ZIP_DEFLATED)
    finally:
        Path(name).unlink(missing_ok=True)


# --- the entries of an edition -----------------------------------------------------------


def document_sources(
    edition: Edition, indicators: Sequence[Indicator], language: str
) -> dict[str, tuple[int, str]]:
    """Order and name of every attachment slot: form fields in the form's order (their
    labels), then indicators in the national (IID) order (``16 Replikasi``)."""
    from bot.services.committee.exports import localized
    from bot.services.entries.submissions import evidence_key

    sources: dict[str, tuple[int, str]] = {}
    for position, spec in enumerate((edition.config or {}).get("form", [])):
        if spec.get("kind") == "file":
            sources[spec["key"]] = (position, localized(spec.get("label", spec["key"]), language))
    offset = len(sources) + 1000
    for indicator in sorted(indicators, key=lambda i: i.number):
        sources[evidence_key(indicator)] = (
            offset + indicator.number,
            f"{indicator.number} {indicator.name}",
        )
    return sources


async def edition_entries(
    session: AsyncSession,
    edition: Edition,
    answers_pdf: Any,
    language: str = "id",
) -> AsyncIterator[ArchiveEntry]:
    """The archive's entries: every submitted entry of the edition (as the workbook's
    "Entri" sheet has them), in number order, read :data:`ENTRIES_PER_READ` at a time.

    Args:
        answers_pdf: ``(edition, submission, language) -> bytes``, the answers as a PDF.
    """
    from bot.services.committee.exports import submitted_entries

    indicators = list(
        await session.scalars(select(Indicator).where(Indicator.edition_id == edition.id))
    )
    sources = document_sources(edition, indicators, language)
    ids = list(await session.scalars(submitted_entries(edition).with_only_columns(Submission.id)))
    for start in range(0, len(ids), ENTRIES_PER_READ):
        batch = await session.scalars(
            select(Submission)
            .where(Submission.id.in_(ids[start : start + ENTRIES_PER_READ]))
            .order_by(Submission.sequence, Submission.id)
            .options(
                selectinload(Submission.unit),
                selectinload(Submission.answers),
                selectinload(Submission.attachments),
                selectinload(Submission.assessments),
            )
        )
        for submission in batch:
            yield _entry(edition, submission, sources, answers_pdf, language)


def _entry(
    edition: Edition,
    submission: Submission,
    sources: dict[str, tuple[int, str]],
    answers_pdf: Any,
    language: str,
) -> ArchiveEntry:
    unknown = (10**9, "")
    ordered: list[Attachment] = sorted(
        submission.attachments,
        key=lambda a: (sources.get(a.field_key, unknown)[0], a.created_at, a.id),
    )
    return ArchiveEntry(
        folder=entry_folder(submission.number, submission.unit.name, submission.title),
        number=submission.number or "",
        unit=submission.unit.name,
        title=submission.title or "",
        answers_pdf=answers_pdf(edition, submission, language),
        documents=[
            ArchiveDocument(
                source=sources.get(a.field_key, (0, a.field_key.lstrip("#")))[1],
                file_name=a.file_name,
                sha256=a.sha256,
                state=a.state,
                size=a.size_bytes,
            )
            for a in ordered
            if a.state != FileState.PURGED
        ],
    )


async def export_archive(
    session: AsyncSession, store: FileStore, out: Path, language: str = "id"
) -> ArchiveResult:
    """Write the current edition's documents archive to ``out`` (``iga-bot export --out
    FILE.zip`` and ``/export berkas``). Written next to ``out`` as ``.<name>.part`` and renamed
    when complete, so ``out`` is never left half-written.

    Raises:
        LookupError: No edition is loaded (nothing is written).
        OSError: ``out``'s folder cannot be written.
    """
    from bot.services.core.events import current_edition
    from bot.services.evidence.answers import answers_pdf

    edition = await current_edition(session)
    if edition is None:
        raise LookupError("no edition is loaded: run `iga-bot event import config/event.yaml`")
    part = out.with_name(f".{out.name}.part")
    try:
        with part.open("wb") as file:
            result = await write_archive(
                edition_entries(session, edition, answers_pdf, language), store, file, language
            )
        os.replace(part, out)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return result
