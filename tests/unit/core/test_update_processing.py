"""Updates of one chat in order, of different chats at the same time; long polling confirms
to Telegram only updates that are handled or parked."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import select
from telegram import Chat, Message, Update

from bot.storage.database import create_session_factory
from bot.storage.models import ParkedUpdate
from bot.update_ledger import HandledUpdateQueue, UpdateSession
from bot.update_processing import PARK_AFTER, ChatOrderedProcessor, PollingInbox
from tests.e2e.conftest import wait_until


def message(update_id: int, chat_id: int) -> Update:
    chat = Chat(id=chat_id, type="private")
    return Update(
        update_id=update_id,
        message=Message(message_id=update_id, date=datetime(2022, 12, 7, tzinfo=UTC), chat=chat),
    )


async def test_one_chat_in_order_other_chats_meanwhile() -> None:
    processor = ChatOrderedProcessor(8)
    held, other_chat_done = asyncio.Event(), asyncio.Event()
    log: list[str] = []

    async def work(name: str, wait: bool = False) -> None:
        log.append(f"start {name}")
        if wait:
            await held.wait()  # e.g. a reply waiting out Telegram's 429
        log.append(f"end {name}")
        if name == "b1":
            other_chat_done.set()

    tasks = [
        asyncio.create_task(processor.process_update(message(1, 10), work("a1", wait=True))),
        asyncio.create_task(processor.process_update(message(2, 10), work("a2"))),
        asyncio.create_task(processor.process_update(message(3, 20), work("b1"))),
    ]
    await asyncio.wait_for(other_chat_done.wait(), 5)
    assert "start a2" not in log  # chat 10's second update waits for its first
    held.set()
    await asyncio.gather(*tasks)
    assert log.index("end a1") < log.index("start a2")


async def test_polling_never_confirms_an_update_in_hand(engine) -> None:
    queue = HandledUpdateQueue()
    inbox = PollingInbox(create_session_factory(engine, UpdateSession), queue)
    assert inbox.offset(None) is None
    fresh = inbox.take([message(100, 10), message(101, 20)])
    assert [u.update_id for u in fresh] == [100, 101]
    assert inbox.offset(None) == 100  # 100 is being handled: not confirmed
    queue.handled(fresh[0])
    assert inbox.offset(None) == 101
    assert inbox.take([message(101, 20)]) == []  # fetched again: not queued twice
    assert queue.qsize() == 2


async def test_a_long_update_is_parked_so_that_polling_goes_on(engine) -> None:
    queue = HandledUpdateQueue()
    inbox = PollingInbox(create_session_factory(engine, UpdateSession), queue)
    slow, quick = inbox.take([message(100, 10), message(101, 20)])
    queue.handled(quick)
    assert inbox.offset(None) == 100
    await inbox.park_overdue()
    assert inbox.offset(None) == 100  # held back for less than PARK_AFTER: kept in hand
    await asyncio.sleep(PARK_AFTER)  # 100 holds the poll back (e.g. a 429 on its reply)
    await inbox.park_overdue()
    assert inbox.offset(None) == 102  # confirmed to Telegram, kept in the database
    async with engine.connect() as connection:
        parked = (await connection.execute(select(ParkedUpdate.update_id))).scalars().all()
    assert parked == [100]

    # the process dies: the next one handles the parked update first
    restarted = PollingInbox(create_session_factory(engine, UpdateSession), HandledUpdateQueue())
    bot = type("FakeBot", (), {"id": 0})()
    await restarted.load(bot)  # type: ignore[arg-type]
    assert list(restarted.in_hand) == [100]

    queue.handled(slow)  # handled at last: no longer parked (the unpark runs as a task)

    async def unparked() -> bool:
        async with engine.connect() as connection:
            return not (await connection.execute(select(ParkedUpdate.update_id))).first()

    await wait_until(unparked, timeout=10)


async def test_a_polled_update_is_parked_as_telegram_sent_it(engine) -> None:
    queue = HandledUpdateQueue()
    inbox = PollingInbox(create_session_factory(engine, UpdateSession), queue)
    sent = {
        "update_id": 200,
        "message": {
            "message_id": 7,
            "date": 1670371200,
            "chat": {"id": 10, "type": "private"},
            "text": "Layanan daring",
            "entities": [],
        },
    }
    (fresh,) = inbox.unseen([sent])
    (update,) = inbox.take([Update.de_json(fresh, None)])
    await inbox.park_overdue(at_once=True)
    async with engine.connect() as connection:
        parked = (await connection.execute(select(ParkedUpdate.payload))).scalars().all()
    assert parked == [sent]  # not rebuilt from the update (to_dict adds flags, drops [])
    queue.handled(update)
    assert inbox.received == {}  # kept only while in hand
