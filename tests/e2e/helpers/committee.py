"""Helpers of the committee's end-to-end tests: entries made as rows (tests/factories.py)
whose attachments carry file ids the emulator knows, officers, and database snapshots."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.i18n import plain_text
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import (
    Attachment,
    AuditEntry,
    Award,
    Edition,
    Judge,
    JudgeAssignment,
    Score,
    SelfAssessment,
    Submission,
)
from tests.factories import edition, make_entry, make_officer

SAMPLE_PDF = b"%PDF-1.4\n% contoh\n"
"""The document :func:`real_file_id` sends."""


def quick_emulator() -> EmulatorConfig:
    """Telegram's flood control scaled up 20×: these tests drive long committee sessions
    in seconds (the bot still honours ``retry_after``; flood control has its own tests)."""
    return EmulatorConfig(rate_limits=RateLimits(scale=20.0))


async def real_file_id(driver: Any) -> str:
    """A file id the emulator stores: ``driver`` sends a small PDF and we read its id."""
    await driver.send_document(SAMPLE_PDF, "anggaran.pdf", "application/pdf")
    for message in reversed(await driver.transcript()):
        if message["from"] == "user" and message.get("document"):
            return message["document"]["file_id"]
    raise AssertionError("the document was not stored")


async def add_entries(runtime: Any, specs: list[tuple[str, str, Any]], file_id: str) -> list[int]:
    """Entries (unit code, title, status) with every form field; attachments use ``file_id``."""
    ids = []
    async with runtime.transaction() as session:
        ed = await edition(session)
        for unit_code, title, status in specs:
            entry = await make_entry(session, ed, unit_code, title, status=status)
            ids.append(entry.id)
        for attachment in await session.scalars(select(Attachment)):
            attachment.file_id = file_id
    return ids


async def add_officer(runtime: Any, unit_code: str, user_id: int) -> None:
    """Make ``user_id`` an officer of ``unit_code``."""
    async with runtime.transaction() as session:
        await make_officer(session, await edition(session), unit_code, user_id)


async def snapshot(runtime: Any) -> dict[str, Any]:
    """Everything an admin or judge action could change (statuses, notes, panel,
    assignments, scores, validations, awards, judging state)."""
    async with runtime.sessions() as session:
        rows = {
            "entries": (
                await session.execute(
                    select(Submission.id, Submission.status, Submission.status_note).order_by(
                        Submission.id
                    )
                )
            ).all(),
            "judges": (await session.execute(select(Judge.id, Judge.user_id, Judge.unit_id))).all(),
            "assignments": (
                await session.execute(
                    select(JudgeAssignment.judge_id, JudgeAssignment.submission_id)
                )
            ).all(),
            "scores": (
                await session.execute(select(Score.judge_id, Score.criterion_key, Score.value))
            ).all(),
            "validated": (await session.execute(select(SelfAssessment.validated_level))).all(),
            "awards": (await session.execute(select(Award.rank, Award.innovation))).all(),
            "closed": await session.scalar(select(Edition.judging_closed_at)),
        }
    return {key: sorted(map(tuple, value), key=repr) if isinstance(value, list) else value
            for key, value in rows.items()}  # fmt: skip


async def denied_count(runtime: Any) -> int:
    """How many refused attempts the audit log holds."""
    async with runtime.sessions() as session:
        return len(
            list(
                await session.scalars(
                    select(AuditEntry.id).where(AuditEntry.action == "access.denied")
                )
            )
        )


async def choose_english(driver: Any) -> None:
    """The user switches the bot to English with /language (and it is confirmed)."""
    await driver.send("/language")
    await driver.expect_message("Please choose a language")
    await driver.tap(plain_text("id", "language-name-en"))
    await driver.expect_message("English")


async def score_in_full(session: Any, judge_user_id: int, submission_id: int, value: float) -> None:
    """The judge (by Telegram id) scores every criterion of the entry ``value``: a nominee
    needs a judge's complete score before the winners can be set."""
    judge_id = await session.scalar(select(Judge.id).where(Judge.user_id == judge_user_id))
    for criterion in DEFAULT_RUBRIC:
        session.add(
            Score(judge_id=judge_id, submission_id=submission_id, criterion_key=criterion.key,
                  value=value)
        )  # fmt: skip
