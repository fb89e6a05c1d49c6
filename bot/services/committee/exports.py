"""The committee's spreadsheets: entries with every form field, scores per judge and
criterion, the ranking, subscribers by topic, the audit log, and the evaluation survey's
results (averages and counts per question).

Each table (:func:`export_tables`) reads its rows from the database when it is written,
:data:`CHUNK` rows at a time, and is written as an Excel workbook (:func:`write_workbook`:
Indonesian headers from the catalogue, dates dd/mm/yyyy in the event's zone, readable column
widths, frozen header row) or as CSV (:func:`write_csv`, one table per file) into a file, so
the export holds one chunk of rows, not the tables: a city has 100,000 subscribers, and
holding them as rows took about 80 MB (``docs/benchmarks.md``, "Memory and start"). They
contain results: admins only.

openpyxl is imported when a workbook is written, not when the bot starts (about 16 MB and
0.1 s of every start for a command the committee sends a few times).
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
import pickle
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal
from sqlalchemy import Executable, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.i18n import format_number, plain_text
from bot.services.announcements.subscriptions import TOPICS
from bot.services.committee.audit_log import audit_names, read_entry
from bot.services.core.events import current_edition
from bot.services.entries.form import answer_files, form_fields
from bot.services.entries.submissions import title_field
from bot.services.evaluation.survey import evaluation_rows
from bot.services.judging.ranking import compute_ranking, judges_by_id, weighted_score
from bot.services.judging.scoring import rubric
from bot.storage.models import (
    AuditEntry,
    Chat,
    Edition,
    Score,
    Submission,
    SubmissionStatus,
    Subscriber,
    Unit,
)

DATE_FORMAT = "DD/MM/YYYY"
MOMENT_FORMAT = "DD/MM/YYYY HH:MM"
RUPIAH_FORMAT = '"Rp"#,##0'
"""Amounts of rupiah: whole numbers grouped by thousands ("Rp250.000.000" in Indonesian)."""
DECIMAL_FORMAT = "#,##0.00"
"""Scores: two decimals ("87,50" in Indonesian); the reader's separators are used."""


class Rupiah(int):
    """An amount of money in a table: an integer cell with :data:`RUPIAH_FORMAT`."""


CSV_DELIMITERS = {"id": ";", "en": ","}
"""The CSV's field separator by language: a spreadsheet's list separator in that locale."""

MAX_WIDTH = 60
"""Widest column, in characters; longer texts wrap."""

SHEETS = ("entries", "assessment", "scores", "ranking", "subscribers", "audit", "evaluation")
"""Table names, in workbook order (``/export csv <name>`` picks one)."""

CHUNK = 1_000
"""Rows read from the database (``yield_per``) and written at a time."""

Rows = list[list[Any]]


@dataclass
class Table:
    """One sheet: its name (catalogue key ``export-sheet-<key>``), headers, and ``read``,
    which reads its rows from the database afresh, in chunks (:func:`export_tables`' ``chunk``)
    (cells: text, numbers, naive local dates and moments, or None)."""

    key: str
    title: str
    headers: list[str]
    read: Callable[[], AsyncIterator[Rows]]

    async def rows(self) -> Rows:
        """Every row at once (tests and small tables; the export itself streams)."""
        return [row async for chunk in self.read() for row in chunk]


def _h(language: str, key: str) -> str:
    return plain_text(language, f"export-col-{key}")


def _local(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    """An aware instant as a naive local time (Excel has no zones)."""
    return None if moment is None else moment.astimezone(zone).replace(tzinfo=None)


def status_label(language: str, status: SubmissionStatus) -> str:
    """The status's name in ``language`` (catalogue ``status-<value>``)."""
    return plain_text(language, f"status-{status.value}")


def answer_text(field: dict[str, Any], value: Any, language: str) -> Any:
    """An answer as a cell: choice labels, a date, the file's name, a number, or text."""
    if value is None:
        return None
    kind = field["kind"]
    if kind in ("single_choice", "multiple_choice"):
        labels = {
            choice["value"]: localized(choice["label"], language) for choice in field["choices"]
        }
        values = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(item, str(item)) for item in values)
    if kind == "date":
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            return str(value)
    if kind == "file":
        return ", ".join(f.get("file_name") or "—" for f in answer_files(value)) or None
    if kind == "money":
        return Rupiah(value) if isinstance(value, int) else value
    return str(value)


def localized(label: Any, language: str) -> str:
    """A config text that is either one string or ``{"id": …, "en": …}``, in ``language``."""
    if isinstance(label, dict):
        return label.get(language) or label.get("id") or next(iter(label.values()), "")
    return str(label)


