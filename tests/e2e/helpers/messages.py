"""Reading the bot's messages in tests."""

from __future__ import annotations

from typing import Any


def labels(message: dict[str, Any]) -> list[str]:
    """The texts of a message's inline buttons, row by row ([] without a keyboard)."""
    return [button["text"] for row in message.get("inline_keyboard") or [] for button in row]
