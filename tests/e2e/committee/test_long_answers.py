"""The committee's entry view in the chat shows a 10,000-character answer whole, over several
messages cut between words, the action buttons on its card after the last one."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import update

from bot.storage.models import Answer, SubmissionStatus
from tests.e2e.helpers.committee import add_entries, quick_emulator, real_file_id

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config():
    return quick_emulator()


async def test_a_long_answer_arrives_whole(bot, users) -> None:
    siti = await users.create("Siti", admin=True)
    budi = await users.create("Budi")
    [entry] = await add_entries(
        bot.runtime,
        [("DINSOS", "SI-ANTRE", SubmissionStatus.SUBMITTED)],
        await real_file_id(budi),
    )
    words = [f"rb{index}" for index in range(1700)]  # about 10,000 characters
    async with bot.runtime.transaction() as session:
        await session.execute(
            update(Answer)
            .where(Answer.submission_id == entry, Answer.field_key == "rancang_bangun")
            .values(value=" ".join(words))
        )
    await siti.send("/entries")
    await siti.expect_message("(1 entri)")
    await siti.tap("IGA-2022-001 · SI-ANTRE")
    await siti.expect_message("rb1699")
    card = await siti.expect_message(regex=r"^IGA-2022-001 · SI-ANTRE\nStatus: ")
    texts = [m["text"] or "" for m in await siti.bot_messages()]
    shown = " ".join(text for text in texts if "rb" in text).split()
    assert [word for word in shown if re.fullmatch(r"rb\d+", word)] == words
    assert card["inline_keyboard"]  # the actions on the entry's card, after its last part
