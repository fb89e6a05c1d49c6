"""What every handler and job needs at run time: settings, the database, the clock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.settings import Settings


def system_clock() -> datetime:
    """The real current instant, aware, in UTC."""
    return datetime.now(UTC)


@dataclass
class Runtime:
    """Shared state of one running bot, kept in ``application.bot_data["runtime"]``.

    Attributes:
        settings: The loaded settings.
        engine: The async engine.
        sessions: Session factory; one session (one transaction) per update or job.
        clock: Returns the current aware instant; tests inject their own.
        seen_chats: When each chat was last recorded as active; a chat that blocks the bot
            must be dropped from it (see :meth:`forget_chat`).
    """

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    clock: Callable[[], datetime] = field(default=system_clock)
    seen_chats: dict[int, datetime] = field(default_factory=dict)

    def now(self) -> datetime:
        """The current instant according to the injected clock."""
        return self.clock()

    def forget_chat(self, chat_id: int) -> None:
        """Drop the chat from the activity cache so its next update is recorded again."""
        self.seen_chats.pop(chat_id, None)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session in a transaction, committed on success and rolled back on error."""
        async with self.sessions() as session, session.begin():
            yield session
