"""Questions to the narasumber (issue 18): asked on purpose (a plain message is no question),
named or anonymous; the moderator approves, corrects, hides and marks answered, each audited;
votes once per person, the board ordered by votes; the limits per person and on length; HTML
shown as text; a hidden question never shown again; closing the session. Both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from bot.i18n import plain_text
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.storage.models import Event, QuestionStatus
from tests.e2e.conftest import all_updates_handled, wait_until
from tests.e2e.questions.helpers import (
    ASK,
    DURING_KEMENDAGRI,
    SESSION,
    ask,
    audit_actions,
    questions,
)

pytestmark = pytest.mark.e2e

S = QuestionStatus
HTML_QUESTION = "<b>Bagaimana</b> arah kebijakan RKPD 2024 & prioritasnya?"


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    return EmulatorConfig(rate_limits=RateLimits(scale=20.0, private_burst=20))


@pytest.fixture(autouse=True)
def during_the_session(clock) -> None:
    clock.set(DURING_KEMENDAGRI)


def _buttons(message: dict) -> list[str]:
    return [b["text"] for row in message.get("inline_keyboard") or [] for b in row]


async def test_asked_moderated_voted_answered_and_audited(bot, users, emu) -> None:
    moderator = await users.create("Rahmat", admin=True)
    await moderator.send("/start")
    siti = await users.create("Siti")
    budi = await users.create("Budi")
    rina = await users.create("Rina")

    # a plain message is never a question
    await siti.send("Apa arah kebijakan tahun 2024?")
    await siti.expect_message("belum memahami")
    assert await questions(bot) == []

    answer = await ask(siti, HTML_QUESTION)
    assert "menunggu persetujuan moderator" in answer["text"]
    too_long = await ask(budi, "Panjang sekali " * 40, anonymous=True)
    assert "599 karakter" in too_long["text"] and "500" in too_long["text"]
    await budi.send("Bgaimana target indikatr kinerja 2024?")  # still awaited: a typo to fix
    await budi.expect_message("menunggu persetujuan moderator")
    first, second = await questions(bot)
    assert (first.asker_name, first.text, first.status) == ("Siti", HTML_QUESTION, S.PENDING)
    assert second.asker_name is None and second.asker_id == budi.id

    # the moderator gets each question as a card (HTML as text), approves, corrects
    card = await moderator.expect_message(HTML_QUESTION, timeout=10)
    assert "Siti" in card["text"]
    await moderator.tap(plain_text("id", "questions-act-approve"), message_id=card["message_id"])
    await moderator.expect_message("✅ Disetujui")
    card = await moderator.expect_message("Bgaimana", timeout=10)
    assert "Anonim" in card["text"]
    await moderator.tap(plain_text("id", "questions-act-edit"), message_id=card["message_id"])
    await moderator.expect_message("yang sudah diperbaiki")
    await moderator.send("Bagaimana target indikator kinerja 2024?")
    corrected = await moderator.expect_message("sudah diperbaiki")
    await moderator.tap(
        plain_text("id", "questions-act-approve"), message_id=corrected["message_id"]
    )
    await moderator.expect_message("✅ Disetujui")
    first, second = await questions(bot)
    assert second.text == "Bagaimana target indikator kinerja 2024?"
    assert second.original_text == "Bgaimana target indikatr kinerja 2024?"

    # votes: a separate button, once per person; the board follows the votes
    await rina.send("/tanya")
    board = await rina.expect_message(SESSION)
    assert HTML_QUESTION in board["text"]  # shown as typed, not as bold
    assert board["text"].index(HTML_QUESTION) < board["text"].index("Bagaimana target")
    await rina.tap("👍 2 (0)")
    await rina.expect_message(regex=r"1\. Bagaimana target")  # the board, edited in place
    await budi.send("/tanya")
    await budi.expect_message(SESSION)
    tap = await budi.tap("👍 1 (1)")
    assert "dihitung" in (await budi.expect_callback_answer(tap))["text"]
    await budi.expect_message("Bagaimana target")
    tap = await budi.tap("✅ 1 (2)")  # the same question again
    assert "satu kali" in (await budi.expect_callback_answer(tap))["text"]
    await siti.send("/tanya")
    await siti.expect_message(SESSION)
    await siti.tap("👍 2 (0)")
    await siti.expect_message(predicate=lambda m: "✅ 2 (1)" in _buttons(m))
    await all_updates_handled(bot, emu)
    votes = {q.text: q.votes for q in await questions(bot)}
    assert votes == {HTML_QUESTION: 1, "Bagaimana target indikator kinerja 2024?": 2}

    # a third question, hidden: never shown again, a stale card's button does nothing
    await ask(siti, "Iklan: jual pulsa murah")
    spam = await moderator.expect_message("jual pulsa", timeout=10)
    await moderator.send("/moderasi")
    await moderator.expect_message("Menunggu: 1")
    stale = await moderator.expect_message("jual pulsa")
    await moderator.tap(plain_text("id", "questions-act-hide"), message_id=spam["message_id"])
    await moderator.expect_message("🙈 Disembunyikan")
    tap = await moderator.tap(
        plain_text("id", "questions-act-approve"), message_id=stale["message_id"]
    )
    assert "tidak tersedia" in (await moderator.expect_callback_answer(tap))["text"]

    # the queue by votes; answered
    await moderator.send("/moderasi")
    queue = await moderator.expect_message("Moderasi pertanyaan")
    assert "Menunggu: 0 · ✅ Disetujui: 2" in queue["text"]
    assert queue["text"].index("Bagaimana target") < queue["text"].index("Bagaimana</b>")
    assert "jual pulsa" not in queue["text"]
    corrected_id = (await questions(bot))[1].id
    await moderator.tap(f"✔️ #{corrected_id} terjawab")
    answered = await moderator.expect_message("✔️ Terjawab: 1")
    assert "Bagaimana target" not in answered["text"].split("✔️ Terjawab: 1")[1]
    await siti.send("/tanya")
    board = await siti.expect_message(SESSION)
    assert "jual pulsa" not in board["text"]
    assert "terjawab" in board["text"]
    assert [q.status for q in await questions(bot)] == [S.APPROVED, S.ANSWERED, S.HIDDEN]

    actions = await audit_actions(bot, "question")
    assert [a for a, _, _ in actions] == [
        "question.approve",
        "question.edit",
        "question.approve",
        "question.hide",
        "question.answer",
    ]
    assert {actor for _, _, actor in actions} == {moderator.id}


async def test_limits_closing_and_refusals(bot, users, emu) -> None:
    moderator = await users.create("Rahmat")
    siti = await users.create("Siti")
    async with bot.runtime.transaction() as session:  # a moderator named in the event file
        await session.execute(
            update(Event).values(questions={"moderators": [moderator.id], "per_person": 2})
        )
    bot.runtime.forget_event()

    assert "menunggu" in (await ask(siti, "Pertanyaan pertama?"))["text"]
    assert "menunggu" in (await ask(siti, "Pertanyaan kedua?"))["text"]
    refused = await ask(siti, "Pertanyaan ketiga?")
    assert "mulai pukul 10.15" in refused["text"]  # 2 within 10 minutes, from the event file
    assert len(await questions(bot)) == 2

    # someone no longer a moderator (the event file changed): refused, audited, no change
    rahmat = await users.create("Rahmat")
    async with bot.runtime.transaction() as session:
        await session.execute(update(Event).values(questions={"moderators": [rahmat.id]}))
    bot.runtime.forget_event()
    await rahmat.send("/moderasi")
    await rahmat.expect_message("Menunggu: 2")
    card = await rahmat.expect_message("Pertanyaan pertama?")
    async with bot.runtime.transaction() as session:
        await session.execute(update(Event).values(questions={"moderators": [moderator.id]}))
    bot.runtime.forget_event()
    tap = await rahmat.tap(plain_text("id", "questions-act-approve"), message_id=card["message_id"])
    assert "khusus untuk moderator" in (await rahmat.expect_callback_answer(tap))["text"]
    await wait_until(lambda: audit_actions(bot, "access.denied"))
    assert (await questions(bot))[0].status == S.PENDING
    await siti.send("/moderasi")
    await siti.expect_message("khusus untuk moderator")
    await siti.send("/tanya")
    board = await siti.expect_message(SESSION)

    # the moderator from the event file closes the session: no more questions
    await moderator.send("/moderasi")
    await moderator.expect_message("Moderasi pertanyaan")
    await moderator.tap(plain_text("id", "questions-session-close-button"))
    await moderator.expect_message("🔒 Pertanyaan ditutup")
    tap = await siti.tap(ASK, message_id=board["message_id"])
    assert "tidak lagi menerima" in (await siti.expect_callback_answer(tap))["text"]
    assert [a for a, _, _ in await audit_actions(bot, "questions.")] == ["questions.close"]
    await all_updates_handled(bot, emu)


async def test_the_agenda_entry_of_a_started_session_opens_its_questions(bot, users, clock) -> None:
    siti = await users.create("Siti")
    clock.set(DURING_KEMENDAGRI.replace(hour=9, minute=55))  # before the session
    await siti.send("/agenda")
    await siti.expect_message("Registrasi peserta")
    await siti.tap("10.00 Arah kebijakan perencanaan pembangunan da…")
    before = await siti.expect_message(SESSION)
    assert ASK not in _buttons(before)
    clock.set(DURING_KEMENDAGRI)
    await siti.tap("10.00 Arah kebijakan perencanaan pembangunan da…")
    detail = await siti.expect_message(SESSION)
    await siti.tap(ASK, message_id=detail["message_id"])
    board = await siti.expect_message("Pertanyaan untuk narasumber")
    assert SESSION in board["text"] and ASK in _buttons(board)


async def test_only_the_narasumbers_sessions_and_nothing_after_the_event(bot, users, clock) -> None:
    """At 15.37 on the event day (it ended 14.30, nobody closed anything) /moderasi lists the
    sessions with a narasumber only, no registration or break, while /tanya offers none of
    them: they ended; after the event's last day, and years later, no session takes
    questions and nobody is told one is "on"."""
    moderator = await users.create("Rahmat", admin=True)
    siti = await users.create("Siti")
    clock.set(DURING_KEMENDAGRI.replace(hour=15, minute=37))
    await siti.send("/tanya")
    ended = await siti.expect_message("tidak ada lagi sesi")
    assert not _buttons(ended)
    await moderator.send("/moderasi")
    queues = await moderator.expect_message("Silakan pilih sesinya")
    titles = " ".join(_buttons(queues))
    assert len(_buttons(queues)) == 5 and "Arah kebijakan" in titles
    assert "Registrasi" not in titles and "Istirahat" not in titles

    for later in (timedelta(hours=8, minutes=23), timedelta(days=4 * 365)):  # 00.00 the next day
        clock.set(DURING_KEMENDAGRI.replace(hour=15, minute=37) + later)
        await siti.send("/tanya")
        over = await siti.expect_message("tidak ada lagi sesi")
        assert "sedang" not in over["text"] and not _buttons(over)
        await moderator.send("/moderasi")
        over = await moderator.expect_message("Acara telah selesai")
        assert not _buttons(over)
    await siti.send("/agenda")
    await siti.expect_message("Registrasi peserta")
    await siti.tap("10.00 Arah kebijakan perencanaan pembangunan da…")
    assert ASK not in _buttons(await siti.expect_message(SESSION))


async def test_a_double_tap_on_a_vote_counts_the_same_question_once(bot, users, emu) -> None:
    """QA (same kind as the survey's double tap): a vote re-ranks the board edited in place;
    the 👍 buttons stay where they were, so the second tap of a double tap hits the same
    question (counted once), never the question the votes moved under the finger."""
    moderator = await users.create("Rahmat", admin=True)
    await moderator.send("/start")
    siti = await users.create("Siti")
    await ask(siti, "Pertanyaan pertama?")
    await ask(siti, "Pertanyaan kedua?")
    for text in ("Pertanyaan pertama?", "Pertanyaan kedua?"):
        card = await moderator.expect_message(text, timeout=10)
        await moderator.tap(
            plain_text("id", "questions-act-approve"), message_id=card["message_id"]
        )
        await moderator.expect_message("✅ Disetujui")
    await siti.send("/tanya")
    board = await siti.expect_message(SESSION)
    assert board["text"].index("pertama") < board["text"].index("kedua")
    first = await siti.tap("👍 2 (0)", message_id=board["message_id"])  # "kedua"
    await siti.expect_callback_answer(first)
    edited = await siti.expect_message(regex=r"1\. Pertanyaan kedua")  # the text re-ranked
    assert _buttons(edited)[2:4] == ["👍 2 (0)", "✅ 1 (1)"]  # places kept
    second = await siti.tap(message_id=board["message_id"], data=_data(edited, 3))
    assert "satu kali" in (await siti.expect_callback_answer(second))["text"]
    await all_updates_handled(bot, emu)
    assert {q.text: q.votes for q in await questions(bot)} == {
        "Pertanyaan pertama?": 0, "Pertanyaan kedua?": 1,
    }  # fmt: skip


def _data(message: dict, index: int) -> str:
    """The callback data of the message's ``index``-th button (rows read in order)."""
    return [b["callback_data"] for row in message["inline_keyboard"] for b in row][index]


async def test_tanya_offers_the_running_session_never_an_ended_one(bot, users, clock) -> None:
    """/tanya (QA): before the first session and in the lunch break it names the next session
    of the day and its time instead of offering the morning's sessions that ended; the
    agenda entry of an ended session has no ask button; during a session, that session."""
    siti = await users.create("Siti")
    clock.set(DURING_KEMENDAGRI.replace(hour=8, minute=10))
    await siti.send("/tanya")
    early = await siti.expect_message("Pertanyaan dibuka saat sesi berikutnya dimulai")
    assert "Pembukaan, laporan Kepala Bappeda" in early["text"]
    assert "pukul 08.30 WIB" in early["text"]
    assert not _buttons(early)

    clock.set(DURING_KEMENDAGRI.replace(hour=12, minute=20))
    await siti.send("/tanya")
    lunch = await siti.expect_message("Pertanyaan dibuka saat sesi berikutnya dimulai")
    assert "Penguatan inovasi daerah" in lunch["text"] and "pukul 13.00 WIB" in lunch["text"]
    assert not _buttons(lunch)
    await siti.send("/agenda")
    await siti.expect_message("Registrasi peserta")
    await siti.tap("10.00 Arah kebijakan perencanaan pembangunan da…")
    assert ASK not in _buttons(await siti.expect_message(SESSION))

    clock.set(DURING_KEMENDAGRI.replace(hour=13, minute=5))
    await siti.send("/tanya")
    board = await siti.expect_message("Pertanyaan untuk narasumber")
    assert "Penguatan inovasi daerah" in board["text"] and ASK in _buttons(board)
