"""Buttons sent before the next edition's import act on the edition they were sent for, never
on the new one: the committee's "close judging", "reopen", "set winners" and "assign all",
tapped after IGA 2023 was imported, are refused politely in the user's language and change
nothing, while the same buttons sent for 2023 still work."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.i18n import plain_text, t
from bot.sandbox.users import press_callback
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import (
    Edition,
    Judge,
    JudgeAssignment,
    Score,
    Submission,
    SubmissionStatus,
)
from tests.e2e.attendees.test_attendee_agenda import visible
from tests.e2e.editions.test_read_only_previous_edition import (
    UNCHANGED_BY_TAPS,
    start_next_edition,
)
from tests.e2e.helpers.committee import add_entries, quick_emulator, real_file_id
from tests.e2e.helpers.database import BOOKKEEPING, whole_database
from tests.e2e.helpers.entries import IN_WINDOW, join
from tests.factories import edition, make_entry

pytestmark = pytest.mark.e2e
S = SubmissionStatus


@pytest.fixture
def emulator_config():
    """Flood control scaled up for long committee sessions."""
    return quick_emulator()


def _data(message) -> list[str]:
    return [b["callback_data"] for row in message["inline_keyboard"] or [] for b in row]


async def _answer(driver, data: str) -> str:
    tapped = await driver.tap(data=data)
    return (await driver.expect_callback_answer(tapped))["text"]


async def _press(emulator, driver, data: str) -> str:
    """Data no button of the chat carries (sent by an older version of the bot), on the
    chat's latest message."""
    world = emulator.world
    chat = world.chats[driver.id]
    message = max((m for m in chat.messages.values() if m.from_bot), key=lambda m: m.message_id)
    tapped = await press_callback(world, world.users[driver.id], chat, message, data)
    return (await driver.expect_callback_answer(tapped))["text"]


async def test_buttons_of_2022_never_act_on_2023(bot, users, emulator) -> None:
    siti = await users.create("Siti", admin=True)
    john = await users.create("John", language_code="en", admin=True)
    ani = await users.create("Ani")
    file_id = await real_file_id(siti)
    _, verified = await add_entries(
        bot.runtime, [("DINSOS", "Home Care", S.SUBMITTED), ("DLH", "SIDOTI", S.VERIFIED)], file_id
    )
    await siti.send(f"/judges add {ani.id} - Dr. Ani")
    await siti.expect_message("ditambahkan")
    await siti.send("/assign")
    assign = await siti.expect_message("Penugasan penilai")
    await siti.send("/ranking")
    open_ranking = await siti.expect_message("Peringkat sementara")
    async with bot.runtime.transaction() as session:  # reopening and the winners offered now
        (await edition(session)).judging_closed_at = bot.clock()
        (await session.get(Submission, verified)).status = S.NOMINEE
        judge = await session.scalar(select(Judge).where(Judge.user_id == ani.id))
        session.add(JudgeAssignment(judge_id=judge.id, submission_id=verified))
        for criterion in DEFAULT_RUBRIC:  # fully scored: a nominee no judge scored blocks 🏆
            session.add(Score(judge_id=judge.id, submission_id=verified,
                              criterion_key=criterion.key, value=80))  # fmt: skip
    await siti.send("/ranking")
    closed_ranking = await siti.expect_message("Peringkat sementara")
    await siti.send("/tetapkan_juara")
    confirm = await siti.expect_message("Tetapkan juara")
    await john.send("/bahasa")
    await john.expect_message(visible("id", "language-choose"))
    await john.tap(plain_text("id", "language-name-en"))
    await john.expect_message("English")
    await john.send("/ranking")
    johns = await john.expect_message("Provisional ranking")
    old = {
        "all": [d for d in _data(assign) if d.startswith("cm:as:all")],
        "close": [d for d in _data(open_ranking) if d.startswith("rk:")],
        "closed": [d for d in _data(closed_ranking) if d.startswith("rk:")],
        "set": [d for d in _data(confirm) if d.startswith("rk:")],
    }
    async with bot.runtime.sessions() as session:
        id_2022 = (await edition(session)).id
    assert old == {
        "all": [f"cm:as:all:{id_2022}"],
        "close": [f"rk:close:{id_2022}"],
        "closed": [f"rk:open:{id_2022}", f"rk:set:{id_2022}"],
        "set": [f"rk:set:ok:{id_2022}"],
    }

    # IGA 2023 starts: Dr. Ani carried over, a verified 2023 entry to assign, judging open
    await start_next_edition(bot)
    async with bot.runtime.transaction() as session:
        entry_2023 = await make_entry(
            session, await edition(session, "iga-2023"), "DLH", "Sidoti 2"
        )
        entry_2023.status = S.VERIFIED
    before = await whole_database(bot.runtime, ignore=UNCHANGED_BY_TAPS)

    closed_id = t("id", "edition-closed", year="2022")[:200]
    taps = [data for datas in old.values() for data in datas]
    assert {data: await _answer(siti, data) for data in taps} == dict.fromkeys(taps, closed_id)
    assert await _press(emulator, siti, f"rk:close:ok:{id_2022}") == closed_id
    closed_en = t("en", "edition-closed", year="2022")
    assert closed_en.startswith("Sorry, IGA 2022 is closed")
    for data in [d for d in _data(johns) if d.startswith("rk:")]:
        assert await _answer(john, data) == closed_en[:200]
    # the same buttons as an older version of the bot sent them, without their edition
    outdated = t("id", "edition-button-outdated")
    for data in ("rk:close", "rk:set:ok", "cm:as:all"):
        assert await _press(emulator, siti, data) == outdated[:200], data
    assert await _press(emulator, john, "rk:open") == t("en", "edition-button-outdated")[:200]
    assert await whole_database(bot.runtime, ignore=UNCHANGED_BY_TAPS) == before

    # the buttons sent for 2023 act on 2023
    await siti.send("/assign")
    assign = await siti.expect_message("Penugasan penilai")
    await siti.tap(data=next(d for d in _data(assign) if d.startswith("cm:as:all:")))
    await siti.expect_message("1 baru")
    await siti.send("/ranking")
    ranking = await siti.expect_message("Peringkat sementara")
    close = next(d for d in _data(ranking) if d.startswith("rk:close"))
    await siti.tap(data=close)  # asked first: the 2023 self-assessment is not validated
    ask = await siti.expect_message(predicate=lambda m: "rk:close:ok:" in str(m["inline_keyboard"]))
    await siti.tap(data=_data(ask)[0])
    await siti.expect_message(predicate=lambda m: "rk:open:" in str(m["inline_keyboard"]))
    async with bot.runtime.sessions() as session:
        editions = {e.code: e for e in await session.scalars(select(Edition))}
        assigned = list(await session.scalars(select(JudgeAssignment.submission_id)))
    assert close != f"rk:close:{id_2022}" and entry_2023.id in assigned
    assert editions["iga-2023"].judging_closed_at is not None


