"""What every handler and job needs at run time: settings, the database, the clock."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.services.core.event_view import EditionForm, EventView
from bot.services.core.events import current_edition_id, current_event_view, edition_form
from bot.services.shared.cache_versions import CHAT_BUCKETS, EVENT, read_versions
from bot.settings import Settings
from bot.slots import Slot
from bot.update_ledger import current_scope

if TYPE_CHECKING:
    from telegram.ext import Application

logger = logging.getLogger(__name__)

RUNTIME: Slot[Runtime] = Slot("runtime")
"""The application's :class:`Runtime` (put by ``build_application``)."""

EVENT_CACHE_SECONDS = 30.0
"""How long the loaded event is reused at most before it is read again (another process's
import shows within :data:`FRESH_SECONDS` through the cache versions; an import in this
process calls :meth:`Runtime.forget_event`)."""

FRESH_SECONDS = 1.0
"""How often at most a working process reads the cache versions
(:mod:`bot.services.shared.cache_versions`): another process's change to the event or to a
chat's language, stars or block shows here within this time (plus the next update)."""


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
        chat_languages: The language each chat answers in (``BotContext.language``).
        on_chats_changed: Called with the changed chat buckets (chat id mod
            ``CHAT_BUCKETS``) when another process changed chats' cached data; per-chat
            caches (the stars) register here and drop those chats.
    """

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    clock: Callable[[], datetime] = field(default=system_clock)
    seen_chats: dict[int, datetime] = field(default_factory=dict)
    chat_languages: dict[int, str] = field(default_factory=dict)
    on_chats_changed: list[Callable[[set[int]], None]] = field(default_factory=list)
    _loaded: dict[str, tuple[float, Any]] = field(default_factory=dict, repr=False)
    _loading: set[str] = field(default_factory=set, repr=False)
    _generation: int = field(default=0, repr=False)
    _versions: dict[str, int] | None = field(default=None, repr=False)
    _fresh_at: float = field(default=-1e18, repr=False)
    _freshening: asyncio.Future[None] | None = field(default=None, repr=False)

    def now(self) -> datetime:
        """The current instant according to the injected clock."""
        return self.clock()

    async def event(self) -> EventView | None:
        """The award event that is on (:func:`bot.services.core.events.current_event` at
        :meth:`now`) with venue, speakers, agenda and edition, read from the database at most
        every :data:`EVENT_CACHE_SECONDS` (the read path of most updates).

        A frozen value (:mod:`bot.services.core.event_view`) shared by every reader; code
        that changes the event loads its rows by id in its own session.
        """
        return await self._cached("event", lambda session: current_event_view(session, self.now()))

    async def edition_form(self) -> EditionForm | None:
        """The current edition's form, deadlines and indicators
        (:func:`bot.services.core.events.edition_form`), read from the database at most every
        :data:`EVENT_CACHE_SECONDS`, like :meth:`event` (every answer of the entry form
        reads it).

        A frozen value shared by every reader, like :meth:`event`.
        """
        return await self._cached("edition_form", edition_form)

    async def current_edition_id(self) -> int | None:
        """The current edition's id (:func:`bot.services.core.events.current_edition_id`),
        read from the database at most every :data:`EVENT_CACHE_SECONDS`, like :meth:`event`
        (only an event import adds an edition; /start's menu reads it for every user)."""
        return await self._cached("edition_id", current_edition_id)

    async def fresh(self) -> None:
        """Drop what another process changed (cache versions), reading them at most every
        :data:`FRESH_SECONDS`; while one caller reads, the others go on with the caches as
        they are (they do not wait for that read: a caller may hold the SQLite turn in its
        update's transaction, which the reader needs, and waiting deadlocked the bot when two
        chats wrote at once). A failed read is logged and retried at the next call (the
        caches' own lifetimes still bound staleness)."""
        if time.monotonic() - self._fresh_at < FRESH_SECONDS:
            return
        if self._freshening is not None:
            return
        self._freshening = asyncio.get_running_loop().create_future()
        try:
            async with self.sessions() as session:
                versions = await read_versions(session)
            self._fresh_at = time.monotonic()
            self._apply_versions(versions)
        except Exception:
            logger.warning("Could not read the cache versions", exc_info=True)
        finally:
            self._freshening.set_result(None)
            self._freshening = None

    def _apply_versions(self, versions: dict[str, int]) -> None:
        known, self._versions = self._versions, versions
        names = versions.keys() | (known or {}).keys()
        if known is None:  # the first read: anything cached may be older than it
            changed = {EVENT, *(f"chats:{bucket}" for bucket in range(CHAT_BUCKETS))}
        else:
            changed = {name for name in names if versions.get(name) != known.get(name)}
        if EVENT in changed:
            self._forget_loaded()
        buckets = {int(name.split(":")[1]) for name in changed if name.startswith("chats:")}
        if not buckets:
            return
        for cache in (self.seen_chats, self.chat_languages):
            for chat_id in [c for c in cache if c % CHAT_BUCKETS in buckets]:
                del cache[chat_id]
        for callback in self.on_chats_changed:
            callback(buckets)

    async def _cached(self, name: str, load: Callable[[AsyncSession], Awaitable[Any]]) -> Any:
        """``name``'s value, loaded again once :data:`EVENT_CACHE_SECONDS` old by one caller
        while the others go on with the old one (when it expired, 20 chats at once each
        read it again: the edition's form is its whole JSON config). A value dropped (a
        change, :meth:`forget_event`) is not served: each caller reads it until one has."""
        await self.fresh()
        cached = self._loaded.get(name)
        if cached is not None and (
            time.monotonic() - cached[0] < EVENT_CACHE_SECONDS or name in self._loading
        ):
            return cached[1]
        generation = self._generation
        self._loading.add(name)
        try:
            async with self.sessions() as session:
                value = await load(session)
        finally:
            self._loading.discard(name)
        if generation == self._generation:  # not dropped while it was read
            self._loaded[name] = (time.monotonic(), value)
        return value

    def _forget_loaded(self) -> None:
        self._loaded.clear()
        self._generation += 1

    def forget_event(self) -> None:
        """Drop the cached event and edition, e.g. after importing the event file in this
        process."""
        self._forget_loaded()

    def forget_chat(self, chat_id: int) -> None:
        """Drop the chat from the activity cache so its next update is recorded again."""
        self.seen_chats.pop(chat_id, None)

    @asynccontextmanager
    async def transaction(self, *, replying: bool = False) -> AsyncIterator[AsyncSession]:
        """A session in a transaction, committed on success and rolled back on error.

        While an update is handled, the commit waits for the handler's first Bot API call and
        records the update with it (:mod:`bot.update_ledger`): the update takes effect once.
        ``replying``: the block answers too, and its first Bot API call commits (the role
        guard's handlers, :func:`bot.handlers.shared.access.requires`); what it writes after
        that is committed when it ends.
        """
        scope = current_scope()
        if scope is not None:
            async with scope.transaction(self.sessions, replying=replying) as session:
                yield session
            return
        async with self.sessions() as session, session.begin():
            yield session


def application_runtime(application: Application[Any, Any, Any, Any, Any, Any]) -> Runtime:
    """The :class:`Runtime` of ``application``, for code outside handlers (start-up, jobs'
    set-up, the web server); handlers use ``context.runtime``."""
    return RUNTIME.of(application)
