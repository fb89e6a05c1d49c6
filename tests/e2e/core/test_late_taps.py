"""Late taps: a button tapped while the bot was down, or answered after Telegram's window
(about 15 s), gets "query is too old" from answerCallbackQuery. The action is still carried
out, the answer's text reaches the user as a message, and no generic error is shown
(issue 13)."""

from __future__ import annotations

import pytest

from bot.i18n import plain_text, t
from bot.sandbox.config import EmulatorConfig, Limits, RateLimits
from bot.storage.models import Star
from tests.e2e.attendees.test_attendee_agenda import item_id

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """Every callback query is already too old when the bot answers it."""
    return EmulatorConfig(
        rate_limits=RateLimits(private_burst=20), limits=Limits(callback_answer_seconds=-1.0)
    )


async def test_a_late_tap_still_acts_and_says_so_in_the_chat(users, bot, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/agenda")
    await siti.expect_message("Registrasi peserta")
    materi = await item_id(bot, "materi-kemendagri")
    await siti.tap("10.00 Arah kebijakan perencanaan pembangunan da…")
    await siti.expect_message("Arah kebijakan perencanaan pembangunan daerah tahun 2024")

    await siti.tap(plain_text("id", "agenda-star-button", minutes=15))
    # the answer Telegram no longer takes comes as a message, the star is stored
    await siti.expect_message(
        plain_text("id", "agenda-starred", minutes=15, time="09.45", zone="WIB")
    )
    async with bot.runtime.sessions() as session:
        assert await session.get(Star, (siti.id, materi)) is not None
    texts = [m["text"] for m in await siti.bot_messages()]
    assert not any(t("id", "error-generic")[:30] in text for text in texts), texts
    refused = [r["description"] for r in await emu.rejections()]
    assert refused and all("query is too old" in d for d in refused)
