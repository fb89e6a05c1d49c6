"""SIGKILL during the event day's flows (issue 13): a check-in confirmed, an evaluation
answer tapped, a question to the narasumber typed, with the bot killed before the commit,
after it (the reply not yet sent) and with the reply in flight. After the restart each is
stored once and the person gets the reply (the survey's next question too).

The bot process runs on the real clock: the event file's event is today, in a time zone
where it is now late morning (the opening, a session with a speaker, has started) and
check-in is open all day."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from sqlalchemy import func, select

from bot.handlers.attendance.checkin import FORM, Action, CheckingIn, FormTap, Step
from bot.handlers.evaluation.survey import PICK, Pick
from bot.handlers.questions.asking import AskingQuestion
from bot.sandbox.users import press_callback, send_text
from bot.services.core.events import current_event
from bot.services.shared.pending_input import wait_for
from bot.storage.database import create_engine, create_session_factory
from bot.storage.models import AgendaItem, AttendanceRecord, EvaluationResponse, Question
from tests.e2e.process import event_file_open_now
from tests.faults.killing import (
    POINTS,
    answered_once_handled,
    bot_texts,
    kill_while_handling,
    started,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]


def late_morning_zone() -> str:
    """An IANA zone where it is between 10.00 and 11.00 now."""
    hours = 10 - datetime.now(UTC).hour
    hours = hours + 24 if hours < -12 else hours - 24 if hours > 14 else hours
    return "Etc/GMT" if hours == 0 else f"Etc/GMT{-hours:+d}"  # Etc/GMT-7 is UTC+7


@pytest.fixture
def event_file(tmp_path: Path) -> Path:
    """The seed event file, its event today (see the module doc)."""
    path = event_file_open_now(tmp_path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    zone = late_morning_zone()
    event = data["event"]
    today = datetime.now(ZoneInfo(zone)).date()
    event["timezone"] = zone
    event["date"] = today.isoformat()
    at = datetime.combine(today, time(15), ZoneInfo(zone))
    event["certificates"]["send_at"] = at.isoformat()
    data["edition"]["results_announce_at"] = at.replace(hour=9).isoformat()
    event["attendance"]["check_in"] = {"opens": "00.00", "closes": "23.59"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


async def in_database(database_url: str, work):  # type: ignore[no-untyped-def]
    """Run ``work(session)`` in a transaction on the test database; its result."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            return await work(session)
    finally:
        await engine.dispose()


async def check_killed(bot_process, emulator, database_url, person, act, point, expected):  # type: ignore[no-untyped-def]
    """Kill the bot at ``point`` while ``act`` is handled; then the person has a reply
    containing ``expected`` and every update was handled."""
    world = emulator.world
    await kill_while_handling(bot_process, emulator, database_url, person.id, act, point)

    def answered() -> bool:
        return any(expected in t for t in bot_texts(world, person.id))

    await answered_once_handled(bot_process, emulator, database_url, person.id, answered)


@pytest.mark.parametrize("point", POINTS)
async def test_killed_while_checking_in_the_person_is_recorded_once(
    bot_process, emulator, database_url, point
) -> None:
    world = emulator.world
    person = world.add_user("Siti", language_code="id")

    async def at_confirm(session):  # type: ignore[no-untyped-def]
        event = await current_event(session)
        form = CheckingIn(
            event_id=event.id,
            day=datetime.now(ZoneInfo(event.timezone)).date().isoformat(),
            step=Step.CONFIRM,
            name="Siti Rahayu",
            jabatan="Analis Kebijakan",
            unit_name="Bappeda",
        )
        await wait_for(session, person.id, person.id, form, datetime.now(UTC))

    await in_database(database_url, at_confirm)
    message = await started(bot_process, emulator, database_url, person)

    async def confirm() -> dict:
        data = FORM.pack(FormTap(Action.CONFIRM))
        return await press_callback(world, person, world.chats[person.id], message, data)

    # the check-in's own answer (with its number), not "sudah tercatat" from applying it again
    await check_killed(bot_process, emulator, database_url, person, confirm, point, "(nomor 1)")
    assert not any("sudah tercatat" in text for text in bot_texts(world, person.id))

    async def records(session):  # type: ignore[no-untyped-def]
        return list(await session.scalars(select(AttendanceRecord.name)))

    assert await in_database(database_url, records) == ["Siti Rahayu"]


@pytest.mark.parametrize("point", POINTS)
async def test_killed_while_answering_the_survey_the_answer_is_stored_once(
    bot_process, emulator, database_url, point
) -> None:
    world = emulator.world
    person = world.add_user("Budi", language_code="id")

    async def invited(session):  # type: ignore[no-untyped-def]
        event = await current_event(session)
        response = EvaluationResponse(
            event_id=event.id, chat_id=person.id, answers={}, invited_at=datetime.now(UTC)
        )
        session.add(response)
        await session.flush()
        return response.id

    response_id = await in_database(database_url, invited)
    message = await started(bot_process, emulator, database_url, person)

    async def rate() -> dict:
        data = PICK.pack(Pick(response_id, 0, 4))  # "kepuasan": 4
        return await press_callback(world, person, world.chats[person.id], message, data)

    # the next question comes (again) after the restart: the survey goes on
    await check_killed(bot_process, emulator, database_url, person, rate, point, "pertanyaan 2")

    async def answers(session):  # type: ignore[no-untyped-def]
        response = await session.get(EvaluationResponse, response_id)
        return response.answers, response.cursor

    stored, cursor = await in_database(database_url, answers)
    assert stored == {"kepuasan": 4}
    assert cursor is None or cursor.get("key") == "materi", cursor


@pytest.mark.parametrize("point", POINTS)
async def test_killed_while_asking_the_question_is_stored_once(
    bot_process, emulator, database_url, point
) -> None:
    world = emulator.world
    person = world.add_user("Rina", language_code="id")

    async def asking(session):  # type: ignore[no-untyped-def]
        event = await current_event(session)
        opening = await session.scalar(
            select(AgendaItem).where(AgendaItem.event_id == event.id, AgendaItem.key == "pembukaan")
        )
        await wait_for(
            session, person.id, person.id, AskingQuestion(opening.id, False), datetime.now(UTC)
        )

    await in_database(database_url, asking)
    bot_process.start()
    text = "Bagaimana rencana inovasi tahun depan?"

    async def ask() -> dict:
        return await send_text(world, person, world.chats[person.id], text)

    await check_killed(bot_process, emulator, database_url, person, ask, point, "diterima")

    async def questions(session):  # type: ignore[no-untyped-def]
        return await session.scalar(select(func.count()).select_from(Question))

    assert await in_database(database_url, questions) == 1
