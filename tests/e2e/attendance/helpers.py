"""Steps the attendance e2e tests share: the event's morning, today's check-in payload, a
first-time scan, the records as stored."""

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


async def scan_in(bot, user, name: str, jabatan: str, unit: str, nip: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    """``user`` scans the entrance's code as a first-time guest (name, NIP or the "no NIP"
    button, jabatan, unit) and confirms; the bot's answer."""
    await user.send(f"/start {await checkin_payload(bot)}")
    await user.expect_message("nama lengkap")
    await user.send(name)
    await user.expect_message("NIP")
    if nip is None:
        await user.tap("Tidak memiliki NIP")
    else:
        await user.send(nip)
    await user.expect_message("jabatan")
    await user.send(jabatan)
    await user.expect_message("unit kerja")
    await user.send(unit)
    await user.expect_message("Apakah data di atas sudah benar?")
    await user.tap("Benar, saya hadir")
    return await user.expect_message("tercatat hadir")
