"""The update ledger: an update's effect and its record commit together, a second
application is refused whole, and the queue lets Telegram know of an update only once it was
handled."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from telegram import Bot, Update

from bot.storage.database import create_session_factory
from bot.storage.models import Chat, HandledUpdate
from bot.update_ledger import (
    TRUST_DAYS,
    HandledUpdateQueue,
    LedgerRequest,
    ReplyNotCommitted,
    UpdateAlreadyApplied,
    UpdateLedger,
    UpdateScope,
    UpdateSession,
    _scope,
)

NOW = datetime(2022, 12, 7, 2, 0, tzinfo=UTC)
BOT_ID = 123456789
REPLY = {"method": "sendMessage", "params": {"chat_id": "77", "text": "Terima kasih"}}


@pytest.fixture
async def ledger(engine) -> UpdateLedger:  # type: ignore[no-untyped-def]
    ledger = UpdateLedger(engine, lambda: NOW)
    await ledger.load(BOT_ID)
    return ledger


async def handle(ledger: UpdateLedger, update_id: int, chat_id: int | None, **kw) -> UpdateScope:  # type: ignore[no-untyped-def]
    """What the application does with one update whose handler adds chat ``chat_id`` (none
    when None) and then replies."""
    sessions = create_session_factory(ledger.engine, UpdateSession)
    scope = UpdateScope(update_id, chat_id, ledger)
    token = _scope.set(scope)
    try:
        async with scope.transaction(sessions) as session:
            await session.scalar(select(Chat).limit(1))
            if chat_id is not None:
                session.add(Chat(id=chat_id, type="private"))
        async with sessions() as reading:  # a read of the handler sees what it wrote
            seen = await reading.get(Chat, chat_id) if chat_id is not None else None
            assert (seen is not None) == (chat_id is not None)
        await scope.before_call("sendMessage", {"chat_id": "77", "text": "Terima kasih"})
    finally:
        _scope.reset(token)
        await scope.discard()
    return scope


async def count(engine, model) -> int:  # type: ignore[no-untyped-def]
    async with create_session_factory(engine)() as session:
        return await session.scalar(select(func.count()).select_from(model))


async def test_the_effect_and_its_record_commit_together_with_the_reply(engine, ledger) -> None:
    await handle(ledger, 41, 77)
    assert await count(engine, Chat) == 1
    assert await ledger.recorded_replies(41) == [REPLY]
    # after a restart the id is known to have taken effect
    restarted = UpdateLedger(engine, lambda: NOW)
    await restarted.load(BOT_ID)
    assert restarted.recorded_through == 41


TAP = {"callback_query_id": "9", "text": "Tersimpan"}
EDIT = {"chat_id": "77", "message_id": "5", "text": "Kepuasan: 4"}
NEXT = {"chat_id": "77", "text": "Pertanyaan 2"}


async def test_a_taps_toast_commits_and_its_later_replies_are_recorded_before_they_go_out(
    engine, ledger
) -> None:
    sessions = create_session_factory(engine, UpdateSession)
    scope = UpdateScope(43, 77, ledger)
    token = _scope.set(scope)
    try:
        async with scope.transaction(sessions) as session:
            session.add(Chat(id=77, type="private"))
        await scope.before_call("answerCallbackQuery", TAP)
        # the toast says saved: it is, and the row has no reply to send again yet
        assert await count(engine, Chat) == 1
        assert await ledger.recorded_replies(43) == []
        await scope.before_call("editMessageText", EDIT)
        assert [r["method"] for r in await ledger.recorded_replies(43)] == ["editMessageText"]
        await scope.before_call("sendMessage", NEXT)
    finally:
        _scope.reset(token)
        await scope.discard()
    replies = await ledger.recorded_replies(43)
    assert [(r["method"], r["params"]["text"]) for r in replies] == [
        ("editMessageText", "Kepuasan: 4"),
        ("sendMessage", "Pertanyaan 2"),
    ]


async def test_a_savepoints_release_is_not_the_commit(engine, ledger) -> None:
    sessions = create_session_factory(engine, UpdateSession)
    scope = UpdateScope(44, 77, ledger)
    token = _scope.set(scope)
    try:
        async with scope.transaction(sessions) as session, session.begin_nested():
            session.add(Chat(id=77, type="private"))  # e.g. check_in's savepoint
        await scope.before_call("sendMessage", {"chat_id": "77", "text": "Terima kasih"})
    finally:
        _scope.reset(token)
        await scope.discard()
    assert await ledger.recorded_replies(44) == [REPLY]  # the row came with the reply


async def test_an_update_applied_before_is_refused_whole(engine, ledger) -> None:
    await handle(ledger, 41, 77)
    with pytest.raises(UpdateAlreadyApplied):
        await handle(ledger, 41, 78)  # e.g. another process got it again
    assert await count(engine, Chat) == 1  # chat 78 was rolled back with the record
    assert await count(engine, HandledUpdate) == 1


async def test_a_commit_failing_before_the_reply_sends_nothing_and_keeps_its_error(
    engine, ledger
) -> None:
    await handle(ledger, 41, 77)
    sessions = create_session_factory(engine, UpdateSession)
    scope = UpdateScope(45, 77, ledger)
    token = _scope.set(scope)
    # nothing listens there: a reply that went out would fail with a NetworkError instead
    bot = Bot("1:x", base_url="http://127.0.0.1:9/bot", request=LedgerRequest())
    await bot.request.initialize()
    try:
        async with scope.transaction(sessions) as session:
            session.add(Chat(id=77, type="private"))  # chat 77 exists: the commit fails
        with pytest.raises(ReplyNotCommitted) as raised:
            await bot.send_message(77, "Terima kasih")
    finally:
        _scope.reset(token)
        await scope.discard()
        await bot.request.shutdown()
    # python-telegram-bot would have made it a NetworkError; the error handler gets this one
    assert isinstance(raised.value.error, IntegrityError)
    assert scope.unreported is raised.value.error
    assert await ledger.recorded_replies(45) is None


async def test_an_update_that_writes_nothing_leaves_no_record(engine, ledger) -> None:
    scope = await handle(ledger, 42, None)
    assert not scope.recorded
    assert await ledger.recorded_replies(42) is None


async def test_records_older_than_a_week_are_pruned_and_other_bots_ignored(engine) -> None:
    await handle(UpdateLedger(engine, lambda: NOW), 41, 77)
    other = UpdateLedger(engine, lambda: NOW)
    await other.load(987654321)  # another token's bot on the same database
    assert other.recorded_through == 0
    later = UpdateLedger(engine, lambda: NOW + timedelta(days=TRUST_DAYS, seconds=1))
    await later.load(BOT_ID)  # after a week Telegram's next update id is random
    assert later.recorded_through == 0
    assert await count(engine, HandledUpdate) == 0


async def test_put_returns_once_the_update_is_handled() -> None:
    queue = HandledUpdateQueue()
    update = Update(update_id=1)
    put = asyncio.create_task(queue.put(update))
    item = await queue.get()
    await asyncio.sleep(0)  # let put run up to its wait
    assert item is update and not put.done()
    queue.handled(item)
    await asyncio.wait_for(put, timeout=1)
