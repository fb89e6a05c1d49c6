"""Versions of what bot processes cache, so that a process notices within seconds what
another process changed (webhook replicas; the CLI importing the event beside the bot).

One small table, ``cache_versions`` (name → a counter): a transaction that changes cached
data bumps the counter of what it changed, in the same transaction; each process reads the
whole table (a few dozen rows) at most once a second while it works (``Runtime.fresh``) and
drops what changed. Names:

- ``event``: the event, its agenda, venue and speakers, the edition and its form
  (:func:`bump_event`; the event import bumps it);
- ``chats:<n>`` for ``n`` = chat id mod :data:`CHAT_BUCKETS`: what is cached per chat (its
  language, its stars, that it was seen and is not blocked; :func:`bump_chat`). A change
  drops the cache of the chats of one bucket, not of every chat.

Nothing here commits; the caller owns the transaction.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.database import dialect_of
from bot.storage.models import CacheVersion

CHAT_BUCKETS = 32
"""How many ``chats:<n>`` counters the chats are spread over."""

EVENT = "event"
"""The name of the event's counter."""


def chat_bucket(chat_id: int) -> str:
    """The counter's name for ``chat_id``'s cached data."""
    return f"chats:{chat_id % CHAT_BUCKETS}"


async def bump(session: AsyncSession, name: str) -> None:
    """Add one to counter ``name`` (created at 1), in the caller's transaction."""
    dialect = postgresql if dialect_of(session) == "postgresql" else sqlite
    statement = dialect.insert(CacheVersion).values(name=name, version=1)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[CacheVersion.name],
            set_={"version": CacheVersion.version + 1},
        )
    )


async def bump_event(session: AsyncSession) -> None:
    """The event, agenda, venue, speakers, edition or form changed."""
    await bump(session, EVENT)


async def bump_chat(session: AsyncSession, chat_id: int) -> None:
    """Something cached for ``chat_id`` changed (language, stars, blocked)."""
    await bump(session, chat_bucket(chat_id))


async def read_versions(session: AsyncSession) -> dict[str, int]:
    """Every counter: name → version."""
    rows = await session.execute(select(CacheVersion.name, CacheVersion.version))
    return {name: version for name, version in rows.all()}
