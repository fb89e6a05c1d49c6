"""The broadcast sender through the emulator, with Telegram's flood limits on and injected
429, 403, 5xx and migration answers: one copy per active recipient, blocked ones marked."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from bot.outbox.sender import SENDER, OutboxSender
from bot.services.announcements.broadcasts import Audience, broadcast_progress, create_broadcast
from bot.storage.models import BroadcastStatus, Chat, Delivery, DeliveryStatus, Subscriber
from tests.e2e.conftest import wait_until
from tests.e2e.helpers.broadcasts import add_subscribers, bot_messages

pytestmark = pytest.mark.e2e


def sender_of(bot) -> OutboxSender:
    return SENDER.of(bot.application)


async def broadcast_to(bot, audience: Audience, text: str = "Pengumuman <b>penting</b>", **kw):
    runtime = bot.runtime
    async with runtime.transaction() as session:
        broadcast = await create_broadcast(
            session, text=text, audience=audience, now=runtime.now(), **kw
        )
    sender_of(bot).wake()
    return broadcast.id


async def finished(bot, broadcast_id: int, timeout: float = 20.0):
    progress = None

    async def done() -> bool:
        nonlocal progress
        async with bot.runtime.sessions() as session:
            progress = await broadcast_progress(session, broadcast_id)
        return progress.finished

    await wait_until(done, timeout=timeout, interval=0.05)
    return progress


async def test_every_recipient_once_despite_429_403_and_5xx(bot, emulator, emu) -> None:
    sender_of(bot).backoff = 0.05
    ids = await add_subscribers(emulator, bot.runtime.sessions, 40)
    blocked = ids[3]
    emulator.world.users[blocked].blocked = True  # blocked the bot; no update reached it
    await emu.add_fault("500", method="sendMessage", chat_id=ids[5], count=2)
    await emu.add_fault("502", method="sendMessage", chat_id=ids[6], count=1)
    await emu.add_fault("403", method="sendMessage", chat_id=ids[7], count=1)
    await emu.add_fault("429", method="sendMessage", chat_id=ids[20], count=1, retry_after=1)
    started = time.monotonic()

    broadcast_id = await broadcast_to(bot, Audience.subscribers("general"))
    progress = await finished(bot, broadcast_id)

    assert progress.status is BroadcastStatus.DONE
    assert (progress.total, progress.sent, progress.blocked, progress.failed) == (40, 38, 2, 0)
    counts = bot_messages(emulator, ids)
    assert {chat_id for chat_id, n in counts.items() if n != 1} == {blocked, ids[7]}
    assert counts[blocked] == counts[ids[7]] == 0
    async with bot.runtime.sessions() as session:
        for chat_id in (blocked, ids[7]):
            assert (await session.get(Chat, chat_id)).blocked_at is not None
            subscriber = await session.scalar(
                select(Subscriber).where(Subscriber.chat_id == chat_id)
            )
            assert subscriber.active is False
        retried = await session.scalar(select(Delivery).where(Delivery.chat_id == ids[5]))
        assert (retried.status, retried.attempts) == (DeliveryStatus.SENT, 3)
    # the 429 paused everything for its second; the pace kept the emulator's limits
    assert time.monotonic() - started >= 1.0
    floods = [r for r in await emu.rejections() if r["error_code"] == 429]
    assert all(r["injected"] for r in floods)
    text = emulator.world.transcript(emulator.world.chats[ids[0]])[-1]
    assert text["html"] == "Pengumuman <b>penting</b>"


async def test_chat_not_found_fails_and_transient_errors_give_up(bot, emulator, emu) -> None:
    sender = sender_of(bot)
    sender.backoff, sender.max_attempts = 0.01, 3
    ids = await add_subscribers(emulator, bot.runtime.sessions, 3)
    await emu.add_fault("500", method="sendMessage", chat_id=ids[1], count=None)
    async with bot.runtime.transaction() as session:
        session.add(Subscriber(chat_id=987654321, topic="general"))  # unknown to Telegram

    broadcast_id = await broadcast_to(bot, Audience.subscribers())
    progress = await finished(bot, broadcast_id)

    assert (progress.sent, progress.failed, progress.blocked) == (2, 2, 0)
    async with bot.runtime.sessions() as session:
        rows = {d.chat_id: d for d in await session.scalars(select(Delivery))}
    assert rows[987654321].last_error == "Chat not found"
    assert rows[ids[1]].attempts == 3
    assert "Internal Server Error" in rows[ids[1]].last_error


async def test_group_upgraded_to_supergroup_is_followed(bot, emulator, emu) -> None:
    siti = await emu.create_user("Siti", started=True)
    group_id = (await emu.create_group("Panitia IGA", [siti]))["chat_id"]
    async with bot.runtime.transaction() as session:
        await session.merge(Chat(id=group_id, type="group", title="Panitia IGA"))
        session.add(Subscriber(chat_id=group_id, topic="results"))
    moved = await emu.migrate_group(group_id)

    broadcast_id = await broadcast_to(bot, Audience.subscribers("results"))
    progress = await finished(bot, broadcast_id)

    assert progress.sent == 1
    new_id = moved["new_chat_id"]
    assert bot_messages(emulator, [new_id])[new_id] == 1
    async with bot.runtime.sessions() as session:
        delivery = await session.scalar(select(Delivery))
        assert delivery.chat_id == new_id
        topics = list(await session.scalars(select(Subscriber.chat_id)))
    assert topics == [new_id]


async def test_texts_by_language_and_a_photo(bot, emulator, emu) -> None:
    indonesian = await add_subscribers(emulator, bot.runtime.sessions, 2, language="id")
    english = await add_subscribers(emulator, bot.runtime.sessions, 2, language="en")
    undecided = await add_subscribers(emulator, bot.runtime.sessions, 1)
    broadcast_id = await broadcast_to(
        bot,
        Audience.subscribers(),
        text="fallback",
        texts={"id": "Halo semua", "en": "Hello everyone"},
    )
    await finished(bot, broadcast_id)
    world = emulator.world
    last = {c: world.transcript(world.chats[c])[-1]["text"] for c in indonesian + english}
    assert {last[c] for c in indonesian} == {"Halo semua"}
    assert {last[c] for c in english} == {"Hello everyone"}
    assert world.transcript(world.chats[undecided[0]])[-1]["text"] == "Halo semua"


async def test_scheduled_broadcast_waits_for_the_clock(bot, emulator, clock) -> None:
    from datetime import timedelta

    ids = await add_subscribers(emulator, bot.runtime.sessions, 2)
    broadcast_id = await broadcast_to(
        bot, Audience.chats(ids), scheduled_at=clock() + timedelta(hours=2)
    )
    async with bot.runtime.sessions() as session:
        assert (await broadcast_progress(session, broadcast_id)).status is (
            BroadcastStatus.SCHEDULED
        )
    sender = sender_of(bot)
    clock.advance(timedelta(hours=1, minutes=59))
    seen = sender.refreshes
    sender.wake()
    await wait_until(lambda: sender.refreshes > seen)
    assert sum(bot_messages(emulator, ids).values()) == 0
    clock.advance(timedelta(minutes=1))
    sender_of(bot).wake()
    progress = await finished(bot, broadcast_id)
    assert progress.sent == 2
    assert bot_messages(emulator, ids) == {ids[0]: 1, ids[1]: 1}


async def test_users_get_answers_while_a_broadcast_runs(bot, emulator, users) -> None:
    ids = await add_subscribers(emulator, bot.runtime.sessions, 60)
    broadcast_id = await broadcast_to(bot, Audience.subscribers())
    siti = await users.create("Siti")
    asked = time.monotonic()
    await siti.send("/help")
    await siti.expect_message("Bantuan", timeout=3)
    waited = time.monotonic() - asked
    async with bot.runtime.sessions() as session:
        progress = await broadcast_progress(session, broadcast_id)
    assert progress.pending > 0, "the broadcast should still be running"
    assert waited < 1.5
    await finished(bot, broadcast_id, timeout=20)
    assert set(bot_messages(emulator, ids).values()) == {1}
