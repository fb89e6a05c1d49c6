"""The committee's spreadsheets: entries with every form field, scores per judge and
criterion, the ranking, subscribers by topic, and the audit log.

The tables are built once (:func:`build_tables`) and written as an Excel workbook (openpyxl:
Indonesian headers from the catalogue, dates dd/mm/yyyy in the event's zone, readable
column widths, frozen header row) or as CSV (one table per file). They contain results:
admins only.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.i18n import plain_text
from bot.services.audit import all_entries
from bot.services.events import current_edition
from bot.services.judging import rubric
from bot.services.ranking import compute_ranking, judges_by_id, weighted_score
from bot.storage.models import Chat, Edition, Score, Submission, SubmissionStatus, Subscriber

DATE_FORMAT = "DD/MM/YYYY"
MOMENT_FORMAT = "DD/MM/YYYY HH:MM"
MAX_WIDTH = 60
"""Widest column, in characters; longer texts wrap."""

SHEETS = ("entries", "scores", "ranking", "subscribers", "audit")
"""Table names, in workbook order (``/export csv <name>`` picks one)."""


@dataclass
class Table:
    """One sheet: its name (catalogue key ``export-sheet-<key>``), headers and rows."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[Any]]


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
        return value.get("file_name") if isinstance(value, dict) else str(value)
    if kind == "money":
        return value
    return str(value)


def localized(label: Any, language: str) -> str:
    """A config text that is either one string or ``{"id": …, "en": …}``, in ``language``."""
    if isinstance(label, dict):
        return label.get(language) or label.get("id") or next(iter(label.values()), "")
    return str(label)


