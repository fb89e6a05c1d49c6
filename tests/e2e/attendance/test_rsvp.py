"""Invitations through the outbox, each answer (hadir, diwakilkan with the delegate,
berhalangan), reminders to those who have not answered, the counts per unit."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.storage.models import Invitation, RsvpAnswer, RsvpChoice
from tests.e2e.helpers.entries import join

pytestmark = pytest.mark.e2e


def _invitation_for(label: str):
    return lambda m: f"Yth. {label}" in (m.get("text") or "")


async def test_invitations_answers_and_reminders(bot, users, clock):
    budi = await join(users, bot, "Budi", "DINSOS")
    rina = await join(users, bot, "Rina", "DLH")
    siti = await users.create("Siti", admin=True)
    await siti.send("/kehadiran")
    await siti.expect_message("Undangan dan kehadiran")
    await siti.tap("Kirim undangan")
    await siti.expect_message("Kirim 8 undangan kepada 2 penerima di bot?")
    await siti.tap("Ya, kirim undangan")
    await siti.expect_message("Undangan masuk antrean pengiriman: 8 undangan untuk 2 penerima")

    kepala = await budi.expect_message(
        predicate=_invitation_for("Kepala — Dinas Sosial"), timeout=15
    )
    sekretaris = await budi.expect_message(
        predicate=_invitation_for("Sekretaris/Kabag — Dinas Sosial"), timeout=15
    )
    kasubag = await budi.expect_message(
        predicate=_invitation_for("Kasubag Program — Dinas Sosial"), timeout=15
    )
    await budi.expect_message(predicate=_invitation_for("Tim Teknis — Dinas Sosial"), timeout=15)
    # a formal undangan states the day, the time and the place (the programme's first item)
    assert "pukul 07.30 WIB, Ballroom Lelly" in kepala["text"]
    for _ in range(4):
        await rina.expect_message("Dinas Lingkungan Hidup", timeout=15)

    await budi.tap("Hadir", message_id=kepala["message_id"])
    await budi.expect_message("Konfirmasi hadir untuk Kepala — Dinas Sosial telah kami catat")
    await budi.tap("Berhalangan", message_id=sekretaris["message_id"])
    await budi.expect_message("Konfirmasi berhalangan untuk Sekretaris/Kabag — Dinas Sosial")
    await budi.tap("Diwakilkan", message_id=kasubag["message_id"])
    await budi.expect_message("ketik nama lengkap wakil")
    await budi.send("Ahmad Fauzi, S.E.")
    await budi.expect_message("jabatan Ahmad Fauzi, S.E.")
    await budi.send("Kepala Seksi Perencanaan")
    await budi.expect_message(
        "Kasubag Program — Dinas Sosial diwakilkan oleh Ahmad Fauzi, S.E. "
        "(Kepala Seksi Perencanaan)"
    )
    # a new answer replaces the old one
    await budi.tap("Hadir", message_id=sekretaris["message_id"])
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
    assert "Tim Teknis — Dinas Sosial" in reminder["text"]
    for _ in range(4):
        await rina.expect_message("Pengingat undangan", timeout=15)
    await rina.tap("Berhalangan")
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


async def test_only_the_invited_may_answer(bot, users):
    budi = await join(users, bot, "Budi", "DINSOS")
    siti = await users.create("Siti", admin=True)
    await siti.send("/kehadiran")
    await siti.expect_message("Undangan dan kehadiran")
    await siti.tap("Kirim undangan")
    await siti.tap(
        "Ya, kirim undangan", message_id=(await siti.expect_message("Kirim"))["message_id"]
    )
    await siti.expect_message("Undangan masuk antrean")
    kepala = await budi.expect_message(
        predicate=_invitation_for("Kepala — Dinas Sosial"), timeout=15
    )
    # Budi stops being an officer of the unit (e.g. removed): the old buttons answer nothing
    async with bot.runtime.transaction() as session:
        from bot.storage.models import Officer

        for officer in await session.scalars(select(Officer).where(Officer.user_id == budi.id)):
            await session.delete(officer)
    tap = await budi.tap("Hadir", message_id=kepala["message_id"])
    answer = await budi.expect_callback_answer(tap)
    assert "tidak dapat Bapak/Ibu jawab" in answer["text"]
    async with bot.runtime.sessions() as session:
        assert list(await session.scalars(select(RsvpAnswer))) == []
