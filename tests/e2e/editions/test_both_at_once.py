"""Both editions at once: on 1 December 2022 the 2022 awarding (7 December) is still ahead
while IGA 2023's entries are open. Attendees get the 2022 event and winners, officers the
2023 entries, and each text says its year; once the 2022 event is over, the 2023 one."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.handlers.announcements.reminders import CATCH_UP_JOB, process_due
from bot.i18n import t
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.services.announcements.subscriptions import subscribe
from tests.e2e.editions.test_read_only_previous_edition import start_next_edition
from tests.e2e.helpers.committee import add_officer

pytestmark = pytest.mark.e2e

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """A few commands within a second: a larger per-chat burst keeps flood control off."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


@pytest.fixture(autouse=True)
def no_catch_up(bot) -> None:
    """Stop the real-time catch-up job: the test drives time and processing itself."""
    for job in bot.application.job_queue.get_jobs_by_name(CATCH_UP_JOB):
        job.schedule_removal()


async def test_each_part_serves_its_edition_and_names_the_year(bot, users) -> None:
    warga = await users.create("Warga")
    await warga.send("/start")
    await warga.expect_message("Selamat datang")
    async with bot.runtime.transaction() as session:
        await subscribe(session, warga.id, ["results"], bot.runtime.now())
    siti = await users.create("Siti")
    await add_officer(bot.runtime, "DLH", siti.id)
    await start_next_edition(bot)

    await warga.send("/agenda")
    agenda = await warga.expect_message("Susunan acara")
    assert "2022" in agenda["text"].splitlines()[0]
    await warga.send("/pemenang")
    winners = await warga.expect_message("Tahun 2022")
    assert "2023" not in winners["text"]

    await siti.send("/inovasi_saya")
    mine = await siti.expect_message("Tingkat Kota Blitar Tahun 2023\nUnit Bapak/Ibu belum")
    await siti.send(t("id", "menu-submit"))
    await siti.expect_message("Nama inovasi")
    assert mine is not None

    # the 2022 winners are still announced at their time, and say their year
    bot.clock.set(datetime(2022, 12, 7, 9, 0, tzinfo=WIB))
    assert [k for k in (await process_due(bot.application)).sent if k.startswith("results")]
    announced = await warga.expect_message("Pemenang Lomba Innovative Government Award")
    assert "Tahun 2022" in announced["text"] and "2023" not in announced["text"]

    bot.clock.set(datetime(2022, 12, 8, 9, 0, tzinfo=WIB))  # the 2022 awarding is over
    bot.runtime.forget_event()
    await warga.send("/agenda")
    agenda = await warga.expect_message("Susunan acara")
    assert "2023" in agenda["text"].splitlines()[0]
    await siti.send("/inovasi_saya")
    await siti.expect_message("Tingkat Kota Blitar Tahun 2023\nUnit Bapak/Ibu belum")
