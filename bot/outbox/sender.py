"""``OutboxSender``: the one sender of the outbox, a background task in the bot process that
delivers the pending deliveries of every outbox message (:mod:`bot.services.shared.outbox`:
broadcasts, notices, reminders) within Telegram's limits.

Find it from handlers and jobs with ``SENDER.of(context.application)``.
It wakes by itself when a transaction that wrote to the outbox commits (an ``after_commit``
hook on this process's sessions); call :meth:`OutboxSender.wake` after a cancellation.

What it does, and where each rule comes from:

- Paces messages at most ``per_second`` overall (setting ``OUTBOX_PER_SECOND``, default 25,
  below Telegram's "about 30 messages per second" of the Bot API FAQ, leaving room for the
  bot's replies to users),
  evenly spaced; a late send is made up by the next ones within :data:`PACER_SLACK` or one
  interval, so any second carries at most ``per_second`` plus a bucket of 2 sends at 25/s
  (11 at 1,000/s; see :class:`_Pacer`). One message per ``per_chat_interval`` seconds to
  one private chat, ``group_per_minute`` to one group (Telegram: 20 a minute).
- A 429 answer pauses the whole sender for its ``retry_after`` seconds (Bot API: "the number
  of seconds left to wait before the request can be repeated"); the message is sent again.
- 5xx answers, network errors and timeouts are retried with exponential backoff
  (``backoff``, 2×``backoff``, 4×… seconds) up to ``max_attempts`` attempts, then ``failed``.
- 403 (the user blocked the bot, or it cannot write there) marks the delivery ``blocked`` and
  the chat blocked; other 400 answers ("chat not found", a bad request) mark it ``failed``.
- A group upgraded to a supergroup (``migrate_to_chat_id``) is followed: the message goes to
  the new chat and the delivery, chat and subscriptions record it.
- Exactly once: deliveries are claimed (committed as "in flight", ``FOR UPDATE SKIP LOCKED``
  on PostgreSQL) a batch at a time and each result is committed right after Telegram answers.
  After a crash, pending deliveries are picked up again when the bot starts; only those in
  flight at the crash (at most ``max_in_flight``, setting ``OUTBOX_MAX_IN_FLIGHT``, messages
  accepted by Telegram but not yet recorded) can be sent twice.
  A timeout after Telegram accepted a message has the same effect; the Bot API offers no
  idempotency key that could close that window.
- Several processes (webhook replicas on one PostgreSQL) each run a sender: a claim is a
  lease (``Delivery.claimed_by``, ``claimed_until``, ``lease`` seconds, setting
  ``OUTBOX_LEASE_SECONDS``) renewed every quarter lease while the row is held. A message is
  sent only while its lease has more than a third of ``lease`` left as this process last saw
  it renewed, so a process that stalls stops sending before another may take its rows; rows
  another process took after a lapse are dropped at the next renewal. A dead process's rows
  are sent by another once their leases lapse; a stopping one gives its rows back at once,
  and a process alone on its database (SQLite, or the one poller) frees every claim at start.

Python-telegram-bot handles updates one at a time; the sender runs as its own asyncio task
and never blocks update handling: sends run concurrently (``max_in_flight``), database work
is short, and waits are ``asyncio`` sleeps.

Cost per message (it sets the highest pace a small machine sustains): the messages go through
a bot object of the sender's own, with the same token and Bot API address, whose HTTP client
is aiohttp's (:class:`~bot.telegram_request.AiohttpRequest`, about a fifth of the CPU of
PTB's httpx client) and which has no rate limiter (this sender handles 429 itself). Results
are committed together (:class:`_GroupCommit`), accepted messages by one statement per
commit. Progress messages are edited through the application's bot.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import os
import time
import warnings
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from uuid import uuid4

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from telegram import Bot, InlineKeyboardMarkup, InputFile
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import Application
from telegram.warnings import PTBDeprecationWarning, PTBUserWarning

from bot.runtime import Runtime, application_runtime
from bot.services.announcements.broadcasts import (
    LEASE_SECONDS,
    ClaimedDelivery,
    Progress,
    broadcast_progress,
    claim_deliveries,
    finish_if_complete,
    in_doubt_deliveries,
    mark_delivery_blocked,
    mark_failed,
    mark_in_flight,
    mark_sent_many,
    markup_for_language,
    note_transient_error,
    record_chat_migration,
    release_claims,
    renew_claims,
    sending_broadcasts,
    start_due_broadcasts,
    text_for_language,
)
from bot.services.shared.outbox import RENDERED, WRITTEN, Document, make_document
from bot.slots import Slot
from bot.storage.models import Broadcast
from bot.telegram_request import AiohttpRequest
from bot.update_ledger import after_commit

logger = logging.getLogger(__name__)

SENDER: Slot[OutboxSender] = Slot("outbox_sender")
"""The application's :class:`OutboxSender`."""

