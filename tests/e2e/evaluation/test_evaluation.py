"""The evaluation survey (issue 18): sent at the event file's time to those checked in (all
subscribers when nobody checked in), answered with buttons and typed text, saved as given,
one reminder to those who did not finish, the results in the workbook and the committee's
summary. Both databases."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.handlers.announcements.reminders import process_due
from bot.services.committee.exports import export_tables
from bot.storage.models import AttendanceRecord, Broadcast, Delivery, EvaluationResponse
from tests.e2e.announcements.test_reminders import _attendee, _subscribe

pytestmark = pytest.mark.e2e

WIB = ZoneInfo("Asia/Jakarta")
SEND_AT = datetime(2022, 12, 7, 14, 30, tzinfo=WIB)
SUGGESTION = "Tambah sesi tanya jawab <b>lebih lama</b>"


async def _check_in(bot, *users) -> None:
    event = await bot.runtime.event()
    async with bot.runtime.transaction() as session:
        for user in users:
            session.add(
                AttendanceRecord(
                    event_id=event.id,
                    person_key=f"u:{user.id}",
                    user_id=user.id,
                    name=f"Peserta {user.id}",
                    checked_in_at=bot.runtime.now(),
                )
            )


async def siti_opens_the_survey(bot, users, clock):
    """Siti, checked in at the event, gets the survey at SEND_AT and opens it (its first
    question is next)."""
    clock.set(SEND_AT - timedelta(hours=6))
    siti = await _attendee(users, "Siti")
    await _check_in(bot, siti)
    clock.set(SEND_AT)
    await process_due(bot.application)
    await siti.expect_message("Evaluasi Penganugerahan IGA", timeout=10)
    await siti.tap("📝 Isi evaluasi")
    return siti


async def _recipients(bot, key: str) -> list[int]:
    async with bot.runtime.sessions() as session:
        return sorted(
            await session.scalars(
                select(Delivery.chat_id)
                .join(Broadcast, Broadcast.id == Delivery.broadcast_id)
                .where(Broadcast.key == key)
            )
        )


async def _responses(bot) -> dict[int, EvaluationResponse]:
    async with bot.runtime.sessions() as session:
        rows = await session.scalars(select(EvaluationResponse))
        return {row.chat_id: row for row in rows}


async def test_sent_answered_reminded_once_and_in_the_workbook(bot, users, clock) -> None:
    clock.set(SEND_AT - timedelta(hours=6))
    admin = await users.create("Rahmat", admin=True)
    siti = await _attendee(users, "Siti")
    budi = await _attendee(users, "Budi")
    rina = await _attendee(users, "Rina")  # subscribed, not at the event
    await _subscribe(bot, rina.id, "general")
    await _check_in(bot, siti, budi)
    assert "evaluation:" not in " ".join((await process_due(bot.application)).sent)
    # before the send time: when and to how many, not "nobody checked in" (QA #23)
    await admin.send("/evaluasi")
    waiting = await admin.expect_message("Evaluasi Penganugerahan IGA")
    assert "survei dikirim pukul 14.30 WIB kepada 2 orang yang sudah hadir" in waiting["text"]

    clock.set(SEND_AT)
    report = await process_due(bot.application)
    event = await bot.runtime.event()
    assert f"evaluation:{event.id}:survey" in report.sent
    assert await _recipients(bot, f"evaluation:{event.id}:survey") == sorted([siti.id, budi.id])

    # Siti: buttons and typed answers, saved as given
    await siti.expect_message("Evaluasi Penganugerahan IGA", timeout=10)
    await siti.tap("📝 Isi evaluasi")
    await siti.expect_message("pertanyaan 1 dari 4")
    await siti.tap("4")
    await siti.expect_message("pertanyaan 2 dari 4")
    await siti.send("5")  # a rating typed
    await siti.expect_message("pertanyaan 3 dari 4")
    await siti.tap("Bot Telegram")
    await siti.expect_message("Boleh dilewati")
    await siti.send(SUGGESTION)
    await siti.expect_message("Tersimpan 6 kata")
    await siti.tap("Selesai ▶")
    await siti.expect_message("Terima kasih. Jawaban evaluasi")

    # Budi: one answer, a wrong typed rating (said, nothing saved), stops
    await budi.expect_message("Evaluasi Penganugerahan IGA", timeout=10)
    await budi.tap("📝 Isi evaluasi")
    await budi.expect_message("pertanyaan 1 dari 4")
    await budi.tap("3")
    await budi.expect_message("pertanyaan 2 dari 4")
    await budi.send("9")
    refused = await budi.expect_message("angka 1 sampai 5")
    # the question's buttons again under the error (they are scrolled away above)
    assert [b["text"] for b in refused["reply_markup"]["inline_keyboard"][0]] == list("12345")

    responses = await _responses(bot)
    assert responses[siti.id].answers == {
        "kepuasan": 4, "materi": 5, "informasi": "bot", "saran": SUGGESTION,
    }  # fmt: skip
    assert responses[siti.id].finished_at == SEND_AT
    assert responses[budi.id].answers == {"kepuasan": 3}
    assert responses[budi.id].finished_at is None
    assert rina.id not in responses

    # the one reminder, to Budi only
    clock.set(SEND_AT + timedelta(minutes=60))
    assert f"evaluation:{event.id}:reminder" in (await process_due(bot.application)).sent
    assert await _recipients(bot, f"evaluation:{event.id}:reminder") == [budi.id]
    await budi.expect_message("belum selesai diisi", timeout=10)
    clock.set(SEND_AT + timedelta(minutes=120))
    assert (await process_due(bot.application)).sent == []

    # the committee: a summary in the chat, the sheet in the workbook
    await admin.send("/evaluasi")
    summary = await admin.expect_message("Evaluasi Penganugerahan IGA")
    assert "Diundang: 2 · Selesai: 1" in summary["text"]
    assert "rata-rata 3,5 (2 jawaban)" in summary["text"]
    assert "Bot Telegram: 1" in summary["text"]
    async with bot.runtime.sessions() as session:
        edition = (await bot.runtime.event()).edition
        (sheet,) = [
            table for table in export_tables(session, edition, WIB) if table.key == "evaluation"
        ]
        rows = await sheet.rows()
    assert sheet.title == "Evaluasi"
    kepuasan = rows[0]
    assert kepuasan[2:4] == [2, 3.5] and "3: 1" in kepuasan[4] and "4: 1" in kepuasan[4]
    assert rows[-1][-1] == SUGGESTION  # the text answer as given


async def test_everybody_subscribed_when_nobody_checked_in(bot, users, clock) -> None:
    rina = await _attendee(users, "Rina")
    await _subscribe(bot, rina.id, "schedule")
    clock.set(SEND_AT)
    await process_due(bot.application)
    event = await bot.runtime.event()
    assert await _recipients(bot, f"evaluation:{event.id}:survey") == [rina.id]
    await rina.expect_message("Evaluasi Penganugerahan IGA", timeout=10)
