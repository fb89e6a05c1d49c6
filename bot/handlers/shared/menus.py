"""The main menu (a reply keyboard) and the filters that route its buttons.

Each feature registers its own handler for its button with :func:`button_filter`, so the
menu's labels live in the catalogues and work in every language. The menu follows the user's
role: "📝 Kirim Inovasi" only for the officers of the current edition (a QA finding: an
attendee was offered it).
"""

from __future__ import annotations

import re

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.constants import ChatType
from telegram.ext import filters

from bot.handlers.shared.context import BotContext
from bot.i18n import LANGUAGES, plain_text
from bot.services.core.roles import is_officer

MENU_LAYOUT = (
    ("menu-agenda", "menu-venue"),
    ("menu-speakers", "menu-announcements"),
    ("menu-winners", "menu-submit"),
    ("menu-help",),
)
"""Catalogue keys of an officer's main menu, row by row."""

PUBLIC_MENU_LAYOUT = (
    ("menu-agenda", "menu-venue"),
    ("menu-speakers", "menu-announcements"),
    ("menu-winners", "menu-help"),
)
"""Catalogue keys of everyone else's main menu (no "📝 Kirim Inovasi"), row by row."""


def main_menu(language: str, *, officer: bool = False) -> ReplyKeyboardMarkup:
    """The main menu keyboard in ``language``: an officer's, or everyone else's."""
    layout = MENU_LAYOUT if officer else PUBLIC_MENU_LAYOUT
    return ReplyKeyboardMarkup(
        [[KeyboardButton(plain_text(language, key)) for key in row] for row in layout],
        resize_keyboard=True,
        is_persistent=True,
    )


async def main_menu_for(
    update: Update, context: BotContext, language: str
) -> ReplyKeyboardMarkup | ReplyKeyboardRemove:
    """The main menu of the update's user: an officer's in their private chat with the bot
    (one query; the edition's id is the runtime's), everyone else's; in a group none, and
    any shown there before is removed (QA2 #3: privacy mode keeps the buttons' texts from
    the bot, so they were dead there, and every member saw one member's menu)."""
    user, chat = update.effective_user, update.effective_chat
    if chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP):
        return ReplyKeyboardRemove()
    officer = False
    if user is not None and chat is not None and chat.type == ChatType.PRIVATE:
        runtime = context.runtime
        edition_id = await runtime.current_edition_id()
        if edition_id is not None:
            async with runtime.sessions() as session:
                officer = await is_officer(session, user.id, edition_id)
    return main_menu(language, officer=officer)


def button_filter(key: str) -> filters.BaseFilter:
    """A filter matching a text message that is the menu button ``key`` in any language."""
    labels = {plain_text(language, key) for language in LANGUAGES}
    pattern = "^(" + "|".join(re.escape(label) for label in sorted(labels)) + ")$"
    return filters.TEXT & filters.Regex(pattern)