PER_CHAT_INTERVAL = 1.0
"""Default seconds between two messages to one private chat (Telegram: about one a second)."""
GROUP_PER_MINUTE = 20
"""Default messages per minute to one group or supergroup (Telegram: 20)."""
MAX_ATTEMPTS = 5
"""Default attempts of one delivery on transient errors before it is ``failed``."""
BACKOFF = 1.0
"""Default wait before the first retry after a transient error, seconds (doubles each time)."""
PROGRESS_INTERVAL = 3.0
"""Default least time between two edits of a progress message, seconds."""
POLL_INTERVAL = 2.0
"""Default seconds between two looks at the database when idle (scheduled broadcasts)."""
REFRESH_INTERVAL = 1.0
"""Seconds between two looks at the database while sending (cancellations, new broadcasts)."""

DOCUMENT_CACHE = 8
"""Documents made at send time kept for the next recipients of the same message."""
DOCUMENT_KEPT = 30.0
"""Seconds a document made at send time is kept (a revocation meanwhile is seen after)."""
WITHDRAWN = "document withdrawn before it was sent"
"""``last_error`` of a delivery whose document's source answered None (e.g. revoked)."""

Render = Callable[[Progress], tuple[str, InlineKeyboardMarkup | None]]
"""Turns a broadcast's progress into the text and buttons of its progress message."""


PACER_SLACK = 0.01
"""Seconds of sending the pacer makes up after a late send (at least one message's interval)."""