def export_tables(
    session: AsyncSession,
    edition: Edition,
    zone: ZoneInfo,
    language: str = "id",
    *,
    chunk: int = CHUNK,
) -> list[Table]:
    """Every table of the export, in :data:`SHEETS` order. Nothing is read until a table's
    ``read`` is iterated (within ``session``'s transaction: on PostgreSQL the rows come
    through a server-side cursor), ``chunk`` rows at a time."""
    from bot.services.evidence.national import self_assessment_table  # it builds on Table

    entry_columns = ("number", "unit", "innovation", "status", "submitted", "note")
    # the field naming the entry is the "innovation" column already: not repeated
    title_key = title_field(form_fields(edition.config or {}))
    form = [field for field in (edition.config or {}).get("form", []) if field["key"] != title_key]
    criteria = rubric(edition)
    yes_no = {True: plain_text(language, "export-yes"), False: plain_text(language, "export-no")}
    topics = {topic: plain_text(language, f"subs-topic-{topic}") for topic in TOPICS}

    async def entry_rows() -> AsyncIterator[Rows]:
        statement = (
            submitted_entries(edition)
            .order_by(Submission.sequence, Submission.id)
            .options(selectinload(Submission.unit), selectinload(Submission.answers))
        )
        async for entries in _stream(session, statement, chunk, scalars=True):
            rows = []
            for entry in entries:
                answers = {answer.field_key: answer.value for answer in entry.answers}
                rows.append(
                    [
                        entry.number,
                        entry.unit.name,
                        entry.title,
                        status_label(language, entry.status),
                        _local(entry.submitted_at, zone),
                        entry.status_note,
                    ]
                    + [answer_text(field, answers.get(field["key"]), language) for field in form]
                )
            yield rows

    async def score_rows() -> AsyncIterator[Rows]:
        judges = await judges_by_id(session, edition.id)
        statement = (
            submitted_entries(edition)
            .with_only_columns(
                Submission.id,
                Submission.number,
                Unit.name,
                Submission.title,
                Score.judge_id,
                Score.criterion_key,
                Score.value,
            )
            .join(Unit, Unit.id == Submission.unit_id)
            .join(Score, Score.submission_id == Submission.id)
            .order_by(func.coalesce(Submission.sequence, 0), Score.judge_id, Submission.id)
        )

        def row(pair: tuple[Any, ...], scores: dict[str, float]) -> list[Any]:
            _, number, unit, title, judge_id = pair
            judge = judges.get(judge_id)
            return (
                [number, unit, title, judge.name if judge else judge_id]
                + [scores.get(criterion.key) for criterion in criteria]
                + [_round(weighted_score(scores, criteria))]
            )

        # one row per (entry, judge): its scores are consecutive rows, maybe across chunks
        pair: tuple[Any, ...] | None = None  # (entry id, number, unit, title, judge id)
        scores: dict[str, float] = {}
        async for part in _stream(session, statement, chunk):
            rows = []
            for entry_id, number, unit, title, judge_id, key, value in part:
                if pair is None or (pair[0], pair[4]) != (entry_id, judge_id):
                    if pair is not None:
                        rows.append(row(pair, scores))
                    pair, scores = (entry_id, number, unit, title, judge_id), {}
                scores[key] = value
            yield rows
        if pair is not None:
            yield [row(pair, scores)]

    async def ranking_rows() -> AsyncIterator[Rows]:
        lines = await compute_ranking(session, edition)  # one line per judged entry
        for start in range(0, len(lines), chunk):
            yield [
                [
                    line.rank,
                    line.submission.number,
                    line.submission.unit.name,
                    line.submission.title,
                    len(line.judge_scores),
                    _round(line.judges_mean),
                    _round(line.self_assessment),
                    _round(line.final),
                    status_label(language, line.submission.status),
                ]
                for line in lines[start : start + chunk]
            ]

    async def subscriber_rows() -> AsyncIterator[Rows]:
        statement = (
            select(
                Subscriber.topic,
                Subscriber.chat_id,
                Chat.title,
                Chat.first_name,
                Subscriber.active,
                Subscriber.created_at,
            )
            .outerjoin(Chat, Chat.id == Subscriber.chat_id)
            .order_by(Subscriber.topic, Subscriber.chat_id)
        )
        async for part in _stream(session, statement, chunk):
            yield [
                [
                    topics.get(topic, topic),
                    chat_id,
                    title or first_name,
                    yes_no[bool(active)],
                    _local(since, zone),
                ]
                for topic, chat_id, title, first_name, active, since in part
            ]

    async def audit_rows() -> AsyncIterator[Rows]:
        actors = await session.scalars(select(AuditEntry.actor_id).distinct())
        names = await audit_names(session, edition, [a for a in actors if a is not None], language)
        statement = select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)
        async for part in _stream(session, statement, chunk, scalars=True):
            rows = []
            for entry in part:
                line = read_entry(language, zone, names, entry)
                rows.append(
                    [_local(entry.at, zone), line.actor, line.action, line.subject, line.change]
                )
            yield rows

    def headers(*keys: str) -> list[str]:
        return [_h(language, key) for key in keys]

    def title(key: str) -> str:
        return plain_text(language, f"export-sheet-{key}")

    return [
        Table(
            "entries",
            title("entries"),
            headers(*entry_columns) + [localized(field["label"], language) for field in form],
            entry_rows,
        ),
        self_assessment_table(session, edition, language, chunk),
        Table(
            "scores",
            title("scores"),
            headers("number", "unit", "innovation", "judge")
            + [f"{c.label(language)} ({format_number(c.weight, language)}%)" for c in criteria]
            + headers("weighted"),
            score_rows,
        ),
        Table(
            "ranking",
            title("ranking"),
            headers(
                "rank",
                "number",
                "unit",
                "innovation",
                "judges",
                "judges-mean",
                "self-assessment",
                "final",
                "status",
            ),
            ranking_rows,
        ),
        Table(
            "subscribers",
            title("subscribers"),
            headers("topic", "chat", "name", "active", "since"),
            subscriber_rows,
        ),
        Table(
            "audit",
            title("audit"),
            headers("at", "actor", "action", "entity", "change"),
            audit_rows,
        ),
        Table(
            "evaluation",
            title("evaluation"),
            headers(
                "evaluation-question",
                "evaluation-kind",
                "evaluation-answers",
                "evaluation-average",
                "evaluation-counts",
            ),
            lambda: evaluation_rows(session, edition, language, chunk),
        ),
    ]


