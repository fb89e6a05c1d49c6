"""Invitations through the outbox, each answer (hadir, diwakilkan with the delegate,
berhalangan), reminders to those who have not answered, the counts per unit."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.storage.models import (
    Broadcast,
    Delivery,
    Invitation,
    Officer,
    RsvpAnswer,
    RsvpChoice,
    Unit,
)
from tests.e2e.helpers.entries import join

pytestmark = pytest.mark.e2e


def _invitation_for(label: str):
    return lambda m: label in (m.get("text") or "")


def _buttons(message: dict) -> list[list[dict]]:
    return (message.get("reply_markup") or {}).get("inline_keyboard", [])


async def _messages_with(user, text: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [m for m in await user.bot_messages() if text in (m.get("text") or "")]


async def _send_invitations(admin, *, invitations: int, recipients: int) -> None:  # type: ignore[no-untyped-def]
    """The admin sends the invitations from /kehadiran, confirming the counts it asks about."""
    await admin.send("/kehadiran")
    await admin.expect_message("Undangan dan kehadiran")
    await admin.tap("Kirim undangan")
    await admin.expect_message(f"Kirim {invitations} undangan kepada {recipients} penerima di bot?")
    await admin.tap("Ya, kirim undangan")
    await admin.expect_message(
        f"Undangan masuk antrean pengiriman: {invitations} undangan untuk {recipients} penerima"
    )


async def test_invitations_answers_and_reminders(bot, users, clock):
    budi = await join(users, bot, "Budi", "DINSOS")
    rina = await join(users, bot, "Rina", "DLH")
    siti = await users.create("Siti", admin=True)
    await _send_invitations(siti, invitations=8, recipients=2)

    # one invitation per person: Budi answers for his unit's four seats in one message
    invitation = await budi.expect_message("Undangan", timeout=15)
    for number, seat in enumerate(
        ("Kepala", "Sekretaris/Kabag", "Kasubag Program", "Tim Teknis"), start=1
    ):
        assert f"{number}. {seat} — Dinas Sosial" in invitation["text"]
    # a formal undangan states the day, the time and the place (the programme's first item)
    assert "pukul 07.30 WIB, Ballroom Lelly" in invitation["text"]
    assert [[button["text"] for button in row] for row in _buttons(invitation)][0] == [
        "1 · Hadir", "1 · Wakil", "1 · Izin"
    ]  # fmt: skip
    await rina.expect_message("Dinas Lingkungan Hidup", timeout=15)
    mine = invitation["message_id"]

    await budi.tap("1 · Hadir", message_id=mine)
    await budi.expect_message("Konfirmasi hadir untuk Kepala — Dinas Sosial telah kami catat")
    await budi.tap("2 · Izin", message_id=mine)
    await budi.expect_message("Konfirmasi berhalangan untuk Sekretaris/Kabag — Dinas Sosial")
    await budi.tap("3 · Wakil", message_id=mine)
    await budi.expect_message("ketik nama lengkap wakil")
    await budi.send("Ahmad Fauzi, S.E.")
    await budi.expect_message("jabatan Ahmad Fauzi, S.E.")
    await budi.send("Kepala Seksi Perencanaan")
    await budi.expect_message(
        "Kasubag Program — Dinas Sosial diwakilkan oleh Ahmad Fauzi, S.E. "
        "(Kepala Seksi Perencanaan)"
    )
    # a new answer replaces the old one
    await budi.tap("2 · Hadir", message_id=mine)
    await budi.expect_message("Konfirmasi hadir untuk Sekretaris/Kabag")

    async with bot.runtime.sessions() as session:
        answers = {
            key: (choice, name, jabatan)
            for key, choice, name, jabatan in await session.execute(
                select(Invitation.key, RsvpAnswer.choice, RsvpAnswer.delegate_name,
                       RsvpAnswer.delegate_jabatan).join(RsvpAnswer)
            )
        }  # fmt: skip
    assert answers == {
        "dinsos-kepala": (RsvpChoice.HADIR, None, None),
        "dinsos-sekretaris": (RsvpChoice.HADIR, None, None),
        "dinsos-kasubag-program": (RsvpChoice.DIWAKILKAN, "Ahmad Fauzi, S.E.",
                                   "Kepala Seksi Perencanaan"),
    }  # fmt: skip

    await siti.send("/kehadiran")
    await siti.expect_message("Undangan dan kehadiran")
    await siti.tap("Ingatkan yang belum menjawab")
    await siti.expect_message("pengingat untuk 5 undangan")
    await siti.tap("Ya, kirim pengingat")
    await siti.expect_message("Pengingat masuk antrean pengiriman: 5 undangan")
    reminder = await budi.expect_message("Pengingat undangan", timeout=15)
    # the one seat left unanswered: named alone, with unnumbered buttons
    assert "Yth. Tim Teknis — Dinas Sosial" in reminder["text"]
    assert "Kepala —" not in reminder["text"]
    # full words, one a row: "Unable to attend" was cut in a third of a 360 px row (QA2 #26)
    assert [[button["text"] for button in row] for row in _buttons(reminder)] == [
        ["Hadir"], ["Diwakilkan"], ["Berhalangan"]
    ]  # fmt: skip
    reminded = await rina.expect_message("Pengingat undangan", timeout=15)
    assert "4. Tim Teknis — Dinas Lingkungan Hidup" in reminded["text"]
    await rina.tap("1 · Izin", message_id=reminded["message_id"])
    await rina.expect_message("Konfirmasi berhalangan")

    await siti.send("/kehadiran")
    summary = await siti.expect_message("Undangan dan kehadiran")
    assert (
        "Dinas Sosial: undangan 4 · hadir 2 · diwakilkan 1 · berhalangan 0 · belum 1 · "
        "tercatat hadir 0" in summary["text"]
    )
    assert (
        "Dinas Lingkungan Hidup: undangan 4 · hadir 0 · diwakilkan 0 · berhalangan 1"
        in (summary["text"])
    )
    # the reminders go to the unanswered only: a second round leaves out Rina's answered one
    clock.advance(timedelta(days=1))
    await siti.tap("Ingatkan yang belum menjawab")
    await siti.expect_message("pengingat untuk 4 undangan")
    await siti.tap("Ya, kirim pengingat")
    await siti.expect_message("Pengingat masuk antrean pengiriman: 4 undangan")
    assert len(await _messages_with(budi, "Undangan\n")) == 1


async def test_only_the_invited_may_answer(bot, users):
    budi = await join(users, bot, "Budi", "DINSOS")
    siti = await users.create("Siti", admin=True)
    await _send_invitations(siti, invitations=4, recipients=1)
    kepala = await budi.expect_message(
        predicate=_invitation_for("Kepala — Dinas Sosial"), timeout=15
    )
    # Budi stops being an officer of the unit (e.g. removed): the old buttons answer nothing
    async with bot.runtime.transaction() as session:
        for officer in await session.scalars(select(Officer).where(Officer.user_id == budi.id)):
            await session.delete(officer)
    tap = await budi.tap("1 · Hadir", message_id=kepala["message_id"])
    answer = await budi.expect_callback_answer(tap)
    assert "tidak dapat Bapak/Ibu jawab" in answer["text"]
    async with bot.runtime.sessions() as session:
        assert list(await session.scalars(select(RsvpAnswer))) == []


async def test_one_invitation_per_person_whatever_their_seats(bot, users):
    """An officer of two units (the schema allows it; the chat moves an officer instead) who
    is also a named invitee gets one message naming the nine seats they answer for (one
    message per seat gave them nine), and each row of buttons answers its own seat."""
    budi = await join(users, bot, "Budi", "DINSOS")
    async with bot.runtime.transaction() as session:
        dlh = await session.scalar(select(Unit.id).where(Unit.code == "DLH"))
        session.add(Officer(user_id=budi.id, unit_id=dlh))
        narasumber = await session.scalar(
            select(Invitation).where(Invitation.key == "narasumber-kemendagri")
        )
        assert narasumber is not None
        narasumber.user_id = budi.id
    siti = await users.create("Siti", admin=True)
    await _send_invitations(siti, invitations=9, recipients=1)

    invitation = await budi.expect_message("Undangan", timeout=15)
    assert len(_buttons(invitation)) == 9
    assert "Kepala — Dinas Sosial" in invitation["text"]
    assert "Tim Teknis — Dinas Lingkungan Hidup" in invitation["text"]
    assert "Narasumber Kementerian Dalam Negeri" in invitation["text"]
    async with bot.runtime.sessions() as session:
        invitations_delivered = (
            select(func.count())
            .select_from(Delivery)
            .join(Broadcast)
            .where(Broadcast.kind == "invitation")
        )
        assert await session.scalar(invitations_delivered) == 1
        assert await session.scalar(
            select(func.count())
            .select_from(Invitation)
            .where(Invitation.role == "narasumber", Invitation.sent_at.is_(None))
        ) == 2  # the other two narasumber: nobody to send them to  # fmt: skip
    # the row of the narasumber's seat answers that seat
    numbered = [line for line in invitation["text"].splitlines() if "Kementerian" in line]
    number = numbered[0].split(".")[0]
    await budi.tap(f"{number} · Hadir", message_id=invitation["message_id"])
    await budi.expect_message("Konfirmasi hadir untuk Narasumber Kementerian Dalam Negeri")
    assert len(await _messages_with(budi, "Undangan\n")) == 1


async def _budis_invitation(bot, users):  # type: ignore[no-untyped-def]
    budi = await join(users, bot, "Budi", "DINSOS")
    siti = await users.create("Siti", admin=True)
    await _send_invitations(siti, invitations=4, recipients=1)
    return budi, await budi.expect_message("Undangan", timeout=15)


async def _answers(bot) -> dict:  # type: ignore[no-untyped-def]
    async with bot.runtime.sessions() as session:
        return {
            key: (choice, name)
            for key, choice, name in await session.execute(
                select(Invitation.key, RsvpAnswer.choice, RsvpAnswer.delegate_name).join(RsvpAnswer)
            )
        }


async def test_a_delegate_half_typed_is_never_moved_to_another_seat(bot, users):
    """QA2 #8: in one message of four seats, seat 3's delegate half typed, then seat 4's
    buttons: seat 3's input was dropped without a word, and the text typed after tapping
    "4 · Hadir" made seat 4 diwakilkan. Now a tap on another row ends seat 3's input saying
    so, and a Hadir tap ends the delegate input of its own seat."""
    budi, invitation = await _budis_invitation(bot, users)
    mine = invitation["message_id"]
    await budi.tap("3 · Wakil", message_id=mine)
    await budi.expect_message("ketik nama lengkap wakil")
    await budi.send("Andi Wijaya, S.Sos")
    await budi.expect_message("jabatan Andi Wijaya, S.Sos")
    await budi.tap("4 · Wakil", message_id=mine)
    dropped = await budi.expect_message("Pengisian wakil untuk Kasubag Program — Dinas Sosial")
    assert "belum dijawab" in dropped["text"]
    await budi.expect_message("Tim Teknis — Dinas Sosial diwakilkan. Mohon ketik")
    await budi.tap("4 · Hadir", message_id=mine)
    await budi.expect_message("Konfirmasi hadir untuk Tim Teknis — Dinas Sosial")
    await budi.send("Rina")
    await budi.expect_message("belum memahami pesan tersebut")  # no input took it
    assert await _answers(bot) == {"dinsos-tim-teknis": (RsvpChoice.HADIR, None)}

    # a delegate typed after its own row's button goes to that row, whatever came between
    await budi.tap("3 · Wakil", message_id=mine)
    await budi.send("Andi Wijaya, S.Sos")
    await budi.expect_message("jabatan Andi Wijaya, S.Sos")
    await budi.send("Kepala Seksi")
    await budi.expect_message("Kasubag Program — Dinas Sosial diwakilkan oleh Andi Wijaya")
    assert await _answers(bot) == {
        "dinsos-tim-teknis": (RsvpChoice.HADIR, None),
        "dinsos-kasubag-program": (RsvpChoice.DIWAKILKAN, "Andi Wijaya, S.Sos"),
    }


def _labels(message: dict) -> list[list[str]]:
    return [[button["text"] for button in row] for row in _buttons(message)]


async def test_the_invitation_shows_each_seats_answer(bot, users):
    """QA2 #9: the message of four seats never showed which were answered, and the same
    answer tapped twice posted a second thank-you. Now each answer (a tap, or a delegate
    typed) marks its button in the message, and a repeated tap is answered by a toast.
    QA2 #26: "n · Berhalangan" was cut to "n · Berhala…" at 390 px; the short words with
    the mark and a two-digit seat ("✓ 10 · Proxy", the longest) fit three to a row at
    360 px in the sandbox page (scrollWidth = clientWidth = 96 px)."""
    from bot.i18n import plain_text

    for language in ("id", "en"):
        for choice in RsvpChoice:
            word = plain_text(language, f"attendance-rsvp-short-{choice.value}")
            label = plain_text(language, "attendance-rsvp-numbered", number=10, choice=word)
            marked = plain_text(language, "attendance-rsvp-chosen", label=label)
            assert len(marked) <= len("✓ 10 · Proxy"), marked

    budi, invitation = await _budis_invitation(bot, users)
    mine = invitation["message_id"]
    assert "Hadir, Wakil (diwakilkan), atau Izin (berhalangan hadir)" in invitation["text"]

    def marked(*labels: str):  # type: ignore[no-untyped-def]
        def check(message: dict) -> bool:
            shown = [label for row in _labels(message) for label in row]
            return message["message_id"] == mine and all(label in shown for label in labels)

        return check

    await budi.tap("1 · Hadir", message_id=mine)
    await budi.expect_message("Konfirmasi hadir untuk Kepala — Dinas Sosial")
    edited = await budi.expect_message(predicate=marked("✓ 1 · Hadir"))
    assert _labels(edited)[1] == ["2 · Hadir", "2 · Wakil", "2 · Izin"]

    again = await budi.tap("✓ 1 · Hadir", message_id=mine)
    assert "sudah tercatat" in (await budi.expect_callback_answer(again))["text"]
    await budi.tap("2 · Izin", message_id=mine)
    await budi.expect_message("Konfirmasi berhalangan untuk Sekretaris/Kabag")
    await budi.expect_message(predicate=marked("✓ 1 · Hadir", "✓ 2 · Izin"))
    assert len(await _messages_with(budi, "Konfirmasi hadir untuk Kepala")) == 1

    await budi.tap("3 · Wakil", message_id=mine)
    await budi.send("Andi Wijaya, S.Sos")
    await budi.expect_message("jabatan Andi Wijaya, S.Sos")
    await budi.send("Kepala Seksi")
    await budi.expect_message("diwakilkan oleh Andi Wijaya")
    await budi.expect_message(predicate=marked("✓ 1 · Hadir", "✓ 2 · Izin", "✓ 3 · Wakil"))
    # a new answer moves the mark
    await budi.tap("1 · Izin", message_id=mine)
    await budi.expect_message("Konfirmasi berhalangan untuk Kepala")
    moved = await budi.expect_message(predicate=marked("✓ 1 · Izin"))
    assert "✓ 1 · Hadir" not in _labels(moved)[0]
