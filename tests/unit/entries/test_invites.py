"""Invite codes: joining a unit, expiry, use limit, and slowing down guessing."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.services.core.events import current_edition
from bot.services.entries.invites import (
    ATTEMPT_WINDOW,
    MAX_FAILED_ATTEMPTS,
    InviteError,
    InviteProblem,
    create_invite,
    format_code,
    redeem_invite,
)
from bot.storage.models import Invite, Officer
from tests.conftest import EVENT_FILE

NOW = datetime(2022, 10, 1, 3, 0, tzinfo=UTC)


@pytest.fixture
async def code(sessions) -> str:
    async with sessions() as session, session.begin():
        await import_event_file(session, load_event_file(EVENT_FILE))
        unit = next(u for u in (await current_edition(session)).units if u.code == "DLH")
        return await create_invite(session, unit, NOW, max_uses=2)


async def _redeem(sessions, user_id, code, now=NOW):
    """Redeem in its own transaction, committed even when refused (the attempt counts)."""
    async with sessions() as session, session.begin():
        try:
            officer = await redeem_invite(session, user_id, code, now)
            return officer.unit.code
        except InviteError as error:
            return error


async def test_code_makes_an_officer_once_and_only_its_hash_is_stored(sessions, code) -> None:
    assert len(code) == 8
    assert await _redeem(sessions, 1, format_code(code).lower()) == "DLH"
    assert await _redeem(sessions, 1, code) == "DLH"  # again: nothing used up
    async with sessions() as session:
        invite = await session.scalar(select(Invite))
        officers = list(await session.scalars(select(Officer)))
    assert invite.uses == 1 and code not in invite.code_hash
    assert [officer.user_id for officer in officers] == [1]


async def test_use_limit_and_expiry(sessions, code) -> None:
    assert await _redeem(sessions, 1, code) == "DLH"
    assert await _redeem(sessions, 2, code) == "DLH"
    used_up = await _redeem(sessions, 3, code)
    assert isinstance(used_up, InviteError) and used_up.problem is InviteProblem.USED_UP
    expired = await _redeem(sessions, 4, code, NOW + timedelta(days=31))
    assert isinstance(expired, InviteError) and expired.problem is InviteProblem.EXPIRED


async def test_wrong_codes_are_slowed_down(sessions, code) -> None:
    for attempt in range(MAX_FAILED_ATTEMPTS):
        error = await _redeem(sessions, 9, f"WRONG{attempt:03d}", NOW + timedelta(seconds=attempt))
        assert error.problem is InviteProblem.UNKNOWN
    throttled = await _redeem(sessions, 9, code, NOW + timedelta(minutes=1))
    assert throttled.problem is InviteProblem.THROTTLED
    assert timedelta(0) < throttled.retry_after <= ATTEMPT_WINDOW
    assert await _redeem(sessions, 10, code) == "DLH"  # other users are not affected
    later = NOW + ATTEMPT_WINDOW + timedelta(minutes=1)
    assert await _redeem(sessions, 9, code, later) == "DLH"
