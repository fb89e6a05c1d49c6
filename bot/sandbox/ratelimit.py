"""Flood control: token buckets keyed by bot and chat, on an injectable monotonic clock.

Telegram's limits (Bot API FAQ "My bot is hitting limits"): about 30 messages a second
overall, about one a second to a private chat (short bursts tolerated), 20 a minute to a
group. An exceeded bucket answers 429 with ``retry_after`` in whole seconds.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from .config import RateLimits


@dataclass
class TokenBucket:
    """A bucket of ``capacity`` tokens refilled at ``rate`` tokens per second.

    Attributes:
        capacity: most tokens held (the burst), messages.
        rate: refill, messages per second.
        tokens: tokens now.
        stamp: clock reading of the last refill, seconds.
    """

    capacity: float
    rate: float
    tokens: float
    stamp: float

    def refill(self, now: float) -> None:
        """Adds the tokens earned since the last reading of the clock."""
        if now > self.stamp:
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now

    def wait_for(self, count: float) -> float:
        """Returns the seconds until ``count`` tokens are there (0 if they are now)."""
        missing = count - self.tokens
        if missing <= 1e-9:  # float rounding of the refill
            return 0.0
        return missing / self.rate if self.rate > 0 else math.inf


class FloodControl:
    """Checks and records sent messages against Telegram's flood limits.

    Args:
        settings: the (live, mutable) :class:`RateLimits`.
        clock: monotonic clock, seconds.
    """

    def __init__(self, settings: RateLimits, clock: Callable[[], float]) -> None:
        self.settings = settings
        self.clock = clock
        self._buckets: dict[tuple[int, str, int], TokenBucket] = {}

    def reset(self) -> None:
        """Forgets every bucket (all full again)."""
        self._buckets.clear()

    def _bucket(self, key: tuple[int, str, int], capacity: float, rate: float) -> TokenBucket:
        bucket = self._buckets.get(key)
        now = self.clock()
        if bucket is None or bucket.capacity != capacity or bucket.rate != rate:
            tokens = capacity if bucket is None else min(bucket.tokens, capacity)
            bucket = TokenBucket(capacity, rate, tokens, now)
            self._buckets[key] = bucket
        bucket.refill(now)
        return bucket

    def acquire(self, bot_id: int, chat_id: int, chat_type: str, count: int = 1) -> int:
        """Takes ``count`` messages from the bot's global and the chat's bucket.

        Args:
            bot_id: the sending bot.
            chat_id: the target chat.
            chat_type: "private", "group", "supergroup" or "channel".
            count: messages sent by the call (sendMediaGroup sends one per item). A call
                larger than a bucket is allowed on a full bucket and leaves a debt.

        Returns:
            0 when allowed (tokens taken), else ``retry_after`` in whole seconds (>= 1) and
            nothing is taken.
        """
        s = self.settings
        if not s.enabled:
            return 0
        scale = s.scale if s.scale > 0 else 1.0
        buckets = [self._bucket((bot_id, "global", 0), s.global_burst, s.global_per_second * scale)]
        if chat_type == "private":
            buckets.append(
                self._bucket(
                    (bot_id, "chat", chat_id), s.private_burst, s.private_per_second * scale
                )
            )
        else:
            buckets.append(
                self._bucket(
                    (bot_id, "chat", chat_id), s.group_burst, s.group_per_minute * scale / 60.0
                )
            )
        wait = max(b.wait_for(min(count, b.capacity)) for b in buckets)
        if wait > 0:
            return max(1, math.ceil(wait))
        for b in buckets:
            b.tokens -= count
        return 0
