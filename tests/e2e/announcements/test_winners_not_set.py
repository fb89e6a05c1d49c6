"""An announcement time that comes with no winners set announces nothing: the committee is
told and the time is dropped, so winners set later stay secret until a new announcement,
which reaches the subscribers (QA #28)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, select

from bot.handlers.announcements.reminders import CATCH_UP_JOB, process_due
from bot.services.judging.results import record_award
from bot.storage.models import Award, Edition, Unit
from tests.e2e.announcements.test_reminders import _attendee, _drained

pytestmark = pytest.mark.e2e

WIB = ZoneInfo("Asia/Jakarta")
ANNOUNCE = datetime(2022, 12, 7, 9, 0, tzinfo=WIB)
SECRET = "SI-RAHASIA"


@pytest.fixture(autouse=True)
def no_catch_up(bot) -> None:
    """These tests drive time and the scheduler themselves."""
    for job in bot.application.job_queue.get_jobs_by_name(CATCH_UP_JOB):
        job.schedule_removal()


async def _no_winners(bot) -> None:
    async with bot.runtime.transaction() as session:
        await session.execute(delete(Award))


async def _set_winner(bot) -> None:
    """The committee records a Juara I now (as /tetapkan_juara does, through record_award)."""
    async with bot.runtime.transaction() as session:
        edition = await session.scalar(select(Edition))
        unit = await session.scalar(select(Unit).where(Unit.code == "DINSOS"))
        await record_award(
            session,
            edition,
            rank=1,
            unit=unit,
            innovation=SECRET,
            actor_id=None,
            now=bot.runtime.now(),
        )


async def _announce_at(bot) -> datetime | None:
    async with bot.runtime.sessions() as session:
        return (await session.scalar(select(Edition))).results_announce_at


async def test_empty_moment_is_dropped_and_later_winners_wait_for_a_new_one(bot, users) -> None:
    siti = await _attendee(users, "Siti")
    admin = await _attendee(users, "Panitia")
    async with bot.runtime.transaction() as session:
        from bot.services.announcements.subscriptions import subscribe
        from bot.services.core.admins import add_admin

        await subscribe(session, siti.id, ["results"], bot.runtime.now())
        await add_admin(session, admin.id, bot.runtime.now())
    await _no_winners(bot)
    await admin.send("/umumkan_pada 08/12/2022 10.00")
    scheduled = await admin.expect_message("akan diumumkan pada")
    assert "Juara belum ditetapkan" in scheduled["text"]

    bot.clock.set(datetime(2022, 12, 8, 10, 0, tzinfo=WIB))
    await process_due(bot.application)
    await _drained(bot)
    alert = await admin.expect_message("tidak dilakukan karena juara belum ditetapkan")
    assert "Kamis, 8 Desember 2022, pukul 10.00 WIB" in alert["text"]
    assert await _announce_at(bot) is None
    assert all("Pemenang Lomba" not in m["text"] for m in await siti.bot_messages())

    bot.clock.set(datetime(2022, 12, 8, 10, 30, tzinfo=WIB))
    await _set_winner(bot)
    await siti.send("/pemenang")
    assert SECRET not in (await siti.expect_message("belum diumumkan"))["text"]
    await siti.send("/arsip 2022")
    await siti.expect_message()
    assert all(SECRET not in m["text"] for m in await siti.bot_messages())

    await admin.send("/umumkan_pada 08/12/2022 12.00")
    scheduled = await admin.expect_message("pukul 12.00 WIB")
    assert "Juara belum ditetapkan" not in scheduled["text"]
    bot.clock.set(datetime(2022, 12, 8, 12, 0, tzinfo=WIB))
    assert (await process_due(bot.application)).sent  # the revived row is due again
    announced = await siti.expect_message("Pemenang Lomba")
    assert f"Juara I — Dinas Sosial — {SECRET}" in announced["text"]


async def test_winners_set_after_a_missed_moment_do_not_go_public(bot, users) -> None:
    """The state the QA found: the moment passed with no winners (before this fix nothing
    dropped it); winners recorded afterwards must not be public at once."""
    siti = await _attendee(users, "Siti")
    await _no_winners(bot)
    bot.clock.set(ANNOUNCE + timedelta(hours=2))  # the scheduler has not dropped it
    await _set_winner(bot)
    assert await _announce_at(bot) is None
    await siti.send("/pemenang")
    assert SECRET not in (await siti.expect_message("belum diumumkan"))["text"]
