"""/daftar with a second unit's code: one Telegram account serves one unit, so the officer
is told which unit they belong to and asked whether to move; "no" changes nothing, "yes"
moves them (the old unit's entries stay with it), in Indonesian and in English."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.i18n import plain_text
from bot.storage.models import AuditEntry, Officer, Unit
from tests.e2e.attendees.test_attendee_agenda import visible
from tests.e2e.helpers.database import BOOKKEEPING, whole_database
from tests.e2e.helpers.entries import IN_WINDOW, invite_code, join

pytestmark = pytest.mark.e2e
SEEN = (*BOOKKEEPING, "chats")
"""Tables a refused or declined code does not change but a message does (last seen)."""


async def _units_of(bot, user_id: int) -> list[str]:
    async with bot.runtime.sessions() as session:
        return list(
            await session.scalars(
                select(Unit.code)
                .join(Officer, Officer.unit_id == Unit.id)
                .where(Officer.user_id == user_id)
            )
        )


async def test_a_second_units_code_asks_before_moving(bot, users) -> None:
    bot.clock.set(IN_WINDOW)  # the entry period: the listing offers a new entry
    budi = await join(users, bot, "Budi", "DINSOS")
    code = await invite_code(bot, "DLH")
    before = await whole_database(bot.runtime, ignore=SEEN)
    await budi.send(f"/daftar {code}")
    ask = visible("id", "invite-switch-ask", current="Dinas Sosial", unit="Dinas Lingkungan Hidup")
    assert ask.startswith("Akun Bapak/Ibu sudah terdaftar sebagai petugas Dinas Sosial.")
    question = await budi.expect_message(ask)
    assert await whole_database(bot.runtime, ignore=SEEN) == before  # not joined, no use

    await budi.tap(plain_text("id", "invite-button-keep", current="Dinas Sosial"))
    await budi.expect_message(
        predicate=lambda m: (
            m["message_id"] == question["message_id"]
            and m["text"] == visible("id", "invite-switch-kept")
        )
    )
    assert await whole_database(bot.runtime, ignore=SEEN) == before
    assert await _units_of(bot, budi.id) == ["DINSOS"]

    await budi.send(f"/start inv-{code}")  # the invite link asks the same
    await budi.expect_message(ask)
    await budi.tap(plain_text("id", "invite-button-switch", unit="Dinas Lingkungan Hidup"))
    await budi.expect_message("sekarang terdaftar sebagai petugas Dinas Lingkungan Hidup dan")
    assert await _units_of(bot, budi.id) == ["DLH"]
    async with bot.runtime.sessions() as session:
        left = await session.scalar(select(AuditEntry).where(AuditEntry.action == "officer.leave"))
    assert (left.actor_id, left.entity_id, left.after) == (
        budi.id,
        "DINSOS",
        {"switched_to": "DLH"},
    )
    await budi.send("/inovasi_saya")
    mine = await budi.expect_message("Unit Bapak/Ibu belum")
    labels = [b["text"] for row in mine["inline_keyboard"] for b in row]
    assert labels == [plain_text("id", "entry-button-new", unit="Dinas Lingkungan Hidup")]


async def test_the_question_and_the_move_in_english(bot, users) -> None:
    john = await users.create("John", language_code="en")
    await john.send("/bahasa")
    await john.expect_message(visible("id", "language-choose"))
    await john.tap(plain_text("id", "language-name-en"))
    await john.expect_message("English")
    await john.send(f"/join {await invite_code(bot, 'DINSOS')}")
    await john.expect_message("you are now an officer of Dinas Sosial")
    await john.send(f"/join {await invite_code(bot, 'DLH')}")
    await john.expect_message(
        visible("en", "invite-switch-ask", current="Dinas Sosial", unit="Dinas Lingkungan Hidup")
    )
    await john.tap(plain_text("en", "invite-button-switch", unit="Dinas Lingkungan Hidup"))
    await john.expect_message("you are now an officer of Dinas Lingkungan Hidup and no longer")
    assert await _units_of(bot, john.id) == ["DLH"]
