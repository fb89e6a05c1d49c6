"""Per-process cache of the agenda items each chat starred ("Ingatkan saya").

Every agenda page shows the user's stars on its buttons; without this cache each ``/agenda``
would cost a database query for a set that changes only when the user taps a star. The bot
runs as one process (Procfile ``worker``), and stars change only through
:func:`bot.services.attendees.stars.toggle_star`, whose handler calls :meth:`StarCache.forget` after
committing; entries also expire after :data:`CACHE_SECONDS`, which bounds how stale a star
could be if another process (the CLI importing a new event) removed agenda items.
"""

from __future__ import annotations

import time
from collections import OrderedDict

from bot.handlers.shared.context import BotContext
from bot.services.attendees.stars import starred_item_ids

STAR_CACHE_KEY = "star_cache"
"""Key of the :class:`StarCache` in ``application.bot_data``."""

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


def star_cache_of(context: BotContext) -> StarCache:
    """The application's :class:`StarCache` (made on first use)."""
    cache = context.bot_data.get(STAR_CACHE_KEY)
    if cache is None:
        cache = context.bot_data[STAR_CACHE_KEY] = StarCache()
    return cache
