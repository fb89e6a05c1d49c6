"""Certificates reach people through the outbox after the event file's time: once each, none
before, none to someone who did not check in (by the entrance's QR link, or by the
committee), the winners' piagam not before the winners' announcement; the committee revokes
and reissues in the chat."""

from __future__ import annotations

import io
from datetime import timedelta

from pypdf import PdfReader
from sqlalchemy import select

from bot.handlers.announcements.reminders import process_due
from bot.handlers.certificates.issuing import issue_certificates
from bot.outbox.sender import WITHDRAWN
from bot.services.certificates.issuing import issue_due, revoke
from bot.services.core.events import current_event
from bot.storage.models import AttendanceRole, Broadcast, Certificate, Delivery, Edition
from tests.e2e.certificates.helpers import SEND_AT, checked_in, scanned_in, started, wib
from tests.e2e.conftest import PUBLIC_URL, wait_until
from tests.e2e.helpers.committee import add_officer
from tests.factories import edition, make_judge

LONG_RTL_NAME = ("عبد الرحمن بن محمد 😀 " * 20)[:300].strip()


def _documents(messages: list[dict]) -> list[dict]:
    return [m for m in messages if m.get("document")]


async def _pdf_text(emu, message: dict) -> str:
    data = await emu.download(message["document"]["file_id"])
    return " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())


async def _announced(bot) -> bool:
    async with bot.runtime.sessions() as session:
        return (await session.scalar(select(Edition.results_announced_at))) is not None


async def test_once_each_after_the_time_only_to_who_checked_in_piagam_after_the_winners(
    bot, users, emu
) -> None:
    siti = await started(users, "Siti")
    rudi = await started(users, "Rudi")  # started the bot, never checked in
    dewi = await started(users, "Dewi")  # a judge who checked in
    budi = await started(users, "Budi")  # an officer of DINSOS (Juara I), not checked in
    await add_officer(bot.runtime, "DINSOS", budi.id)
    async with bot.runtime.transaction() as session:
        await make_judge(session, await edition(session), dewi.id, "Dewi Lestari")
    await scanned_in(bot, siti, LONG_RTL_NAME, "Kasubag Program", "Dinas Sosial")
    await checked_in(bot, "Dewi Lestari", dewi.id)
    await checked_in(bot, "Tamu tanpa ponsel", None, role=AttendanceRole.GUEST)

    bot.clock.set(SEND_AT - timedelta(minutes=1))
    assert (await issue_certificates(bot.application)).issued == []

    bot.clock.set(SEND_AT)
    report = await issue_certificates(bot.application)
    assert report.winners_waiting and len(report.issued) == 3
    message = await siti.expect_message("Sertifikat peserta", timeout=15)
    text = await _pdf_text(emu, message)
    assert "SERTIFIKAT" in text and "sebagai Peserta" in text
    code = next(c.code for c in report.issued if c.name == LONG_RTL_NAME)
    assert code in message["caption"] and f"{PUBLIC_URL}/verifikasi/{code}" in text
    assert message["document"]["file_name"] == f"Sertifikat-{code}.pdf"
    judge_message = await dewi.expect_message("Tim Penilai", timeout=15)
    assert "sebagai Tim Penilai (Juri)" in await _pdf_text(emu, judge_message)

    # run again (the job every minute, another process, after a crash): nothing new
    assert (await issue_certificates(bot.application)).issued == []
    # the piagam waits for the announcement, which the scheduler makes (after its time)
    assert not await _announced(bot)
    assert _documents(await budi.bot_messages()) == []
    await process_due(bot.application)
    assert await _announced(bot)
    await budi.expect_message("Selamat", timeout=15)  # the winners' congratulations
    piagam_report = await issue_certificates(bot.application)
    assert {c.name for c in piagam_report.issued} >= {"Dinas Sosial"}
    piagam = await budi.expect_message("piagam penghargaan", timeout=15)
    text = await _pdf_text(emu, piagam)
    assert "PIAGAM PENGHARGAAN" in text and "Juara I" in text
    assert "Sosial Home Care Lanjut Usia" in text
    assert (await issue_certificates(bot.application)).issued == []

    bot.clock.set(SEND_AT + timedelta(days=1))
    assert (await issue_certificates(bot.application)).issued == []
    await siti.send("/start")  # the chat is alive; nothing else came meanwhile
    await siti.expect_message("Selamat datang")
    assert len(_documents(await siti.bot_messages())) == 1
    assert len(_documents(await dewi.bot_messages())) == 1
    assert len(_documents(await budi.bot_messages())) == 1
    assert _documents(await rudi.bot_messages()) == []
    async with bot.runtime.sessions() as session:
        names = set(await session.scalars(select(Certificate.name)))
    assert "Rudi" not in names and "Tamu tanpa ponsel" in names  # issued, no chat to send to


