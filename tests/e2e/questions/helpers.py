"""Shared steps of the questions' tests: the moment a session is on, asking, reading rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.i18n import plain_text
from bot.storage.models import AuditEntry, Question

WIB = ZoneInfo("Asia/Jakarta")
DURING_KEMENDAGRI = datetime(2022, 12, 7, 10, 5, tzinfo=WIB)
"""While "Arah kebijakan perencanaan pembangunan daerah tahun 2024" (10.00–11.00) is on."""
SESSION = "Arah kebijakan perencanaan pembangunan daerah tahun 2024"
ASK = plain_text("id", "questions-ask-button")
ASK_ANONYMOUS = plain_text("id", "questions-ask-anonymous-button")


async def ask(user: Any, text: str, *, anonymous: bool = False) -> dict[str, Any]:
    """The user opens the board, taps the ask button and sends ``text``; returns the bot's
    answer to the text."""
    await user.send("/tanya")
    await user.expect_message(SESSION)
    await user.tap(ASK_ANONYMOUS if anonymous else ASK)
    await user.expect_message("Silakan ketik pertanyaan")
    await user.send(text)
    return await user.expect_message(regex="Terima kasih|karakter|Mohon maaf|kosong")


async def questions(bot: Any) -> list[Question]:
    """Every question, oldest first."""
    async with bot.runtime.sessions() as session:
        return list(await session.scalars(select(Question).order_by(Question.id)))


async def audit_actions(bot: Any, prefix: str) -> list[tuple[str, str | None, int | None]]:
    """(action, entity id, actor) of the audit entries whose action starts with ``prefix``."""
    async with bot.runtime.sessions() as session:
        rows = await session.execute(
            select(AuditEntry.action, AuditEntry.entity_id, AuditEntry.actor_id)
            .where(AuditEntry.action.startswith(prefix))
            .order_by(AuditEntry.id)
        )
        return [tuple(row) for row in rows]
