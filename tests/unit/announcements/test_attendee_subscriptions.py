"""Subscriptions by topic, blocking and coming back, and stars ("Ingatkan saya")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.services.announcements.subscriptions import (
    UnknownTopicError,
    active_subscribers,
    resume_chat,
    subscribe,
    subscribed_topics,
    unsubscribe,
)
from bot.services.attendees.stars import (
    CancelledItemError,
    is_starred,
    starred_item_ids,
    starrers,
    toggle_star,
)
from bot.services.core.chats import ChatInfo, mark_blocked, touch_chat
from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.storage.models import AgendaItem, Chat
from tests.conftest import EVENT_FILE

NOW = datetime(2022, 12, 1, 2, 0, tzinfo=UTC)


async def test_subscribe_unsubscribe_and_unknown_topics(sessions) -> None:
    async with sessions() as session, session.begin():
        await subscribe(session, 1, ["general", "schedule"], NOW)
        await subscribe(session, 1, ["schedule"], NOW)  # twice is once
        await subscribe(session, 2, ["schedule"], NOW)
    async with sessions() as session, session.begin():
        assert await subscribed_topics(session, 1) == {"general", "schedule"}
        assert await active_subscribers(session, "schedule") == [1, 2]
        with pytest.raises(UnknownTopicError):
            await subscribe(session, 1, ["general", "gossip"], NOW)
        assert await subscribed_topics(session, 1) == {"general", "schedule"}
        await unsubscribe(session, 1, ["schedule"])
        assert await active_subscribers(session, "schedule") == [2]


async def test_blocked_chats_are_inactive_until_they_write(sessions) -> None:
    info = ChatInfo(id=7, type="private", first_name="Siti")
    async with sessions() as session, session.begin():
        await touch_chat(session, info, NOW)
        await subscribe(session, 7, ["general", "results"], NOW)
    async with sessions() as session, session.begin():
        await mark_blocked(session, 7, NOW)
    async with sessions() as session, session.begin():
        assert await active_subscribers(session, "general") == []
        assert await subscribed_topics(session, 7) == {"general", "results"}  # kept
        await touch_chat(session, info, NOW)
    async with sessions() as session:
        assert await active_subscribers(session, "results") == [7]


async def test_stars_toggle_and_cancelled_items(sessions) -> None:
    async with sessions() as session, session.begin():
        await import_event_file(session, load_event_file(EVENT_FILE))
    async with sessions() as session, session.begin():
        items = {i.key: i for i in await session.scalars(select(AgendaItem))}
        opening, closing = items["pembukaan"], items["penutupan"]
        assert await toggle_star(session, 5, opening, NOW) is True
        assert await toggle_star(session, 6, opening, NOW) is True
        assert await toggle_star(session, 5, closing, NOW) is True
        assert await starred_item_ids(session, 5) == {opening.id, closing.id}
        assert await toggle_star(session, 6, opening, NOW) is False
        assert not await is_starred(session, 6, opening.id)
        closing.cancelled = True
        with pytest.raises(CancelledItemError):
            await toggle_star(session, 6, closing, NOW)
        assert await toggle_star(session, 5, closing, NOW) is False  # removing is allowed
    async with sessions() as session, session.begin():
        await touch_chat(session, ChatInfo(id=6, type="private"), NOW)
        await toggle_star(session, 6, opening, NOW)
        await mark_blocked(session, 6, NOW)
        assert await starrers(session, [opening.id, closing.id]) == {5: {opening.id}}


async def test_letting_the_bot_back_resumes_only_known_blocked_chats(sessions) -> None:
    info = ChatInfo(id=8, type="private", first_name="Budi")
    async with sessions() as session, session.begin():
        assert await resume_chat(session, info, NOW) is False  # unknown: not recorded here
        assert await session.get(Chat, 8) is None
        await touch_chat(session, info, NOW)
        await subscribe(session, 8, ["schedule"], NOW)
        assert await resume_chat(session, info, NOW) is False  # not blocked
        await mark_blocked(session, 8, NOW)
        assert await active_subscribers(session, "schedule") == []
        assert await resume_chat(session, info, NOW) is True
        assert await active_subscribers(session, "schedule") == [8]
