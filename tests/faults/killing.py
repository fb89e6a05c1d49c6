"""Killing the bot process (SIGKILL) at a chosen point of an update's handling, for the
exactly-once tests: before its commit, after it (the reply not yet sent), and with the reply
in flight (delivered, Telegram's answer not yet back). After the restart Telegram sends the
update again (the bot had not confirmed it).

A test module is marked ``fast_typing`` (no flood control) and ``entries_open_now`` (the
event's entry period including the real "now": the bot process runs on the real clock); see
``tests/e2e/fixtures.py``."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.sandbox.users import send_text
from bot.storage.database import create_engine
from tests.e2e.conftest import wait_until
from tests.e2e.process import all_handled

TIMEOUT = 30.0
POINTS = ("before-commit", "after-commit", "reply-in-flight")


@asynccontextmanager
async def writes_held(database_url: str) -> AsyncIterator[None]:
    """No update's effect can commit while inside: on SQLite no other connection writes; on
    PostgreSQL the update ledger is locked (every update that writes inserts its row there,
    in the transaction of its effect)."""
    if database_url.startswith("sqlite"):
        connection = sqlite3.connect(make_url(database_url).database, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            connection.execute("ROLLBACK")
            connection.close()
        return
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection, connection.begin():
            await connection.execute(text("LOCK TABLE handled_updates IN EXCLUSIVE MODE"))
            yield
            await connection.rollback()
    finally:
        await engine.dispose()


async def kill_while_handling(  # type: ignore[no-untyped-def]
    processes,
    emulator,
    database_url: str,
    chat_id: int,
    act: Callable[[], Awaitable[dict[str, Any]]],
    point: str,
    method: str = "sendMessage",
) -> None:
    """Start the bot if it is not running, do ``act`` (a user's message or tap: the stored
    update), SIGKILL the bot at ``point`` of its handling and start it again. After the
    commit, the point is the bot's first ``method`` call to ``chat_id`` (its reply)."""
    world = emulator.world
    running = [p for p in processes.started if p.running]
    process = running[-1] if running else processes.start()
    polls = world.calls["getupdates"]
    await wait_until(lambda: world.calls["getupdates"] > polls, timeout=TIMEOUT)
    if point == "before-commit":
        async with writes_held(database_url):
            update_id = (await act())["update_id"]
            # a poll from this update once it was fetched: the bot has it in hand, unhandled
            polls_from = world.poll_offsets[update_id]  # the poll pending now, if any
            await wait_until(lambda: world.poll_offsets[update_id] > polls_from, TIMEOUT)
            process.kill()
    else:
        kind = "hold" if point == "after-commit" else "hold-answer"
        emulator.faults.add({"kind": kind, "method": method, "chat_id": chat_id})
        await act()
        await wait_until(lambda: emulator.faults.held > 0, timeout=TIMEOUT)
        process.kill()
        # the held call ends once its connection is seen closed, unserved ("hold"): released
        # before that, it would be served to nobody, as if the reply had gone out
        await wait_until(lambda: emulator.faults.held == 0, timeout=TIMEOUT)
        emulator.faults.reset()
    processes.start()


def bot_texts(world, chat_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts of the bot's messages in the chat, oldest first (as edited last)."""
    chat = world.chats[chat_id]
    return [m.api.get("text", "") for _, m in sorted(chat.messages.items()) if m.from_bot]


async def started(processes, emulator, database_url: str, person) -> Any:  # type: ignore[no-untyped-def]
    """Start the bot; ``person`` says /start: the bot's last message (to tap a button on),
    once /start is handled (still in hand, it would hold the polls' offset back, and a tap
    killed "before the commit" would never be seen polled again)."""
    world = emulator.world
    processes.start()
    await send_text(world, person, world.chats[person.id], "/start")
    await wait_until(lambda: bot_texts(world, person.id), 2 * TIMEOUT)  # a slow first start
    await wait_until(lambda: all_handled(emulator, database_url), TIMEOUT, interval=0.1)
    chat = world.chats[person.id]
    return max((m for m in chat.messages.values() if m.from_bot), key=lambda m: m.message_id)


async def answered_once_handled(  # type: ignore[no-untyped-def]
    processes, emulator, database_url: str, chat_id: int, answered: Callable[[], bool]
) -> None:
    """Wait until ``answered()`` (failing with the chat's texts and the bot's output), then
    until every update was handled."""
    try:
        await wait_until(answered, 2 * TIMEOUT)  # by the restarted bot: a slow start
    except AssertionError:
        texts = bot_texts(emulator.world, chat_id)
        raise AssertionError((texts, processes.output()[-4000:])) from None
    await wait_until(lambda: all_handled(emulator, database_url), TIMEOUT, interval=0.1)