def submitted_entries(edition: Edition) -> Select[Any]:
    """The edition's entries that left the draft state (the ones the committee sees)."""
    return select(Submission).where(
        Submission.edition_id == edition.id, Submission.status != SubmissionStatus.DRAFT
    )


async def _stream(
    session: AsyncSession, statement: Executable, chunk: int, *, scalars: bool = False
) -> AsyncIterator[Sequence[Any]]:
    """The statement's rows (or first column's values) in lists of at most ``chunk``,
    fetched as they are needed (``yield_per``: a server-side cursor on PostgreSQL)."""
    statement = statement.execution_options(yield_per=chunk)
    if scalars:
        async for part in (await session.stream_scalars(statement)).partitions():
            yield part
    else:
        async for part in (await session.stream(statement)).partitions():
            yield part


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _cell_text(value: Any, language: str = "id") -> str:
    """A value as the text the CSV (and the width estimate) shows: a decimal number as
    ``language`` writes it ("87,5" in Indonesian, Babel), without thousands separators, so
    that a spreadsheet reads it as the number it is."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float | Decimal):
        return format_decimal(value, format="0.##", locale=language)
    return str(value)


class _Spool:
    """A table's rows kept in an unnamed temporary file, chunk by chunk, with the widest
    text of each column: a write-only sheet needs its column widths before its first row.

    Raises:
        OSError: The temporary folder cannot be written.
    """

    def __init__(self, headers: list[str]) -> None:
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self.widths = [len(header) for header in headers]

    def add(self, rows: Rows) -> None:
        """Keep ``rows``, widening the columns their texts need."""
        widths = self.widths
        for row in rows:
            for index, value in enumerate(row):
                width = len(_cell_text(value))
                if width > widths[index]:
                    widths[index] = width
        pickle.dump(rows, self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def chunks(self) -> Iterator[Rows]:
        """The rows kept, chunk by chunk, in the order they were added."""
        self.file.seek(0)
        while True:
            try:
                yield pickle.load(self.file)  # noqa: S301 - our own file, written by add()
            except EOFError:
                return

    def close(self) -> None:
        self.file.close()


async def write_workbook(tables: list[Table], out: IO[bytes]) -> None:
    """Write the tables as an .xlsx file into ``out`` (open for binary writing): bold frozen
    header row, dd/mm/yyyy dates, widths that fit the content up to :data:`MAX_WIDTH`
    characters.

    openpyxl's write-only mode writes each row to a temporary file as it is appended (a
    workbook of 5,000 entries held as cell objects took about 300 MB more memory, see
    ``docs/benchmarks.md``). Each chunk of rows is read in the event loop and then handled
    in a worker thread (widths, spooling, the XML of the sheet, the zip), so other users
    are answered while the workbook is made (seconds of CPU for a city).

    Raises:
        OSError: ``out`` or the temporary folder cannot be written.
    """
    from openpyxl import Workbook  # see the module's docstring

    book = Workbook(write_only=True)
    try:
        for table in tables:
            spool = _Spool(table.headers)
            try:
                async for chunk in table.read():
                    await asyncio.to_thread(spool.add, chunk)
                await asyncio.to_thread(_write_sheet, book, table, spool)
            finally:
                spool.close()
        await asyncio.to_thread(book.save, out)
    except BaseException:
        _discard(book)
        raise


def _discard(book: Any) -> None:
    """Remove the temporary files of the sheets of a write-only workbook that will not be
    saved (openpyxl itself removes them only when the process exits)."""
    for sheet in book.worksheets:
        if sheet._writer is not None and not sheet.closed:
            sheet.close()
            sheet._writer.cleanup()


def _write_sheet(book: Any, table: Table, spool: _Spool) -> None:
    """Append ``table``'s sheet to the write-only workbook ``book``, rows from ``spool``."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(table.title[:31])  # Excel's limit on sheet names
    for index, width in enumerate(spool.widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_WIDTH)
    sheet.freeze_panes = "A2"
    header_cells = []
    for header in table.headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = Font(bold=True)
        header_cells.append(cell)
    sheet.append(header_cells)

    def formatted(value: Any) -> Any:
        """A date, moment, amount of rupiah or decimal number as a cell with its display
        format (shown with the reader's separators: 1.234,50 in Indonesian); any other value
        as it is."""
        if isinstance(value, datetime | date):
            number_format = MOMENT_FORMAT if isinstance(value, datetime) else DATE_FORMAT
        elif isinstance(value, Rupiah):
            number_format, value = RUPIAH_FORMAT, int(value)
        elif isinstance(value, float):
            number_format = DECIMAL_FORMAT
        else:
            return value
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell

    for rows in spool.chunks():
        for row in rows:
            sheet.append([formatted(value) for value in row])


