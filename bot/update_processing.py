"""Updates of different chats handled at the same time, those of one chat in order, and long
polling that confirms to Telegram only what is safe.

- :class:`ChatOrderedProcessor` (python-telegram-bot's ``BaseUpdateProcessor``): up to
  :data:`CONCURRENT_UPDATES` updates at once, one at a time per chat (per user when an update
  has no chat). A reply waiting out Telegram's 429 (:mod:`bot.flood_control`) holds only
  its own chat; the entry form, whose answers depend on the previous one, stays in order.
- :class:`PollingInbox` with :class:`IgaBot`: getUpdates' ``offset`` confirms every update
  below it, so it must not pass an update still being handled, or a crash would lose it. The
  inbox polls from the oldest update in hand; when only that one holds the poll back (its
  chat waits out a 429, a slow export), it is "parked" (its JSON saved in
  ``parked_updates``) and the poll moves on; parked updates left by a killed process are
  handled first at the next start (:mod:`bot.update_ledger` skips those that took effect).
- :class:`IgaBot` also keeps late taps working: a callback query Telegram no longer lets the
  bot answer ("query is too old", after about 15 s or a downtime) is still carried out by
  its handler, and the answer's text, if any, is sent as a message instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Sequence
from datetime import timedelta
from types import CoroutineType
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Update
from telegram.error import BadRequest
from telegram.ext import BaseUpdateProcessor, ExtBot

from bot.storage.models import ParkedUpdate
from bot.telegram_request import AiohttpRequest
from bot.update_ledger import HandledUpdateQueue, current_scope

logger = logging.getLogger(__name__)

CONCURRENT_UPDATES = 64
"""Most updates handled at once (of different chats)."""

PARK_AFTER = 0.5
"""Seconds an update may hold the poll back before it is parked (most take a few
milliseconds; a long one, e.g. a reply waiting out a 429, is parked), checked when the poll
would only spin on it (none handled for :data:`POLL_PAUSE`): under load, updates waiting
their turn are fetched again by each poll (cheap) instead of written and deleted. At once
when Telegram answers a poll with a full page (:data:`POLL_LIMIT`) of updates already in
hand or handled."""

POLL_PAUSE = 0.02
"""Seconds between polls that return only updates already fetched (not to poll Telegram in a
tight loop while an update holds the offset back)."""

POLL_LIMIT = 100
"""Most updates getUpdates returns at once (Bot API)."""

LATE_TAP_ERRORS = ("query is too old", "query id is invalid")
"""Telegram's answerCallbackQuery refusals for a query it no longer lets the bot answer."""


