"""Results: private to admins until the announcement time; the committee records them and
moves or cancels the announcement before it happens."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.services.announcements.reminders import plan_all, results_key
from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.services.judging.results import (
    AlreadyAnnouncedError,
    AnnouncementInPastError,
    NoAnnouncementError,
    UnknownRankError,
    cancel_announcement,
    mark_announced,
    public_status,
    rank_title,
    record_award,
    results_visible,
    set_announcement_time,
    visible_awards,
)
from bot.storage.models import AuditEntry, Edition, Reminder, SubmissionStatus, Unit
from tests.conftest import EVENT_FILE

WIB = ZoneInfo("Asia/Jakarta")
ANNOUNCE = datetime(2022, 12, 7, 9, 0, tzinfo=WIB)
BEFORE = datetime(2022, 12, 1, 9, 0, tzinfo=WIB)


async def _seed(sessions) -> None:
    async with sessions() as session, session.begin():
        await import_event_file(session, load_event_file(EVENT_FILE))
        await plan_all(session, BEFORE, WIB)


async def _edition(session) -> Edition:
    return await session.scalar(select(Edition))


async def _awards(sessions, now: datetime, *, admin: bool) -> list[tuple[str, str, str]]:
    async with sessions() as session:
        edition = await _edition(session)
        awards = await visible_awards(session, edition, now, viewer_is_admin=admin)
    return [(a.title, a.unit.name, a.innovation) for a in awards]


async def _reminder(sessions) -> Reminder:
    async with sessions() as session:
        edition = await _edition(session)
        return await session.scalar(select(Reminder).where(Reminder.key == results_key(edition.id)))


async def test_hidden_from_the_public_until_the_second_of_the_announcement(sessions) -> None:
    await _seed(sessions)
    assert await _awards(sessions, BEFORE, admin=False) == []
    assert await _awards(sessions, ANNOUNCE - timedelta(seconds=1), admin=False) == []
    visible = await _awards(sessions, ANNOUNCE, admin=False)
    assert visible[0] == ("Juara I", "Dinas Sosial", "Sosial Home Care Lanjut Usia")
    assert [title for title, _, _ in visible] == ["Juara I", "Juara II", "Juara III", "Juara IV"]


async def test_admins_see_them_before(sessions) -> None:
    await _seed(sessions)
    assert len(await _awards(sessions, BEFORE, admin=True)) == 4
    async with sessions() as session:
        edition = await _edition(session)
        assert results_visible(edition, BEFORE) is False
        assert results_visible(edition, ANNOUNCE) is True


async def test_moving_the_announcement_moves_its_row_and_is_audited(sessions) -> None:
    await _seed(sessions)
    later = datetime(2022, 12, 8, 10, 0, tzinfo=WIB)
    async with sessions() as session, session.begin():
        edition = await _edition(session)
        await set_announcement_time(session, edition, later, actor_id=9, now=BEFORE, zone=WIB)
    assert (await _reminder(sessions)).due_at == later
    assert await _awards(sessions, ANNOUNCE, admin=False) == []
    assert len(await _awards(sessions, later, admin=False)) == 4
    async with sessions() as session:
        audit = await session.scalar(
            select(AuditEntry).where(AuditEntry.action == "results.schedule")
        )
    assert audit.actor_id == 9 and audit.after == {"at": later.isoformat()}


async def test_cancelled_announcement_keeps_results_private_until_set_again(sessions) -> None:
    await _seed(sessions)
    async with sessions() as session, session.begin():
        edition = await _edition(session)
        assert (
            await cancel_announcement(session, edition, actor_id=9, now=BEFORE, zone=WIB)
            == ANNOUNCE
        )
    assert (await _reminder(sessions)).dropped_at == BEFORE
    assert await _awards(sessions, datetime(2023, 1, 1, tzinfo=WIB), admin=False) == []
    async with sessions() as session, session.begin():
        edition = await _edition(session)
        with pytest.raises(NoAnnouncementError):
            await cancel_announcement(session, edition, actor_id=9, now=BEFORE, zone=WIB)
        await set_announcement_time(session, edition, ANNOUNCE, actor_id=9, now=BEFORE, zone=WIB)
    reminder = await _reminder(sessions)
    assert reminder.dropped_at is None and reminder.due_at == ANNOUNCE


async def test_no_time_in_the_past_and_no_change_after_the_announcement(sessions) -> None:
    await _seed(sessions)
    async with sessions() as session, session.begin():
        edition = await _edition(session)
        with pytest.raises(AnnouncementInPastError):
            await set_announcement_time(session, edition, BEFORE, actor_id=9, now=BEFORE, zone=WIB)
        mark_announced(edition, ANNOUNCE)
        with pytest.raises(AlreadyAnnouncedError):
            await set_announcement_time(
                session,
                edition,
                datetime(2022, 12, 9, tzinfo=WIB),
                actor_id=9,
                now=ANNOUNCE,
                zone=WIB,
            )
        with pytest.raises(AlreadyAnnouncedError):
            await cancel_announcement(session, edition, actor_id=9, now=ANNOUNCE, zone=WIB)


async def test_recorded_results_take_the_rank_titles_of_the_edition(sessions) -> None:
    await _seed(sessions)
    async with sessions() as session, session.begin():
        edition = await _edition(session)
        assert rank_title(edition, 4) == "Juara IV"
        with pytest.raises(UnknownRankError):
            rank_title(edition, 5)
        dinkes = await session.scalar(select(Unit).where(Unit.code == "DINKES"))
        award = await record_award(
            session, edition, rank=2, unit=dinkes, innovation="SEHAT", actor_id=9, now=BEFORE
        )
        assert award.title == "Juara II"
    awards = await _awards(sessions, BEFORE, admin=True)
    assert awards[1] == ("Juara II", "Dinas Kesehatan", "SEHAT")
    assert await _awards(sessions, BEFORE, admin=False) == []


async def test_entry_statuses_that_tell_the_results_are_nominee_until_announced(sessions) -> None:
    await _seed(sessions)
    async with sessions() as session:
        edition = await _edition(session)
    for status in (SubmissionStatus.WINNER, SubmissionStatus.NOT_SELECTED):
        assert public_status(status, edition, BEFORE) is SubmissionStatus.NOMINEE
        assert public_status(status, edition, ANNOUNCE) is status
    assert public_status(SubmissionStatus.SUBMITTED, edition, BEFORE) is SubmissionStatus.SUBMITTED
