"""No reminder is offered for a session that has already begun; a stale "Ingatkan saya"
button tapped after the start says so and stars nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.i18n import plain_text
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.storage.models import Star
from tests.e2e.attendees.test_attendee_agenda import DURING_AWARDS, item_id

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """Several commands within a second (faster than a person): a larger per-chat burst."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


def _buttons(message: dict) -> list[str]:
    return [button["text"] for row in message.get("inline_keyboard") or [] for button in row]


async def test_no_star_for_a_started_session_and_a_stale_tap_is_refused(users, bot, emu) -> None:
    bot.clock.set(DURING_AWARDS)  # 09.15 WIB: the awards (09.00) are on, the talk (10.00) is not
    siti = await users.create("Siti")
    awards, talk = await item_id(bot, "penganugerahan-iga"), await item_id(bot, "materi-kemendagri")
    star = plain_text("id", "agenda-star-button", minutes=15)
    await siti.send("/agenda")
    await siti.expect_message("Susunan acara")

    await siti.tap(data=f"agenda:item:{awards}")
    detail = await siti.expect_message("Penganugerahan")
    assert star not in _buttons(detail)
    assert plain_text("id", "agenda-calendar-button") in _buttons(detail)

    await siti.tap(data=f"agenda:item:{talk}")
    detail = await siti.expect_message("Arah kebijakan perencanaan pembangunan daerah")
    assert star in _buttons(detail)
    bot.clock.advance(timedelta(hours=1))  # 10.15: the talk has begun, the button is stale
    tap = await siti.tap(star, message_id=detail["message_id"])
    answer = await siti.expect_callback_answer(tap)
    assert answer["text"] == plain_text("id", "agenda-star-past") and answer["show_alert"]
    async with bot.runtime.sessions() as session:
        assert await session.get(Star, (siti.id, talk)) is None
    edited = await siti.expect_message(predicate=lambda m: m["message_id"] == detail["message_id"])
    assert star not in _buttons(edited)
    assert await emu.rejections() == []
