""" "🔔 Ingatkan saya" says when the reminder comes (issue 14): the offset from the event
file, on the button and in the confirmation with the clock time. Both databases."""

from __future__ import annotations

import pytest

from bot.sandbox.config import EmulatorConfig, RateLimits

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


async def test_the_star_button_and_its_confirmation_say_when(users, bot) -> None:
    siti = await users.create("Siti")
    await siti.send("/agenda")
    await siti.expect_message("Registrasi peserta")
    await siti.tap("10.00 Arah kebijakan perencanaan pembangunan da…")
    detail = await siti.expect_message("Arah kebijakan perencanaan pembangunan daerah tahun 2024")
    labels = [b["text"] for row in detail["inline_keyboard"] for b in row]
    star = next(label for label in labels if label.startswith("🔔"))
    assert "15 menit sebelum" in star
    tap = await siti.tap(star)
    answer = await siti.expect_callback_answer(tap)
    assert "15 menit sebelum" in answer["text"] and "09.45 WIB" in answer["text"]
