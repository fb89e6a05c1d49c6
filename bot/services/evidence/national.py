"""The self-assessment sheet of the workbook, for the national Indeks Inovasi Daerah (IID)
application: one row per entry and indicator, in the indicators' national order and
numbering as the edition's file gives them, so Bappeda can re-key or upload it."""

from __future__ import annotations

from collections.abc import AsyncIterator

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.i18n import plain_text
from bot.services.committee.exports import Rows, Table, submitted_entries
from bot.services.entries.submissions import evidence_key
from bot.services.evidence.names import safe_name
from bot.storage.models import Edition, FileState, Indicator, Submission

COLUMNS = (
    "number",
    "unit",
    "innovation",
    "iid-number",
    "iid-indicator",
    "iid-claimed",
    "iid-validated",
    "iid-weight",
    "iid-score",
    "iid-evidence-files",
    "iid-evidence-link",
)
"""Header keys (``export-col-<key>``)."""


def self_assessment_table(
    session: AsyncSession, edition: Edition, language: str, chunk_rows: int
) -> Table:
    """The "Penilaian Mandiri (IID)" table: for every submitted entry (by number) and every
    indicator (by its IID number): claimed level, validated level (empty until the panel
    validates), weight, score (weight × the validated level, else × the claimed level), the
    evidence files' names (``; ``-separated, purged files left out) and the evidence link.
    An indicator the entry did not assess has empty cells."""

    async def rows() -> AsyncIterator[Rows]:
        indicators = sorted(
            await session.scalars(select(Indicator).where(Indicator.edition_id == edition.id)),
            key=lambda indicator: indicator.number,
        )
        ids = list(
            await session.scalars(
                submitted_entries(edition)
                .with_only_columns(Submission.id)
                .order_by(Submission.sequence, Submission.id)
            )
        )
        step = max(chunk_rows // max(len(indicators), 1), 1)
        for start in range(0, len(ids), step):
            entries = await session.scalars(
                select(Submission)
                .where(Submission.id.in_(ids[start : start + step]))
                .order_by(Submission.sequence, Submission.id)
                .options(
                    selectinload(Submission.unit),
                    selectinload(Submission.assessments),
                    selectinload(Submission.attachments),
                )
            )
            chunk: Rows = []
            for entry in entries:
                by_indicator = {a.indicator_id: a for a in entry.assessments}
                for indicator in indicators:
                    assessment = by_indicator.get(indicator.id)
                    files = [
                        safe_name(a.file_name)
                        for a in sorted(entry.attachments, key=lambda a: (a.created_at, a.id))
                        if a.field_key == evidence_key(indicator) and a.state != FileState.PURGED
                    ]
                    level = assessment.level if assessment else None
                    validated = assessment.validated_level if assessment else None
                    counted = validated if validated is not None else level
                    chunk.append(
                        [
                            entry.number,
                            entry.unit.name,
                            entry.title,
                            indicator.number,
                            indicator.name,
                            level,
                            validated,
                            indicator.weight,
                            None if counted is None else indicator.weight * counted,
                            "; ".join(files) or None,
                            assessment.evidence_url if assessment else None,
                        ]
                    )
            for begin in range(0, len(chunk), chunk_rows):
                yield chunk[begin : begin + chunk_rows]

    return Table(
        "assessment",
        plain_text(language, "export-sheet-assessment"),
        [plain_text(language, f"export-col-{key}") for key in COLUMNS],
        rows,
    )
