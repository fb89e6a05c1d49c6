"""Inline keyboards and buttons."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup


def keyboard(rows: Sequence[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup | None:
    """An inline keyboard of the non-empty rows, or None when there is no button (Telegram
    refuses an empty keyboard)."""
    kept = [list(row) for row in rows if row]
    return InlineKeyboardMarkup(kept) if kept else None


def button(text: str, data: str) -> InlineKeyboardButton:
    """An inline button; ``data`` must fit Telegram's 64 bytes."""
    assert len(data.encode()) <= 64, data
    return InlineKeyboardButton(text, callback_data=data)
