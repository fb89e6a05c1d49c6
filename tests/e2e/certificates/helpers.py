"""What the certificates' e2e tests share: people who started the bot and checked in, and the
clock's moments (the web server is on for them all: ``conftest.py``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.services.attendance.records import Person, check_in
from bot.services.core.events import current_event
from bot.storage.models import AttendanceRole
from tests.e2e.attendance.helpers import scan_in

WIB = ZoneInfo("Asia/Jakarta")


def wib(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant of December 2022 in WIB."""
    return datetime(2022, 12, day, hour, minute, tzinfo=WIB)


SEND_AT = wib(7, 15)
"""The event file's ``certificates.send_at``."""


async def started(users: Any, name: str, **options: Any) -> Any:
    """A user who has started the bot (Telegram: a bot cannot write first)."""
    user = await users.create(name, **options)
    await user.send("/start")
    await user.expect_message()
    return user


async def scanned_in(bot: Any, user: Any, name: str, jabatan: str, unit: str) -> None:
    """``user`` checks in by the entrance's QR link on the event's morning, as a first-time
    guest would: name, no NIP, jabatan, unit, then confirms."""
    bot.clock.set(wib(7, 8))
    await scan_in(bot, user, name, jabatan, unit)


async def checked_in(
    bot: Any,
    name: str,
    user_id: int | None,
    *,
    role: AttendanceRole = AttendanceRole.PARTICIPANT,
    jabatan: str = "",
    unit_name: str = "",
) -> None:
    """Record ``name`` as present on the event's day (as the entrance's check-in does)."""
    async with bot.runtime.transaction() as session:
        event = await current_event(session)
        person = Person(name=name, jabatan=jabatan, unit_name=unit_name, role=role)
        await check_in(
            session, event.id, person, now=wib(7, 7, 45), user_id=user_id, by=user_id or 1
        )
