"""Two bot processes on one database (an overlapping redeploy, a second dyno): a second
poller, and any second process on SQLite, is refused at start with one clear line, and the
first goes on answering each update once (issue 13: 10 /agenda got 12 replies)."""

from __future__ import annotations

import asyncio

import pytest

from bot.sandbox.users import send_text
from tests.e2e.conftest import wait_until
from tests.e2e.process import (
    all_handled,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing, pytest.mark.entries_open_now]

TIMEOUT = 30.0


async def test_a_second_poller_is_refused_and_the_first_answers_each_update_once(
    bot_process,
    emulator,
    database_url,
) -> None:
    world = emulator.world
    first = bot_process.start()
    polls = world.calls["getupdates"]
    await wait_until(lambda: world.calls["getupdates"] > polls, timeout=TIMEOUT)

    second = bot_process.start()
    status = await asyncio.to_thread(second.process.wait, TIMEOUT)
    assert status == 1
    refusals = [line for line in bot_process.output().splitlines() if "iga-bot:" in line]
    assert len(refusals) == 1, bot_process.output()[-3000:]
    assert "another bot process" in refusals[0] and "stop it first" in refusals[0]
    assert "Traceback" not in bot_process.output()
    assert first.running

    person = world.add_user("Siti", language_code="id")
    for _ in range(10):
        await send_text(world, person, world.chats[person.id], "/agenda")

    def replies() -> int:
        chat = world.chats[person.id]
        return sum(1 for m in chat.messages.values() if m.from_bot)

    await wait_until(lambda: all_handled(emulator, database_url), TIMEOUT, interval=0.1)
    assert replies() == 10
