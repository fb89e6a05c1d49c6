"""SIGKILL while an admin's action is handled (issue 13: the role guard committed an admin's
or judge's action on a session of its own, before its reply was known): the admin types the
note returning an entry, or taps "verify" on its card, and the bot dies before the commit,
after it, or with the reply in flight. After the restart the entry's status changed once
(one audit entry, one notice to its officer) and the admin gets the answer: the note's
receipt, or the card edited to the new status (the tap's toast committed the change; the
edit after it is what is sent again)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bot.handlers.committee.review import ACTION, ActionTap, EntryAction, ReviewNote
from bot.sandbox.users import press_callback, send_text
from bot.services.committee.exports import status_label
from bot.services.shared.pending_input import wait_for
from bot.storage.database import create_engine, create_session_factory
from bot.storage.models import AuditEntry, Broadcast, PendingInput, Submission, SubmissionStatus
from tests.factories import edition, make_entry, make_officer
from tests.faults.killing import (
    POINTS,
    answered_once_handled,
    bot_texts,
    kill_while_handling,
    started,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing, pytest.mark.entries_open_now]


NOTE = "Lengkapi anggaran tahun 2022."


async def admin_writing_a_note(database_url: str, admin_id: int, officer_id: int) -> int:
    """A submitted entry of DLH (``officer_id`` its officer) and the admin's pending note
    returning it, as after tapping "Kembalikan"; returns the entry's id."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            current = await edition(session)
            entry = await make_entry(session, current, "DLH", "Bank Sampah Digital")
            await make_officer(session, current, "DLH", officer_id)
            note = ReviewNote("r", entry.id)
            await wait_for(session, admin_id, admin_id, note, datetime.now(UTC))
            return entry.id
    finally:
        await engine.dispose()


async def submitted_entry(database_url: str, officer_id: int) -> int:
    """A submitted entry of DLH (``officer_id`` its officer); returns its id."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            current = await edition(session)
            entry = await make_entry(session, current, "DLH", "Bank Sampah Digital")
            await make_officer(session, current, "DLH", officer_id)
            return entry.id
    finally:
        await engine.dispose()


async def changed(database_url: str, entry_id: int, action: str) -> dict[str, object]:
    """What changing the entry's status wrote: its status and note, its ``action`` audit
    entries and notices, and whether a note is still awaited."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            entry = await session.get(Submission, entry_id)
            audits = await session.scalar(
                select(func.count()).where(
                    AuditEntry.action == action,
                    AuditEntry.entity_id == str(entry_id),
                )
            )
            notices = await session.scalar(select(func.count()).select_from(Broadcast))
            waiting = await session.scalar(select(func.count()).select_from(PendingInput))
            return {
                "status": entry.status,
                "note": entry.status_note,
                "audits": audits,
                "notices": notices,
                "waiting": waiting,
            }
    finally:
        await engine.dispose()


@pytest.mark.parametrize("point", POINTS)
async def test_killed_while_an_admin_returns_an_entry_it_is_returned_once_and_answered(
    bot_process, emulator, database_url, point
) -> None:
    world = emulator.world
    admin = world.add_user("Admin", language_code="id")
    officer = world.add_user("Petugas", language_code="id")
    bot_process.env["ADMIN_IDS"] = str(admin.id)
    entry_id = await admin_writing_a_note(database_url, admin.id, officer.id)

    async def act() -> dict:
        return await send_text(world, admin, world.chats[admin.id], NOTE)

    await kill_while_handling(bot_process, emulator, database_url, admin.id, act, point)

    def answered() -> bool:
        return any("status kini" in text for text in bot_texts(world, admin.id))

    await answered_once_handled(bot_process, emulator, database_url, admin.id, answered)
    assert await changed(database_url, entry_id, "submission.returned") == {
        "status": SubmissionStatus.RETURNED,
        "note": NOTE,
        "audits": 1,
        "notices": 1,
        "waiting": 0,
    }


@pytest.mark.parametrize("point", POINTS)
async def test_killed_while_an_admin_verifies_an_entry_it_is_verified_once_and_the_card_shows_it(
    bot_process, emulator, database_url, point
) -> None:
    world = emulator.world
    admin = world.add_user("Admin", language_code="id")
    officer = world.add_user("Petugas", language_code="id")
    bot_process.env["ADMIN_IDS"] = str(admin.id)
    entry_id = await submitted_entry(database_url, officer.id)
    card = await started(bot_process, emulator, database_url, admin)
    chat = world.chats[admin.id]

    async def act() -> dict:
        data = ACTION.pack(ActionTap(EntryAction.VERIFY, entry_id))
        return await press_callback(world, admin, chat, card, data)

    await kill_while_handling(
        bot_process, emulator, database_url, admin.id, act, point, method="editMessageText"
    )
    verified = status_label("id", SubmissionStatus.VERIFIED)

    def shown() -> bool:
        return verified in chat.messages[card.message_id].api.get("text", "")

    await answered_once_handled(bot_process, emulator, database_url, admin.id, shown)
    assert await changed(database_url, entry_id, "submission.verified") == {
        "status": SubmissionStatus.VERIFIED,
        "note": None,
        "audits": 1,
        "notices": 1,
        "waiting": 0,
    }
