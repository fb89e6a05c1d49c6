"""What the certificates' e2e tests share: the workspace's public address (the verification
page's), people who started the bot and checked in, and the clock's moments."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.handlers.attendance.checkin import checkin_secret
from bot.services.attendance import link as checkin_link
from bot.services.attendance.records import Person, check_in
from bot.services.core.events import current_event
from bot.storage.models import AttendanceRole

PUBLIC_URL = "https://iga.example.go.id"
WIB = ZoneInfo("Asia/Jakarta")


def wib(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant of December 2022 in WIB."""
    return datetime(2022, 12, day, hour, minute, tzinfo=WIB)


SEND_AT = wib(7, 15)
"""The event file's ``certificates.send_at``."""


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    """The web server on (the certificates' QR codes open its verification page)."""
    return {"public_url": PUBLIC_URL}


async def started(users: Any, name: str, **options: Any) -> Any:
    """A user who has started the bot (Telegram: a bot cannot write first)."""
    user = await users.create(name, **options)
    await user.send("/start")
    await user.expect_message()
    return user


async def scanned_in(bot: Any, user: Any, name: str, jabatan: str, unit: str) -> None:
    """``user`` checks in by the entrance's QR link on the event's morning, as a first-time
    guest would: name, no NIP, jabatan, unit, then confirms."""
    async with bot.runtime.sessions() as session:
        event = await current_event(session)
    payload = checkin_link.payload_for(checkin_secret(bot.runtime), event, event.starts_on)
    bot.clock.set(wib(7, 8))
    await user.send(f"/start {payload}")
    await user.expect_message("nama lengkap")
    await user.send(name)
    await user.expect_message("NIP")
    await user.send("-")
    await user.expect_message("jabatan")
    await user.send(jabatan)
    await user.expect_message("unit kerja")
    await user.send(unit)
    await user.expect_message("Apakah data di atas sudah benar?")
    await user.tap("Benar, saya hadir")
    await user.expect_message("tercatat hadir")


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
