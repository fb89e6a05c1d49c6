"""The winners: no trace of them for non-admins before the announcement time (walking every
command, menu button and inline button), a preview for admins, the announcement at the time
to subscribers with congratulations to the winning units' officers, and the committee moving
or cancelling it."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from telegram.ext import BaseHandler, CommandHandler, ConversationHandler

from bot.handlers.announcements.reminders import CATCH_UP_JOB, process_due
from bot.handlers.shared.menus import MENU_LAYOUT
from bot.i18n import plain_text, t
from bot.sandbox.client import EmulatorControlError
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.services.announcements.subscriptions import subscribe
from bot.storage.models import Award, Edition, Officer, Submission, SubmissionStatus, Unit
from tests.e2e.announcements.test_reminders import _attendee, _drained
from tests.e2e.conftest import all_updates_handled

pytestmark = pytest.mark.e2e

WIB = ZoneInfo("Asia/Jakarta")
ANNOUNCE = datetime(2022, 12, 7, 9, 0, tzinfo=WIB)
WINNERS_MENU = plain_text("id", "menu-winners")
SECRETS = (
    "Sosial Home Care",
    "LAPIS MANIS",
    "JAGO SILO",
    "SIDOTI",
    "— Dinas Sosial —",
    "— Dinas PM dan PTSP —",
    "— Kelurahan Bendogerit —",
    "— Dinas Lingkungan Hidup —",
)
"""What would betray the seed's results: the innovations, and a unit named with its rank."""


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """A test user sends several commands within a second, faster than a person does; a larger
    per-chat burst keeps flood control (1 message a second) off the bot's replies."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


@pytest.fixture(autouse=True)
def no_catch_up(bot) -> None:
    """Stop the real-time catch-up job: these tests drive time and processing themselves."""
    for job in bot.application.job_queue.get_jobs_by_name(CATCH_UP_JOB):
        job.schedule_removal()


def _commands(handlers: list[BaseHandler]) -> set[str]:
    found: set[str] = set()
    for handler in handlers:
        if isinstance(handler, CommandHandler):
            found.update(handler.commands)
        elif isinstance(handler, ConversationHandler):
            nested = list(handler.entry_points) + list(handler.fallbacks)
            for state in handler.states.values():
                nested.extend(state)
            found.update(_commands(nested))
    return found


def _leaks(messages: list[dict]) -> list[str]:
    seen = []
    for message in messages:
        body = json.dumps(message, ensure_ascii=False)
        seen.extend(secret for secret in SECRETS if secret in body)
    return seen


class TestNoTraceBeforeTheAnnouncement:
    @pytest.fixture
    def emulator_config(self) -> EmulatorConfig:
        """The walk sends far faster than people do: flood control loosened so the bot's
        replies are not refused (this test is about what they say)."""
        return EmulatorConfig(rate_limits=RateLimits(scale=20.0, private_burst=20))

    async def test_walking_every_command_button_and_inline_button(self, bot, users, emu) -> None:
        application = bot.application
        commands = sorted(_commands([h for group in application.handlers.values() for h in group]))
        assert {"pemenang", "umumkan_pada", "batal_umumkan", "start", "help"} <= set(commands)
        labels = [
            plain_text(language, key)
            for language in ("id", "en")
            for row in MENU_LAYOUT
            for key in row
        ]
        drivers = []
        for text in [f"/{command}" for command in commands] + labels:
            user = await users.create("Warga")
            await user.send(text)
            drivers.append(user)
        for command in ("umumkan_pada 08/12/2022 10.00", "pemenang 1"):
            user = await users.create("Warga")
            await user.send(f"/{command}")
            drivers.append(user)
        await all_updates_handled(bot, emu)
        taps = 0
        for user in drivers:  # one level of inline buttons under every reply
            for message in await user.bot_messages():
                for row in message.get("inline_keyboard") or []:
                    for button in row:
                        if "callback_data" in button and taps < 60:
                            try:
                                tapped = await user.tap(
                                    data=button["callback_data"], message_id=message["message_id"]
                                )
                            except EmulatorControlError:  # the previous tap removed it
                                continue
                            # as a person does: the next tap after the answer (Telegram's
                            # clients show a spinner until it comes)
                            await user.expect_callback_answer(tapped, timeout=10)
                            taps += 1
        await all_updates_handled(bot, emu)
        transcripts = [message for user in drivers for message in await user.bot_messages()]
        assert len(transcripts) >= len(commands)  # the walk reached the bot
        assert _leaks(transcripts) == []
        refused = [r for r in await emu.rejections() if "not modified" not in r["description"]]
        assert refused == []  # ("not modified": the walk taps buttons already used)


async def test_before_the_time_the_public_sees_only_when(bot, users) -> None:
    siti = await users.create("Siti")
    await siti.send(WINNERS_MENU)
    reply = await siti.expect_message("akan diumumkan pada")
    assert "Rabu, 7 Desember 2022, pukul 09.00 WIB" in reply["text"]
    assert _leaks([reply]) == []
    await siti.send("/pemenang")
    assert _leaks([await siti.expect_message("akan diumumkan")]) == []


async def test_admins_see_a_preview_marked_not_public(bot, users) -> None:
    admin = await users.create("Panitia", admin=True)
    await admin.send("/pemenang")
    reply = await admin.expect_message("Belum diumumkan")
    assert "Juara I — Dinas Sosial — Sosial Home Care Lanjut Usia" in reply["text"]
    assert "Rabu, 7 Desember 2022, pukul 09.00 WIB" in reply["text"]


async def test_announced_at_the_time_to_subscribers_and_winning_officers(bot, users) -> None:
    fans = await _attendee(users, "Siti")  # results news
    general = await _attendee(users, "Budi")  # general news
    schedule_only = await _attendee(users, "Tono")  # schedule news only: not asked for results
    officer = await _attendee(users, "Ani")  # Dinas Sosial
    async with bot.runtime.transaction() as session:
        now = bot.runtime.now()
        await subscribe(session, fans.id, ["results", "general"], now)
        await subscribe(session, general.id, ["general"], now)
        await subscribe(session, schedule_only.id, ["schedule"], now)
        dinsos = await session.scalar(select(Unit).where(Unit.code == "DINSOS"))
        session.add(Officer(user_id=officer.id, unit_id=dinsos.id))
    bot.clock.set(datetime(2022, 12, 7, 8, 59, 59, tzinfo=WIB))
    assert not [k for k in (await process_due(bot.application)).sent if k.startswith("results")]
    bot.clock.set(ANNOUNCE)
    assert [k for k in (await process_due(bot.application)).sent if k.startswith("results")]
    for user in (fans, general):
        message = await user.expect_message("Pemenang Lomba Innovative Government Award")
        assert message["text"].index("Juara I — Dinas Sosial — Sosial Home Care Lanjut Usia") < (
            message["text"].index("Juara IV — Dinas Lingkungan Hidup — SIDOTI")
        )
    congratulations = await officer.expect_message("Selamat, Dinas Sosial!")
    assert "Juara I — Dinas Sosial — Sosial Home Care Lanjut Usia" in congratulations["text"]
    await _drained(bot)
    assert all("Juara" not in m["text"] for m in await schedule_only.bot_messages())
    assert sum("Pemenang Lomba" in m["text"] for m in await fans.bot_messages()) == 1
    assert (await process_due(bot.application)).sent == []  # announced once
    await schedule_only.send(WINNERS_MENU)
    shown = await schedule_only.expect_message("Juara II — Dinas PM dan PTSP")
    assert (
        "Juara III — Kelurahan Bendogerit — JAGO SILO (Jajan Nonggo Nglarisi Bolo)"
        in (shown["text"])
    )


async def test_committee_moves_then_cancels_the_announcement(bot, users) -> None:
    admin = await users.create("Panitia", admin=True)
    siti = await _attendee(users, "Siti")
    await siti.send("/umumkan_pada 08/12/2022 10.00")
    await siti.expect_message(t("id", "committee-only"))
    await admin.send("/umumkan_pada 8/12/2022 10.00")
    await admin.expect_message("akan diumumkan pada Kamis, 8 Desember 2022, pukul 10.00 WIB")
    await admin.send("/umumkan_pada 31/02/2022 10.00")
    bad = await admin.expect_message("bukan tanggal dan jam yang valid")
    # the example is tomorrow by the clock (Kamis, 1 Desember 2022 in these tests), not a
    # date written into the catalogue
    assert "Contoh: /umumkan_pada 02/12/2022 09.00" in bad["text"], bad["text"]
    await admin.send("/umumkan_pada")
    usage = await admin.expect_message("Tuliskan waktu pengumuman pemenang")
    assert "/umumkan_pada 02/12/2022 09.00" in usage["text"], usage["text"]
    await admin.send("/umumkan_pada 30/11/2022 10.00")
    await admin.expect_message("harus setelah saat ini")
    bot.clock.set(ANNOUNCE)
    assert not [k for k in (await process_due(bot.application)).sent if k.startswith("results")]
    await siti.send("/pemenang")
    reply = await siti.expect_message("Kamis, 8 Desember 2022, pukul 10.00 WIB")
    assert _leaks([reply]) == []
    await admin.send("/batal_umumkan")
    await admin.expect_message("dibatalkan")
    await siti.send("/pemenang")
    assert _leaks([await siti.expect_message("belum diumumkan")]) == []
    bot.clock.set(datetime(2022, 12, 9, 10, 0, tzinfo=WIB))
    assert not [k for k in (await process_due(bot.application)).sent if k.startswith("results")]
    await admin.send("/batal_umumkan")
    await admin.expect_message(t("id", "winners-cancel-none"))


async def test_an_officer_sees_no_result_in_their_entries_before_the_time(bot, users) -> None:
    ani = await _attendee(users, "Ani")
    async with bot.runtime.transaction() as session:
        edition = await session.scalar(select(Edition))
        dinsos = await session.scalar(select(Unit).where(Unit.code == "DINSOS"))
        session.add(Officer(user_id=ani.id, unit_id=dinsos.id))
        entry = Submission(
            edition_id=edition.id,
            unit_id=dinsos.id,
            title="Sosial Home Care Lanjut Usia",
            status=SubmissionStatus.WINNER,
            number="IGA-2022-001",
            sequence=1,
            created_by=ani.id,
        )
        session.add(entry)
        await session.flush()
        award = await session.scalar(select(Award).where(Award.rank == 1))
        award.submission_id = entry.id
    await ani.send("/inovasi_saya")
    before = await ani.expect_message("IGA-2022-001")
    assert t("id", "entry-status-nominee") in before["text"]
    assert "Juara" not in before["text"] and t("id", "entry-status-winner") not in before["text"]
    bot.clock.set(ANNOUNCE)
    await ani.send("/inovasi_saya")
    after = await ani.expect_message("IGA-2022-001")
    assert t("id", "entry-status-winner-rank", rank="Juara I") in after["text"]
