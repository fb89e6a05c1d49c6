"""What the form tells the officer about where they are: /lanjutkan without a draft, the
summary's counts, the step counter, typed answers while the summary is open, multiple choice
toggles edited in place; found by QA in the sandbox."""

import pytest
from sqlalchemy import func, select

from bot.sandbox.config import EmulatorConfig
from bot.services.submissions import submit_entry
from bot.storage.models import Submission
from tests.e2e.entry_helpers import IN_WINDOW, join, no_flood_control, prefilled_entry

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    return no_flood_control()


def button_texts(message) -> list[str]:  # type: ignore[no-untyped-def]
    return [button["text"] for row in message["inline_keyboard"] or [] for button in row]


async def entry_count(bot) -> int:  # type: ignore[no-untyped-def]
    async with bot.runtime.sessions() as session:
        return await session.scalar(select(func.count()).select_from(Submission))


async def test_resume_without_a_draft_lists_the_entries_instead_of_starting_one(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    entry_id = await prefilled_entry(bot, budi.id)
    async with bot.runtime.transaction() as session:
        await submit_entry(session, budi.id, entry_id, IN_WINDOW)
    await budi.send("/lanjutkan")
    reply = await budi.expect_message("Tidak ada draf")
    assert "IGA-2022-001" in reply["text"] and "terkirim" in reply["text"]
    assert "Nama inovasi (" not in reply["text"]
    assert any("Inovasi baru" in text for text in button_texts(reply))
    assert await entry_count(bot) == 1
    await budi.tap(next(text for text in button_texts(reply) if "Inovasi baru" in text))
    await budi.expect_message("Nama inovasi (1 dari")
    assert await entry_count(bot) == 2
