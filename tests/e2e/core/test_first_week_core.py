"""What a first week of users showed about the basics (issue 14): English commands wherever
the Indonesian ones work, listed in the English menu; an answer to a photo, document or
sticker sent outside any form; the subscription offered at /start in one tap. Both
databases."""

from __future__ import annotations

import pytest
from telegram.ext import ConversationHandler

from bot.handlers.core.command_menu import (
    ADMIN_COMMANDS,
    JUDGE_COMMANDS,
    OFFICER_COMMANDS,
    PUBLIC_COMMANDS,
)
from bot.handlers.shared.commands import ENGLISH_NAMES, command_names
from bot.i18n import plain_text, t
from bot.services.announcements.subscriptions import TOPICS, subscribed_topics
from tests.e2e.helpers.committee import quick_emulator

pytestmark = pytest.mark.e2e

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


@pytest.fixture
def emulator_config():
    return quick_emulator()


def test_every_menu_command_has_its_english_name_registered(bot) -> None:
    """Each Indonesian command of the menus answers to its English name too: the handlers
    are registered with :func:`command_names`, from one table."""

    def commands(handler) -> set[str]:  # type: ignore[no-untyped-def]
        if isinstance(handler, ConversationHandler):
            inner = [*handler.entry_points, *handler.fallbacks]
            inner += [h for state in handler.states.values() for h in state]
            return set().union(*(commands(h) for h in inner))
        return set(getattr(handler, "commands", ()))

    registered = set().union(
        *(commands(h) for handlers in bot.application.handlers.values() for h in handlers)
    )
    every = PUBLIC_COMMANDS + OFFICER_COMMANDS + JUDGE_COMMANDS + ADMIN_COMMANDS
    for name, _ in every:
        assert set(command_names(name)) <= registered, name
    assert ENGLISH_NAMES["batal"] == "cancel"


async def test_the_english_menu_lists_english_names(users, emu) -> None:
    """Telegram picks the list by the user's app language: English names for English."""
    john = await users.create("John", language_code="en")
    await john.send("/start")
    await john.expect_message("Bapak/Ibu John")
    menu = await john.command_menu()
    assert "now" in menu and "winners" in menu and "join" in menu
    assert "sekarang" not in menu
    siti = await users.create("Siti")
    assert "sekarang" in await siti.command_menu()


async def test_cancel_outside_a_form_is_understood(users) -> None:
    john = await users.create("John", language_code="en")
    await john.send("/language en")
    await john.expect_message("the bot now speaks")
    await john.send("/cancel")
    await john.expect_message(t("en", "input-cancel-nothing"))


@pytest.mark.parametrize("kind", ["photo", "document", "sticker"])
async def test_media_outside_any_form_gets_a_polite_answer(users, kind: str) -> None:
    siti = await users.create("Siti")
    if kind == "photo":
        await siti.send_photo(PNG, "foto.png", "image/png")
    elif kind == "document":
        await siti.send_document(b"%PDF-1.4", "surat.pdf", "application/pdf")
    else:
        await siti.send_sticker("thumbs_up")
    reply = await siti.expect_message(
        plain_text("id", "fallback-media", submit=plain_text("id", "menu-submit"))
    )
    assert reply["keyboard"]["keyboard"]  # the main menu, to show what the bot can do


async def test_start_offers_the_subscription_in_one_tap(users, bot) -> None:
    siti = await users.create("Siti")
    await siti.send("/start")
    await siti.expect_message("Selamat datang")
    await siti.expect_message(plain_text("id", "start-offer-subscribe"))
    await siti.tap(t("id", "start-button-subscribe"))
    await siti.expect_message(t("id", "start-subscribed"))
    async with bot.runtime.sessions() as session:
        topics = await subscribed_topics(session, siti.id)
    assert topics == set(TOPICS)
    await siti.send("/start")  # subscribed: no second offer
    await siti.expect_message("Selamat datang")
    await siti.send("/help")
    await siti.expect_message("Bantuan")
    offers = plain_text("id", "start-offer-subscribe")
    assert sum(m["text"] == offers for m in await siti.bot_messages()) == 0