def chat_key(update: object) -> int | None:
    """The chat (else the user) an update belongs to; None for updates of neither."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return update.effective_user.id
    return None


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Handles updates concurrently, those of one chat strictly in arrival order.

    An update waiting for its chat's previous one does not hold one of the
    ``max_concurrent_updates`` places: a chat held by flood control does not fill them.
    """

    def __init__(self, max_concurrent_updates: int = CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._places = asyncio.BoundedSemaphore(max_concurrent_updates)
        self._last: dict[int | None, asyncio.Future[None]] = {}

    # python-telegram-bot marks process_update final: its version takes one of the places
    # before do_process_update runs, so an update waiting for its chat's previous one would
    # hold a place (the reason for this class); overridden on purpose, tests cover it.
    async def process_update(  # type: ignore[misc]
        self, update: object, coroutine: Awaitable[Any]
    ) -> None:
        """Run ``coroutine`` after the previous update of the same chat, within the bound."""
        key = chat_key(update)
        previous = self._last.get(key)
        done = asyncio.get_running_loop().create_future()
        self._last[key] = done
        try:
            if previous is not None:
                await asyncio.shield(previous)
            async with self._places:
                await coroutine
        finally:
            if isinstance(coroutine, CoroutineType) and coroutine.cr_frame is not None:
                coroutine.close()  # cancelled while waiting: never started
            done.set_result(None)
            if self._last.get(key) is done:
                del self._last[key]

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Unused: :meth:`process_update` orders and bounds by itself."""
        await coroutine

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


class PollingInbox:
    """Which fetched updates are in hand, and the getUpdates offset that is safe.

    Args:
        sessions: The runtime's sessions (of ``parked_updates``).
        queue: The application's update queue (updates go in with ``put_nowait``).
    """

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], queue: HandledUpdateQueue
    ) -> None:
        self.sessions = sessions
        self.queue = queue
        self.bot_id = 0
        self.highest = 0
        """Highest update id fetched; Telegram returns ids in increasing order."""
        self.in_hand: dict[int, tuple[Update, float]] = {}
        """Update id → the update and when it was fetched (event loop time)."""
        self.received: dict[int, dict[str, Any]] = {}
        """Update id → its JSON as getUpdates returned it, while in hand: what parking
        stores (building it again from the update, ``to_dict``, cost more CPU than handling
        the update, and under load most updates wait long enough to be parked)."""
        self.parked: set[int] = set()
        self.returned = 0
        """How many updates the last getUpdates returned, those in hand included."""
        self._changed = asyncio.Event()
        self._last_offset: int | None = None
        self._unparking: set[int] = set()
        self._unparker: asyncio.Task[None] | None = None
        queue.on_handled = self.handled

    def _waiting(self) -> list[int]:
        return [i for i in self.in_hand if i not in self.parked]

    def offset(self, given: int | None) -> int | None:
        """The getUpdates offset: the oldest update in hand and not parked, else the one
        after the highest fetched."""
        waiting = self._waiting()
        if waiting:
            return min(waiting)
        return self.highest + 1 if self.highest else given

    def unseen(self, result: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The updates of a getUpdates result (JSON) not fetched before; notes how many it
        held (:attr:`returned`). Until the update holding the offset back is handled, every
        poll returns again all those in hand: building them as objects only to drop them
        cost more CPU than handling the updates (20 chats at once: ~40 % of the bot's time)."""
        self.returned = len(result)
        fresh = [u for u in result if u.get("update_id", 0) > self.highest]
        self.received.update((u["update_id"], u) for u in fresh)
        return fresh

    def take(self, updates: Sequence[Update]) -> list[Update]:
        """Queue the updates not fetched before; returns them."""
        fresh = [u for u in updates if u.update_id > self.highest]
        now = asyncio.get_running_loop().time()
        for update in fresh:
            self.in_hand[update.update_id] = (update, now)
            self.queue.put_nowait(update)
        if fresh:
            self.highest = fresh[-1].update_id
        return fresh

    def handled(self, update: object) -> None:
        """An update was handled (the queue's ``on_handled``)."""
        if not isinstance(update, Update) or self.in_hand.pop(update.update_id, None) is None:
            return
        self.received.pop(update.update_id, None)
        self._changed.set()
        if update.update_id in self.parked:
            self.parked.discard(update.update_id)
            self._unpark(update.update_id)

    async def park_overdue(self, at_once: bool = False) -> None:
        """Park the updates in hand for :data:`PARK_AFTER` seconds or more (all of them
        ``at_once``), so that the next poll confirms them and gets newer ones instead."""
        now = asyncio.get_running_loop().time()
        overdue = [
            self.in_hand[i][0]
            for i in self._waiting()
            if at_once or now - self.in_hand[i][1] >= PARK_AFTER
        ]
        if overdue:
            await self._park(overdue)

    async def hold_back(self) -> bool:
        """Before a poll: while updates in hand hold the offset back, the poll would return
        them again at once, so wait until one is handled after the last poll, at most
        :data:`POLL_PAUSE` (a new update waits that long at most). Without this wait a
        poll right after each fetch returned the updates just fetched (a poll more per
        update).

        Returns:
            True when none was handled meanwhile: polling only spins on updates that take
            long (e.g. a reply waiting out a 429), so those overdue are worth parking.
        """
        if not self._waiting() or self.offset(None) != self._last_offset:
            return False  # none in hand, or one handled during the last poll: the offset moved
        try:  # not wait_for: see OutboxSender._idle
            async with asyncio.timeout(POLL_PAUSE):
                await self._changed.wait()
        except TimeoutError:
            return True
        return False

    def polled(self, offset: int | None) -> None:
        """A poll from ``offset`` returned: only updates handled from now on end
        :meth:`hold_back`."""
        self._last_offset = offset
        self._changed.clear()

    async def _park(self, updates: list[Update]) -> None:
        table = ParkedUpdate.__table__
        async with self.sessions() as session, session.begin():
            # rows of a park whose commit went through as its poll was cancelled (the bot
            # stopping) are in the table but not in self.parked: skipped, not inserted twice
            stored = set(
                await session.scalars(
                    select(ParkedUpdate.update_id).where(
                        ParkedUpdate.bot_id == self.bot_id,
                        ParkedUpdate.update_id.in_([u.update_id for u in updates]),
                    )
                )
            )
            rows = [
                {"bot_id": self.bot_id, "update_id": u.update_id, "payload": self._payload(u)}
                for u in updates
                if u.update_id not in stored
            ]
            if rows:
                await session.execute(insert(table), rows)
        for update in updates:
            if update.update_id in self.in_hand:
                self.parked.add(update.update_id)
            else:  # handled while its row was written
                self._unpark(update.update_id)
        logger.info("Parked %d update(s) still being handled", len(rows))

    def _payload(self, update: Update) -> dict[str, Any]:
        """The JSON of ``update`` as received, else built from it (an update not polled)."""
        received = self.received.get(update.update_id)
        return received if received is not None else update.to_dict()

    def _unpark(self, update_id: int) -> None:
        """Delete the parked row of a handled update, in a task that deletes all those
        handled meanwhile at once (one statement, not a transaction per update)."""
        self._unparking.add(update_id)
        if self._unparker is None or self._unparker.done():
            self._unparker = asyncio.get_running_loop().create_task(self._unpark_handled())
            self._unparker.add_done_callback(_log_failure)

    async def _unpark_handled(self) -> None:
        table = ParkedUpdate.__table__
        while self._unparking:
            ids, self._unparking = sorted(self._unparking), set()
            async with self.sessions() as session, session.begin():
                await session.execute(
                    delete(table).where(table.c.bot_id == self.bot_id, table.c.update_id.in_(ids))
                )

    async def load(self, bot: ExtBot[Any]) -> None:
        """At start: queue the updates a previous process parked and did not handle."""
        self.bot_id = bot.id
        table = ParkedUpdate.__table__
        async with self.sessions() as session:
            rows = (
                await session.execute(
                    select(table.c.payload)
                    .where(table.c.bot_id == bot.id)
                    .order_by(table.c.update_id)
                )
            ).all()
        updates = [Update.de_json(row.payload, bot) for row in rows]
        if updates:
            logger.info("Handling %d update(s) parked before the restart", len(updates))
        self.take(updates)
        self.parked.update(u.update_id for u in updates)


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.warning("Could not unpark an update: %s", task.exception())


class PollingRequest(AiohttpRequest):
    """getUpdates' requests: a result keeps only the updates the inbox has not fetched yet
    (:meth:`PollingInbox.unseen`), before python-telegram-bot builds them as objects.

    Args:
        inbox: The polling inbox.
    """

    def __init__(self, inbox: PollingInbox) -> None:
        super().__init__(connection_pool_size=1)  # one poll at a time
        self.inbox = inbox

    # BaseRequest's is a static method, documented as the one to override to parse
    # Telegram's answers; this one needs the inbox
    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:  # type: ignore[override]
        """Telegram's answer to a poll, its result without the updates already fetched."""
        answer = AiohttpRequest.parse_json_payload(payload)
        result = answer.get("result")
        if isinstance(result, list):
            answer["result"] = self.inbox.unseen(result)
        return answer


class IgaBot(ExtBot[Any]):
    """python-telegram-bot's bot with the inbox's polling and late taps (see the module doc).
    Its ``request`` should be a :class:`bot.update_ledger.LedgerRequest` (the update
    ledger's commit before each call).

    Args:
        inbox: Polls through it (a :class:`PollingRequest`) when given; other arguments are
            ``ExtBot``'s.
    """

    def __init__(self, *args: Any, inbox: PollingInbox | None = None, **kwargs: Any) -> None:
        if inbox is not None:
            if "get_updates_request" in kwargs:
                raise TypeError("IgaBot polls through its inbox's request: give one of them")
            kwargs["get_updates_request"] = PollingRequest(inbox)
        super().__init__(*args, **kwargs)
        self._inbox = inbox

    @property
    def inbox(self) -> PollingInbox | None:
        """The polling inbox, if any."""
        return self._inbox

    async def get_updates(
        self,
        offset: int | None = None,
        limit: int | None = None,
        timeout: int | timedelta | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[Update, ...]:
        """Fetch updates from the inbox's offset and queue the new ones.

        Returns:
            Nothing: the updates are queued here, in order, without waiting for each
            (python-telegram-bot's updater would wait for each ``put``).
        """
        inbox = self.inbox
        if inbox is None:
            return await super().get_updates(offset, limit, timeout, *args, **kwargs)
        final = timeout is not None and _seconds(timeout) == 0  # the updater's last call
        if not final and await inbox.hold_back():
            await inbox.park_overdue()
        start = inbox.offset(offset)
        updates = await super().get_updates(start, limit, timeout, *args, **kwargs)
        inbox.polled(start)
        if final:
            return ()
        if not inbox.take(updates) and inbox.returned >= POLL_LIMIT:
            # a page of old ones: newer ones wait behind it
            await inbox.park_overdue(at_once=True)
        return ()

    async def answer_callback_query(
        self, callback_query_id: str, text: str | None = None, *args: Any, **kwargs: Any
    ) -> bool:
        """Answer the query; when Telegram no longer lets the bot (a late tap), send
        ``text`` to the chat instead and return False (the handler goes on).

        An empty ``text`` is sent as none: python-telegram-bot's Defaults (ExtBot) turn an
        empty string into an empty list (a str is a Sequence, and every item of none is an
        InputPollOption), which reached the user as the toast "[]" (QA #23)."""
        text = text or None
        try:
            return await super().answer_callback_query(callback_query_id, text, *args, **kwargs)
        except BadRequest as error:
            if not any(part in error.message.lower() for part in LATE_TAP_ERRORS):
                raise
            logger.info("Late tap %s: %s", callback_query_id, error.message)
            scope = current_scope()
            if text and scope is not None and scope.chat_id is not None:
                await self.send_message(scope.chat_id, text, parse_mode=None)  # a toast: plain
            return False


def _seconds(value: Any) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