async def test_attendance_tools_act_on_the_event_they_were_sent_for(bot, users) -> None:
    """/kehadiran serves the event that is on (2022's until its awarding is over), and its
    "send the invitations" confirmation, tapped once 2023's event has become the current
    one, still means 2022's: refused as over, nothing queued."""
    await join(users, bot, "Budi", "DINSOS")
    siti = await users.create("Siti", admin=True)
    await siti.send("/kehadiran")
    await siti.expect_message("Undangan dan kehadiran")
    await siti.tap("Kirim undangan")
    confirm = await siti.expect_message("Kirim 4 undangan")
    await start_next_edition(bot)
    await siti.send("/kehadiran")
    summary = await siti.expect_message("Undangan dan kehadiran")
    assert "2022" in summary["text"].splitlines()[0], summary["text"]

    bot.clock.set(datetime(2022, 12, 8, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")))  # 2022 is over
    bot.runtime.forget_event()
    seen = (*BOOKKEEPING, "chats")  # when each chat was last seen
    before = await whole_database(bot.runtime, ignore=seen)
    await siti.tap("Ya, kirim undangan", message_id=confirm["message_id"])
    await siti.expect_message(visible("id", "attendance-send-over"))
    assert await whole_database(bot.runtime, ignore=seen) == before


async def test_lists_and_new_entry_buttons_of_2022_after_2023_started(bot, users, emulator) -> None:
    """A 2022 /entries list's filters no longer list (they would show 2023's entries under
    2022's unit), and an officer's 2022 "➕ new entry" says 2022 is closed instead of "you
    are not an officer"; nothing changes."""
    bot.clock.set(IN_WINDOW)
    siti = await users.create("Siti", admin=True)
    budi = await join(users, bot, "Budi", "DLH")
    await siti.send("/entries")
    listing = await siti.expect_message("Daftar inovasi")
    filters = [d for d in _data(listing) if d.startswith(("cm:fs:", "cm:fu:"))]
    await budi.send("/inovasi_saya")
    mine = await budi.expect_message("Unit Bapak/Ibu belum")
    new = [d for d in _data(mine) if d.startswith("entry:new:")]
    assert len(filters) == 2 and len(new) == 1, (filters, new)

    await start_next_edition(bot)
    bot.clock.set(datetime(2022, 12, 2, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")))  # 2023 open
    before = await whole_database(bot.runtime, ignore=(*BOOKKEEPING, "chats"))
    other = t("id", "edition-button-other", year="2022", current="2023")[:200]
    assert {data: await _answer(siti, data) for data in filters} == dict.fromkeys(filters, other)
    legacy = t("id", "edition-button-outdated")[:200]
    for data in ("cm:fs:0", "cm:fu:all", "cm:l:all:0:1"):
        assert await _press(emulator, siti, data) == legacy, data
    assert await _answer(budi, new[0]) == t("id", "edition-closed", year="2022")[:200]
    assert await whole_database(bot.runtime, ignore=(*BOOKKEEPING, "chats")) == before
