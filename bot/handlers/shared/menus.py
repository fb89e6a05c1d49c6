"""The main menu (a reply keyboard) and the filters that route its buttons.

Each feature registers its own handler for its button with :func:`button_filter`, so the
menu's labels live in the catalogues and work in every language.
"""

from __future__ import annotations

import re

from telegram import KeyboardButton, ReplyKeyboardMarkup
from telegram.ext import filters

from bot.i18n import LANGUAGES, plain_text

MENU_LAYOUT = (
    ("menu-agenda", "menu-venue"),
    ("menu-speakers", "menu-announcements"),
    ("menu-winners", "menu-submit"),
    ("menu-help",),
)
"""Catalogue keys of the main menu's buttons, row by row."""


def main_menu(language: str) -> ReplyKeyboardMarkup:
    """The main menu keyboard in ``language``."""
    return ReplyKeyboardMarkup(
        [[KeyboardButton(plain_text(language, key)) for key in row] for row in MENU_LAYOUT],
        resize_keyboard=True,
        is_persistent=True,
    )


def button_filter(key: str) -> filters.MessageFilter:
    """A filter matching a text message that is the menu button ``key`` in any language."""
    labels = {plain_text(language, key) for language in LANGUAGES}
    pattern = "^(" + "|".join(re.escape(label) for label in sorted(labels)) + ")$"
    return filters.TEXT & filters.Regex(pattern)
