"""/langganan, /berhenti and the menu button; blocking the bot marks a subscriber inactive,
writing again makes them active; /bahasa switches every text and the menu."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.handlers.shared.menus import PUBLIC_MENU_LAYOUT
from bot.i18n import plain_text
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.storage.models import Chat, Subscriber
from tests.e2e.attendees.test_attendee_agenda import visible
from tests.e2e.conftest import wait_until

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """Several commands within a second (faster than a person): a larger per-chat burst."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


async def _subscriptions(bot, chat_id: int) -> dict[str, bool]:
    async with bot.runtime.sessions() as session:
        rows = await session.execute(
            select(Subscriber.topic, Subscriber.active).where(Subscriber.chat_id == chat_id)
        )
        return {topic: active for topic, active in rows}


def _topic(language: str, topic: str) -> str:
    return plain_text(language, f"subs-topic-{topic}")


async def test_subscribe_by_topic_and_stop(users, bot, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/langganan")
    screen = await siti.expect_message(visible("id", "subs-intro"))
    assert [row[0]["text"] for row in screen["inline_keyboard"]] == [
        "⬜ " + _topic("id", "general"),
        "⬜ " + _topic("id", "schedule"),
        "⬜ " + _topic("id", "results"),
        plain_text("id", "subs-start-all"),
    ]
    tap = await siti.tap("⬜ " + _topic("id", "schedule"))
    assert (await siti.expect_callback_answer(tap))["text"] == plain_text("id", "subs-saved")
    assert await _subscriptions(bot, siti.id) == {"schedule": True}
    # the toast comes first, the screen's edit after it
    edited = await siti.expect_message(predicate=lambda m: m["message_id"] == screen["message_id"])
    assert visible("id", "subs-state-on", topic=_topic("id", "schedule")) in edited["text"]
    assert edited["inline_keyboard"][1][0]["text"] == "✅ " + _topic("id", "schedule")

    await siti.send(plain_text("id", "menu-announcements"))
    await siti.expect_message(visible("id", "subs-intro"))
    await siti.expect_callback_answer(await siti.tap(plain_text("id", "subs-start-all")))
    assert set(await _subscriptions(bot, siti.id)) == {"general", "schedule", "results"}

    await siti.send("/berhenti")
    await siti.expect_message(visible("id", "subs-stop-intro"))
    await siti.expect_callback_answer(await siti.tap("✅ " + _topic("id", "general")))
    assert set(await _subscriptions(bot, siti.id)) == {"schedule", "results"}
    await siti.expect_callback_answer(await siti.tap(plain_text("id", "subs-stop-all")))
    assert await _subscriptions(bot, siti.id) == {}
    assert await emu.rejections() == []


async def _subscribe_all(siti, bot) -> None:
    await siti.send("/langganan")
    await siti.expect_message(visible("id", "subs-intro"))
    await siti.expect_callback_answer(await siti.tap(plain_text("id", "subs-start-all")))
    assert set(await _subscriptions(bot, siti.id)) == {"general", "schedule", "results"}


async def _active_states(bot, chat_id: int) -> set[bool]:
    return set((await _subscriptions(bot, chat_id)).values())


async def test_blocking_makes_a_subscriber_inactive(users, bot) -> None:
    siti = await users.create("Siti")
    await _subscribe_all(siti, bot)
    await siti.block()

    async def inactive() -> bool:
        return await _active_states(bot, siti.id) == {False}

    await wait_until(inactive)
    async with bot.runtime.sessions() as session:
        assert (await session.get(Chat, siti.id)).blocked_at is not None


async def test_writing_again_makes_a_blocked_subscriber_active(users, bot) -> None:
    siti = await users.create("Siti")
    await _subscribe_all(siti, bot)
    await siti.block()

    async def inactive() -> bool:
        return await _active_states(bot, siti.id) == {False}

    await wait_until(inactive)
    await siti.send("/agenda")  # writing again restarts the bot (my_chat_member) and tracks
    await siti.expect_message("Registrasi peserta", timeout=2)

    async def active() -> bool:
        return await _active_states(bot, siti.id) == {True}

    await wait_until(active)
    async with bot.runtime.sessions() as session:
        assert (await session.get(Chat, siti.id)).blocked_at is None


async def test_language_switch_changes_texts_and_menu(users, bot, emu) -> None:
    siti = await users.create("Siti", language_code="en")
    await siti.send("/bahasa")
    await siti.expect_message(visible("id", "language-choose"))
    await siti.tap(plain_text("id", "language-name-en"))
    changed = await siti.expect_message(
        visible("en", "language-changed", name=plain_text("en", "language-name-en"))
    )
    labels = [button["text"] for row in changed["keyboard"]["keyboard"] for button in row]
    assert labels == [plain_text("en", key) for row in PUBLIC_MENU_LAYOUT for key in row]
    async with bot.runtime.sessions() as session:
        assert (await session.get(Chat, siti.id)).language == "en"

    await siti.send(plain_text("en", "menu-agenda"))
    page = await siti.expect_message("Wednesday, 7 December 2022")
    assert "07:30–08:30 WIB · Registrasi peserta" in page["text"]
    await siti.send("/langganan")
    await siti.expect_message(visible("en", "subs-intro"))

    await siti.send("/bahasa id")
    await siti.expect_message(
        visible("id", "language-changed", name=plain_text("id", "language-name-id"))
    )
    await siti.send("/agenda")
    await siti.expect_message("Rabu, 7 Desember 2022")
    assert await emu.rejections() == []
