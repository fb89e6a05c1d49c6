"""Each Telegram update takes effect exactly once, whatever the moment the process dies.

Telegram sends an update again until the bot confirms it (the next getUpdates ``offset``, or
the webhook's answer 200), and the bot confirms an update only once it has been handled
(:class:`HandledUpdateQueue`, :class:`bot.update_processing.PollingInbox`). A process killed
in between (SIGKILL, out of memory, a crashed machine, a redeploy) therefore gets the update
again after the restart, and must not apply it twice: a date typed for one question of the
entry form would be filed into the next one, a paragraph appended twice.

So whether an update took effect is recorded **in the same transaction as its effect**: a
``handled_updates`` row, keyed by (bot, update id), inserted by the transaction that writes
what the update changes. While an update is handled (:class:`UpdateScope`), the handler's
``runtime.transaction()`` is not committed when its block ends: it is held, and committed
just before the handler's first Bot API call, together with the ledger row and that call
(the reply) in the row's ``replies``. The reply thus goes out after the commit, and:

- killed before the commit: nothing took effect, the update comes again and is applied once;
- killed after the commit, the reply lost or in flight: the update comes again, its row is
  found, and the recorded replies are sent again: answered again, not applied again;
- two processes handling the same update (webhook replicas, a redelivery to the other one):
  the second insert of the row fails on the primary key and its transaction rolls back.

The answer to a tap (answerCallbackQuery, its toast) commits too, so the toast means saved;
it cannot be sent again (Telegram refuses an old query), so the row then has no reply yet.
Each later reply that can be sent again (the edited message, the next question) is added to
the row before it goes out, in a small transaction of its own, and all of them are sent
again. A savepoint's release (``begin_nested``) is not the commit: the row goes with the
outer transaction.

A handler that writes in a second transaction after its first reply is covered only for the
first one; handlers write once, then answer. Updates that write nothing leave no row and
are simply handled again (the same answer twice, only after a crash).

Telegram's update ids increase by one, but after a week without updates the next id is
random (Bot API, ``Update.update_id``), so rows older than :data:`TRUST_DAYS` are deleted.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http import HTTPStatus
from typing import Any

from sqlalchemy import delete, event, func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData
from telegram.warnings import PTBUserWarning

from bot.slots import Slot
from bot.storage.database import turn_of
from bot.storage.models import HandledUpdate
from bot.telegram_request import AiohttpRequest, request_parts

logger = logging.getLogger(__name__)

TRUST_DAYS = 7
"""Days a recorded update id is kept (Telegram: ids restart at random after a week)."""

REPLAYED_METHODS = frozenset(
    {"sendMessage", "editMessageText", "editMessageReplyMarkup", "sendLocation", "sendVenue"}
)
"""Bot API methods recorded as an update's reply and sent again when the update comes again
(answerCallbackQuery is not: Telegram refuses an answer to an old query; uploads are not:
their files are not kept)."""


class UpdateAlreadyApplied(TelegramError):
    """The update's ledger row exists already (another process, or this one before a
    restart, applied it): its transaction was rolled back. A TelegramError because it is
    raised from the Bot API call that was to send the reply."""


class ReplyNotCommitted(TelegramError):
    """The update's transaction failed to commit before its reply, which was not sent.

    A TelegramError because python-telegram-bot's request turns any other error raised in
    it into a NetworkError; the application gives the error handler :attr:`error`, the
    commit's own (e.g. the database unreachable)."""

    def __init__(self, error: Exception) -> None:
        super().__init__(f"The update's transaction was not committed: {error}")
        self.error = error


_scope: ContextVar[UpdateScope | None] = ContextVar("update_scope", default=None)


SCOPE_KEY = "update_scope"
"""``session.info`` key of the :class:`UpdateScope` whose commit records the update."""