class _Pacer:
    """Spaces sends evenly at ``per_second``: a token bucket of ``1 + per_second × slack``
    sends, where ``slack`` is :data:`PACER_SLACK` or one interval, whichever is longer.

    A send that goes late (the event loop's timers wake up to a millisecond or more late; the
    sender looks at the database once a second) keeps its place in the even schedule, so the
    next ones go sooner: without that, each late wake-up would be lost for good (at 25 a
    second, a 1 ms late timer costs 2.5 % of the pace; at 500 a second, half). Falling
    behind by more than ``slack`` moves the schedule instead, so a pause is never made up:
    any period of T seconds carries at most ``T × per_second + 1 + per_second × slack``
    sends (at 25/s: 2 at once; at 1,000/s: 11).

    Args:
        per_second: The pace, sends per second.
        clock: Seconds, monotonic (tests pass a fake).
        sleep: Waits that many seconds (tests pass a fake).
    """

    def __init__(
        self,
        per_second: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.per_second = per_second
        self._interval = 1.0 / per_second
        self._slack = max(self._interval, PACER_SLACK)
        self._clock = clock
        self._sleep = sleep
        self._next = -float("inf")

    async def wait(self) -> None:
        """Return at this send's turn (reserve it)."""
        now = self._clock()
        slot = max(now - self._slack, self._next)
        self._next = slot + self._interval
        if slot > now:
            await self._sleep(slot - now)


class _ChatLimits:
    """When the next message to a chat may go: one per interval to a private chat, at most
    ``group_per_minute`` in any 60 seconds to a group (negative chat id)."""

    def __init__(self, per_chat_interval: float, group_per_minute: int) -> None:
        self.per_chat_interval = per_chat_interval
        self.group_per_minute = group_per_minute
        self._private: dict[int, float] = {}
        self._groups: dict[int, deque[float]] = defaultdict(deque)

    def ready_at(self, chat_id: int, now: float) -> float:
        if chat_id < 0:
            window = self._groups[chat_id]
            while window and window[0] <= now - 60.0:
                window.popleft()
            return window[0] + 60.0 if len(window) >= self.group_per_minute else now
        return self._private.get(chat_id, -1e18) + self.per_chat_interval

    def record(self, chat_id: int, now: float) -> None:
        if chat_id < 0:
            self._groups[chat_id].append(now)
            return
        self._private[chat_id] = now
        if len(self._private) > 50_000:  # forget chats whose interval is long over
            horizon = now - self.per_chat_interval
            self._private = {c: t for c, t in self._private.items() if t > horizon}


Action = Callable[[AsyncSession], Awaitable[None]]
"""A service call recording one delivery's result in the session it is given."""


class _GroupCommit:
    """Commits delivery results as they come, together: while one transaction commits, the
    next results gather for the following one (a group commit). Each caller returns once its
    own result is committed, and keeps its send slot until then, so at most
    ``max_in_flight`` accepted messages are ever unrecorded.

    Accepted messages, the common result, are recorded by one statement for the whole batch
    (:func:`mark_sent_many`); other results are service calls run in the same transaction.
    A batch that fails is retried one result at a time (a lost "sent" means a duplicate
    after a restart), three times each, before the error is raised to that caller.
    """

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self._waiting: list[tuple[Action | tuple[int, int], asyncio.Future[None]]] = []
        self._task: asyncio.Task[None] | None = None

    async def record(self, result: Action | tuple[int, int]) -> None:
        """Commit ``result``: a service call, or ``(delivery id, message_id)`` of an accepted
        message; returns once it is committed."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((result, future))
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._flush())
        await future

    async def _apply(self, session: AsyncSession, results: list[Action | tuple[int, int]]) -> None:
        sent = [result for result in results if isinstance(result, tuple)]
        await mark_sent_many(session, sent, now=self.runtime.now())
        for result in results:
            if not isinstance(result, tuple):
                await result(session)

    async def _flush(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                async with self.runtime.transaction() as session:
                    await self._apply(session, [result for result, _ in batch])
            except Exception:
                logger.warning("Could not record %d results together", len(batch), exc_info=True)
                for result, future in batch:
                    await self._one(result, future)
            else:
                for _, future in batch:
                    if not future.done():  # its caller may have been cancelled at shutdown
                        future.set_result(None)

    async def _one(self, result: Action | tuple[int, int], future: asyncio.Future[None]) -> None:
        for attempt in range(3):
            try:
                async with self.runtime.transaction() as session:
                    await self._apply(session, [result])
            except Exception as error:
                if attempt == 2:
                    if not future.done():
                        future.set_exception(error)
                    return
                await asyncio.sleep(0.2 * (attempt + 1))
            else:
                if not future.done():
                    future.set_result(None)
                return


@dataclass
class _Watch:
    chat_id: int
    message_id: int
    render: Render
    shown: str | None = None
    shown_at: float = 0.0


@dataclass
class _State:
    """What the sender holds in memory about one sending broadcast."""

    broadcast: Broadcast
    queue: deque[ClaimedDelivery] = field(default_factory=deque)
    cursor: int = 0
    exhausted: bool = False
    in_flight: int = 0
    waiting: int = 0


class OutboxSender:
    """Delivers pending deliveries in the background (see the module doc).

    Args:
        bot: The bot that sends.
        runtime: Database sessions, settings (DEFAULT_LANGUAGE) and the clock (``now``).
        per_second: Most messages per second overall (setting ``OUTBOX_PER_SECOND``).
        per_chat_interval: Least seconds between two messages to one private chat.
        group_per_minute: Most messages per minute to one group.
        max_in_flight: Most sends awaiting Telegram's answer at once (also the most messages
            a crash can duplicate; setting ``OUTBOX_MAX_IN_FLIGHT``).
        max_attempts: Attempts on transient errors before a delivery is ``failed``.
        backoff: Seconds before the first retry; doubles with each attempt.
        progress_interval: Least seconds between two edits of a progress message.
        poll_interval: Seconds between two looks at the database when idle.
        claim_size: Deliveries claimed per database transaction (default: a quarter of a
            second's sending at ``per_second``, at least 25 and ``max_in_flight``).
        lease: Seconds a claim holds unless renewed (setting ``OUTBOX_LEASE_SECONDS``);
            longer than a send's timeouts (5 s each) times three.
    """

    def __init__(
        self,
        bot: Bot,
        runtime: Runtime,
        *,
        per_second: float,
        per_chat_interval: float = PER_CHAT_INTERVAL,
        group_per_minute: int = GROUP_PER_MINUTE,
        max_in_flight: int,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: float = BACKOFF,
        progress_interval: float = PROGRESS_INTERVAL,
        poll_interval: float = POLL_INTERVAL,
        claim_size: int | None = None,
        lease: float = LEASE_SECONDS,
    ) -> None:
        self.bot = bot
        self._send_bot = _sending_bot(bot, max_in_flight)
        self.runtime = runtime
        self.max_in_flight = max_in_flight
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.progress_interval = progress_interval
        self.poll_interval = poll_interval
        self.claim_size = claim_size or max(max_in_flight, 25, round(per_second / 4))
        self._pacer = _Pacer(per_second)
        self._chats = _ChatLimits(per_chat_interval, group_per_minute)
        self._slots = asyncio.Semaphore(max_in_flight)
        self._results = _GroupCommit(runtime)
        self._states: dict[int, _State] = {}
        self._closing: dict[int, _State] = {}
        self._order: deque[int] = deque()
        self._retries: list[tuple[float, int, ClaimedDelivery]] = []
        self._reclaim: set[int] = set()
        self._documents: dict[str, tuple[float, Document | None]] = {}
        self._sequence = itertools.count()
        self._paused_until = 0.0
        self._wake = asyncio.Event()
        self._watches: dict[int, list[_Watch]] = defaultdict(list)
        self._task: asyncio.Task[None] | None = None
        self._sends: set[asyncio.Task[None]] = set()
        self.lease = lease
        self.owner = f"{os.getpid()}-{uuid4().hex[:12]}"
        """Names this sender in its claims (``Delivery.claimed_by``)."""
        self.exclusive = False
        """Set before :meth:`start` when no other process can be sending (the process lock):
        claims left by a previous run are freed at start instead of when they lapse."""
        self._held: dict[int, float] = {}
        self._renewal: asyncio.Task[None] | None = None
        self.refreshes = 0
        """How many times the sender has looked at the database (tests wait on it)."""
        self.in_doubt_at_start: int | None = None
        """Deliveries found "in flight" from a previous run when this sender started."""

    @property
    def per_second(self) -> float:
        """The overall pace, messages per second."""
        return self._pacer.per_second

    # --- life cycle -------------------------------------------------------------------

    async def start(self) -> None:
        """Start the background task (idempotent)."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="outbox-sender")
        if self._renewal is None or self._renewal.done():
            self._renewal = asyncio.create_task(self._renew_forever(), name="outbox-leases")

    async def stop(self, timeout: float = 10.0) -> None:
        """Stop sending; wait up to ``timeout`` seconds for the sends in flight to be recorded,
        then close the sending bot's connections."""
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._sends:
            await asyncio.wait(set(self._sends), timeout=timeout)
        if self._renewal is not None:
            self._renewal.cancel()
            with suppress(asyncio.CancelledError):
                await self._renewal
            self._renewal = None
        try:  # what this process holds and did not send is for the others at once
            async with self.runtime.transaction() as session:
                await release_claims(session, self.owner)
        except Exception:
            logger.warning("Could not give back the outbox's claims; they lapse", exc_info=True)
        self._held.clear()
        with suppress(Exception):
            await self._send_bot.shutdown()

    def wake(self) -> None:
        """Look at the database now (a broadcast was created, cancelled or is due); called
        while an update is handled, once what it wrote is committed."""
        after_commit(self._wake.set)

    def watch(
        self,
        broadcast_id: int,
        chat_id: int,
        message_id: int,
        render: Render,
        shown: str | None = None,
    ) -> None:
        """Keep a message updated with the broadcast's progress until it finishes.

        The message is edited at most every ``progress_interval`` seconds, only when its text
        changes, and a last time with the final report. Watches live in memory: after a
        restart the committee sees progress with ``/broadcasts``.

        Args:
            broadcast_id: The broadcast.
            chat_id: Chat of the progress message.
            message_id: The progress message.
            render: Makes its text and buttons from the progress.
            shown: The text the message shows now (it is not edited to the same text:
                Telegram answers "message is not modified").
        """
        self._watches[broadcast_id].append(
            _Watch(chat_id, message_id, render, shown, time.monotonic() if shown else 0.0)
        )

    # --- the loop ---------------------------------------------------------------------

    async def _open(self) -> None:
        """Initialise the sending bot (its connections and getMe), retrying until it works."""
        while True:
            try:
                await self._send_bot.initialize()
                return
            except TelegramError as error:
                logger.warning("Outbox sender cannot reach Telegram yet: %s", error)
                await asyncio.sleep(self.poll_interval)

    async def _run(self) -> None:
        await self._open()
        try:
            if self.exclusive:
                async with self.runtime.transaction() as session:
                    await release_claims(session, None)
            async with self.runtime.sessions() as session:
                self.in_doubt_at_start = await in_doubt_deliveries(session)
            if self.in_doubt_at_start:
                logger.warning(
                    "%d deliveries were in flight when the bot stopped; sending them again "
                    "(each may reach its recipient twice)",
                    self.in_doubt_at_start,
                )
        except Exception:
            logger.exception("Could not look for deliveries in flight")
        while True:
            try:
                busy = await self._round()
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("Outbox sender failed; trying again")
                busy = False
            if not busy:
                await self._idle()

    async def _renew_forever(self) -> None:
        """Renew this process's leases every quarter ``lease`` (see module doc)."""
        while True:
            await asyncio.sleep(self.lease / 4)
            try:
                await self._renew()
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.warning("Could not renew the outbox's leases", exc_info=True)

    async def _renew(self) -> None:
        """Renew the leases held; forget rows that are no longer this process's (finished,
        or taken by another process after a lapse)."""
        if not self._held:
            return
        started = time.monotonic()
        async with self.runtime.transaction() as session:
            renewed = await renew_claims(session, self.owner, self.lease)
        deadline = started + self.lease
        for delivery_id, until in list(self._held.items()):
            if delivery_id in renewed:
                self._held[delivery_id] = deadline
            elif until <= deadline:  # claimed before this renewal began: not ours any more
                del self._held[delivery_id]

    def _may_send(self, delivery: ClaimedDelivery) -> bool | None:
        """True to send now; False to wait for a renewal (the lease is short of a third left);
        None when the row is no longer this process's."""
        until = self._held.get(delivery.id)
        if until is None:
            return None
        return until - time.monotonic() > self.lease / 3

    async def _idle(self) -> None:
        timeout = self.poll_interval
        if self._retries:
            timeout = min(timeout, max(0.0, self._retries[0][0] - time.monotonic()))
        if self._states:
            timeout = min(timeout, REFRESH_INTERVAL)
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a cancellation that
        # comes as the wait ends (a wake-up racing stop()), and this task then ran on forever
        with suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._wake.wait()

    async def _round(self) -> bool:
        """Refresh from the database, then dispatch for about a second. True if it sent."""
        self._wake.clear()
        await self._refresh()
        dispatched = 0
        deadline = time.monotonic() + REFRESH_INTERVAL
        while time.monotonic() < deadline and not self._wake.is_set():
            delivery = await self._next()
            if delivery is None:
                break
            await self._dispatch(delivery)
            dispatched += 1
        return dispatched > 0

    async def _refresh(self) -> None:
        """Start due scheduled broadcasts, follow cancellations, finish complete ones, and
        update progress messages."""
        now = self.runtime.now()
        self.refreshes += 1
        async with self.runtime.transaction() as session:
            started = await start_due_broadcasts(session, now)
            sending = {b.id: b for b in await sending_broadcasts(session)}
        if started:
            logger.info("Scheduled broadcasts %s are due; sending", started)
        for broadcast_id in list(self._states):
            if broadcast_id not in sending:  # cancelled (or finished by another process)
                ended = self._states.pop(broadcast_id)
                self._order.remove(broadcast_id)
                if broadcast_id in self._watches:
                    self._closing[broadcast_id] = ended
        for broadcast_id, broadcast in sending.items():
            state = self._states.get(broadcast_id)
            if state is None:
                self._states[broadcast_id] = _State(broadcast)
                self._order.append(broadcast_id)
            else:
                state.broadcast = broadcast
        for broadcast_id, state in list(self._states.items()):
            if state.exhausted and not state.queue and not state.in_flight and not state.waiting:
                async with self.runtime.transaction() as session:
                    done = await finish_if_complete(session, broadcast_id, self.runtime.now())
                if done:
                    logger.info("Broadcast %s finished", broadcast_id)
                    self._states.pop(broadcast_id)
                    self._order.remove(broadcast_id)
                else:  # pending rows behind the cursor: look again from the start
                    state.cursor, state.exhausted = 0, False
        await self._update_watches()

    async def _next(self) -> ClaimedDelivery | None:
        """The next delivery to send: a retry that is due, else one from the broadcasts in
        turn (claiming more from the database when a queue runs dry)."""
        now = time.monotonic()
        while self._retries and self._retries[0][0] <= now:
            _, _, delivery = heapq.heappop(self._retries)
            state = self._states.get(delivery.broadcast_id)
            if state is not None:
                state.waiting -= 1
                return delivery
        for _ in range(len(self._order)):
            broadcast_id = self._order[0]
            self._order.rotate(-1)
            state = self._states[broadcast_id]
            if not state.queue and not state.exhausted:
                started = time.monotonic()
                async with self.runtime.transaction() as session:
                    claimed = await claim_deliveries(
                        session,
                        broadcast_id,
                        after_id=state.cursor,
                        limit=self.claim_size,
                        owner=self.owner,
                        lease=self.lease,
                    )
                for delivery in claimed:
                    self._held[delivery.id] = started + self.lease
                if claimed:
                    state.queue.extend(claimed)
                    state.cursor = claimed[-1].id
                else:
                    state.exhausted = True
            if state.queue:
                return state.queue.popleft()
        return None

    def _later(self, delivery: ClaimedDelivery, at: float) -> None:
        state = self._states.get(delivery.broadcast_id)
        if state is None:
            return
        state.waiting += 1
        heapq.heappush(self._retries, (at, next(self._sequence), delivery))

    async def _dispatch(self, delivery: ClaimedDelivery) -> None:
        """Wait for the limits, then send in a task of its own."""
        ready = self._chats.ready_at(delivery.chat_id, time.monotonic())
        if ready > time.monotonic():
            self._later(delivery, ready)
            return
        while True:  # a 429 pauses every send, also those already waiting for their turn
            pause = self._paused_until - time.monotonic()
            if pause > 0:
                await asyncio.sleep(pause)
            await self._pacer.wait()
            await self._slots.acquire()
            if self._paused_until <= time.monotonic():
                break
            self._slots.release()
        state = self._states.get(delivery.broadcast_id)
        if state is None:  # cancelled meanwhile
            self._slots.release()
            return
        self._chats.record(delivery.chat_id, time.monotonic())
        state.in_flight += 1
        task = asyncio.create_task(self._send(delivery, state))
        self._sends.add(task)
        task.add_done_callback(self._sends.discard)

    # --- one message ------------------------------------------------------------------

    async def _document(self, reference: str) -> Document | None:
        """The document made at send time for ``reference`` (kept :data:`DOCUMENT_KEPT`
        seconds for the next recipients of the same message), or None when it was
        withdrawn."""
        kept = self._documents.get(reference)
        if kept is not None and time.monotonic() - kept[0] < DOCUMENT_KEPT:
            return kept[1]
        async with self.runtime.sessions() as session:
            document = await make_document(session, reference, self.runtime.settings)
        if len(self._documents) >= DOCUMENT_CACHE:
            self._documents.pop(next(iter(self._documents)))
        self._documents[reference] = (time.monotonic(), document)
        return document

    async def _deliver(
        self,
        broadcast: Broadcast,
        chat_id: int,
        text: str,
        markup: dict[str, Any] | None,
        document: Document | None = None,
    ) -> int:
        """Send one copy (with its buttons); returns Telegram's ``message_id``. The sending bot
        has no rate limiter: this sender handles 429 itself, pausing every send (see module
        doc)."""
        data: dict[str, Any] = {"chat_id": chat_id, "parse_mode": ParseMode.HTML}
        if markup is not None:
            data["reply_markup"] = markup
        if document is not None:
            data["document"] = InputFile(document.content, filename=document.file_name)
            data["caption"] = text
            method = "sendDocument"
        elif broadcast.media_kind in ("photo", "document"):
            data[broadcast.media_kind] = broadcast.media_file_id
            data["caption"] = text
            method = "sendPhoto" if broadcast.media_kind == "photo" else "sendDocument"
        else:
            data["text"] = text
            method = "sendMessage"
        return await self._send_bot.send_raw(method, data)

    async def _record(self, result: Action | tuple[int, int]) -> None:
        """Commit one result (see :class:`_GroupCommit`); returns once it is committed."""
        await self._results.record(result)

    async def _send(self, delivery: ClaimedDelivery, state: _State) -> None:
        broadcast = state.broadcast
        default_language = self.runtime.settings.default_language
        text = text_for_language(broadcast, delivery.language, default_language)
        markup = markup_for_language(broadcast, delivery.language, default_language)
        try:
            if delivery.id in self._reclaim:
                await self._record(lambda s: mark_in_flight(s, delivery.id))
                self._reclaim.discard(delivery.id)
            may_send = self._may_send(delivery)
            if may_send is None:  # another process took it after our lease lapsed
                return
            if not may_send:
                self._later(delivery, time.monotonic() + self.lease / 8)
                return
            document = None
            if broadcast.media_kind == RENDERED and broadcast.media_file_id:
                document = await self._document(broadcast.media_file_id)
                if document is None:
                    await self._record(lambda s: mark_failed(s, delivery.id, WITHDRAWN))
                    return
            try:
                message_id = await self._deliver(
                    broadcast, delivery.chat_id, text, markup, document
                )
            except TelegramError as error:
                await self._handle_error(delivery, error)
            else:
                await self._record((delivery.id, message_id))
        except Exception:
            logger.exception(
                "Delivery %s to chat %s: unexpected error", delivery.id, delivery.chat_id
            )
        finally:
            state.in_flight -= 1
            self._slots.release()
            if not state.in_flight and state.exhausted and not state.queue:
                self.wake()  # perhaps the last one: finish and report without waiting

    async def _handle_error(self, delivery: ClaimedDelivery, error: TelegramError) -> None:
        """Decide from Telegram's answer: pause, follow, block, fail or retry later."""
        message = str(error)
        if isinstance(error, RetryAfter):
            seconds = _retry_after_seconds(error)
            self._paused_until = max(self._paused_until, time.monotonic() + seconds)
            logger.warning("Telegram asked to wait %.0f s (429); pausing broadcasts", seconds)
            self._later(delivery, self._paused_until)
        elif isinstance(error, ChatMigrated):
            new_chat_id = error.new_chat_id
            follows: list[bool] = []

            async def migrate(session: AsyncSession) -> None:
                follows.append(
                    await record_chat_migration(session, delivery.id, delivery.chat_id, new_chat_id)
                )

            await self._record(migrate)
            logger.info("Chat %s became %s; following it", delivery.chat_id, new_chat_id)
            if follows[-1]:
                delivery.chat_id = new_chat_id
                self._later(delivery, time.monotonic())
        elif isinstance(error, Forbidden):
            await self._record(
                lambda s: mark_delivery_blocked(
                    s, delivery.id, delivery.chat_id, message, self.runtime.now()
                )
            )
            self.runtime.forget_chat(delivery.chat_id)
        elif isinstance(error, BadRequest):  # before NetworkError: BadRequest subclasses it
            await self._record(lambda s: mark_failed(s, delivery.id, message))
        elif isinstance(error, NetworkError):  # 5xx, connection errors, TimedOut
            delivery.attempts += 1
            if delivery.attempts >= self.max_attempts:
                await self._record(lambda s: mark_failed(s, delivery.id, message))
                return
            await self._record(lambda s: note_transient_error(s, delivery.id, message))
            self._reclaim.add(delivery.id)
            delay = self.backoff * 2 ** (delivery.attempts - 1)
            self._later(delivery, time.monotonic() + delay)
        else:
            await self._record(lambda s: mark_failed(s, delivery.id, message))

    # --- progress messages ------------------------------------------------------------

    async def _update_watches(self) -> None:
        """Edit progress messages: every ``progress_interval`` while sending, and once more
        with the final report when the broadcast is done or cancelled and its last sends are
        recorded."""
        now = time.monotonic()
        for broadcast_id in list(self._watches):
            watches = self._watches[broadcast_id]
            state = self._states.get(broadcast_id)
            if state is not None and all(
                now - w.shown_at < self.progress_interval for w in watches
            ):
                continue
            closing = self._closing.get(broadcast_id)
            if closing is not None and closing.in_flight:
                continue
            async with self.runtime.sessions() as session:
                progress = await broadcast_progress(session, broadcast_id)
            if progress is None:
                self._watches.pop(broadcast_id)
                continue
            for watch in watches:
                await self._show(watch, progress, now)
            if progress.finished:
                self._watches.pop(broadcast_id)
                self._closing.pop(broadcast_id, None)

    async def _show(self, watch: _Watch, progress: Progress, now: float) -> None:
        text, markup = watch.render(progress)
        if text == watch.shown:
            return
        await self._pacer.wait()
        try:
            await self.bot.edit_message_text(
                text,
                chat_id=watch.chat_id,
                message_id=watch.message_id,
                reply_markup=markup,
            )
        except BadRequest as error:
            if "not modified" not in str(error):
                logger.warning("Could not update a progress message: %s", error)
        except TelegramError as error:
            logger.warning("Could not update a progress message: %s", error)
        watch.shown, watch.shown_at = text, now


WAKE = "outbox_wake"
"""``session.info`` entry of this process's sessions: the sender's :meth:`~OutboxSender.wake`,
called when a transaction that wrote to the outbox commits."""


@event.listens_for(Session, "after_commit")
def _wake_after_outbox_commit(session: Session) -> None:
    if session.info.pop(WRITTEN, False):
        wake = session.info.get(WAKE)
        if wake is not None:
            wake()


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back_outbox(session: Session) -> None:
    session.info.pop(WRITTEN, None)


def install(application: Application, **limits: Any) -> OutboxSender:
    """Create the sender of ``application``, keep it in :data:`SENDER` and have
    every commit that wrote to the outbox through the runtime's sessions wake it.

    Start it in ``post_init`` and stop it in ``post_stop`` (while the bot can still send).

    Args:
        application: The bot; its runtime (:func:`bot.runtime.application_runtime`) must be set.
        **limits: Keyword arguments of :class:`OutboxSender` (retries…); the pace and the
            sends in flight come from the settings (``OUTBOX_PER_SECOND``,
            ``OUTBOX_MAX_IN_FLIGHT``) and the claims' lease (``OUTBOX_LEASE_SECONDS``) unless
            given.
    """
    runtime = application_runtime(application)
    settings = runtime.settings
    limits = {
        "per_second": settings.outbox_per_second,
        "max_in_flight": settings.outbox_max_in_flight,
        "lease": settings.outbox_lease_seconds,
        **limits,
    }
    sender = OutboxSender(application.bot, runtime, **limits)
    SENDER.put(application, sender)
    runtime.sessions.configure(info={WAKE: sender.wake})
    return sender


class _SendingBot(Bot):
    """The sender's bot: sends a message and returns only its id."""

    async def send_raw(self, method: str, data: dict[str, Any]) -> int:
        """Call Bot API ``method`` (``sendMessage``, ``sendPhoto``, ``sendDocument``) with
        ``data`` and return the sent message's ``message_id``, without building a
        :class:`~telegram.Message` (about a sixth of the sender's CPU per message).

        Raises:
            TelegramError: As the matching ``Bot.send_*`` method (PTB maps the answer).
        """
        result = await self.do_api_request(method, api_kwargs=data)
        return int(result["message_id"])


warnings.filterwarnings(  # send_raw and shared.replies.reply_html use do_api_request on purpose
    "ignore", message=r"Please use 'Bot\.send", category=PTBUserWarning
)


def _sending_bot(bot: Bot, pool_size: int) -> _SendingBot:
    """A bot like ``bot`` (token, Bot API address) that sends over aiohttp and has no rate
    limiter; its pool holds ``pool_size`` connections, one per send in flight."""
    url, file_url = bot.base_url, bot.base_file_url
    return _SendingBot(
        bot.token,
        base_url=lambda _token: url,
        base_file_url=lambda _token: file_url,
        request=AiohttpRequest(pool_size),
        get_updates_request=AiohttpRequest(1),
        local_mode=bot.local_mode,
    )


def _retry_after_seconds(error: RetryAfter) -> float:
    """``retry_after`` in seconds, whether PTB gives an int or (PTB_TIMEDELTA) a timedelta."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
