"""Two webhook replicas (two `iga-bot run` processes) behind a small load balancer on one
PostgreSQL database (issue 13, two processes): updates spread over both and each takes
effect once; both outbox senders share a message's deliveries and each recipient gets one
copy; a chat's language changed by another process shows in both within seconds; one replica
killed (SIGKILL) half-way, the other handles every update left and sends the dead one's
deliveries once its leases lapse."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import aiohttp
import pytest
from sqlalchemy import select

from bot.sandbox.balancer import Balancer
from bot.sandbox.users import send_text
from bot.services.core.chats import set_chat_language
from bot.services.shared.outbox import enqueue
from bot.storage.database import create_engine, create_session_factory
from bot.storage.models import Broadcast, BroadcastStatus, Delivery, DeliveryStatus
from tests.e2e.conftest import wait_until
from tests.e2e.helpers.broadcasts import add_subscribers
from tests.e2e.process import all_handled, free_port

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]

TIMEOUT = 60.0
LEASE = 3.0
IN_FLIGHT = 2


async def listening(url: str) -> bool:
    try:
        async with aiohttp.ClientSession() as http, http.get(url) as response:
            return response.status < 500
    except aiohttp.ClientConnectionError:
        return False


def replies(world, user) -> list[str]:
    chat = world.chats[user.id]
    return [m["text"] or "" for m in world.transcript(chat) if m["from"] == "bot"]


async def test_two_replicas_share_the_work_and_one_finishes_when_the_other_dies(
    bot_process,
    emulator,
    database_url,
) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite runs one process (a second is refused: test_two_processes)")
    world = emulator.world
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    ports = [free_port(), free_port()]
    balancer = Balancer([f"http://127.0.0.1:{port}" for port in ports])
    await balancer.start()
    try:
        bot_process.env.update(
            WEBHOOK_URL=f"{balancer.url}/telegram",
            WEBHOOK_SECRET="replica-Secret_1",
            OUTBOX_LEASE_SECONDS=str(LEASE),
            OUTBOX_MAX_IN_FLIGHT=str(IN_FLIGHT),
            OUTBOX_PER_SECOND="15",
        )
        replicas = []
        for port in ports:
            bot_process.env["PORT"] = str(port)
            replicas.append(bot_process.start())
        for port in ports:
            await wait_until(lambda p=port: listening(f"http://127.0.0.1:{p}/telegram"), TIMEOUT)
        await wait_until(lambda: world.webhook.get("url") == f"{balancer.url}/telegram", TIMEOUT)

        people = [world.add_user(f"Warga {i}", language_code="id") for i in range(8)]

        async def agenda(person) -> None:
            await send_text(world, person, world.chats[person.id], "/agenda")

        async def agenda_round(times: int) -> None:
            for _ in range(times):
                for person in people:
                    await agenda(person)

        async def deliveries(broadcast_id: int) -> list[Delivery]:
            async with sessions() as session:
                return list(
                    await session.scalars(
                        select(Delivery).where(Delivery.broadcast_id == broadcast_id)
                    )
                )

        async def broadcast(key: str, recipients: list[int]) -> int:
            async with sessions() as session, session.begin():
                message = await enqueue(
                    session,
                    kind="general",
                    key=key,
                    recipients=recipients,
                    texts={"id": f"Pengumuman {key}", "en": f"Announcement {key}"},
                    now=datetime.now(UTC),
                )
            return message.id

        async def done(broadcast_id: int) -> bool:
            async with sessions() as session:
                message = await session.get(Broadcast, broadcast_id)
                return message.status is BroadcastStatus.DONE

        def copies(recipients: list[int], key: str) -> Counter[int]:
            return Counter(
                {
                    chat_id: sum(
                        1
                        for m in world.transcript(world.chats[chat_id])
                        if m["from"] == "bot" and key in (m["text"] or "")
                    )
                    for chat_id in recipients
                }
            )

        # --- both up: the work is shared, everything once -----------------------------
        first_recipients = await add_subscribers(emulator, sessions, 40)
        first = await broadcast("satu", first_recipients)
        await agenda_round(3)
        await wait_until(lambda: all_handled(emulator, database_url), TIMEOUT, interval=0.1)
        assert all(len(replies(world, p)) == 3 for p in people), bot_process.output()[-3000:]
        assert all(n > 0 for n in balancer.answered.values()) and len(balancer.answered) == 2
        await wait_until(lambda: done(first), TIMEOUT, interval=0.1)
        assert set(copies(first_recipients, "satu").values()) == {1}
        senders = {d.claimed_by for d in await deliveries(first)}
        assert len(senders) == 2, "both replicas' senders sent some of the message"

        # --- another process changes a chat's language: both replicas notice -----------
        reader = people[0]
        async with sessions() as session, session.begin():
            await set_chat_language(session, reader.id, "en")

        async def answered_in_english() -> bool:
            before = len(replies(world, reader))
            await agenda(reader)
            await wait_until(lambda: len(replies(world, reader)) > before, TIMEOUT)
            return "Programme of" in replies(world, reader)[-1]

        await wait_until(answered_in_english, 10.0, interval=0.2)
        for _ in range(4):  # round robin: both replicas answer
            assert await answered_in_english()

        # --- one replica killed half-way: the other finishes, nothing lost or doubled ---
        answered_before = sum(len(replies(world, p)) for p in people)
        second_recipients = await add_subscribers(emulator, sessions, 60)
        second = await broadcast("dua", second_recipients)
        await agenda_round(3)
        victim = replicas[0]

        async def under_way() -> bool:
            sent = [d for d in await deliveries(second) if d.status is DeliveryStatus.SENT]
            return len(sent) >= 10

        await wait_until(under_way, TIMEOUT, interval=0.05)
        victim.kill()
        await wait_until(lambda: all_handled(emulator, database_url), TIMEOUT, interval=0.1)
        await wait_until(lambda: done(second), TIMEOUT, interval=0.1)
        assert replicas[1].running

        counts = copies(second_recipients, "dua")
        assert min(counts.values()) == 1, "every recipient got the message"
        doubled = sum(n - 1 for n in counts.values())
        assert doubled <= IN_FLIGHT, "only those in flight at the kill may come twice"
        answered = sum(len(replies(world, p)) for p in people) - answered_before
        updates = len(people) * 3
        # each update answered; one in flight at the kill may be answered by both (the
        # ledger replays its recorded reply instead of applying it again)
        assert updates <= answered <= updates + len(people)
        assert balancer.answered[f"http://127.0.0.1:{ports[1]}"] > 0
    finally:
        await bot_process.stop_all()
        await balancer.stop()
        await engine.dispose()
