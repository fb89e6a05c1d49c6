"""/berhenti: with nothing subscribed it says so and offers the topics under the
announcements title; with subscriptions its title stays "Berhenti berlangganan" after taps."""

from __future__ import annotations

import pytest

from bot.i18n import plain_text
from bot.sandbox.config import EmulatorConfig, RateLimits
from tests.e2e.attendees.test_attendee_agenda import visible

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """Several commands within a second (faster than a person): a larger per-chat burst."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


def _same_message(screen):  # type: ignore[no-untyped-def]
    """The screen again once the bot edited it: a tap's toast comes first, its edit after."""
    return lambda message: message["message_id"] == screen["message_id"]


def _title(language: str, key: str) -> str:
    return visible(language, key).splitlines()[0]


async def test_nothing_to_stop_says_so(users, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/berhenti")
    screen = await siti.expect_message(visible("id", "subs-none"))
    assert screen["text"].startswith(_title("id", "subs-intro"))
    general = "⬜ " + plain_text("id", "subs-topic-general")
    assert screen["inline_keyboard"][0][0]["text"] == general
    await siti.expect_callback_answer(await siti.tap(general))
    edited = await siti.expect_message(predicate=_same_message(screen))  # edited after the toast
    assert edited["text"].startswith(_title("id", "subs-intro"))
    assert visible("id", "subs-none") not in edited["text"]
    assert await emu.rejections() == []


async def test_the_stop_screen_keeps_its_title(users, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/langganan")
    await siti.expect_message(visible("id", "subs-intro"))
    await siti.expect_callback_answer(await siti.tap(plain_text("id", "subs-start-all")))
    await siti.send("/berhenti")
    screen = await siti.expect_message(visible("id", "subs-stop-intro"))
    await siti.expect_callback_answer(
        await siti.tap(
            "✅ " + plain_text("id", "subs-topic-general"), message_id=screen["message_id"]
        )
    )
    edited = await siti.expect_message(predicate=_same_message(screen))
    assert edited["text"].startswith(_title("id", "subs-stop-intro"))
    assert edited["inline_keyboard"][0][0]["text"] == "⬜ " + plain_text("id", "subs-topic-general")
    await siti.expect_callback_answer(await siti.tap(plain_text("id", "subs-stop-all")))
    edited = await siti.expect_message(predicate=_same_message(screen))
    assert edited["text"].startswith(_title("id", "subs-stop-intro"))
    assert await emu.rejections() == []
