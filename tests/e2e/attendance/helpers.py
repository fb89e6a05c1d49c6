"""Steps the attendance e2e tests share: the event's morning, today's check-in payload, the
records as stored."""

from datetime import UTC, date, datetime

from sqlalchemy import select

from bot.handlers.attendance.checkin import checkin_secret
from bot.services.attendance import link as checkin_link
from bot.services.core.events import current_event
from bot.storage.models import AttendanceRecord

EVENT_MORNING = datetime(2022, 12, 7, 1, 0, tzinfo=UTC)
"""Rabu, 7 Desember 2022, 08.00 WIB: the event's day, check-in open."""


async def checkin_payload(bot, day: date | None = None) -> str:  # type: ignore[no-untyped-def]
    """The payload of the current event's check-in link on ``day`` (default: its first)."""
    async with bot.runtime.sessions() as session:
        event = await current_event(session)
    return checkin_link.payload_for(checkin_secret(bot.runtime), event, day or event.starts_on)


async def attendance_records(bot) -> list[AttendanceRecord]:  # type: ignore[no-untyped-def]
    """Every attendance record, in the order they were made."""
    async with bot.runtime.sessions() as session:
        return list(await session.scalars(select(AttendanceRecord).order_by(AttendanceRecord.id)))
