"""The update ledger: which updates already took effect, and the queue that lets Telegram
know of an update only once it was handled."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from bot.storage.models import AppliedUpdate, Chat
from bot.update_ledger import TRUST_DAYS, HandledUpdateQueue, UpdateLedger, _wrote

NOW = datetime(2022, 12, 7, 2, 0, tzinfo=UTC)


BOT_ID = 123456789


async def test_a_recent_record_of_this_bot_is_skipped_through(engine) -> None:
    written = UpdateLedger(engine, lambda: NOW)
    await written.load(BOT_ID)
    await written.record(41)
    fresh = UpdateLedger(engine, lambda: NOW + timedelta(days=TRUST_DAYS - 1))
    await fresh.load(BOT_ID)
    assert fresh.skip_through == 41
    # after a week without updates Telegram's next update id is random: nothing is skipped
    stale = UpdateLedger(engine, lambda: NOW + timedelta(days=TRUST_DAYS, seconds=1))
    await stale.load(BOT_ID)
    assert stale.skip_through == 0
    # another bot (a new token) on the same database has its own update ids
    other = UpdateLedger(engine, lambda: NOW)
    await other.load(987654321)
    assert other.skip_through == 0


async def test_a_new_database_skips_nothing(engine) -> None:
    ledger = UpdateLedger(engine, lambda: NOW)
    await ledger.load(BOT_ID)
    assert ledger.skip_through == 0


async def test_writes_are_noticed_through_the_async_session(sessions) -> None:
    async def handle(write: str | None) -> bool:
        wrote = [False]
        token = _wrote.set(wrote)
        try:
            async with sessions() as session, session.begin():
                await session.scalar(select(Chat).limit(1))
                if write == "orm":
                    session.add(Chat(id=77, type="private"))
                elif write == "statement":
                    await session.execute(
                        update(AppliedUpdate).where(AppliedUpdate.id == 1).values(update_id=5)
                    )
        finally:
            _wrote.reset(token)
        return wrote[0]

    assert await handle(None) is False
    assert await handle("orm") is True
    assert await handle("statement") is True


async def test_put_returns_once_the_item_is_handled() -> None:
    queue = HandledUpdateQueue()
    put = asyncio.create_task(queue.put("update 1"))
    item = await queue.get()
    await asyncio.sleep(0)  # let put run up to its wait
    assert item == "update 1" and not put.done()
    queue.task_done()
    await asyncio.wait_for(put, timeout=1)
