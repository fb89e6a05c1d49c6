"""Broadcast services: audiences, creating deliveries, the sender's bookkeeping, progress."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.services.announcements.broadcasts import (
    IN_FLIGHT,
    Audience,
    AudienceKind,
    broadcast_progress,
    cancel_broadcast,
    claim_deliveries,
    create_broadcast,
    finish_if_complete,
    in_doubt_deliveries,
    mark_delivery_blocked,
    mark_failed,
    mark_sent,
    note_transient_error,
    recent_broadcasts,
    record_chat_migration,
    resolve_audience,
    sending_broadcasts,
    start_due_broadcasts,
    text_for_language,
)
from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.services.core.events import current_edition
from bot.storage.models import (
    Broadcast,
    BroadcastStatus,
    Chat,
    Delivery,
    DeliveryStatus,
    Judge,
    Officer,
    Subscriber,
)
from tests.conftest import EVENT_FILE

NOW = datetime(2022, 12, 1, 2, 0, tzinfo=UTC)


async def _chats(session, ids, *, blocked=(), language=None, type_="private") -> None:
    for chat_id in ids:
        session.add(
            Chat(
                id=chat_id,
                type=type_,
                language=language,
                blocked_at=NOW if chat_id in blocked else None,
            )
        )


async def _subscribe(session, chat_id, *topics, active=True) -> None:
    for topic in topics:
        session.add(Subscriber(chat_id=chat_id, topic=topic, active=active))


async def _resolve(sessions, audience) -> list[int]:
    async with sessions() as session:
        return await resolve_audience(session, audience)


async def test_subscribers_by_topic_once_each_and_only_active(sessions) -> None:
    async with sessions() as session, session.begin():
        await _chats(session, [1, 2, 3, 4], blocked={4})
        await _subscribe(session, 1, "general", "schedule")
        await _subscribe(session, 2, "schedule")
        await _subscribe(session, 3, "general", active=False)
        await _subscribe(session, 4, "general")  # blocked chat: its row is still active here
    assert await _resolve(sessions, Audience.subscribers()) == [1, 2]
    assert await _resolve(sessions, Audience.subscribers("general")) == [1]
    assert await _resolve(sessions, Audience.subscribers("results")) == []


async def test_all_chats_is_every_private_chat_not_blocked(sessions) -> None:
    async with sessions() as session, session.begin():
        await _chats(session, [10, 11, 12], blocked={12})
        await _chats(session, [-100], type_="group")
    assert await _resolve(sessions, Audience.everyone()) == [10, 11]


async def test_explicit_chats_keep_order_drop_duplicates_and_blocked(sessions) -> None:
    async with sessions() as session, session.begin():
        await _chats(session, [7], blocked={7})
    audience = Audience.chats([5, 3, 5, 7, 9])
    assert await _resolve(sessions, audience) == [5, 3, 9]


async def test_officers_of_some_or_all_units_and_judges(sessions) -> None:
    async with sessions() as session, session.begin():
        await import_event_file(session, load_event_file(EVENT_FILE))
    async with sessions() as session, session.begin():
        edition = await current_edition(session)
        units = {unit.code: unit for unit in edition.units}
        session.add_all(
            [
                Officer(user_id=101, unit_id=units["DINSOS"].id),
                Officer(user_id=102, unit_id=units["DINSOS"].id),
                Officer(user_id=103, unit_id=units["DLH"].id),
                Officer(user_id=101, unit_id=units["DLH"].id),  # one person, two units
                Judge(edition_id=edition.id, user_id=201, name="Penilai A"),
                Judge(edition_id=edition.id, user_id=202, name="Penilai B"),
            ]
        )
    assert await _resolve(sessions, Audience.officers()) == [101, 102, 103]
    assert await _resolve(sessions, Audience.officers(["DLH"])) == [101, 103]
    assert await _resolve(sessions, Audience.officers(["NOPE"])) == []
    assert await _resolve(sessions, Audience.judges()) == [201, 202]


def test_audience_json_round_trip_and_unknown_topic() -> None:
    audience = Audience.officers(["DINSOS", "DLH"])
    data = audience.to_json()
    assert data == {"kind": "officers", "unit_codes": ["DINSOS", "DLH"]}
    assert Audience.from_json(data) == audience
    assert Audience.from_json(Audience.subscribers().to_json()).kind is AudienceKind.SUBSCRIBERS
    with pytest.raises(ValueError):
        Audience.subscribers("gossip")


async def test_create_sends_now_or_schedules(sessions) -> None:
    async with sessions() as session, session.begin():
        await _chats(session, [1, 2])
        now = await create_broadcast(
            session, text="<b>Hai</b>", audience=Audience.everyone(), now=NOW, created_by=9
        )
        later = await create_broadcast(
            session,
            text="Nanti",
            audience=Audience.chats([1]),
            now=NOW,
            scheduled_at=NOW + timedelta(hours=1),
        )
    async with sessions() as session:
        first = await session.get(Broadcast, now.id)
        assert first.status is BroadcastStatus.SENDING
        assert first.started_at == NOW
        assert first.audience == {"kind": "all"}
        assert (await session.get(Broadcast, later.id)).status is BroadcastStatus.SCHEDULED
        progress = await broadcast_progress(session, now.id)
        assert (progress.total, progress.pending, progress.sent) == (2, 2, 0)
    async with sessions() as session, session.begin():
        assert await start_due_broadcasts(session, NOW + timedelta(minutes=59)) == []
        assert await start_due_broadcasts(session, NOW + timedelta(hours=1)) == [later.id]
    async with sessions() as session:
        assert [b.id for b in await sending_broadcasts(session)] == [now.id, later.id]


async def test_create_rejects_media_without_file() -> None:
    with pytest.raises(ValueError):
        await create_broadcast(
            None, text="x", audience=Audience.everyone(), now=NOW, media_kind="photo"
        )


async def test_ten_thousand_recipients_are_created_quickly(sessions) -> None:
    async with sessions() as session, session.begin():
        session.add_all(Chat(id=1_000_000 + i, type="private") for i in range(10_000))
        session.add_all(Subscriber(chat_id=1_000_000 + i, topic="general") for i in range(10_000))
    started = time.perf_counter()
    async with sessions() as session, session.begin():
        broadcast = await create_broadcast(
            session, text="Hai", audience=Audience.subscribers("general"), now=NOW
        )
    elapsed = time.perf_counter() - started
    async with sessions() as session:
        count = await session.scalar(
            select(func.count()).where(Delivery.broadcast_id == broadcast.id)
        )
    assert count == 10_000
    assert elapsed < 5.0, f"creating 10,000 deliveries took {elapsed:.1f}s"


def test_text_by_language() -> None:
    broadcast = Broadcast(text="fallback", texts={"id": "Halo", "en": "Hello"})
    assert text_for_language(broadcast, "en", "id") == "Hello"
    assert text_for_language(broadcast, None, "id") == "Halo"
    assert text_for_language(Broadcast(text="only"), "en", "id") == "only"
    assert text_for_language(Broadcast(text="x", texts={"en": "E"}), "id", "id") == "x"


async def test_claim_results_and_finish(sessions) -> None:
    async with sessions() as session, session.begin():
        await _chats(session, [1, 2, 3, 4])
        await _chats(session, [5], language="en")
        await _subscribe(session, 4, "general")
        broadcast = await create_broadcast(
            session, text="Hai", audience=Audience.everyone(), now=NOW
        )
    async with sessions() as session, session.begin():
        claimed = await claim_deliveries(session, broadcast.id, after_id=0, limit=3)
    assert [c.chat_id for c in claimed] == [1, 2, 3]
    async with sessions() as session, session.begin():
        rest = await claim_deliveries(session, broadcast.id, after_id=claimed[-1].id, limit=10)
    assert [(c.chat_id, c.language) for c in rest] == [(4, None), (5, "en")]
    async with sessions() as session:
        assert await in_doubt_deliveries(session) == 5
    by_chat = {c.chat_id: c for c in claimed + rest}
    async with sessions() as session, session.begin():
        await mark_sent(session, by_chat[1].id, message_id=77, now=NOW)
        await mark_failed(session, by_chat[2].id, "Bad Request: chat not found")
        await note_transient_error(session, by_chat[3].id, "Bad Gateway")
        await mark_delivery_blocked(session, by_chat[4].id, 4, "Forbidden: blocked", NOW)
        assert not await finish_if_complete(session, broadcast.id, NOW)
        await mark_sent(session, by_chat[3].id, message_id=78, now=NOW)
        await mark_sent(session, by_chat[5].id, message_id=79, now=NOW)
        assert await finish_if_complete(session, broadcast.id, NOW)
    async with sessions() as session:
        progress = await broadcast_progress(session, broadcast.id)
        assert (progress.sent, progress.failed, progress.blocked, progress.pending) == (3, 1, 1, 0)
        assert progress.status is BroadcastStatus.DONE and progress.finished
        third = await session.get(Delivery, by_chat[3].id)
        assert (third.attempts, third.last_error, third.message_id) == (2, None, 78)
        assert (await session.get(Chat, 4)).blocked_at is not None
        assert (
            await session.scalar(select(Subscriber).where(Subscriber.chat_id == 4))
        ).active is False
        assert await in_doubt_deliveries(session) == 0


async def test_claim_marks_in_flight_and_skips_cancelled(sessions) -> None:
    async with sessions() as session, session.begin():
        await _chats(session, [1, 2])
        broadcast = await create_broadcast(
            session, text="Hai", audience=Audience.everyone(), now=NOW
        )
    async with sessions() as session, session.begin():
        (first,) = await claim_deliveries(session, broadcast.id, after_id=0, limit=1)
    async with sessions() as session:
        assert (await session.get(Delivery, first.id)).last_error == IN_FLIGHT
    async with sessions() as session, session.begin():
        assert await cancel_broadcast(session, broadcast.id, NOW)
        assert not await cancel_broadcast(session, broadcast.id, NOW)
    async with sessions() as session, session.begin():
        assert await claim_deliveries(session, broadcast.id, after_id=0, limit=10) == []
        assert await in_doubt_deliveries(session) == 0  # only sending broadcasts count
        progress = await broadcast_progress(session, broadcast.id)
    assert progress.status is BroadcastStatus.CANCELLED and progress.pending == 2


async def test_group_migration_moves_delivery_and_subscriptions(sessions) -> None:
    async with sessions() as session, session.begin():
        session.add(Chat(id=-400, type="group", title="Panitia", language="en"))
        await _subscribe(session, -400, "general", "results")
        broadcast = await create_broadcast(
            session, text="Hai", audience=Audience.subscribers(), now=NOW
        )
    async with sessions() as session, session.begin():
        (claimed,) = await claim_deliveries(session, broadcast.id, after_id=0, limit=5)
        assert await record_chat_migration(session, claimed.id, -400, -100400)
    async with sessions() as session:
        assert (await session.get(Delivery, claimed.id)).chat_id == -100400
        new = await session.get(Chat, -100400)
        assert (new.type, new.title, new.language) == ("supergroup", "Panitia", "en")
        topics = await session.scalars(
            select(Subscriber.topic).where(Subscriber.chat_id == -100400)
        )
        assert sorted(topics) == ["general", "results"]
        assert await session.scalar(select(Subscriber).where(Subscriber.chat_id == -400)) is None


async def test_recent_broadcasts_newest_first_with_counts(sessions) -> None:
    async with sessions() as session, session.begin():
        await _chats(session, [1, 2])
        first = await create_broadcast(session, text="A", audience=Audience.everyone(), now=NOW)
        second = await create_broadcast(session, text="B", audience=Audience.chats([1]), now=NOW)
    async with sessions() as session:
        listed = await recent_broadcasts(session)
    assert [(b.id, p.total) for b, p in listed] == [(second.id, 1), (first.id, 2)]
    async with sessions() as session:
        assert await broadcast_progress(session, 999) is None


async def test_migration_to_a_chat_already_receiving_gives_one_copy(sessions) -> None:
    async with sessions() as session, session.begin():
        await _chats(session, [-400], type_="group")
        await _chats(session, [-100400], type_="supergroup")
        await _subscribe(session, -400, "general")
        await _subscribe(session, -100400, "general")
        broadcast = await create_broadcast(
            session, text="Hai", audience=Audience.subscribers(), now=NOW
        )
    async with sessions() as session, session.begin():
        claimed = await claim_deliveries(session, broadcast.id, after_id=0, limit=5)
        group = next(c for c in claimed if c.chat_id == -400)
        assert not await record_chat_migration(session, group.id, -400, -100400)
    async with sessions() as session:
        delivery = await session.get(Delivery, group.id)
        assert (delivery.chat_id, delivery.status) == (-400, DeliveryStatus.FAILED)