@dataclass
class UpdateScope:
    """The handling of one update by one task: its held transaction and whether it wrote.

    Attributes:
        update_id: Telegram's id of the update.
        chat_id: Its chat (for a late tap's answer sent as a message), if any.
        ledger: Where the row goes.
        task: The task handling the update; transactions of other tasks (a job, a broadcast
            started by the handler) are not part of the update.
        held: The update's transaction, its block ended, not yet committed.
        active: The update's transaction while its block runs.
        reply: The Bot API call recorded with the row.
        replies: Every reply recorded with the row so far (the commit's and later ones).
        last: The reply recorded by the last call, if any; ``retried`` once Telegram
            answered that call 429 (the flood control sends the same call again).
        unreported: A commit's error not yet given to the error handler (the handler
            caught the :class:`ReplyNotCommitted` of its reply).
    """

    update_id: int
    chat_id: int | None
    ledger: UpdateLedger
    task: asyncio.Task[Any] | None = field(default_factory=asyncio.current_task)
    held: UpdateSession | None = None
    reply: dict[str, Any] | None = None
    replies: list[dict[str, Any]] = field(default_factory=list)
    active: UpdateSession | None = None
    replying: UpdateSession | None = None
    committed: list[Callable[[], None]] = field(default_factory=list)
    wrote: bool = False
    recorded: bool = False
    applied_before: bool = False
    last: dict[str, Any] | None = None
    retried: dict[str, Any] | None = None
    unreported: Exception | None = None

    def adopt(self, session: UpdateSession) -> UpdateSession:
        """Make ``session`` record the update when it commits (:func:`_record_update`)."""
        session.info[SCOPE_KEY] = self
        return session

    @asynccontextmanager
    async def transaction(
        self, sessions: async_sessionmaker[AsyncSession], *, replying: bool = False
    ) -> AsyncIterator[AsyncSession]:
        """The update's transaction: rolled back on error, else held until
        :meth:`settle` (a second block of the same update joins the held one).

        ``replying``: the block answers too (:meth:`replying_block`)."""
        if self.active is not None:  # nested in an open block: the same transaction
            yield self.active
            return
        if self.recorded:  # after the reply: a transaction of its own
            async with sessions() as own, own.begin():
                yield own
            return
        session = self.held
        if session is None:
            opened = sessions()
            if not isinstance(opened, UpdateSession):  # bot.app.build_application's factory
                raise TypeError(f"an update's session must be an UpdateSession, not {opened!r}")
            session = self.adopt(opened)
            await session.take_turn()
            await session.begin()
        if replying and self.replying is None:
            async with self.replying_block(session):
                yield session
            return
        self.held, self.active = None, session
        try:
            yield session
        except BaseException:
            await session.close()  # rolls back
            session.end_turn()
            raise
        finally:
            self.active = None
        self.held = session

    @asynccontextmanager
    async def replying_block(self, session: UpdateSession) -> AsyncIterator[None]:
        """A block that writes and then answers (the role guard's handlers): ``session``,
        the update's transaction, is held while the block runs, so the block's first Bot API
        call commits it with the ledger row and that call, as after any other block. The
        session stays open (and its SQLite turn taken) until the block ends: what the block
        writes after its first reply is committed then (not covered: handlers write, then
        answer). Rolled back if the block raises before its first reply."""
        self.held, self.replying = session, session
        try:
            yield
        except BaseException:
            self.replying = None
            if self.held is session:
                await self.discard()
            else:
                await session.close()
                session.end_turn()
            raise
        self.replying = None
        if self.held is not session:  # committed by its reply; used again since?
            try:
                await session.commit()
            finally:
                await session.close()
                session.end_turn()

    async def settle(self, reply: dict[str, Any] | None = None) -> None:
        """Commit the held transaction, with the update's ledger row (and ``reply``, the
        Bot API call about to be made) when it wrote.

        Raises:
            UpdateAlreadyApplied: The row exists: nothing of this handling was committed.
        """
        session, self.held = self.held, None
        if session is None:
            return
        self.reply = reply
        try:
            await session.commit()
        finally:
            if session is not self.replying:  # a replying block closes its own
                await session.close()
                session.end_turn()
        callbacks, self.committed = self.committed, []
        for callback in callbacks:
            callback()

    async def before_call(self, method: str, params: dict[str, str] | None) -> None:
        """Called before each Bot API call of the update (:class:`LedgerRequest`): commits a
        held transaction first, recording the call as the reply when it can be sent again;
        once the update took effect, a later call that can be sent again is added to its row
        before it is sent (a tap's toast committed; its edited message and the next question
        are the answer to send again).

        Args:
            method: The Bot API method.
            params: Its JSON-encoded parameters (as sent); None when it uploads files
                (not sent again: the files are not kept).
        """
        retried, self.retried, self.last = self.retried, None, None
        if self.active is not None or (self.held is None and not self.recorded):
            return
        reply = None
        if method in REPLAYED_METHODS and params is not None:
            reply = {"method": method, "params": params}
        self.last = reply
        if self.held is not None:
            await self.settle(reply)
        elif reply is not None and reply != retried:  # a retry after 429 is recorded already
            if self.replying is not None and self.replying.in_transaction():
                await self.replying.commit()  # ends its reads: on SQLite the row can change
            self.replies.append(reply)
            try:
                await self.ledger.record_replies(self.update_id, self.replies)
            except (SQLAlchemyError, OSError) as error:  # the answer matters more than its record
                logger.warning("Reply to update %s not recorded: %s", self.update_id, error)

    def flood_limited(self) -> None:
        """Telegram answered the last call 429: the flood control sends it again
        (:mod:`bot.flood_control`), the same reply, not to be recorded twice."""
        self.retried = self.last

    async def discard(self) -> None:
        """Roll back a transaction still held (the handling was cancelled)."""
        session, self.held = self.held, None
        if session is not None:
            await session.close()
            session.end_turn()


