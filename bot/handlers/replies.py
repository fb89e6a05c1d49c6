"""Replies of several messages (a long list cut to Telegram's 4096 characters)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import timedelta

from telegram import Message
from telegram.constants import ParseMode
from telegram.error import RetryAfter

logger = logging.getLogger(__name__)

MAX_WAIT_SECONDS = 5.0
"""Longest flood-control wait a reply accepts; past it the error goes to the error handler."""


async def reply_texts(message: Message, texts: Sequence[str]) -> None:
    """Sends ``texts`` in order as HTML replies to ``message``.

    Telegram allows about one message a second to a chat with a short burst (Bot API FAQ);
    when a later part is answered with 429, this waits ``retry_after`` seconds (up to
    :data:`MAX_WAIT_SECONDS`) and sends it again.

    Raises:
        RetryAfter: Telegram asked to wait longer than :data:`MAX_WAIT_SECONDS`.
    """
    for text in texts:
        try:
            await message.reply_text(text, parse_mode=ParseMode.HTML)
        except RetryAfter as exc:
            delay = exc.retry_after
            seconds = delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
            if seconds > MAX_WAIT_SECONDS:
                raise
            logger.info("Flood control in chat %s: waiting %.0f s", message.chat_id, seconds)
            await asyncio.sleep(seconds)
            await message.reply_text(text, parse_mode=ParseMode.HTML)
