"""An officer's forged entry buttons for another unit's entry (confirm, withdraw, withdraw
confirmed): each is answered and the whole database is the same before
and after (issue 13: a refused withdraw still changed the victim's ``updated_at``)."""

from __future__ import annotations

import pytest

from bot.sandbox.users import press_callback
from bot.storage.models import SubmissionStatus
from tests.e2e.helpers.committee import add_entries, add_officer, quick_emulator, real_file_id
from tests.e2e.helpers.database import BOOKKEEPING, whole_database

pytestmark = pytest.mark.e2e

IGNORED = (*BOOKKEEPING, "attachments")
"""Attachments change by themselves: the download job fetches their files meanwhile."""


@pytest.fixture
def emulator_config():  # type: ignore[no-untyped-def]
    return quick_emulator()


async def test_forged_entry_buttons_for_another_units_entry_change_nothing(
    bot, users, emulator
) -> None:
    budi = await users.create("Budi")  # officer of Dinas Sosial
    await add_officer(bot.runtime, "DINSOS", budi.id)
    file_id = await real_file_id(budi)
    draft, submitted = await add_entries(
        bot.runtime,
        [
            ("DLH", "SIDOTI", SubmissionStatus.DRAFT),
            ("DLH", "Bank Sampah", SubmissionStatus.SUBMITTED),
        ],
        file_id,
    )
    await budi.send("/start")
    await budi.expect_message("Selamat datang")
    before = await whole_database(bot.runtime, ignore=IGNORED)

    world = emulator.world
    chat = world.chats[budi.id]
    message = max((m for m in chat.messages.values() if m.from_bot), key=lambda m: m.message_id)
    forged = [
        f"entry:{action}:{entry}"
        for entry in (draft, submitted)
        for action in ("confirm", "withdraw", "withdrawok", "withdrawno")
    ]
    for data in forged:
        tapped = await press_callback(world, world.users[budi.id], chat, message, data)
        await budi.expect_callback_answer(tapped)  # answered: no button left spinning
        after = await whole_database(bot.runtime, ignore=IGNORED)
        assert after["submissions"] == before["submissions"], data
        assert after == before, data
