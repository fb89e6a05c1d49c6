"""Replies that hit Telegram's per-chat flood control are sent after ``retry_after``."""

import pytest

from bot.i18n import t

pytestmark = pytest.mark.e2e


async def test_a_fast_user_loses_no_reply(users, emu) -> None:
    siti = await users.create("Siti")
    for _ in range(6):  # the emulator allows a burst of 3, then one a second per chat
        await siti.send("/help")
    for _ in range(6):
        await siti.expect_message("Bantuan\n/start", timeout=15)
    assert all(r["error_code"] == 429 for r in await emu.rejections())
    assert all(t("id", "error-generic") != m["text"] for m in await siti.bot_messages())
