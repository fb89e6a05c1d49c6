"""Reminders through the emulator at the configured instants in WIB (also with the machine in
another zone), sent once however often or concurrently the due rows are processed, and no
duplicate jobs after a restart."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.handlers.announcements.reminders import CATCH_UP_JOB, process_due, schedule_pending
from bot.i18n import format_moment, t
from bot.services.announcements.subscriptions import subscribe
from bot.services.core.event_file import load_event_file
from bot.services.editions.succession import import_edition
from bot.storage.models import (
    AgendaItem,
    Answer,
    Broadcast,
    BroadcastStatus,
    Edition,
    Officer,
    Reminder,
    Star,
    Submission,
    SubmissionStatus,
    Unit,
)
from tests.e2e.conftest import FakeClock, start_bot, stop_bot, wait_until
from tests.unit.editions.test_succession import NEXT_FILE

pytestmark = pytest.mark.e2e

WIB = ZoneInfo("Asia/Jakarta")


def wib(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2022, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture(autouse=True)
def no_catch_up(bot) -> None:
    """Stop the real-time catch-up job: these tests drive time and processing themselves."""
    for job in bot.application.job_queue.get_jobs_by_name(CATCH_UP_JOB):
        job.schedule_removal()


async def _drained(bot) -> None:
    """Wait until the broadcast sender has finished every broadcast."""

    async def done() -> bool:
        async with bot.runtime.sessions() as session:
            busy = await session.scalar(
                select(func.count())
                .select_from(Broadcast)
                .where(Broadcast.status.in_([BroadcastStatus.SENDING, BroadcastStatus.SCHEDULED]))
            )
        return busy == 0

    await wait_until(done)


async def _attendee(users, name: str):
    """A user who has started the bot (Telegram: a bot cannot write first)."""
    user = await users.create(name)
    await user.send("/start")
    await user.expect_message("Selamat datang")
    return user


async def _subscribe(bot, chat_id: int, *topics: str) -> None:
    async with bot.runtime.transaction() as session:
        await subscribe(session, chat_id, topics, bot.runtime.now())


async def _at(bot, moment: datetime):
    bot.clock.set(moment)
    return await process_due(bot.application)


async def _event_reminder_at_its_instants(bot, users) -> None:
    siti = await _attendee(users, "Siti")
    await _subscribe(bot, siti.id, "schedule")
    assert (await _at(bot, wib(12, 6, 7, 59))).sent == []
    report = await _at(bot, wib(12, 6, 8, 0))
    assert [key.split(":")[-1] for key in report.sent] == ["d1@08.00"]
    message = await siti.expect_message("Pengingat acara")
    first_session = format_moment(wib(12, 7, 7, 30), WIB, "id")
    assert first_session == "Rabu, 7 Desember 2022, pukul 07.30 WIB"
    assert first_session in message["text"]
    assert "Ballroom Lelly, Hotel Puri Perdana" in message["text"]
    assert "yang dimulai besok." in message["text"]  # QA #16: each says when
    assert (await _at(bot, wib(12, 7, 6, 29))).sent == []
    report = await _at(bot, wib(12, 7, 6, 30))
    assert [key.split(":")[-1] for key in report.sent] == ["m60"]
    later = await siti.expect_message("Pengingat acara")
    assert "yang dimulai dalam 1 jam." in later["text"] and first_session in later["text"]


async def test_event_reminders_at_the_configured_instants_in_wib(bot, users) -> None:
    await _event_reminder_at_its_instants(bot, users)


async def test_same_instants_when_the_machine_is_in_new_york(bot, users, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert time.strftime("%Z") in ("EST", "EDT")
        await _event_reminder_at_its_instants(bot, users)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


async def test_processing_twice_or_concurrently_sends_once(bot, users) -> None:
    siti = await _attendee(users, "Siti")
    await _subscribe(bot, siti.id, "schedule")
    bot.clock.set(wib(12, 6, 8, 0))
    reports = await asyncio.gather(*(process_due(bot.application) for _ in range(3)))
    reports.append(await process_due(bot.application))
    assert sum(len(report.sent) for report in reports) == 1
    await siti.expect_message("Pengingat acara")
    await _drained(bot)
    assert sum("Pengingat acara" in m["text"] for m in await siti.bot_messages()) == 1
    async with bot.runtime.sessions() as session:
        assert (
            await session.scalar(
                select(func.count()).select_from(Reminder).where(Reminder.sent_at.is_not(None))
            )
            == 1
        )


async def test_what_fell_due_while_down_is_dropped_or_still_made(bot, users) -> None:
    siti = await _attendee(users, "Siti")
    await _subscribe(bot, siti.id, "schedule", "results")
    report = await _at(bot, wib(12, 7, 12, 0))  # the bot was down from the 6th until noon
    assert sorted(key.split(":")[0] for key, _ in report.dropped) == ["event", "event"]
    assert [key.split(":")[0] for key in report.sent] == ["results"]
    announcement = await siti.expect_message("Pemenang")
    assert "Juara I — Dinas Sosial — Sosial Home Care Lanjut Usia" in announcement["text"]
    assert all("Pengingat acara" not in m["text"] for m in await siti.bot_messages())


async def test_personal_reminder_before_a_starred_session_with_a_map_button(bot, users) -> None:
    siti = await _attendee(users, "Siti")
    async with bot.runtime.transaction() as session:
        item = await session.scalar(select(AgendaItem).where(AgendaItem.key == "materi-kemendagri"))
        session.add(Star(chat_id=siti.id, agenda_item_id=item.id, created_at=bot.runtime.now()))
    await schedule_pending(bot.application)  # as the catch-up job does
    early = await _at(bot, wib(12, 7, 9, 44))  # (the winners are announced at 09.00)
    assert not [key for key in early.sent if key.startswith("star:")]
    report = await _at(bot, wib(12, 7, 9, 45))
    assert report.sent == [f"star:{item.id}:{siti.id}"]
    message = await siti.expect_message("Sesi yang Bapak/Ibu tandai")
    assert "Arah kebijakan perencanaan pembangunan daerah tahun 2024" in message["text"]
    assert "10.00–11.00 WIB" in message["text"]
    assert "📍 Ballroom Lelly, Hotel Puri Perdana" in message["text"]
    assert "Ballroom Lelly, Ballroom Lelly" not in message["text"]  # the room named once
    (button,) = message["inline_keyboard"][0]
    assert button["text"] == t("id", "scheduler-venue-button")
    assert button["url"].startswith("https://www.google.com/maps/search/")


async def test_restart_keeps_one_job_per_row_and_no_new_rows(bot, bot_settings, clock) -> None:
    async with bot.runtime.sessions() as session:
        rows = dict((await session.execute(select(Reminder.key, Reminder.id))).all())
    await schedule_pending(bot.application)
    await schedule_pending(bot.application)
    queue = bot.application.job_queue
    for key in rows:
        assert len(queue.get_jobs_by_name(key)) == 1, key
    await stop_bot(bot)
    again = await start_bot(bot_settings, clock, None)
    try:
        async with again.runtime.sessions() as session:
            assert dict((await session.execute(select(Reminder.key, Reminder.id))).all()) == rows
        for key in rows:
            assert len(again.application.job_queue.get_jobs_by_name(key)) == 1, key
    finally:
        await stop_bot(again)


class TestDeadlineReminders:
    @pytest.fixture
    def clock(self) -> FakeClock:
        return FakeClock(wib(10, 20, 9, 0))  # entries still open until 31 October

    async def test_officers_hear_what_their_drafts_lack(self, bot, users) -> None:
        ani = await _attendee(users, "Ani")  # Dinas Sosial, with a draft
        eko = await _attendee(users, "Eko")  # Dinas Kesehatan, no entry
        rudi = await _attendee(users, "Rudi")  # Dinas Lingkungan Hidup, entry sent
        async with bot.runtime.transaction() as session:
            edition = await session.scalar(select(Edition))
            units = {u.code: u for u in await session.scalars(select(Unit))}
            for user, code in ((ani, "DINSOS"), (eko, "DINKES"), (rudi, "DLH")):
                session.add(Officer(user_id=user.id, unit_id=units[code].id))
            draft = Submission(
                edition_id=edition.id,
                unit_id=units["DINSOS"].id,
                title="Sosial Home Care Lanjut Usia",
                created_by=ani.id,
            )
            sent = Submission(
                edition_id=edition.id,
                unit_id=units["DLH"].id,
                title="SIDOTI",
                status=SubmissionStatus.SUBMITTED,
                created_by=rudi.id,
            )
            session.add_all([draft, sent])
            await session.flush()
            session.add(Answer(submission_id=draft.id, field_key="nama", value=draft.title))
        assert (await _at(bot, wib(10, 24, 7, 59))).sent == []
        report = await _at(bot, wib(10, 24, 8, 0))
        assert [key.split(":")[-1] for key in report.sent] == ["d7"]
        message = await ani.expect_message("batas akhir pengiriman inovasi")
        assert "Senin, 31 Oktober 2022, pukul 23.59 WIB" in message["text"]
        assert "Sosial Home Care Lanjut Usia" in message["text"]
        assert "Tahapan inovasi, Inisiator, Nama inisiator" in message["text"]
        await eko.expect_message("Dinas Kesehatan belum mengirimkan inovasi")
        await _drained(bot)
        assert all("Batas akhir" not in m["text"] for m in await rudi.bot_messages())
        report = await _at(bot, wib(11, 1, 8, 0))  # after the deadline: the rest is dropped
        assert report.sent == [] and len(report.dropped) == 2
        assert (await _at(bot, wib(11, 1, 8, 0) + timedelta(days=1))).dropped == []

    async def test_after_downtime_one_reminder_not_three(self, bot, users) -> None:
        eko = await _attendee(users, "Eko")  # Dinas Kesehatan, no entry
        async with bot.runtime.transaction() as session:
            unit = await session.scalar(select(Unit).where(Unit.code == "DINKES"))
            session.add(Officer(user_id=eko.id, unit_id=unit.id))
        # down from 20 October until 30 October: the 7, 3 and 1 days' reminders fell due
        report = await _at(bot, wib(10, 30, 9, 0))
        assert [key.split(":")[-1] for key in report.sent] == ["d1"]
        assert sorted((key.split(":")[-1], why) for key, why in report.dropped) == [
            ("d3", f"superseded by {report.sent[0]}"),
            ("d7", f"superseded by {report.sent[0]}"),
        ]
        await eko.expect_message("Dinas Kesehatan belum mengirimkan inovasi")
        await _drained(bot)
        reminders = [m for m in await eko.bot_messages() if "belum mengirimkan" in m["text"]]
        assert len(reminders) == 1

    async def test_no_reminder_for_a_closed_edition(self, bot, users) -> None:
        """QA #29: once IGA 2023 is imported, IGA 2022's drafts cannot change any more: no
        2022 deadline reminder goes out, and only the 2023 ones stay planned."""
        ani = await _attendee(users, "Ani")  # Dinas Sosial 2022, with a draft
        async with bot.runtime.transaction() as session:
            edition = await session.scalar(select(Edition))
            unit = await session.scalar(select(Unit).where(Unit.code == "DINSOS"))
            session.add(Officer(user_id=ani.id, unit_id=unit.id))
            session.add(
                Submission(
                    edition_id=edition.id, unit_id=unit.id, title="DRAF-LAMA", created_by=ani.id
                )
            )
        await schedule_pending(bot.application)  # the 2022 rows, planned while it was open
        async with bot.runtime.transaction() as session:
            old = edition.id
            assert await session.scalar(
                select(func.count())
                .select_from(Reminder)
                .where(Reminder.key.startswith(f"deadline:{old}:"))
            )
            await import_edition(session, load_event_file(NEXT_FILE), bot.clock())
        bot.runtime.forget_event()
        report = await _at(bot, wib(10, 24, 8, 0))  # 2022's "7 days before" instant
        assert report.sent == []
        assert report.dropped == [
            (f"deadline:{old}:d7", "edition closed (the next edition was imported)")
        ]
        await schedule_pending(bot.application)  # re-planning drops the rest of 2022's rows
        async with bot.runtime.sessions() as session:
            pending = [
                r.key
                for r in await session.scalars(
                    select(Reminder).where(
                        Reminder.kind == "deadline",
                        Reminder.sent_at.is_(None),
                        Reminder.dropped_at.is_(None),
                    )
                )
            ]
        assert pending and not [key for key in pending if key.startswith(f"deadline:{old}:")]
        assert (await _at(bot, wib(10, 30, 8, 0))).sent == []
        await _drained(bot)
        assert all("DRAF-LAMA" not in (m["text"] or "") for m in await ani.bot_messages())