async def write_csv(table: Table, out: IO[bytes], language: str = "id") -> None:
    """Write one table as CSV into ``out`` (open for binary writing): UTF-8 with a
    byte-order mark (so Excel reads the accents), dates dd/mm/yyyy, decimal numbers as
    ``language`` writes them (QA finding: "87.5" in an Indonesian export). In Indonesian the
    fields are separated by semicolons, as a spreadsheet set to Indonesian expects (its list
    separator: the comma is the decimal mark); in English by commas. Each chunk is written in
    a worker thread.

    Raises:
        OSError: ``out`` cannot be written.
    """
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=CSV_DELIMITERS.get(language, ","))
    writer.writerow(table.headers)

    def write(rows: Rows) -> None:
        writer.writerows([_cell_text(value, language) for value in row] for row in rows)

    try:
        async for chunk in table.read():
            await asyncio.to_thread(write, chunk)
        text.flush()
    finally:
        text.detach()  # ``out`` stays open: it is the caller's


def table_named(tables: list[Table], name: str) -> Table | None:
    """The table whose key (``entries``) or title (``Entri``) is ``name``, any case."""
    wanted = name.strip().lower()
    for table in tables:
        if wanted in (table.key, table.title.lower()):
            return table
    return None


def file_name(edition: Edition, extension: str, sheet: str | None = None) -> str:
    """``rekap-iga-2022.xlsx`` or ``rekap-iga-2022-entries.csv``."""
    suffix = f"-{sheet}" if sheet else ""
    return f"rekap-{edition.code}{suffix}.{extension}"


async def export_file(
    session: AsyncSession,
    out: Path,
    *,
    as_csv: bool,
    zone: ZoneInfo,
    sheet: str | None = None,
    language: str = "id",
) -> str:
    """Write the current edition's export to ``out``: the workbook, or one table as CSV
    (``sheet`` picks it; entries by default). Used by ``iga-bot export --out FILE``. The file
    is written next to ``out`` as ``.<name>.part`` and renamed when complete, so ``out`` is
    never left half-written.

    Returns:
        What the file holds: a table key, or ``"workbook"``.

    Raises:
        LookupError: No edition is loaded, or ``sheet`` names no table (nothing is written).
        OSError: ``out``'s folder cannot be written.
    """
    edition = await current_edition(session)
    if edition is None:
        raise LookupError("no edition is loaded: run `iga-bot event import config/event.yaml`")
    tables = export_tables(session, edition, zone, language)
    table = None
    if as_csv:
        table = table_named(tables, sheet or "entries")
        if table is None:
            names = ", ".join(table.key for table in tables)
            raise LookupError(f"--sheet: unknown table {sheet!r}; choose one of {names}")
    part = out.with_name(f".{out.name}.part")  # same folder: the rename is atomic
    try:
        with part.open("wb") as file:  # permissions as for any new file (umask)
            if table is not None:
                await write_csv(table, file, language)
            else:
                await write_workbook(tables, file)
        os.replace(part, out)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return table.key if table is not None else "workbook"
