"""Per-process caches notice another process's changes (issue 13, two processes): two
runtimes with engines of their own on one database, as two bot processes; a change in one
(an event import, a chat's language, stars, a block) drops the other's cached copy within
``FRESH_SECONDS``, and only the chats of the changed bucket."""

from __future__ import annotations

from bot.runtime import Runtime
from bot.services.core.chats import ChatInfo, mark_blocked, set_chat_language, touch_chat
from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.services.shared.cache_versions import CHAT_BUCKETS, read_versions
from tests.conftest import EVENT_FILE
from tests.e2e.conftest import wait_until
from tests.unit.core.conftest import NOW


async def test_another_process_sees_an_import_and_a_chat_change_within_seconds(two_runtimes):
    first, second = two_runtimes
    async with first.transaction() as session:
        await import_event_file(session, load_event_file(EVENT_FILE))
        for chat_id in (7, 7 + CHAT_BUCKETS, 8):
            await touch_chat(session, ChatInfo(id=chat_id, type="private"), NOW)
    event = await second.event()
    assert event is not None
    second.chat_languages.update({7: "id", 7 + CHAT_BUCKETS: "id", 8: "id"})
    second.seen_chats.update({7: NOW, 7 + CHAT_BUCKETS: NOW, 8: NOW})
    dropped: list[set[int]] = []
    second.on_chats_changed.append(dropped.append)
    assert await second.event() is event  # cached: no change yet

    async with first.transaction() as session:
        await set_chat_language(session, 7, "en")
    await wait_until(lambda: _fresh_and(second, lambda: 7 not in second.chat_languages))
    assert 7 + CHAT_BUCKETS not in second.chat_languages  # the same bucket goes
    assert second.chat_languages == {8: "id"}  # another bucket stays
    assert 7 not in second.seen_chats and 8 in second.seen_chats
    assert dropped == [{7}]  # the stars' cache is told which bucket
    assert await second.event() is event  # the event did not change

    async with first.transaction() as session:
        await mark_blocked(session, 8, NOW)  # its next update must reactivate it there too
        await import_event_file(session, load_event_file(EVENT_FILE))
    await wait_until(lambda: _fresh_and(second, lambda: 8 not in second.seen_chats))
    reloaded = await second.event()
    assert reloaded is not None and reloaded is not event
    async with second.sessions() as session:
        assert (await read_versions(session))["event"] == 2


async def _fresh_and(runtime: Runtime, condition) -> bool:
    await runtime.fresh()
    return condition()
