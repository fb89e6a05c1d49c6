"""The whole entry through the emulator: onboarding, every field kind, files, the
self-assessment, submit with a registration number, /inovasi_saya; on SQLite and PostgreSQL."""

import pytest
from sqlalchemy import select

from bot.i18n import plain_text, t
from bot.services.core.events import current_edition
from bot.storage.models import Attachment, SubmissionStatus
from tests.e2e.helpers.entries import (
    IN_WINDOW,
    LONG_TEXT,
    TRICKY,
    active_entry_id,
    entry_state,
    fill_first_fields,
    fill_remaining_fields,
    fill_self_assessment,
    join,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]


async def test_full_entry_submitted_with_number(users, bot, emu) -> None:
    bot.clock.set(IN_WINDOW)
    admin = await users.create("Panitia", admin=True)
    await admin.send("/start")
    await admin.expect_message("Selamat datang")
    siti = await join(users, bot)
    await siti.tap(t("id", "menu-submit"))
    await fill_first_fields(siti)
    submission_id = await active_entry_id(bot, siti.id)
    await fill_remaining_fields(siti)
    await fill_self_assessment(siti, bot, submission_id)
    summary = await siti.expect_message("Ringkasan:")
    assert "Isian formulir: 19 dari 19 lengkap" in summary["text"]
    assert TRICKY in summary["text"]
    async with bot.runtime.sessions() as session:
        weights = sum(i.weight for i in (await current_edition(session)).indicators)
    assert "20 dari 20 indikator dinilai, 20 dengan bukti" in summary["text"]
    assert f"Skor sementara: {2 * weights:g} dari {3 * weights:g}" in summary["text"]
    assert "belum ada buktinya" not in summary["text"]
    assert "Semua isian wajib sudah lengkap" in summary["text"]
    await siti.tap(t("id", "entry-button-review"))
    review = await siti.expect_message("Periksa kembali")
    assert "Rp10.000.000" in review["text"] and "Rabu, 2 Maret 2022" not in review["text"]
    assert "Selasa, 1 Maret 2022" in review["text"]
    await siti.expect_message(plain_text("id", "entry-review-confirm"))  # the page with ✅
    await siti.tap(t("id", "entry-button-confirm"))
    receipt = await siti.expect_message("Inovasi terkirim")
    assert "IGA-2022-001" in receipt["text"]
    notice = await admin.expect_message("Inovasi baru masuk")
    assert "IGA-2022-001" in notice["text"] and TRICKY in notice["text"]

    submission, answers = await entry_state(bot, submission_id)
    assert submission.status is SubmissionStatus.SUBMITTED
    assert submission.number == "IGA-2022-001" and submission.title == TRICKY
    assert answers["nama"] == TRICKY
    words = LONG_TEXT.split(" ")  # sent in two messages, kept as two paragraphs
    assert answers["rancang_bangun"] == " ".join(words[:150]) + "\n\n" + " ".join(words[150:])
    assert answers["tematik"] == ["smart_city", "bebas_sampah"]
    assert answers["waktu_penerapan"] == "2022-03-01"
    assert answers["anggaran_nilai"] == 10_000_000
    assert answers["kontak"] == "+6281234567890"
    assert [f["file_name"] for f in answers["profil_bisnis"]["files"]] == ["profil bisnis.pdf"]
    assert len(submission.assessments) == 20
    async with bot.runtime.sessions() as session:
        files = list(await session.scalars(select(Attachment)))
    assert len(files) == 2 + 10

    await siti.send("/inovasi_saya")
    listing = await siti.expect_message("Inovasi unit Bapak/Ibu")
    assert "IGA-2022-001" in listing["text"] and "terkirim" in listing["text"]
    assert TRICKY in listing["text"]
    assert await emu.rejections() == []
