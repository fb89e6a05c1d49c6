"""What every handler and job needs at run time: settings, the database, the clock."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.services.core.events import EditionForm, current_event, edition_form
from bot.settings import Settings
from bot.storage.models import Event
from bot.update_ledger import current_scope

if TYPE_CHECKING:
    from telegram.ext import Application

RUNTIME_KEY = "runtime"
"""The key of the :class:`Runtime` in ``application.bot_data`` (set by ``build_application``)."""

EVENT_CACHE_SECONDS = 30.0
"""How long the loaded event is reused before it is read again (an import by another process
shows within this time; an import in this process calls :meth:`Runtime.forget_event`)."""


def system_clock() -> datetime:
    """The real current instant, aware, in UTC."""
    return datetime.now(UTC)


@dataclass
class Runtime:
    """Shared state of one running bot, kept in ``application_runtime(application)``.

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
    _loaded: dict[str, tuple[float, Any]] = field(default_factory=dict, repr=False)

    def now(self) -> datetime:
        """The current instant according to the injected clock."""
        return self.clock()

    async def event(self) -> Event | None:
        """The award event that is on (:func:`bot.services.core.events.current_event` at
        :meth:`now`) with venue, speakers, agenda and edition loaded, read from the database at
        most every :data:`EVENT_CACHE_SECONDS` (the read path of most updates).

        The returned objects are detached: read them, never modify them.
        """
        return await self._cached("event", lambda session: current_event(session, self.now()))

    async def edition_form(self) -> EditionForm | None:
        """The current edition's form, deadlines and indicators
        (:func:`bot.services.core.events.edition_form`), read from the database at most every
        :data:`EVENT_CACHE_SECONDS`, like :meth:`event` (every answer of the entry form
        reads it).

        The returned objects are detached: read them, never modify them or attach them to a
        session (set ``indicator_id``, not ``indicator``).
        """
        return await self._cached("edition_form", edition_form)

    async def _cached(self, name: str, load: Callable[[AsyncSession], Awaitable[Any]]) -> Any:
        cached = self._loaded.get(name)
        if cached is not None and time.monotonic() - cached[0] < EVENT_CACHE_SECONDS:
            return cached[1]
        async with self.sessions() as session:
            value = await load(session)
        self._loaded[name] = (time.monotonic(), value)
        return value

    def forget_event(self) -> None:
        """Drop the cached event and edition, e.g. after importing the event file in this
        process."""
        self._loaded.clear()

    def forget_chat(self, chat_id: int) -> None:
        """Drop the chat from the activity cache so its next update is recorded again."""
        self.seen_chats.pop(chat_id, None)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session in a transaction, committed on success and rolled back on error.

        While an update is handled, the commit waits for the handler's first Bot API call and
        records the update with it (:mod:`bot.update_ledger`): the update takes effect once.
        """
        scope = current_scope()
        if scope is not None:
            async with scope.transaction(self.sessions) as session:
                yield session
            return
        async with self.sessions() as session, session.begin():
            yield session


def application_runtime(application: Application[Any, Any, Any, Any, Any, Any]) -> Runtime:
    """The :class:`Runtime` of ``application``, for code outside handlers (start-up, jobs'
    set-up, the web server); handlers use ``context.runtime``."""
    runtime: Runtime = application.bot_data[RUNTIME_KEY]
    return runtime
