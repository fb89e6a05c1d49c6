"""Buttons opening the workspace (the committee's and judges' Mini App) on a message: shared,
since notices of several features carry them."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo

from bot.i18n import plain_text
from bot.settings import Settings


def entry_address(settings: Settings, entry_id: int) -> str | None:
    """The workspace's page of one entry, or None when the workspace is off."""
    return f"{settings.workspace_url}?entry={entry_id}" if settings.workspace_url else None


def open_entry_markup(
    settings: Settings, language: str, entry_id: int
) -> InlineKeyboardMarkup | None:
    """A button opening the entry in the workspace (private chats only, as Telegram allows
    web_app buttons), or None when the workspace is off."""
    address = entry_address(settings, entry_id)
    if address is None:
        return None
    button = InlineKeyboardButton(
        plain_text(language, "workspace-open-entry"), web_app=WebAppInfo(address)
    )
    return InlineKeyboardMarkup([[button]])
