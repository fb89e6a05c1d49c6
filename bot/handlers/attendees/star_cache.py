"""Per-process cache of the agenda items each chat starred ("Ingatkan saya").

Every agenda page shows the user's stars on its buttons; without this cache each ``/agenda``
would cost a database query for a set that changes only when the user taps a star. Stars
change only through :func:`bot.services.attendees.stars.toggle_star`, whose handler calls
:meth:`StarCache.forget` after committing; the toggle also bumps the chat's cache version, so
another process (a webhook replica) drops its copy within ``FRESH_SECONDS``
(:meth:`bot.runtime.Runtime.fresh`); entries also expire after :data:`CACHE_SECONDS`.
"""

from __future__ import annotations

import time
from collections import OrderedDict

from bot.handlers.shared.context import BotContext
from bot.services.attendees.stars import starred_item_ids
from bot.services.shared.cache_versions import CHAT_BUCKETS
from bot.slots import Slot

STAR_CACHE: Slot[StarCache] = Slot("star_cache")
"""The application's :class:`StarCache`."""

CACHE_SECONDS = 300.0
"""How long a chat's stars are trusted without reading them again, seconds."""

MAX_CHATS = 50_000
"""Most chats kept; the least recently used are dropped first (about 200 bytes each)."""


class StarCache:
    """Chat id → the ids of the agenda items it starred, read from the database on a miss.

    Args:
        seconds: Lifetime of an entry, seconds (monotonic clock).
        max_chats: Most entries kept (least recently used dropped first).
    """

    def __init__(self, seconds: float = CACHE_SECONDS, max_chats: int = MAX_CHATS) -> None:
        self.seconds = seconds
        self.max_chats = max_chats
        self._entries: OrderedDict[int, tuple[float, frozenset[int]]] = OrderedDict()

    async def starred(self, context: BotContext, chat_id: int) -> frozenset[int]:
        """The item ids ``chat_id`` starred (cached, else one query through the runtime's
        sessions)."""
        await context.runtime.fresh()
        entry = self._entries.get(chat_id)
        if entry is not None and time.monotonic() - entry[0] < self.seconds:
            self._entries.move_to_end(chat_id)
            return entry[1]
        async with context.runtime.sessions() as session:
            ids = frozenset(await starred_item_ids(session, chat_id))
        self._entries[chat_id] = (time.monotonic(), ids)
        self._entries.move_to_end(chat_id)
        while len(self._entries) > self.max_chats:
            self._entries.popitem(last=False)
        return ids

    def forget(self, chat_id: int) -> None:
        """Drop ``chat_id``'s entry (call after committing a change to its stars)."""
        self._entries.pop(chat_id, None)

    def forget_buckets(self, buckets: set[int]) -> None:
        """Drop the chats whose id mod ``CHAT_BUCKETS`` is in ``buckets`` (another process
        changed some of them: ``Runtime.on_chats_changed``)."""
        for chat_id in [c for c in self._entries if c % CHAT_BUCKETS in buckets]:
            del self._entries[chat_id]


def star_cache_of(context: BotContext) -> StarCache:
    """The application's :class:`StarCache` (made on first use)."""
    cache = STAR_CACHE.get(context.application)
    if cache is None:
        cache = StarCache()
        STAR_CACHE.put(context.application, cache)
        context.runtime.on_chats_changed.append(cache.forget_buckets)
    return cache
