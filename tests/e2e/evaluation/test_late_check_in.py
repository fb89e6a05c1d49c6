"""The survey reaches everyone checked in, not only those present at its send time (QA,
issue 18 item 3): with nobody checked in and nobody subscribed at ``send_at`` nobody is
asked, a check-in after it gets the survey at once, someone recorded present without the
check-in (a record given a user later) gets it with the reminder, and the committee's
summary counts them all."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.handlers.announcements.reminders import process_due
from bot.services.attendance import records
from bot.storage.models import Broadcast, Delivery
from tests.e2e.announcements.test_reminders import _attendee
from tests.e2e.evaluation.test_evaluation import SEND_AT, _check_in, _recipients, _responses

pytestmark = pytest.mark.e2e


async def test_late_check_ins_get_the_survey(bot, users, clock) -> None:
    clock.set(SEND_AT - timedelta(hours=6))
    admin = await users.create("Rahmat", admin=True)
    siti = await _attendee(users, "Siti")
    budi = await _attendee(users, "Budi")
    clock.set(SEND_AT)
    await process_due(bot.application)
    assert await _responses(bot) == {}  # nobody checked in, nobody subscribed
    await admin.send("/evaluasi")  # the committee is told, not left with a bare 0
    nobody = await admin.expect_message("Evaluasi Penganugerahan IGA")
    assert "Diundang: 0" in nobody["text"] and "belum ada peserta yang tercatat" in nobody["text"]

    clock.set(SEND_AT + timedelta(minutes=1))
    event = await bot.runtime.event()
    async with bot.runtime.transaction() as session:  # the check-in's own service
        await records.check_in(
            session, event.id, records.Person(name="Siti Rahayu"),
            now=bot.runtime.now(), user_id=siti.id, by=siti.id,
        )  # fmt: skip
    await siti.expect_message("Evaluasi Penganugerahan IGA", timeout=10)
    await siti.tap("📝 Isi evaluasi")
    await siti.expect_message("pertanyaan 1 dari 4")
    assert set(await _responses(bot)) == {siti.id}

    await _check_in(bot, budi)  # present without the check-in's service: the reminder asks
    clock.set(SEND_AT + timedelta(minutes=60))
    await process_due(bot.application)
    assert await _recipients(bot, f"evaluation:{event.id}:survey:late") == [budi.id]
    assert await _recipients(bot, f"evaluation:{event.id}:reminder") == [siti.id]
    await budi.expect_message("Evaluasi Penganugerahan IGA", timeout=10)
    await siti.expect_message("belum selesai diisi", timeout=10)
    async with bot.runtime.sessions() as session:
        sent = await session.scalars(
            select(Broadcast.key)
            .join(Delivery, Delivery.broadcast_id == Broadcast.id)
            .where(Delivery.chat_id == budi.id)
        )
        assert list(sent) == [f"evaluation:{event.id}:survey:late"]  # not reminded too

    await admin.send("/evaluasi")
    summary = await admin.expect_message("Evaluasi Penganugerahan IGA")
    assert "Diundang: 2 · Selesai: 0" in summary["text"]
