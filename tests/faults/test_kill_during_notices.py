"""SIGKILL while the outbox delivers the notices a change causes: an admin verifies an entry
(a status notice to each of the unit's officers) and reloads the event file (a schedule-change
notice to each subscriber of schedule news); the bot process dies half-way through sending
both, is started again, and every recipient ends with exactly one of each.

The notices are outbox rows written in the transaction of the change itself, so nothing is
lost with the process; the kill comes while Telegram's 429 holds the sender and every answer
Telegram gave is recorded, so nothing is in flight to be sent twice (a kill while messages are
in flight can duplicate those few: see ``tests/e2e/test_broadcast_crash.py``).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.sandbox.emulator import Emulator
from bot.sandbox.users import press_callback, send_text
from bot.storage.database import create_engine, create_session_factory
from bot.storage.models import Broadcast, Delivery, DeliveryStatus, SubmissionStatus
from tests.e2e.conftest import wait_until
from tests.e2e.helpers.broadcasts import add_subscribers, bot_messages
from tests.factories import edition, make_entry, make_officer

pytestmark = [pytest.mark.e2e, pytest.mark.entries_open_now]

OFFICERS = 30
SUBSCRIBERS = 30
PACE = 10.0
"""The outbox's pace in this test, messages per second: the 60 notices take about 6 s."""
TITLE = "Bank Sampah Digital Kelurahan"
"""The verified entry's title: its status notice names it."""
RENAMED = "Penguatan inovasi daerah dan kolaborasi"
"""The agenda item's new title: the schedule-change notice names it."""
START_TIMEOUT = 60.0


def _rename_session(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "title: Penguatan inovasi daerah\n" in text
    path.write_text(
        text.replace("title: Penguatan inovasi daerah\n", f"title: {RENAMED}\n"), encoding="utf-8"
    )


async def _sent_in_database(sessions) -> int:  # type: ignore[no-untyped-def]
    async with sessions() as session:
        return (
            await session.scalar(
                select(func.count())
                .select_from(Delivery)
                .join(Broadcast, Broadcast.id == Delivery.broadcast_id)
                .where(Delivery.status == DeliveryStatus.SENT)
            )
            or 0
        )


def _bot_replies(emulator: Emulator, chat_id: int) -> int:
    return sum(1 for m in emulator.world.chats[chat_id].messages.values() if m.from_bot)


async def test_killed_while_sending_status_and_schedule_notices_each_recipient_gets_one(
    bot_process,
    emulator,
    emu,
    database_url,
    event_file,
) -> None:
    world = emulator.world
    admin = world.add_user("Admin Panitia", language_code="id", started=True)
    officers = [world.add_user(f"Petugas {i}", language_code="id", started=True)
                for i in range(OFFICERS)]  # fmt: skip
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    try:
        async with sessions() as session, session.begin():
            ed = await edition(session)
            for officer in officers:
                await make_officer(session, ed, "DLH", officer.id)
            entry = await make_entry(session, ed, "DLH", TITLE, status=SubmissionStatus.SUBMITTED)
        subscribers = await add_subscribers(emulator, sessions, SUBSCRIBERS, topic="schedule")
        officer_ids = [officer.id for officer in officers]
        bot_process.env.update({"ADMIN_IDS": str(admin.id), "OUTBOX_PER_SECOND": str(PACE)})
        running = bot_process.start()

        chat = world.chats[admin.id]
        await send_text(world, admin, chat, "/start")
        # /start's welcome, then its subscription offer: both sent before the next step
        await wait_until(lambda: _bot_replies(emulator, admin.id) >= 2, timeout=START_TIMEOUT)
        start_reply = next(m for m in chat.messages.values() if m.from_bot)
        # verifying answers the tap with a toast and edits the card: no new message
        tap = await press_callback(world, admin, chat, start_reply, f"cm:a:v:{entry.id}")
        callback = world.callbacks[tap["query_id"]]
        await wait_until(lambda: callback.answer is not None, timeout=20)
        assert f"{OFFICERS} petugas diberi tahu" in callback.answer.get("text", ""), callback.answer
        _rename_session(event_file)
        replies = _bot_replies(emulator, admin.id)
        await send_text(world, admin, chat, "/muat_ulang")
        await wait_until(lambda: _bot_replies(emulator, admin.id) > replies, timeout=20)

        def delivered() -> tuple[int, int]:
            return (
                sum(bot_messages(emulator, officer_ids, TITLE).values()),
                sum(bot_messages(emulator, subscribers, RENAMED).values()),
            )

        # both kinds are going out when Telegram's 429 holds the sender...
        await wait_until(lambda: min(delivered()) >= 3, timeout=30, interval=0.02)
        await emu.add_fault("429", method="sendMessage", count=1, retry_after=60)
        await wait_until(lambda: emulator.faults.rules[0].fired == 1, timeout=10)

        async def settled() -> bool:
            return await _sent_in_database(sessions) == sum(delivered())

        # ...and every answer Telegram gave is recorded: the process dies
        await wait_until(settled, timeout=10, interval=0.05)
        running.kill()
        status_sent, schedule_sent = delivered()
        assert status_sent < OFFICERS and schedule_sent < SUBSCRIBERS, "killed too late"

        bot_process.start()

        def everyone_has_both() -> bool:
            status, schedule = delivered()
            return status >= OFFICERS and schedule >= SUBSCRIBERS

        await wait_until(everyone_has_both, timeout=START_TIMEOUT, interval=0.1)

        async def nothing_pending() -> bool:
            async with sessions() as session:
                return not await session.scalar(
                    select(func.count()).where(Delivery.status == DeliveryStatus.PENDING)
                )

        await wait_until(nothing_pending, timeout=20, interval=0.1)
        status_counts = bot_messages(emulator, officer_ids, TITLE)
        schedule_counts = bot_messages(emulator, subscribers, RENAMED)
        assert Counter(status_counts.values()) == {1: OFFICERS}, status_counts
        assert Counter(schedule_counts.values()) == {1: SUBSCRIBERS}, schedule_counts
    finally:
        await engine.dispose()
