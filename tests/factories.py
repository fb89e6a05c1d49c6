"""Small factories of database rows for tests: the seed edition, entries as an officer would
leave them (answers for every form field, attachments, self-assessments), judges, officers.

Entries are made directly as rows (no Telegram), following the answer formats of
:mod:`bot.services.entries.form`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.storage.models import (
    Answer,
    Attachment,
    Edition,
    Indicator,
    Judge,
    Officer,
    SelfAssessment,
    Submission,
    SubmissionStatus,
    Unit,
)
from tests.conftest import EVENT_FILE

SUBMITTED_AT = datetime(2022, 10, 20, 3, 0, tzinfo=UTC)
"""Default submission instant: Kamis, 20 Oktober 2022, 10.00 WIB."""


async def seed_edition(session: AsyncSession) -> Edition:
    """Import ``config/event.yaml`` and return its edition (units, indicators, awards loaded)."""
    await import_event_file(session, load_event_file(EVENT_FILE))
    return await edition(session)


async def edition(session: AsyncSession, code: str = "iga-2022") -> Edition:
    """The edition ``code`` with units, indicators and awards loaded."""
    return await session.scalar(
        select(Edition)
        .where(Edition.code == code)
        .options(
            selectinload(Edition.units),
            selectinload(Edition.indicators),
            selectinload(Edition.awards),
        )
        .execution_options(populate_existing=True)
    )


async def unit(session: AsyncSession, edition_id: int, code: str) -> Unit:
    """The unit ``code`` of the edition."""
    return await session.scalar(
        select(Unit).where(Unit.edition_id == edition_id, Unit.code == code)
    )


def _sample_answer(field: dict[str, Any], title: str) -> Any:
    kind = field["kind"]
    if field["key"] == "nama":
        return title
    if kind == "short_text":
        return f"Contoh {field['key']}"
    if kind == "long_text":
        words = max(field.get("min_words") or 10, 10)
        return " ".join(f"kata{index}" for index in range(words))
    if kind == "single_choice":
        return field["choices"][-1]["value"]
    if kind == "multiple_choice":
        return [field["choices"][0]["value"]]
    if kind == "date":
        return date(2022, 3, 1).isoformat() if "uji" in field["key"] else "2022-06-01"
    if kind == "money":
        return 10_000_000
    if kind == "url":
        return "https://example.org/video"
    if kind == "phone":
        return "+6281234567890"
    return None


async def make_entry(
    session: AsyncSession,
    edition: Edition,
    unit_code: str,
    title: str,
    *,
    status: SubmissionStatus = SubmissionStatus.SUBMITTED,
    submitted_at: datetime = SUBMITTED_AT,
    created_by: int = 1,
    levels: dict[str, int] | None = None,
    validated: dict[str, int] | None = None,
) -> Submission:
    """An entry of ``unit_code`` with an answer for every form field, one attachment per
    file field, and self-assessed levels (indicator key → 1–3; default all 2).

    ``validated`` sets validated levels (indicator key → 1–3) as if the panel had checked them.
    """
    entry_unit = await unit(session, edition.id, unit_code)
    sequence = (
        await session.scalar(
            select(func.coalesce(func.max(Submission.sequence), 0)).where(
                Submission.edition_id == edition.id
            )
        )
    ) + 1
    prefix = (edition.config or {}).get("number_prefix", "IGA")
    entry = Submission(
        edition_id=edition.id,
        unit_id=entry_unit.id,
        title=title,
        status=status,
        sequence=sequence,
        number=f"{prefix}-{edition.year}-{sequence:03d}",
        created_by=created_by,
        created_at=submitted_at,
        updated_at=submitted_at,
        submitted_at=submitted_at if status is not SubmissionStatus.DRAFT else None,
    )
    session.add(entry)
    await session.flush()
    for field in (edition.config or {}).get("form", []):
        if field["kind"] == "file":
            attachment = Attachment(
                submission_id=entry.id,
                field_key=field["key"],
                file_id=f"file-{entry.id}-{field['key']}",
                file_unique_id=f"u{entry.id}{field['key']}"[:64],
                file_name=f"{field['key']}.pdf",
                mime_type="application/pdf",
                size_bytes=1024,
            )
            session.add(attachment)
            await session.flush()
            value: Any = {"attachment_id": attachment.id, "file_name": attachment.file_name}
        else:
            value = _sample_answer(field, title)
        session.add(Answer(submission_id=entry.id, field_key=field["key"], value=value))
    indicators = list(
        await session.scalars(select(Indicator).where(Indicator.edition_id == edition.id))
    )
    for indicator in indicators:
        level = (levels or {}).get(indicator.key, 2)
        session.add(
            SelfAssessment(
                submission_id=entry.id,
                indicator_id=indicator.id,
                level=level,
                validated_level=(validated or {}).get(indicator.key),
            )
        )
    await session.flush()
    return entry


async def make_judge(
    session: AsyncSession, edition: Edition, user_id: int, name: str, unit_code: str | None = None
) -> Judge:
    """A judge of the edition (optionally belonging to a unit)."""
    unit_id = (await unit(session, edition.id, unit_code)).id if unit_code else None
    judge = Judge(edition_id=edition.id, user_id=user_id, name=name, unit_id=unit_id)
    session.add(judge)
    await session.flush()
    return judge


async def make_officer(
    session: AsyncSession, edition: Edition, unit_code: str, user_id: int
) -> Officer:
    """An officer of ``unit_code``."""
    officer = Officer(user_id=user_id, unit_id=(await unit(session, edition.id, unit_code)).id)
    session.add(officer)
    await session.flush()
    return officer
