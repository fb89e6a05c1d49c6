"""No update lost and none applied twice when the bot process dies.

python-telegram-bot tells Telegram an update was received as soon as it is queued: in polling
mode the next getUpdates (its ``offset`` confirms everything before it) goes out while the
fetched batch still waits in the queue, and in webhook mode the answer 200 goes back before
the update is handled. A process killed at that moment (SIGKILL, out of memory, a crashed
machine) loses every update queued but not handled: Telegram never sends them again, and the
users who wrote them get no answer.

Two pieces close that:

- :class:`HandledUpdateQueue`, the application's update queue, returns from ``put`` only once
  the update has been handled. The updater therefore asks for the next batch (confirming the
  previous one) only after handling it, and the webhook answers Telegram only after handling.
  Updates that were not handled are sent again after a restart.
- :class:`UpdateLedger` records the last update whose handling wrote to the database (table
  ``applied_updates``); after a restart, updates up to it are skipped instead of being applied
  a second time. Only the update being handled at the very moment of the crash, between its
  commit and its record, can take effect twice. Updates that wrote nothing are simply handled
  again (the user may get the same answer twice).

Telegram's update ids increase by one, but after a week without updates the next id is
random (Bot API, ``Update.update_id``), so a record older than :data:`TRUST_DAYS` is ignored,
as is one written by another bot (a new token on the same database).
Handling must stay sequential (python-telegram-bot's default, ``concurrent_updates`` off):
the queue pairs each ``task_done`` with the oldest pending ``put``.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, event, select, update
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from telegram import Update
from telegram.ext import Application

from bot.storage.models import AppliedUpdate

logger = logging.getLogger(__name__)

TRUST_DAYS = 7
"""Days a recorded update id is trusted (Telegram: ids restart at random after a week)."""

_wrote: ContextVar[list[bool] | None] = ContextVar("update_wrote", default=None)
"""While an update is handled: a one-item list set to True when the handling writes."""


class HandledUpdateQueue(asyncio.Queue[Any]):
    """An update queue whose ``put`` returns once the item has been handled (its
    ``task_done``), so that Telegram is told an update arrived only after it took effect.

    python-telegram-bot's updater, webhook handler and ``Application.stop`` all use ``put``;
    an item queued with ``put_nowait`` alone would upset the pairing of ``task_done`` calls
    with waiting ``put`` calls.
    """

    def __init__(self) -> None:
        super().__init__()
        self._handled: deque[asyncio.Future[None]] = deque()

    async def put(self, item: Any) -> None:
        """Queue ``item`` and wait until the application has handled it."""
        done = asyncio.get_running_loop().create_future()
        self._handled.append(done)
        self.put_nowait(item)
        await asyncio.shield(done)

    def task_done(self) -> None:
        """Mark the oldest pending item handled (its ``put`` returns)."""
        super().task_done()
        if self._handled:
            self._handled.popleft().set_result(None)


class UpdateLedger:
    """The last applied update id, read once at start, written after each update whose
    handling wrote to the database.

    Args:
        engine: The runtime's database engine (the record is one prepared UPDATE on a
            connection of its own, not through an ORM session: it runs after every update
            that writes).
        clock: Source of "now" (aware datetime), for the record's age.
    """

    def __init__(self, engine: AsyncEngine, clock: Callable[[], datetime]) -> None:
        self.engine = engine
        self.clock = clock
        self.bot_id: int | None = None
        self.skip_through = 0
        """Updates with an id up to this one took effect before the restart."""

    async def load(self, bot_id: int) -> None:
        """Read the record left by the previous run of bot ``bot_id`` (ignored when another
        bot, another token's numeric id, wrote it, or when older than :data:`TRUST_DAYS`)."""
        self.bot_id = bot_id
        async with self.engine.connect() as connection:
            row = (await connection.execute(_READ)).first()
        if row is None or row.applied_at is None or row.bot_id != bot_id:
            return
        if self.clock() - row.applied_at < timedelta(days=TRUST_DAYS):
            self.skip_through = row.update_id

    async def record(self, update_id: int) -> None:
        """Record that ``update_id`` took effect (after :meth:`load`)."""
        values = {"bot_id": self.bot_id, "update_id": update_id, "now": self.clock()}
        async with self.engine.begin() as connection:
            await connection.execute(_RECORD, values)


_TABLE = AppliedUpdate.__table__
_READ = select(_TABLE.c.bot_id, _TABLE.c.update_id, _TABLE.c.applied_at).where(_TABLE.c.id == 1)
_RECORD = (
    update(_TABLE)
    .where(_TABLE.c.id == 1)
    .values(
        bot_id=bindparam("bot_id"), update_id=bindparam("update_id"), applied_at=bindparam("now")
    )
)


class LedgerApplication(Application):  # type: ignore[type-arg]
    """The application, skipping updates that already took effect and recording those that
    write (see the module doc). Set ``bot_data[LEDGER_KEY]`` before starting."""

    async def process_update(self, update: object) -> None:
        ledger: UpdateLedger | None = self.bot_data.get(LEDGER_KEY)
        if ledger is None or not isinstance(update, Update):
            await super().process_update(update)
            return
        if update.update_id <= ledger.skip_through:
            logger.info("Update %s took effect before the restart; skipped", update.update_id)
            return
        wrote = [False]
        token = _wrote.set(wrote)
        try:
            await super().process_update(update)
        finally:
            _wrote.reset(token)
        if wrote[0]:
            try:
                await ledger.record(update.update_id)
            except Exception:  # the database is failing: the handler already told the user
                logger.warning("Could not record update %s as applied", update.update_id)


LEDGER_KEY = "update_ledger"
"""Key of the :class:`UpdateLedger` in ``application.bot_data``."""


def _note_write() -> None:
    wrote = _wrote.get()
    if wrote is not None:
        wrote[0] = True


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    _note_write()  # ORM inserts, updates and deletes


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        _note_write()  # insert(), update() and delete() statements
