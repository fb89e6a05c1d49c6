"""A long announcement pasted in Telegram arrives as two messages: the bot refuses the whole
of it before saving (a broadcast is one message), instead of keeping only the first part and
answering the second with "use the buttons" (QA #27)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.i18n import t
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.storage.models import Broadcast

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """Flood limits on; a longer burst per chat, as a person types slower than a test."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


async def _broadcasts(bot) -> int:
    async with bot.runtime.sessions() as session:
        return await session.scalar(select(func.count()).select_from(Broadcast))


async def test_second_part_of_a_long_paste_drops_the_draft(bot, users) -> None:
    siti = await users.create("Siti", admin=True)
    await siti.send("/pengumuman")
    await siti.expect_message("Pengumuman baru")
    first, second = "Kabar panitia. " + "a" * 4075, "Bagian akhir pengumuman. " + "b" * 1085
    await siti.send(first)  # 4,090 characters: Telegram's first part
    await siti.expect_message(t("id", "broadcast-ask-audience"))
    await siti.send(second)  # the 1,110 that did not fit
    refusal = await siti.expect_message("terlalu panjang untuk satu pesan")
    assert "sedikitnya 5.200 karakter" in refusal["text"]
    assert "paling banyak 4.096" in refusal["text"]
    answer = await siti.tap(data="bc:aud:subs")  # the audience question's buttons are dead now
    await siti.expect_callback_answer(answer)
    assert await _broadcasts(bot) == 0
    await siti.send("/pengumuman")
    await siti.expect_message("Pengumuman baru")
    await siti.send("Cukup singkat")
    await siti.expect_message(t("id", "broadcast-ask-audience"))
    await siti.send("Pesan lain yang pendek")  # not a second part: the buttons are pointed at
    await siti.expect_message(t("id", "broadcast-use-buttons"))
