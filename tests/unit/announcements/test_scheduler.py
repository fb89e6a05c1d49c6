"""The durable schedule: planning from the seed event in WIB, idempotent by key, claiming
once, and what fell due while the bot was down judged by kind."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.services.announcements.reminders import (
    ReminderKind,
    claim_reminder,
    deadline_reminder_key,
    deadline_targets,
    due_reminder_ids,
    evaluation_key,
    mark_sent,
    pending_reminders,
    plan_all,
    plan_star_reminder,
    results_key,
    stale_reason,
    star_reminder_key,
    superseded,
)
from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.storage.models import (
    AgendaItem,
    Answer,
    Edition,
    Event,
    Officer,
    Reminder,
    Star,
    Submission,
    SubmissionStatus,
    Unit,
)
from tests.conftest import EVENT_FILE, pg_connect
from tests.e2e.conftest import wait_until

WIB = ZoneInfo("Asia/Jakarta")
BEFORE = datetime(2022, 9, 1, 9, 0, tzinfo=WIB)
"""Kamis, 1 September 2022, 09.00 WIB: entries just opened, everything ahead."""


def wib(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2022, month, day, hour, minute, tzinfo=WIB)


async def _seed(sessions) -> None:
    async with sessions() as session, session.begin():
        await import_event_file(session, load_event_file(EVENT_FILE))


async def _plan(sessions, now: datetime) -> dict[str, Reminder]:
    async with sessions() as session, session.begin():
        rows = await plan_all(session, now, WIB)
    return {row.key: row for row in rows}


async def _item(sessions, key: str) -> AgendaItem:
    async with sessions() as session:
        return await session.scalar(select(AgendaItem).where(AgendaItem.key == key))


async def _ids(sessions) -> tuple[int, int]:
    async with sessions() as session:
        event_id = await session.scalar(select(Event.id))
        edition_id = await session.scalar(select(Edition.id))
    return event_id, edition_id


async def test_seed_plan_at_the_configured_instants_in_wib(sessions) -> None:
    await _seed(sessions)
    event_id, edition_id = await _ids(sessions)
    pending = await _plan(sessions, BEFORE)
    due = {key: row.due_at.astimezone(WIB) for key, row in pending.items()}
    assert due == {
        # the day before the first session (registrasi 07.30) at 08.00, and 60 minutes before
        f"event:{event_id}:d1@08.00": wib(12, 6, 8, 0),
        f"event:{event_id}:m60": wib(12, 7, 6, 30),
        # 7, 3 and 1 days before entries close (31 October 23.59) at 08.00
        deadline_reminder_key(edition_id, 7): wib(10, 24, 8, 0),
        deadline_reminder_key(edition_id, 3): wib(10, 28, 8, 0),
        deadline_reminder_key(edition_id, 1): wib(10, 30, 8, 0),
        results_key(edition_id): wib(12, 7, 9, 0),
        # the evaluation survey at 14.30 (the event file's send_at) and its reminder 60 later
        evaluation_key(event_id): wib(12, 7, 14, 30),
        evaluation_key(event_id, reminder=True): wib(12, 7, 15, 30),
    }
    assert all(row.due_at.tzinfo is not None for row in pending.values())
    assert pending[results_key(edition_id)].kind == ReminderKind.RESULTS


async def test_instants_do_not_depend_on_the_machine_zone(sessions, monkeypatch) -> None:
    await _seed(sessions)
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        pending = await _plan(sessions, BEFORE)
        item = await _item(sessions, "penganugerahan-iga")
        async with sessions() as session, session.begin():
            session.add(Star(chat_id=501, agenda_item_id=item.id, created_at=BEFORE))
            star = await plan_star_reminder(session, 501, item.id, BEFORE)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert star is not None and star.due_at == wib(12, 7, 8, 45)
    clocks = sorted(row.due_at.astimezone(WIB).strftime("%d %H.%M") for row in pending.values())
    assert clocks == [
        "06 08.00", "07 06.30", "07 09.00", "07 14.30", "07 15.30", "24 08.00", "28 08.00",
        "30 08.00",
    ]  # fmt: skip


async def test_planning_twice_is_idempotent(sessions) -> None:
    await _seed(sessions)
    first = await _plan(sessions, BEFORE)
    second = await _plan(sessions, BEFORE)
    assert {k: (r.id, r.due_at) for k, r in first.items()} == {
        k: (r.id, r.due_at) for k, r in second.items()
    }
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Reminder)) == len(first)


async def test_a_moved_agenda_moves_unsent_reminders_and_a_removed_offset_is_dropped(
    sessions,
) -> None:
    await _seed(sessions)
    event_id, _ = await _ids(sessions)
    await _plan(sessions, BEFORE)
    async with sessions() as session, session.begin():
        item = await session.scalar(select(AgendaItem).where(AgendaItem.key == "registrasi"))
        item.starts_at = wib(12, 7, 7, 0)
        event = await session.scalar(select(Event))
        event.reminder_offsets = [{"minutes_before": 60}]
    pending = await _plan(sessions, BEFORE)
    assert pending[f"event:{event_id}:m60"].due_at == wib(12, 7, 6, 0)
    assert f"event:{event_id}:d1@08.00" not in pending
    async with sessions() as session:
        dropped = await session.scalar(
            select(Reminder).where(Reminder.key == f"event:{event_id}:d1@08.00")
        )
    assert dropped.dropped_at == BEFORE and dropped.sent_at is None


async def test_star_reminder_15_minutes_before_and_dropped_when_unstarred(sessions) -> None:
    await _seed(sessions)
    item = await _item(sessions, "materi-kemendagri")
    async with sessions() as session, session.begin():
        session.add(Star(chat_id=77, agenda_item_id=item.id, created_at=BEFORE))
    pending = await _plan(sessions, BEFORE)
    key = star_reminder_key(77, item.id)
    assert pending[key].due_at == wib(12, 7, 9, 45)
    assert pending[key].payload == {"chat_id": 77, "agenda_item_id": item.id}
    async with sessions() as session, session.begin():
        await session.delete(await session.get(Star, (77, item.id)))
    assert key not in await _plan(sessions, BEFORE)


async def test_a_star_added_late_is_due_at_once_and_none_after_the_start(sessions) -> None:
    await _seed(sessions)
    item = await _item(sessions, "materi-kemendagri")  # 10.00 WIB
    async with sessions() as session, session.begin():
        session.add(Star(chat_id=78, agenda_item_id=item.id, created_at=BEFORE))
        late = await plan_star_reminder(session, 78, item.id, wib(12, 7, 9, 55))
    assert late is not None and late.due_at == wib(12, 7, 9, 45)
    async with sessions() as session:
        assert await due_reminder_ids(session, wib(12, 7, 9, 55)) != []
    async with sessions() as session, session.begin():
        session.add(Star(chat_id=79, agenda_item_id=item.id, created_at=BEFORE))
        assert await plan_star_reminder(session, 79, item.id, wib(12, 7, 10, 5)) is None


async def _claim_and_send(sessions, reminder_id: int, now: datetime) -> bool:
    async with sessions() as session, session.begin():
        reminder = await claim_reminder(session, reminder_id, now)
        if reminder is None:
            return False
        mark_sent(reminder, now)
        return True


async def test_a_row_is_claimed_once_even_by_concurrent_workers(sessions) -> None:
    await _seed(sessions)
    await _plan(sessions, BEFORE)
    now = wib(12, 6, 8, 0)
    async with sessions() as session:
        ids = await due_reminder_ids(session, now)
    assert len(ids) == 1 + 3  # the day-before reminder, and the three deadline reminders
    results = await asyncio.gather(*(_claim_and_send(sessions, ids[0], now) for _ in range(4)))
    assert sorted(results) == [False, False, False, True]
    assert await _claim_and_send(sessions, ids[0], now) is False
    async with sessions() as session:
        assert ids[0] not in await due_reminder_ids(session, now)


async def test_a_rolled_back_claim_is_tried_again(sessions) -> None:
    await _seed(sessions)
    await _plan(sessions, BEFORE)
    now = wib(12, 6, 8, 0)
    async with sessions() as session:
        first = (await due_reminder_ids(session, now))[0]
    with pytest.raises(RuntimeError):
        async with sessions() as session, session.begin():
            assert await claim_reminder(session, first, now) is not None
            raise RuntimeError("Telegram did not answer")
    assert await _claim_and_send(sessions, first, now) is True


async def test_a_row_not_yet_due_cannot_be_claimed(sessions) -> None:
    await _seed(sessions)
    pending = await _plan(sessions, BEFORE)
    row = min(pending.values(), key=lambda r: r.due_at)
    assert await _claim_and_send(sessions, row.id, row.due_at - timedelta(seconds=1)) is False


async def test_what_fell_due_while_down_is_judged_by_kind(sessions) -> None:
    await _seed(sessions)
    event_id, edition_id = await _ids(sessions)
    item = await _item(sessions, "penganugerahan-iga")
    async with sessions() as session, session.begin():
        session.add(Star(chat_id=80, agenda_item_id=item.id, created_at=BEFORE))
    pending = await _plan(sessions, BEFORE)
    back_up = wib(12, 7, 12, 0)  # the bot was down from the 6th until noon of the 7th
    async with sessions() as session:
        reasons = {
            key: await stale_reason(session, pending[key], back_up)
            for key in (
                f"event:{event_id}:m60",
                star_reminder_key(80, item.id),
                deadline_reminder_key(edition_id, 1),
                results_key(edition_id),
            )
        }
    assert reasons == {
        f"event:{event_id}:m60": "event already started",
        star_reminder_key(80, item.id): "agenda item already started",
        deadline_reminder_key(edition_id, 1): "entries already closed",
        results_key(edition_id): None,  # a late announcement is still made
    }
    async with sessions() as session:
        # before the session the reminder is still worth sending, late or not
        assert await stale_reason(session, pending[f"event:{event_id}:m60"], wib(12, 7, 7)) is None


async def test_planning_after_the_event_creates_no_stale_rows(sessions) -> None:
    await _seed(sessions)
    _, edition_id = await _ids(sessions)
    pending = await _plan(sessions, wib(12, 8, 9))
    assert list(pending) == [results_key(edition_id)]  # still to be announced, though late


async def test_deadline_targets_list_what_each_draft_lacks(sessions) -> None:
    await _seed(sessions)
    async with sessions() as session, session.begin():
        edition = await session.scalar(select(Edition))
        units = {
            u.code: u
            for u in await session.scalars(select(Unit).where(Unit.edition_id == edition.id))
        }
        for user_id, code in ((1, "DINSOS"), (2, "DINSOS"), (3, "DLH"), (4, "DINKES")):
            session.add(Officer(user_id=user_id, unit_id=units[code].id, joined_at=BEFORE))
        draft = Submission(
            edition_id=edition.id,
            unit_id=units["DINSOS"].id,
            title="Sosial Home Care Lanjut Usia",
            status=SubmissionStatus.DRAFT,
            created_by=1,
        )
        sent = Submission(
            edition_id=edition.id,
            unit_id=units["DLH"].id,
            title="SIDOTI",
            status=SubmissionStatus.SUBMITTED,
            created_by=3,
        )
        session.add_all([draft, sent])
        await session.flush()
        for key, value in {"nama": "Sosial Home Care Lanjut Usia", "tahapan": "uji_coba"}.items():
            session.add(Answer(submission_id=draft.id, field_key=key, value=value))
    async with sessions() as session:
        edition = await session.scalar(select(Edition))
        targets = await deadline_targets(session, edition)
    assert [(t.unit.code, t.officer_ids) for t in targets] == [("DINKES", (4,)), ("DINSOS", (1, 2))]
    assert targets[0].drafts == ()  # no entry at all
    (gaps,) = targets[1].drafts
    missing = [spec.key for spec in gaps.missing]
    assert missing[:3] == ["inisiator", "nama_inisiator", "jenis"]
    assert "waktu_uji_coba" in missing  # shown because tahapan is uji_coba
    assert "waktu_penerapan" not in missing  # only for penerapan
    assert "anggaran_nilai" not in missing  # optional
    assert "nama" not in missing and "tahapan" not in missing


async def test_pending_rows_are_listed_earliest_first(sessions) -> None:
    await _seed(sessions)
    await _plan(sessions, BEFORE)
    async with sessions() as session:
        rows = await pending_reminders(session)
    assert [row.due_at for row in rows] == sorted(row.due_at for row in rows)
    assert rows[0].due_at.astimezone(UTC) == wib(10, 24, 8).astimezone(UTC)


def test_due_reminders_of_one_kind_and_target_collapse_into_the_latest() -> None:
    due = [
        (1, "deadline", "deadline:1:d7"),
        (2, "event", "event:1:d1@08.00"),
        (3, "deadline", "deadline:1:d3"),
        (4, "deadline", "deadline:2:d3"),  # another edition
        (5, "star", "star:9:100"),
        (6, "star", "star:9:101"),  # stars of other people and sessions stay
        (7, "deadline", "deadline:1:d1"),
        (8, "event", "event:1:m60"),
    ]
    assert superseded(due) == {
        1: "deadline:1:d1",
        3: "deadline:1:d1",
        2: "event:1:m60",
    }


async def test_replicas_starting_together_plan_each_reminder_once(sessions, database_url) -> None:
    """Two processes plan at start at the same moment: the second waits for the first's
    transaction, then finds its rows (it inserted them too, failed on uq_reminders_key and
    exited: CI, test_webhook_replicas)."""
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite runs one process (a second is refused)")
    await _seed(sessions)
    async with sessions() as first, first.begin():
        planned = {row.key for row in await plan_all(first, BEFORE, WIB)}
        second = asyncio.create_task(_plan(sessions, BEFORE))
        observer = await pg_connect(database_url)
        try:  # the second planner waits for a lock the first holds
            await wait_until(lambda: _waits_for_a_lock(observer), timeout=10)
        finally:
            await observer.close()
    assert set(await second) == planned
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Reminder)) == len(planned)


async def _waits_for_a_lock(observer) -> bool:  # type: ignore[no-untyped-def]
    """Whether another connection to the observer's database waits for a lock."""
    waiting = await observer.fetchval(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
    )
    return waiting > 0