_INSERT_LEDGER_ROW = insert(HandledUpdate.__table__)
"""Built once and run on the session's connection: the ORM's insert, built with its values
at each commit, took 137 µs of CPU per row against 23 µs for this (timeit, SQLite)."""


@event.listens_for(Session, "before_commit")
def _record_update(session: Session) -> None:
    """The commit of an update's session inserts the update's ledger row when it wrote."""
    scope: UpdateScope | None = session.info.get(SCOPE_KEY)
    if scope is None or scope.recorded or session.in_nested_transaction():
        return  # a savepoint's release is not the commit (SQLAlchemy calls this for both)
    session.flush()  # objects added but not yet flushed are writes too
    if not scope.wrote:
        return
    values = {
        "bot_id": scope.ledger.bot_id,
        "update_id": scope.update_id,
        "handled_at": scope.ledger.clock(),
        "replies": [scope.reply] if scope.reply else None,
    }
    try:
        session.connection().execute(_INSERT_LEDGER_ROW, values)
    except IntegrityError:
        scope.applied_before = True
        raise UpdateAlreadyApplied(f"update {scope.update_id} took effect before") from None
    scope.recorded = True
    scope.replies = [scope.reply] if scope.reply else []


class UpdateSession(AsyncSession):
    """The runtime's sessions. Opened (``async with``) while an update is handled, it is the
    update's held transaction if there is one (a read sees what the update wrote, and a
    write joins it), else a session whose commit records the update. On SQLite the sessions
    of the process take turns (:func:`bot.storage.database.turn_of`), each from its
    ``async with`` (or its update transaction's start) to its end."""

    _turn: Any = None

    async def take_turn(self) -> None:
        """Wait for this session's turn on SQLite (at once on PostgreSQL)."""
        turn = turn_of(self.bind)
        if turn is not None:
            await turn.acquire()
            self._turn = turn

    def end_turn(self) -> None:
        """Pass the turn on (idempotent)."""
        turn, self._turn = self._turn, None
        if turn is not None:
            turn.release()

    async def __aenter__(self) -> UpdateSession:
        scope = current_scope()
        if scope is not None and not scope.recorded:
            if (ongoing := scope.active or scope.held) is not None:
                return ongoing
            scope.adopt(self)  # it may write and commit (see the class doc)
        await self.take_turn()
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            await super().__aexit__(*exc)
        finally:
            self.end_turn()