async def test_the_committee_revokes_and_reissues_in_the_chat(bot, users, emu) -> None:
    admin = await started(users, "Rahmat", admin=True)
    siti = await started(users, "Siti")
    await checked_in(bot, "Siti Aminh", siti.id)
    await checked_in(bot, "Ibu Sri Guru Tamu", None, role=AttendanceRole.GUEST)
    bot.clock.set(wib(7, 16))
    report = await issue_certificates(bot.application)
    code = next(c.code for c in report.issued if c.name == "Siti Aminh")
    guest = next(c.code for c in report.issued if c.name != "Siti Aminh")

    # the guest has no chat: the committee finds the code by name and gets the PDF
    await admin.send("/sertifikat guru tamu")
    found = await admin.expect_message("Ibu Sri Guru Tamu")
    assert guest in found["text"]
    await admin.send(f"/sertifikat {guest.lower().replace('-', ' ')}")
    handed = await admin.expect_message(guest, predicate=lambda m: bool(m.get("document")))
    assert "Ibu Sri Guru Tamu" in await _pdf_text(emu, handed)
    await admin.send("/sertifikat tidak ada")
    await admin.expect_message("Tidak ada sertifikat")
    await siti.expect_message("Sertifikat peserta", timeout=15)

    await siti.send(f"/sertifikat cabut {code} salah")  # not an admin: refused, nothing changes
    await siti.expect_message("panitia")
    await admin.send("/sertifikat")
    summary = await admin.expect_message("Sertifikat Penganugerahan IGA")
    assert "Peserta: 2" in summary["text"] and "Dicabut: 0" in summary["text"]

    await admin.send(f"/sertifikat ulang {code.lower()}   Siti  Aminah, S.E.")
    done = await admin.expect_message("Sertifikat baru")
    new_code = done["text"].split("kode ")[1].split(" ")[0]
    assert new_code != code
    fixed = await siti.expect_message(new_code, timeout=15)
    # a replacement, not a copy of the first: it names the old code as void
    assert f"Sertifikat pengganti: menggantikan sertifikat berkode {code}" in fixed["caption"]
    assert "Siti  Aminah, S.E." in await _pdf_text(emu, fixed) or "Siti Aminah, S.E." in (
        await _pdf_text(emu, fixed)
    )
    async with bot.runtime.sessions() as session:
        stored = await session.scalar(select(Certificate).where(Certificate.code == new_code))
    assert stored.name == "Siti  Aminah, S.E."  # as typed, inner spaces kept

    await admin.send(f"/sertifikat ulang {code}")
    await admin.expect_message(new_code)  # already reissued: points to the newer one
    await admin.send(f"/sertifikat cabut {new_code}")
    await admin.expect_message("alasan")
    await admin.send(f"/certificates revoke {new_code} duplikat")
    await admin.expect_message("dicabut")
    await admin.send(f"/sertifikat {new_code}")
    await admin.expect_message("dicabut")
    await admin.send("/sertifikat ZZZZ-ZZZZ-ZZZZ-ZZZZ")
    await admin.expect_message("tidak ditemukan")


async def test_a_certificate_revoked_before_it_went_out_is_not_sent(bot, users, emu) -> None:
    """Issued and revoked in one transaction (the sender sees both at once): its delivery
    fails as withdrawn, the other certificate of the same run arrives."""
    siti = await started(users, "Siti")
    rina = await started(users, "Rina")
    await checked_in(bot, "Siti Aminah", siti.id)
    await checked_in(bot, "Rina Wati", rina.id)
    bot.clock.set(SEND_AT)
    async with bot.runtime.transaction() as session:
        event = await current_event(session)
        report = await issue_due(session, event, SEND_AT, PUBLIC_URL)
        withdrawn = next(c.code for c in report.issued if c.name == "Siti Aminah")
        await revoke(session, withdrawn, actor_id=1, reason="salah orang", now=SEND_AT)

    await rina.expect_message("Sertifikat peserta", timeout=15)

    async def failed() -> bool:
        async with bot.runtime.sessions() as session:
            error = await session.scalar(
                select(Delivery.last_error)
                .join(Broadcast, Broadcast.id == Delivery.broadcast_id)
                .where(Broadcast.key == f"certificate:{withdrawn}")
            )
        return error == WITHDRAWN

    await wait_until(failed, timeout=15)
    assert _documents(await siti.bot_messages()) == []
