"""SIGKILL at scale during the form: 20 officers write paragraphs of a long answer at once, the
bot process is killed in the middle and started again, and every officer goes on writing.

No paragraph is lost, also those sent as the bot died (Telegram sends again the updates the
bot had not confirmed, and it confirms them only once handled), and none is appended twice:
each update is recorded in the transaction of its effect (see :mod:`bot.update_ledger`)."""

from __future__ import annotations

import asyncio
import random

import pytest
from sqlalchemy import select

from bot.sandbox.users import send_text
from bot.storage.database import create_engine, create_session_factory
from bot.storage.models import Answer, Submission
from tests.e2e.conftest import wait_until
from tests.e2e.helpers.entries import LONG_FIELD, officers_at_long_field
from tests.e2e.process import (
    all_handled,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing, pytest.mark.entries_open_now]

OFFICERS = 20
PARAGRAPHS = 8
"""Paragraphs each officer writes (one message each)."""
START_TIMEOUT = 30.0


async def saved_answers(database_url: str) -> dict[int, str]:
    """Officer's user id → the saved text of :data:`LONG_FIELD`."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            rows = await session.execute(
                select(Submission.created_by, Answer.value)
                .join(Answer, Answer.submission_id == Submission.id)
                .where(Answer.field_key == LONG_FIELD)
            )
            return {user_id: value or "" for user_id, value in rows}
    finally:
        await engine.dispose()


async def test_killed_while_many_officers_write_no_paragraph_is_lost(
    bot_process,
    emulator,
    database_url,
) -> None:
    world = emulator.world
    people = [world.add_user(f"Petugas {i}", language_code="id") for i in range(OFFICERS)]
    await officers_at_long_field(database_url, [person.id for person in people])
    process = bot_process.start()
    sent: dict[int, list[str]] = {person.id: [] for person in people}
    acknowledged: dict[int, list[str]] = {person.id: [] for person in people}
    kill_after = random.randint(OFFICERS * 2, OFFICERS * 4)

    def replies(person) -> int:  # type: ignore[no-untyped-def]
        return sum(1 for m in world.chats[person.id].messages.values() if m.from_bot)

    async def write(person, paragraphs: int) -> None:  # type: ignore[no-untyped-def]
        for _ in range(paragraphs):
            before = replies(person)
            paragraph = f"P{person.id}-{len(sent[person.id])} selesai"
            sent[person.id].append(paragraph)
            await send_text(world, person, world.chats[person.id], paragraph)
            await wait_until(lambda: replies(person) > before, timeout=START_TIMEOUT)  # noqa: B023
            acknowledged[person.id].append(paragraph)

    writers = [asyncio.create_task(write(person, PARAGRAPHS)) for person in people]
    await wait_until(lambda: sum(map(len, acknowledged.values())) >= kill_after, START_TIMEOUT)
    process.kill()  # SIGKILL while the other officers' messages are in flight
    for writer in writers:
        writer.cancel()
    await asyncio.gather(*writers, return_exceptions=True)

    bot_process.start()
    await asyncio.gather(*(write(person, 1) for person in people))  # each officer goes on
    # an answer may come from an update sent again: wait until every update was handled
    await wait_until(lambda: all_handled(emulator, database_url), START_TIMEOUT, interval=0.1)

    saved = await saved_answers(database_url)
    for person in people:
        text = saved.get(person.id, "")
        for paragraph in sent[person.id]:
            # none lost, none twice
            assert text.count(paragraph) == 1, (paragraph, text, bot_process.output()[-3000:])