class LedgerRequest(AiohttpRequest):
    """The bot's requests (all but getUpdates): the update being handled, if any, sees each
    Bot API call before it goes out (:meth:`UpdateScope.before_call`: its transaction
    committed first, the reply recorded), with the parameters built once for both."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Commit what the update holds, then send (:meth:`AiohttpRequest.do_request`).

        Raises:
            ReplyNotCommitted: The commit failed (nothing sent).
            UpdateAlreadyApplied: The update took effect before (nothing sent).
        """
        params, files = request_parts(request_data)
        scope = current_scope()
        if scope is not None:
            try:
                await scope.before_call(url.rpartition("/")[2], None if files else params)
            except TelegramError:
                raise
            except Exception as error:
                scope.unreported = error
                raise ReplyNotCommitted(error) from error
        status, body = await self.send(
            url,
            method,
            params,
            files,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
        if status == HTTPStatus.TOO_MANY_REQUESTS and scope is not None:
            scope.flood_limited()
        return status, body


def after_commit(callback: Callable[[], None]) -> None:
    """Call ``callback`` once what the current update wrote is committed (at once outside an
    update, or when nothing is pending): e.g. wake a task that reads it."""
    scope = current_scope()
    if scope is not None and (scope.active or scope.held) is not None:
        scope.committed.append(callback)
    else:
        callback()


def current_scope() -> UpdateScope | None:
    """The scope of the update the current task is handling, or None (jobs, other tasks)."""
    scope = _scope.get()
    if scope is None or scope.task is not asyncio.current_task():
        return None
    return scope


class UpdateLedger:
    """The ``handled_updates`` rows of this bot.

    Args:
        engine: The runtime's database engine.
        clock: Source of "now" (aware datetime), for ``handled_at`` and pruning.
    """

    def __init__(self, engine: AsyncEngine, clock: Callable[[], datetime]) -> None:
        self.engine = engine
        self.clock = clock
        self.bot_id = 0
        self.recorded_through = 0
        """Highest update id recorded before this start: only updates up to it can have
        taken effect already (a newer one is checked by the row's primary key alone)."""

    async def load(self, bot_id: int) -> None:
        """Prune rows older than :data:`TRUST_DAYS`, then note the highest update id of bot
        ``bot_id`` (another token's bot on the same database has its own ids)."""
        self.bot_id = bot_id
        table = HandledUpdate.__table__
        async with self.engine.begin() as connection:
            await connection.execute(
                delete(table).where(table.c.handled_at < self.clock() - timedelta(days=TRUST_DAYS))
            )
            highest = await connection.scalar(
                select(func.max(table.c.update_id)).where(table.c.bot_id == bot_id)
            )
        self.recorded_through = highest or 0

    async def record_replies(self, update_id: int, replies: list[dict[str, Any]]) -> None:
        """Replace the replies recorded with ``update_id`` (a later reply of the update, to
        be sent again too), in a transaction of its own (on SQLite in the process's turn)."""
        table = HandledUpdate.__table__
        turn = turn_of(self.engine)
        if turn is not None:
            await turn.acquire()
        try:
            async with self.engine.begin() as connection:
                await connection.execute(
                    update(table)
                    .where(table.c.bot_id == self.bot_id, table.c.update_id == update_id)
                    .values(replies=replies)
                )
        finally:
            if turn is not None:
                turn.release()

    async def recorded_replies(self, update_id: int) -> list[dict[str, Any]] | None:
        """The replies recorded with ``update_id`` if it took effect, else None."""
        table = HandledUpdate.__table__
        async with self.engine.connect() as connection:
            row = (
                await connection.execute(
                    select(table.c.replies).where(
                        table.c.bot_id == self.bot_id, table.c.update_id == update_id
                    )
                )
            ).first()
        return None if row is None else (row.replies or [])


# _answer_again repeats recorded calls of known methods through do_api_request on purpose
warnings.filterwarnings(
    "ignore", message=r"Please use 'Bot\.", category=PTBUserWarning, module=r"bot\.update_ledger"
)


async def _answer_again(application: Application, update_id: int, replies: list[Any]) -> None:
    logger.info("Update %s took effect before; its reply is sent again", update_id)
    for reply in replies:
        try:
            await application.bot.do_api_request(reply["method"], api_kwargs=dict(reply["params"]))
        except TelegramError as error:  # e.g. the message to edit is gone: nothing to repeat
            logger.info("Reply to update %s not sent again: %s", update_id, error)


class LedgerApplication(Application):
    """The application, applying each update at most once (see the module doc) and telling
    the update queue when an update is handled. Put :data:`LEDGER` before start."""

    async def process_update(self, update: object) -> None:
        try:
            await self._process_once(update)
        finally:
            queue = self.update_queue
            if isinstance(queue, HandledUpdateQueue):
                queue.handled(update)

    async def _process_once(self, update: object) -> None:
        ledger = LEDGER.get(self)
        if ledger is None or not isinstance(update, Update):
            await super().process_update(update)
            return
        if update.update_id <= ledger.recorded_through:
            replies = await ledger.recorded_replies(update.update_id)
            if replies is not None:
                await _answer_again(self, update.update_id, replies)
                return
        chat = update.effective_chat
        scope = UpdateScope(update.update_id, chat.id if chat else None, ledger)
        token = _scope.set(scope)
        try:
            await super().process_update(update)
            if scope.unreported is not None:  # caught by the handler: the error handler's too
                await self.process_error(update, scope.unreported)
            await scope.settle()
        except UpdateAlreadyApplied:
            pass
        finally:
            _scope.reset(token)
            await scope.discard()
        if scope.applied_before:
            await _answer_again(
                self, update.update_id, await ledger.recorded_replies(update.update_id) or []
            )

    async def process_error(self, update: object | None, error: Exception, *args: Any) -> bool:
        """An update found applied before is not an error: its reply is sent again."""
        if isinstance(error, UpdateAlreadyApplied):
            return True  # stop: no other handler of this update
        if isinstance(error, ReplyNotCommitted):  # the commit's error is the one to handle
            scope = current_scope()
            if scope is not None:
                scope.unreported = None
            error = error.error
        return await super().process_error(update, error, *args)


LEDGER: Slot[UpdateLedger] = Slot("update_ledger")
"""The application's :class:`UpdateLedger`."""


class HandledUpdateQueue(asyncio.Queue[Any]):
    """The application's update queue. ``put`` (the webhook's way in) returns once the
    update has been handled, so that the webhook answers Telegram 200 only then;
    ``put_nowait`` (long polling's way in, :class:`bot.update_processing.PollingInbox`)
    returns at once, and ``on_handled`` is called with each handled update."""

    def __init__(self) -> None:
        super().__init__()
        self._waiting: dict[int, asyncio.Future[None]] = {}
        self.on_handled: Callable[[object], None] | None = None

    async def put(self, item: Any) -> None:
        """Queue ``item`` and wait until the application has handled it (an update)."""
        if not isinstance(item, Update):  # the application's stop signal
            self.put_nowait(item)
            return
        done = asyncio.get_running_loop().create_future()
        self._waiting[id(item)] = done
        self.put_nowait(item)
        await asyncio.shield(done)

    def handled(self, item: object) -> None:
        """The application finished handling ``item``."""
        done = self._waiting.pop(id(item), None)
        if done is not None and not done.done():
            done.set_result(None)
        if self.on_handled is not None:
            self.on_handled(item)


def _note_write() -> None:
    scope = current_scope()
    if scope is not None:
        scope.wrote = True
        if scope.recorded:
            logger.warning(
                "Update %s wrote after its reply: not exactly once (write, then answer)",
                scope.update_id,
            )


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    _note_write()  # ORM inserts, updates and deletes


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        _note_write()  # insert(), update() and delete() statements
