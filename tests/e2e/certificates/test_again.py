"""A holder asks for their certificate again (QA: the message lost): /sertifikat_saya sends
the same PDF with the same code, only a valid one (a reissue's new code), the piagam to the
winning unit's officer; before the time it says when, to someone without one who gets one."""

from __future__ import annotations

import io
from datetime import timedelta

from pypdf import PdfReader

from bot.handlers.announcements.reminders import process_due
from bot.handlers.certificates.issuing import issue_certificates
from bot.services.certificates.issuing import reissue
from tests.e2e.certificates.helpers import SEND_AT, scanned_in, started
from tests.e2e.conftest import PUBLIC_URL
from tests.e2e.helpers.committee import add_officer


def _is_document(message: dict) -> bool:
    return bool(message.get("document"))


async def test_the_same_certificate_again_only_while_valid(bot, users, emu) -> None:
    siti = await started(users, "Siti")
    rudi = await started(users, "Rudi")  # never checked in
    budi = await started(users, "Budi")  # an officer of DINSOS (Juara I)
    await add_officer(bot.runtime, "DINSOS", budi.id)
    await scanned_in(bot, siti, "Siti Aminah 🌸", "Kasubag Program", "Dinas Sosial")

    bot.clock.set(SEND_AT - timedelta(minutes=5))
    await siti.send("/sertifikat_saya")
    await siti.expect_message("Sertifikat dikirim mulai Rabu, 7 Desember 2022, pukul 15.00 WIB")

    bot.clock.set(SEND_AT)
    [issued] = (await issue_certificates(bot.application)).issued
    first = await siti.expect_message(predicate=_is_document, timeout=15)
    await siti.send("/sertifikat_saya")
    again = await siti.expect_message(predicate=_is_document)
    assert again["caption"] == first["caption"] and issued.code in again["caption"]
    assert again["document"]["file_name"] == first["document"]["file_name"]
    pdf = PdfReader(io.BytesIO(await emu.download(again["document"]["file_id"])))
    assert f"{PUBLIC_URL}/verifikasi/{issued.code}" in pdf.pages[0].extract_text()

    await rudi.send("/sertifikat_saya")
    none = await rudi.expect_message("Belum ada sertifikat atas nama Bapak/Ibu")
    assert not _is_document(none)

    async with bot.runtime.transaction() as session:
        _, new = await reissue(session, issued.code, actor_id=1, now=SEND_AT,
                               public_url=PUBLIC_URL)  # fmt: skip
    await siti.expect_message("Sertifikat pengganti", timeout=15)
    await siti.send("/sertifikat_saya")
    replaced = await siti.expect_message(predicate=_is_document)
    assert new.code in replaced["caption"] and issued.code not in replaced["caption"]
    assert [m for m in await siti.bot_messages() if _is_document(m)][-1] == replaced

    await process_due(bot.application)  # the winners' announcement
    await issue_certificates(bot.application)
    piagam = await budi.expect_message("piagam penghargaan", timeout=15)
    await budi.send("/my_certificate")
    assert (await budi.expect_message(predicate=_is_document))["caption"] == piagam["caption"]
