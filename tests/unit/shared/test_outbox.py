"""The outbox: one logical message written once per key, for reachable recipients, with its
texts and buttons in every language; the notices a status change writes with it; claims that
skip the rows another transaction holds (PostgreSQL); claims are leases: another sender
takes a row only once its lease lapsed, and the first sender then learns it lost it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bot.i18n import plain_text, t
from bot.services.announcements.broadcasts import (
    IN_FLIGHT,
    claim_deliveries,
    recent_broadcasts,
    release_claims,
    renew_claims,
)
from bot.services.entries.submission_status import change_status
from bot.services.shared.outbox import (
    button_in_every_language,
    enqueue,
    in_every_language,
    keyboard,
    url_button,
)
from bot.storage.models import Admin, Broadcast, Chat, Delivery, SubmissionStatus
from tests.factories import make_entry, make_officer, seed_edition

NOW = datetime(2022, 11, 1, 2, 0, tzinfo=UTC)
S = SubmissionStatus


async def _messages(session) -> dict[str, tuple[Broadcast, list[int]]]:
    """Outbox messages by kind: the message and its recipients."""
    found = {}
    for message in await session.scalars(select(Broadcast).order_by(Broadcast.id)):
        chat_ids = await session.scalars(
            select(Delivery.chat_id).where(Delivery.broadcast_id == message.id)
        )
        found[message.kind] = (message, sorted(chat_ids))
    return found


async def test_a_key_is_written_once_for_the_reachable_recipients(sessions) -> None:
    async with sessions() as session, session.begin():
        session.add(Chat(id=3, type="private", blocked_at=NOW))
        markups = in_every_language(
            lambda language: keyboard([[url_button(language, "https://example.org")]])
        )
        first = await enqueue(
            session,
            kind="star",
            key="star:1:2",
            recipients=[2, 1, 2, 3],
            texts={"id": "Halo", "en": "Hello"},
            markups=markups,
            now=NOW,
        )
        again = await enqueue(
            session, kind="star", key="star:1:2", recipients=[4], texts={"id": "x"}, now=NOW
        )
        nobody = await enqueue(
            session, kind="star", key="star:9:3", recipients=[3], texts={"id": "x"}, now=NOW
        )
    assert again is None and nobody is None
    async with sessions() as session:
        (message, recipients) = (await _messages(session))["star"]
        assert message.id == first.id
        assert recipients == [1, 2]  # each once, and not the chat that blocked the bot
        assert message.texts == {"id": "Halo", "en": "Hello"}
        assert message.markups["en"] == {
            "inline_keyboard": [[{"text": "en", "url": "https://example.org"}]]
        }
        assert await session.scalar(select(func.count()).select_from(Broadcast)) == 1
        assert await recent_broadcasts(session) == []  # a personal notice, not a broadcast


async def test_a_committee_decision_tells_the_other_officers_with_a_button(sessions) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        entry = await make_entry(session, edition, "DLH", "Bank Sampah Digital")
        for user_id in (11, 12):
            await make_officer(session, edition, "DLH", user_id)
        await change_status(
            session, entry, S.RETURNED, actor_id=12, now=NOW, note="Lampiran <kurang>"
        )
    async with sessions() as session:
        messages = await _messages(session)
    assert set(messages) == {"status"}
    message, recipients = messages["status"]
    assert recipients == [11]  # the officer who acted is not told
    for language in ("id", "en"):
        assert message.texts[language] == t(
            language,
            "officer-notice-returned",
            title="Bank Sampah Digital",
            number=entry.number,
            note="Lampiran <kurang>",
        )
    assert message.markups == button_in_every_language(
        "officer-notice-button-revise", f"entry:open:{entry.id}"
    )
    (button,) = message.markups["id"]["inline_keyboard"][0]
    assert button["text"] == plain_text("id", "officer-notice-button-revise")
    assert message.key.startswith("status:")


async def test_a_submission_alerts_the_committee_and_results_tell_no_one(sessions) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        entry = await make_entry(session, edition, "DLH", "Bank Sampah Digital", status=S.DRAFT)
        await make_officer(session, edition, "DLH", 11)
        await make_officer(session, edition, "DLH", 12)
        session.add(Admin(user_id=900, added_at=NOW))
        await change_status(session, entry, S.SUBMITTED, actor_id=11, now=NOW, admin_ids={901})
    async with sessions() as session:
        messages = await _messages(session)
    assert messages["status"][1] == [12]
    assert "terkirim" in messages["status"][0].texts["id"]
    alert, committee = messages["new-entry"]
    assert committee == [900, 901]
    assert "Bank Sampah Digital" in alert.texts["id"] and "Dinas" in alert.texts["en"]
    assert alert.markups["en"]["inline_keyboard"][0][0]["callback_data"] == f"cm:e:{entry.id}"

    async with sessions() as session, session.begin():
        entry = await session.merge(entry)
        for status in (S.VERIFIED, S.NOMINEE, S.WINNER):
            await change_status(session, entry, status, actor_id=900, now=NOW, notify=False)
        await change_status(session, entry, S.NOMINEE, actor_id=900, now=NOW)  # a correction
    async with sessions() as session:
        kinds = list(await session.scalars(select(Broadcast.kind).order_by(Broadcast.id)))
    assert kinds == ["status", "new-entry", "status"]


async def test_claims_skip_the_rows_another_transaction_holds(engine, sessions) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: there is nothing to skip")
    async with sessions() as session, session.begin():
        message = await enqueue(
            session, kind="star", key="k", recipients=range(1, 7), texts={"id": "x"}, now=NOW
        )
    async with sessions() as first, first.begin():
        held = await claim_deliveries(first, message.id, after_id=0, limit=2)
        async with sessions() as second, second.begin():
            other = await claim_deliveries(second, message.id, after_id=0, limit=10)
    assert [d.chat_id for d in held] == [1, 2]
    assert [d.chat_id for d in other] == [3, 4, 5, 6]
    async with sessions() as session:
        marks = set(await session.scalars(select(Delivery.last_error)))
    assert marks == {IN_FLIGHT}


async def test_a_claim_is_a_lease_another_sender_takes_only_once_it_lapsed(sessions) -> None:
    async with sessions() as session, session.begin():
        message = await enqueue(
            session, kind="star", key="k", recipients=range(1, 5), texts={"id": "x"}, now=NOW
        )
    async with sessions() as session, session.begin():
        alive = await claim_deliveries(session, message.id, after_id=0, limit=2, owner="a")
        dead = await claim_deliveries(
            session, message.id, after_id=0, limit=2, owner="dead", lease=0.0
        )
    assert [d.chat_id for d in alive] == [1, 2] and [d.chat_id for d in dead] == [3, 4]
    async with sessions() as session, session.begin():  # "a" holds 1 and 2; 3 and 4 lapsed
        taken = await claim_deliveries(session, message.id, after_id=0, limit=10, owner="b")
    assert [d.chat_id for d in taken] == [3, 4]
    async with sessions() as session, session.begin():
        assert await renew_claims(session, "a", 30.0) == {d.id for d in alive}
        assert await renew_claims(session, "dead", 30.0) == set()  # it must not send them
        assert await claim_deliveries(session, message.id, after_id=0, limit=10) == []
    async with sessions() as session, session.begin():  # "a" stops: its rows are free at once
        assert await release_claims(session, "a") == 2
    async with sessions() as session, session.begin():
        again = await claim_deliveries(session, message.id, after_id=0, limit=10, owner="c")
        assert [d.chat_id for d in again] == [1, 2]
        assert await release_claims(session, None) == 4  # alone at start: every claim freed
