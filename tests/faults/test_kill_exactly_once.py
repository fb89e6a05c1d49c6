"""SIGKILL at each point of an answer's handling: before its commit, after it (the reply not
yet sent), and with the reply in flight (delivered, Telegram's answer not yet back). After
the restart Telegram sends the update again; the answer is stored once, in its own field,
and the form goes on at the right question (issue 13: a date typed for "Waktu uji coba" was
filed into "Waktu penerapan", a paragraph stored twice)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.sandbox.users import send_text
from bot.services.core.events import current_edition, edition_form
from bot.services.entries.cursor import AtField
from bot.services.entries.invites import create_invite, redeem_invite
from bot.services.entries.submissions import (
    answers_of,
    cursor_of,
    save_answer,
    set_cursor,
    start_entry,
)
from bot.storage.database import create_engine, create_session_factory
from bot.storage.models import Submission, Unit
from tests.e2e.conftest import wait_until
from tests.e2e.helpers.entries import LONG_FIELD
from tests.e2e.process import all_handled
from tests.faults.killing import POINTS, TIMEOUT, bot_texts, kill_while_handling

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing, pytest.mark.entries_open_now]


async def officer_at_trial_date(database_url: str, user_id: int) -> None:
    """``user_id`` is an officer whose entry (stage: implementation) asks "Waktu uji coba",
    the next question being "Waktu penerapan"."""
    engine = create_engine(database_url)
    now = datetime.now(UTC)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            edition = await current_edition(session)
            unit = await session.scalar(select(Unit).where(Unit.edition_id == edition.id))
            officer = await redeem_invite(
                session, user_id, await create_invite(session, unit, now), now
            )
            entry = await start_entry(session, officer, edition, now)
            fields = (await edition_form(session)).fields
            await save_answer(session, edition, entry, "tahapan", "penerapan", now, fields)
            set_cursor(entry, AtField("waktu_uji_coba"), now)
    finally:
        await engine.dispose()


async def entry_of(database_url: str, user_id: int) -> tuple[object, dict]:
    """The officer's entry: its position and answers."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            entry = await session.scalar(select(Submission).where(Submission.created_by == user_id))
            await session.refresh(entry, ["answers"])
            return cursor_of(entry), answers_of(entry)
    finally:
        await engine.dispose()


async def kill_typing(
    processes, emulator, database_url: str, person, typed: str, point: str
) -> None:  # type: ignore[no-untyped-def]
    """``person`` types ``typed``; the bot is killed at ``point`` of its handling."""
    world = emulator.world

    async def act() -> dict:
        return await send_text(world, person, world.chats[person.id], typed)

    await kill_while_handling(processes, emulator, database_url, person.id, act, point)


@pytest.mark.parametrize("point", POINTS)
async def test_killed_at_each_point_every_answer_is_stored_once_in_its_field(
    bot_process,
    emulator,
    database_url,
    point,
) -> None:
    world = emulator.world
    person = world.add_user("Petugas", language_code="id")
    await officer_at_trial_date(database_url, person.id)

    await kill_typing(bot_process, emulator, database_url, person, "17 Januari 2022", point)
    # answered (again, or for the first time) with the next question, once handled
    try:
        await wait_until(
            lambda: any("Waktu penerapan" in t for t in bot_texts(world, person.id)), TIMEOUT
        )
    except AssertionError:
        raise AssertionError((bot_texts(world, person.id), bot_process.output()[-4000:])) from None
    await wait_until(lambda: all_handled(emulator, database_url), TIMEOUT, interval=0.1)
    position, answers = await entry_of(database_url, person.id)
    assert answers.get("waktu_uji_coba") == "2022-01-17", bot_process.output()[-3000:]
    assert "waktu_penerapan" not in answers
    assert position == AtField("waktu_penerapan")

    await send_text(world, person, world.chats[person.id], "1 Maret 2022")
    await wait_until(lambda: any("Rancang" in t for t in bot_texts(world, person.id)), TIMEOUT)
    position, answers = await entry_of(database_url, person.id)
    assert answers["waktu_penerapan"] == "2022-03-01"
    assert position == AtField(LONG_FIELD)

    paragraph = "Paragraf pertama rancang bangun."
    await kill_typing(bot_process, emulator, database_url, person, paragraph, point)
    await wait_until(lambda: all_handled(emulator, database_url), TIMEOUT, interval=0.1)
    await send_text(world, person, world.chats[person.id], "Paragraf kedua.")

    async def second_saved() -> bool:
        answers = (await entry_of(database_url, person.id))[1]
        return "Paragraf kedua." in answers.get(LONG_FIELD, "")

    await wait_until(second_saved, timeout=TIMEOUT, interval=0.05)
    position, answers = await entry_of(database_url, person.id)
    assert answers[LONG_FIELD].count(paragraph) == 1, answers[LONG_FIELD]
    assert position == AtField(LONG_FIELD)
