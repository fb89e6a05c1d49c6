"""Who hears about which agenda changes after an edited event file is imported.

An import (:func:`bot.services.core.event_import.import_event_file`) reports each agenda item that
was added, changed or cancelled as an :class:`AgendaChange` (snapshots before and after).
:func:`plan_schedule_notices` turns those into one notice per recipient: subscribers of the
``schedule`` topic get every change, and whoever starred an item gets that item's change;
nobody is listed twice. :func:`record_schedule_changes` writes them to the audit log.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.announcements.subscriptions import active_subscribers
from bot.services.attendees.stars import starrers
from bot.services.core.event_import import AgendaChange, AgendaSnapshot
from bot.storage.models import AuditEntry, Chat

FIELDS = ("title", "time", "room", "speakers")
"""What a notice compares, in display order."""


@dataclass(frozen=True)
class ScheduleNotice:
    """What one chat is told.

    Attributes:
        chat_id: The recipient.
        language: The chat's chosen language, or None for the bot's default.
        changes: The changes that concern the recipient, in agenda order.
    """

    chat_id: int
    language: str | None
    changes: tuple[AgendaChange, ...]


def changed_fields(change: AgendaChange) -> list[str]:
    """The names (from :data:`FIELDS`) that differ between ``before`` and ``after``.

    Empty for a new, cancelled or restored item: those are told as a whole.
    """
    before, after = change.before, change.after
    if before is None or before.cancelled or after.cancelled:
        return []
    result = []
    if before.title != after.title:
        result.append("title")
    if (before.starts_at, before.ends_at) != (after.starts_at, after.ends_at):
        result.append("time")
    if before.room != after.room:
        result.append("room")
    if before.speakers != after.speakers:
        result.append("speakers")
    return result


def is_news(change: AgendaChange) -> bool:
    """Whether attendees need to hear about ``change``: a new, cancelled or restored item, or
    a change in title, time, room or speakers (not e.g. only the description)."""
    before, after = change.before, change.after
    if before is None or before.cancelled != after.cancelled:
        return True
    return not after.cancelled and bool(changed_fields(change))


async def plan_schedule_notices(
    session: AsyncSession, changes: Sequence[AgendaChange]
) -> list[ScheduleNotice]:
    """One notice per recipient, each listing the changes that concern them.

    Args:
        session: An open session.
        changes: ``ImportReport.agenda_changes`` of an import.

    Returns:
        Notices ordered by chat id; subscribers of ``schedule`` (active ones) get every change
        worth telling, other chats only the changes of the items they starred (chats that
        blocked the bot are left out).
    """
    news = sorted(
        (change for change in changes if is_news(change)),
        key=lambda c: (c.after.starts_at, c.agenda_item_id),
    )
    if not news:
        return []
    subscribers = set(await active_subscribers(session, "schedule"))
    starred = await starrers(session, (change.agenda_item_id for change in news))
    recipients = sorted(subscribers | set(starred))
    rows = await session.execute(select(Chat.id, Chat.language).where(Chat.id.in_(recipients)))
    languages = {chat_id: language for chat_id, language in rows}
    notices = []
    for chat_id in recipients:
        mine = tuple(
            change
            for change in news
            if chat_id in subscribers or change.agenda_item_id in starred.get(chat_id, ())
        )
        notices.append(ScheduleNotice(chat_id, languages.get(chat_id), mine))
    return notices


def _snapshot_json(snapshot: AgendaSnapshot | None) -> dict[str, Any] | None:
    if snapshot is None:
        return None
    return {
        "key": snapshot.key,
        "title": snapshot.title,
        "starts_at": snapshot.starts_at.isoformat(),
        "ends_at": snapshot.ends_at.isoformat(),
        "room": snapshot.room,
        "speakers": list(snapshot.speakers),
        "cancelled": snapshot.cancelled,
    }


async def record_schedule_changes(
    session: AsyncSession, changes: Sequence[AgendaChange], actor_id: int | None, now: datetime
) -> None:
    """Write each agenda change to the audit log (action ``agenda.change``), before and after."""
    for change in changes:
        session.add(
            AuditEntry(
                at=now,
                actor_id=actor_id,
                action="agenda.change",
                entity="agenda_item",
                entity_id=str(change.agenda_item_id),
                before=_snapshot_json(change.before),
                after=_snapshot_json(change.after),
            )
        )
    await session.flush()
