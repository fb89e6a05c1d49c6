"""Waiting out Telegram's flood control for the bot's own replies.

Telegram answers 429 with ``retry_after`` when a bot sends more than about one message a
second to one chat (with a short burst), 20 a minute to one group, or about 30 a second
overall (Bot API FAQ, "My bot is hitting limits"). A reply that gets 429 is sent again after
``retry_after``, pausing only that request (python-telegram-bot's ``AIORateLimiter`` pauses
every request, broadcasts included). Updates of different chats are handled at the same time
(:mod:`bot.update_processing`), so a wait delays only the later updates of the same chat, by
at most ``max_wait``. Broadcasts pace themselves and opt out (``rate_limit_args=NO_RETRY``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

logger = logging.getLogger(__name__)

NO_RETRY = -1
"""``rate_limit_args`` for a call whose caller handles 429 itself (python-telegram-bot drops a
falsy value such as 0, so "no retry" needs a truthy one)."""


class RetryOnFloodControl(BaseRateLimiter[int]):
    """Retries a request answered 429 after Telegram's ``retry_after``.

    Args:
        max_retries: Retries of one request; a call may pass ``rate_limit_args=N`` to use N
            instead, or :data:`NO_RETRY` when the caller handles 429 itself.
        max_wait: Longest ``retry_after`` waited, seconds; a longer one is raised to the caller
            (an update handler should not stall its chat for long: a chat's updates are
            handled in order).
    """

    def __init__(self, max_retries: int = 3, max_wait: float = 5.0) -> None:
        self.max_retries = max_retries
        self.max_wait = max_wait

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Run the request; on 429 wait ``retry_after`` seconds and run it again.

        Raises:
            RetryAfter: Still limited after the retries, or asked to wait over ``max_wait``.
        """
        retries = self.max_retries if rate_limit_args is None else max(0, rate_limit_args)
        for attempt in range(retries + 1):
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                after = exc.retry_after
                seconds = after if isinstance(after, int | float) else after.total_seconds()
                if attempt == retries or seconds > self.max_wait:
                    raise
                logger.info(
                    "Flood control on %s to chat %s: retrying in %.1f s",
                    endpoint,
                    data.get("chat_id"),
                    seconds,
                )
                await asyncio.sleep(seconds)
        raise AssertionError("unreachable")