async def build_tables(
    session: AsyncSession, edition: Edition, zone: ZoneInfo, language: str = "id"
) -> list[Table]:
    """Every table of the export, in :data:`SHEETS` order."""
    form = (edition.config or {}).get("form", [])
    criteria = rubric(edition)
    entries = list(
        await session.scalars(
            select(Submission)
            .where(
                Submission.edition_id == edition.id,
                Submission.status != SubmissionStatus.DRAFT,
            )
            .order_by(Submission.sequence, Submission.id)
            .options(selectinload(Submission.unit), selectinload(Submission.answers))
        )
    )

    entry_rows = []
    for entry in entries:
        answers = {answer.field_key: answer.value for answer in entry.answers}
        entry_rows.append(
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
    tables = [
        Table(
            "entries",
            plain_text(language, "export-sheet-entries"),
            [_h(language, k) for k in ("number", "unit", "innovation", "status", "submitted")]
            + [_h(language, "note")]
            + [localized(field["label"], language) for field in form],
            entry_rows,
        )
    ]

    judges = await judges_by_id(session, edition.id)
    by_entry = {entry.id: entry for entry in entries}
    grid: dict[tuple[int, int], dict[str, float]] = {}
    for score in await session.scalars(
        select(Score).where(Score.submission_id.in_(list(by_entry)))
    ):
        grid.setdefault((score.submission_id, score.judge_id), {})[score.criterion_key] = (
            score.value
        )
    score_rows = []
    for (submission_id, judge_id), scores in sorted(
        grid.items(), key=lambda item: (by_entry[item[0][0]].sequence or 0, item[0][1])
    ):
        entry = by_entry[submission_id]
        judge = judges.get(judge_id)
        score_rows.append(
            [entry.number, entry.unit.name, entry.title, judge.name if judge else judge_id]
            + [scores.get(criterion.key) for criterion in criteria]
            + [_round(weighted_score(scores, criteria))]
        )
    tables.append(
        Table(
            "scores",
            plain_text(language, "export-sheet-scores"),
            [_h(language, k) for k in ("number", "unit", "innovation", "judge")]
            + [f"{c.label(language)} ({c.weight:g}%)" for c in criteria]
            + [_h(language, "weighted")],
            score_rows,
        )
    )

    ranking_rows = [
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
        for line in await compute_ranking(session, edition)
    ]
    tables.append(
        Table(
            "ranking",
            plain_text(language, "export-sheet-ranking"),
            [
                _h(language, k)
                for k in (
                    "rank",
                    "number",
                    "unit",
                    "innovation",
                    "judges",
                    "judges-mean",
                    "self-assessment",
                    "final",
                    "status",
                )
            ],  # fmt: skip
            ranking_rows,
        )
    )

    yes_no = {True: plain_text(language, "export-yes"), False: plain_text(language, "export-no")}
    subscriber_rows = [  # columns, not entities: a city has 100,000 subscribers
        [topic, chat_id, title or first_name, yes_no[bool(active)], _local(since, zone)]
        for topic, chat_id, title, first_name, active, since in (
            await session.execute(
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
        )
    ]
    tables.append(
        Table(
            "subscribers",
            plain_text(language, "export-sheet-subscribers"),
            [_h(language, k) for k in ("topic", "chat", "name", "active", "since")],
            subscriber_rows,
        )
    )

    audit_rows = [
        [
            _local(entry.at, zone),
            entry.actor_id,
            entry.action,
            entry.entity,
            entry.entity_id,
            _json(entry.before),
            _json(entry.after),
        ]
        for entry in await all_entries(session)
    ]
    tables.append(
        Table(
            "audit",
            plain_text(language, "export-sheet-audit"),
            [
                _h(language, k)
                for k in ("at", "actor", "action", "entity", "entity-id", "before", "after")
            ],
            audit_rows,
        )
    )
    return tables


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _cell_text(value: Any) -> str:
    """A value as the text the CSV (and the width estimate) shows."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def workbook_bytes(tables: list[Table]) -> bytes:
    """The tables as an .xlsx file: bold frozen header row, dd/mm/yyyy dates, widths that
    fit the content up to :data:`MAX_WIDTH` characters.

    Written in openpyxl's write-only mode, row by row: a workbook of 5,000 entries held as
    cell objects took about 300 MB more memory (see ``docs/benchmarks.md``).
    """
    book = Workbook(write_only=True)
    for table in tables:
        sheet = book.create_sheet(table.title[:31])  # Excel's limit on sheet names
        for index, header in enumerate(table.headers, start=1):
            longest = max([len(header)] + [len(_cell_text(row[index - 1])) for row in table.rows])
            sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, MAX_WIDTH)
        sheet.freeze_panes = "A2"
        header_cells = []
        for header in table.headers:
            cell = WriteOnlyCell(sheet, value=header)
            cell.font = Font(bold=True)
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in table.rows:
            sheet.append([_formatted(sheet, value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _formatted(sheet: Any, value: Any) -> Any:
    """A date or moment as a cell with its display format; any other value as it is."""
    if isinstance(value, datetime | date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = MOMENT_FORMAT if isinstance(value, datetime) else DATE_FORMAT
        return cell
    return value


def csv_bytes(table: Table) -> bytes:
    """One table as CSV, UTF-8 with a byte-order mark (so Excel reads the accents), dates
    dd/mm/yyyy."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_cell_text(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


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


async def export_bytes(
    session: AsyncSession, *, as_csv: bool, zone: ZoneInfo, sheet: str | None = None
) -> tuple[bytes, str]:
    """The current edition's export: the workbook, or one table as CSV (``sheet`` picks it;
    entries by default). Used by ``iga-bot export --out FILE``.

    Returns:
        The file's bytes and what it holds (a table key, or ``"workbook"``).

    Raises:
        LookupError: No edition is loaded, or ``sheet`` names no table.
    """
    edition = await current_edition(session)
    if edition is None:
        raise LookupError("no edition is loaded: run `iga-bot event import config/event.yaml`")
    tables = await build_tables(session, edition, zone)
    if not as_csv:
        return workbook_bytes(tables), "workbook"
    table = table_named(tables, sheet or "entries")
    if table is None:
        names = ", ".join(table.key for table in tables)
        raise LookupError(f"--sheet: unknown table {sheet!r}; choose one of {names}")
    return csv_bytes(table), table.key
