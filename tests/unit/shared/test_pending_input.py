"""Pending inputs in the database: one per (chat, user), typed payloads, consumed once."""

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.services.shared.pending_input import (
    InputGone,
    input_kind,
    keep_waiting,
    pending_input,
    stop_waiting,
    take,
    wait_for,
)
from bot.storage.models import PendingInput

NOW = datetime(2022, 12, 1, 9, 0, tzinfo=UTC)


@input_kind("test.note")
@dataclass(frozen=True)
class Note:
    entry_id: int
    action: str


@input_kind("test.score")
@dataclass(frozen=True)
class Score:
    entry_id: int
    index: int


async def test_one_input_per_chat_and_user_a_new_one_replaces_it(sessions) -> None:
    async with sessions() as session, session.begin():
        assert await wait_for(session, 7, 7, Note(3, "r"), NOW) is None
        assert await wait_for(session, 8, 8, Score(3, 0), NOW) is None
        replaced = await wait_for(session, 7, 7, Score(4, 1), NOW)
    assert replaced is not None and replaced.payload == Note(3, "r")
    async with sessions() as session:
        pending = await pending_input(session, 7, 7)
        assert pending is not None and pending.payload == Score(4, 1)
        assert pending.started_at == NOW
        assert (await pending_input(session, 8, 8)).payload == Score(3, 0)
        assert await pending_input(session, 7, 8) is None
        rows = await session.scalars(select(PendingInput.kind).order_by(PendingInput.chat_id))
        assert list(rows) == ["test.score", "test.score"]


async def test_an_input_is_taken_once(sessions) -> None:
    async with sessions() as session, session.begin():
        await wait_for(session, 7, 7, Note(3, "x"), NOW)
    async with sessions() as session:
        first = await pending_input(session, 7, 7)
    async with sessions() as session:
        again = await pending_input(session, 7, 7)  # the same message handled twice
    async with sessions() as session, session.begin():
        await take(session, first)
    with pytest.raises(InputGone):
        async with sessions() as session, session.begin():
            await take(session, again)
    async with sessions() as session:
        assert await pending_input(session, 7, 7) is None


async def test_a_replaced_input_cannot_be_taken_or_continued(sessions) -> None:
    async with sessions() as session, session.begin():
        await wait_for(session, 7, 7, Note(3, "x"), NOW)
        old = await pending_input(session, 7, 7)
        await wait_for(session, 7, 7, Score(3, 1), NOW)
        with pytest.raises(InputGone):
            await keep_waiting(session, old, Note(3, "r"))
        with pytest.raises(InputGone):
            await take(session, old)


async def test_keep_waiting_and_stop_waiting(sessions) -> None:
    async with sessions() as session, session.begin():
        await wait_for(session, 7, 7, Score(3, 0), NOW)
        pending = await pending_input(session, 7, 7)
        moved = await keep_waiting(session, pending, Score(3, 2))
        assert moved.payload == Score(3, 2)
        assert (await pending_input(session, 7, 7)).payload == Score(3, 2)
        assert await stop_waiting(session, 7, 7, Note) is None  # another kind: kept
        dropped = await stop_waiting(session, 7, 7)
        assert dropped is not None and dropped.payload == Score(3, 2)
        assert await pending_input(session, 7, 7) is None
        assert await stop_waiting(session, 7, 7) is None


async def test_an_unknown_kind_or_payload_reads_as_nothing_pending(sessions) -> None:
    async with sessions() as session, session.begin():
        session.add(PendingInput(chat_id=1, user_id=1, kind="gone", payload={}, started_at=NOW))
        session.add(
            PendingInput(chat_id=2, user_id=2, kind="test.note", payload={"x": 1}, started_at=NOW)
        )
    async with sessions() as session, session.begin():
        assert await pending_input(session, 1, 1) is None
        assert await pending_input(session, 2, 2) is None
        await wait_for(session, 1, 1, Note(1, "r"), NOW)  # replaces the unreadable row
    async with sessions() as session:
        assert (await pending_input(session, 1, 1)).payload == Note(1, "r")


def test_kind_names_are_unique() -> None:
    with pytest.raises(ValueError):

        @input_kind("test.note")
        @dataclass(frozen=True)
        class Other:
            value: int
