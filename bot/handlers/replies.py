"""Replies of several messages (a long list cut to Telegram's 4096 characters)."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Message
from telegram.constants import ParseMode


async def reply_texts(message: Message, texts: Sequence[str]) -> None:
    """Sends ``texts`` in order as HTML replies to ``message``.

    Telegram allows about one message a second to a chat with a short burst (Bot API FAQ); a
    part answered with 429 is sent again after ``retry_after`` by the bot's rate limiter
    (:class:`bot.flood_control.RetryOnFloodControl`).

    Raises:
        telegram.error.RetryAfter: Telegram asked to wait longer than the limiter waits.
    """
    for text in texts:
        await message.reply_text(text, parse_mode=ParseMode.HTML)
