"""Replies that hit Telegram's per-chat flood control are sent after ``retry_after``."""

import pytest
from sqlalchemy import select

from bot.i18n import plain_text, t
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.storage.models import HandledUpdate

pytestmark = pytest.mark.e2e


async def test_a_fast_user_loses_no_reply(users, emu) -> None:
    siti = await users.create("Siti")
    for _ in range(6):  # the emulator allows a burst of 3, then one a second per chat
        await siti.send("/help")
    for _ in range(6):
        await siti.expect_message("Bantuan\n/start", timeout=15)
    assert all(r["error_code"] == 429 for r in await emu.rejections())
    assert all(t("id", "error-generic") != m["text"] for m in await siti.bot_messages())


@pytest.mark.parametrize(
    "emulator_config", [EmulatorConfig(rate_limits=RateLimits(private_burst=1))]
)
async def test_a_reply_sent_again_after_429_is_recorded_once(users, bot, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/start")  # takes effect (her chat): two replies, the second gets 429
    await siti.expect_message(plain_text("id", "start-offer-subscribe"), timeout=15)
    assert [r["error_code"] for r in await emu.rejections()] == [429]
    async with bot.runtime.sessions() as session:
        (row,) = (await session.scalars(select(HandledUpdate))).all()
    # the update's replies, to send again after a crash: each once, not once per attempt
    assert len(await siti.bot_messages()) == 2
    texts = [r["params"]["text"] for r in row.replies]
    assert len(texts) == len(set(texts)) == 2, texts
