"""One way to wait for typed input: a user who is both a committee admin and a judge, with a
note and a score asked for, has one message taken by exactly one of them; a pending input
survives the bot process being stopped and started again on the same database."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.services.core.admins import add_admin
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.database import create_engine, create_session_factory
from bot.storage.models import (
    Attachment,
    JudgeAssignment,
    PendingInput,
    Score,
    Submission,
    SubmissionStatus,
)
from tests.e2e.helpers.committee import quick_emulator, real_file_id
from tests.factories import edition, make_entry, make_judge

pytestmark = pytest.mark.e2e
S = SubmissionStatus
START_TIMEOUT = 30.0
"""Seconds for a fresh process to import, connect and answer (Python start-up included)."""
CRITERION = DEFAULT_RUBRIC[0].name["id"]


@pytest.fixture
def emulator_config():
    return quick_emulator()


async def _admin_and_judge(sessions, user_id: int, file_id: str) -> tuple[int, int]:
    """``user_id`` becomes an admin and a judge assigned to a verified entry; returns the ids
    of a submitted entry (to return) and of the verified one (to score)."""
    async with sessions() as session, session.begin():
        ed = await edition(session)
        submitted = await make_entry(session, ed, "DLH", "SIDOTI", status=S.SUBMITTED)
        verified = await make_entry(session, ed, "DINSOS", "Home Care", status=S.VERIFIED)
        for attachment in await session.scalars(select(Attachment)):
            attachment.file_id = file_id
        await add_admin(session, user_id, datetime.now(UTC))
        judge = await make_judge(session, ed, user_id, "Siti Rahayu")
        session.add(JudgeAssignment(judge_id=judge.id, submission_id=verified.id))
        return submitted.id, verified.id


async def _ask_note(siti, timeout: float = 5.0) -> None:
    """The admin opens the submitted entry and taps "return" (``timeout``: seconds per reply,
    longer for a freshly started process on a busy machine)."""
    await siti.send("/inovasi DLH")
    await siti.expect_message("(1 entri)", timeout=timeout)
    await siti.tap("IGA-2022-001 · SIDOTI")
    await siti.expect_message(regex=r"^IGA-2022-001 · .*\nStatus: ", timeout=timeout)  # the card
    await siti.tap(t("id", "entry-button-return"))
    await siti.expect_message("catatan perbaikan untuk IGA-2022-001", timeout=timeout)


async def _ask_score(siti, scored: int = 0, timeout: float = 5.0) -> None:
    """The judge opens the entry (``scored`` of 5 criteria scored) and its first criterion."""
    await siti.send("/nilai")
    await siti.expect_message("Progres: 0 dari 1", timeout=timeout)
    await siti.tap(f"✏️ IGA-2022-002 · Home Care ({scored}/5)")
    entry = await siti.expect_message(  # the scoring card, after the entry itself
        predicate=lambda m: "Perangkat Daerah: Dinas Sosial" in m["text"] and m["inline_keyboard"],
        timeout=timeout,
    )
    [button] = [
        b for row in entry["inline_keyboard"] for b in row if b["text"].startswith(CRITERION)
    ]
    await siti.tap(data=button["callback_data"])
    await siti.expect_message("ketik angka 0–100", timeout=timeout)


async def _state(sessions, submitted: int) -> tuple[S, str | None, list[float], int]:
    async with sessions() as session:
        entry = await session.get(Submission, submitted)
        scores = list(await session.scalars(select(Score.value)))
        pending = len(list(await session.scalars(select(PendingInput.id))))
        return entry.status, entry.status_note, scores, pending


async def test_one_message_goes_to_exactly_one_pending_input(bot, users) -> None:
    siti = await users.create("Siti")
    sessions = bot.runtime.sessions
    submitted, _ = await _admin_and_judge(sessions, siti.id, await real_file_id(siti))

    # the note is asked for, then a score: the note is no longer awaited, and says so
    await _ask_note(siti)
    await _ask_score(siti)
    await siti.expect_message(t("id", "entry-note-replaced"))
    await siti.send("85")
    await siti.expect_message(f"Tersimpan: {CRITERION} = 85")
    assert await _state(sessions, submitted) == (S.SUBMITTED, None, [85.0], 0)

    # the other way round: a score is asked for, then the note; the text is the note
    await _ask_score(siti, scored=1)
    await _ask_note(siti)
    await siti.expect_message(t("id", "score-input-replaced"))
    await siti.send("90")  # a note that looks like a score
    await siti.expect_message("status kini Dikembalikan untuk perbaikan")
    assert await _state(sessions, submitted) == (S.RETURNED, "90", [85.0], 0)

    # nothing pending any more: the next text is answered as not understood
    await siti.send("95")
    await siti.expect_message(t("id", "fallback-not-understood"))
    assert await _state(sessions, submitted) == (S.RETURNED, "90", [85.0], 0)


@pytest.mark.entries_open_now
class TestRestart:
    async def test_a_restart_keeps_the_pending_input(
        self,
        bot_process,
        emu,
        database_url,
    ) -> None:
        engine = create_engine(database_url)
        sessions = create_session_factory(engine)
        try:
            siti = await emu.create_user("Siti", language_code="id")
            file_id = await real_file_id(siti)
            submitted, _ = await _admin_and_judge(sessions, siti.id, file_id)
            first = bot_process.start()
            await siti.send("/start")
            await siti.expect_message("Selamat datang", timeout=START_TIMEOUT)

            await _ask_note(siti, timeout=START_TIMEOUT)
            await first.stop()  # stopped and started on the same database
            bot_process.start()
            await siti.send("Lengkapi SK tim inovasi.")
            await siti.expect_message("status kini Dikembalikan", timeout=START_TIMEOUT)
            assert await _state(sessions, submitted) == (
                S.RETURNED,
                "Lengkapi SK tim inovasi.",
                [],
                0,
            )

            await _ask_score(siti, timeout=START_TIMEOUT)
            await siti.send("/help")  # a command is not input: the score stays pending
            await siti.expect_message("Bantuan", timeout=START_TIMEOUT)
            bot_process.started[-1].kill()  # even killed
            bot_process.start()
            await siti.send("77,5")
            await siti.expect_message(f"Tersimpan: {CRITERION} = 77,5", timeout=START_TIMEOUT)
            assert (await _state(sessions, submitted))[2:] == ([77.5], 0)
            # a tap handled just before the kill may come again and be answered too late
            # (the late taps of issue 13), and a 429 only paces the chat (the bot sends again
            # after retry_after, and every reply above arrived); nothing else may be refused
            refused = [
                r
                for r in await emu.rejections()
                if r["method"] != "answerCallbackQuery" and r["error_code"] != 429
            ]
            assert refused == [], (refused, bot_process.output()[-3000:])
        finally:
            await engine.dispose()
