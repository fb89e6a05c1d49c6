"""Buttons of an earlier question, tapped later (an officer scrolling back through a long
chat): each is refused with the same alert and nothing else, a file's 🗑 too, so one mis-tap
neither deletes a document nor posts another copy of the summary (QA)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.i18n import plain_text
from tests.e2e.evidence.helpers import DOC_A, DOC_B, DOC_C, PDF, officer_without_files
from tests.e2e.helpers.entries import (
    IN_WINDOW,
    entry_state,
    question,
    send_files,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]


async def _stale(driver: Any, label: str) -> None:
    """Tap the old button ``label``: the stale alert, shown as an alert."""
    answer = await driver.expect_callback_answer(await driver.tap(label))
    assert answer["text"] == plain_text("id", "entry-button-stale") and answer["show_alert"]


async def test_old_buttons_are_refused_with_an_alert_and_nothing_else(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_without_files(users, bot, at="inisiator")
    await siti.expect_message(question("Inisiator"))
    await siti.tap("ASN")
    await siti.expect_message(question("Dokumen anggaran"))
    await send_files(siti, (DOC_A, "dpa.pdf", PDF), (DOC_B, "rincian.pdf", PDF))
    asked = await siti.expect_message(question("Profil bisnis"))

    await _stale(siti, plain_text("id", "evidence-button-remove", number=2, name="rincian.pdf"))
    await _stale(siti, "Kepala Daerah")
    await _stale(siti, "Masyarakat")

    # the next reply follows the question directly: the stale taps posted nothing
    await siti.send_document(DOC_C, "profil.pdf", PDF)
    receipt = await siti.expect_message("tersimpan. Kirim berkas lain")
    later = [m for m in await siti.bot_messages() if m["message_id"] > asked["message_id"]]
    assert [m["message_id"] for m in later] == [receipt["message_id"]]
    submission, answers = await entry_state(bot, entry_id)
    assert sorted(a.file_name for a in submission.attachments) == [
        "dpa.pdf",
        "profil.pdf",
        "rincian.pdf",
    ]
    assert answers["inisiator"] == "asn"

    # the current question's own 🗑 still removes its file
    await siti.tap(plain_text("id", "evidence-button-remove", number=1, name="profil.pdf"))
    await siti.expect_message("dihapus dari inovasi ini")
    submission, _ = await entry_state(bot, entry_id)
    assert sorted(a.file_name for a in submission.attachments) == ["dpa.pdf", "rincian.pdf"]

    # at the summary too: the alert, and no other copy of the summary
    await siti.tap(plain_text("id", "entry-button-summary"))
    summary = await siti.expect_message("Ringkasan")
    await _stale(siti, "Kepala Daerah")
    await _stale(siti, plain_text("id", "evidence-button-remove", number=1, name="dpa.pdf"))
    resumed = await siti.send("/lanjutkan")
    await siti.expect_message("Ringkasan")
    later = [m for m in await siti.bot_messages() if m["message_id"] > summary["message_id"]]
    assert all(m["message_id"] > resumed["message_id"] for m in later)
    assert len([m for m in later if "Ringkasan" in (m["text"] or "")]) == 1


async def test_an_old_level_question_changes_no_level(users, bot) -> None:
    """A level question's buttons act while it (or its evidence) is asked: tapped from an
    earlier indicator's question, they would silently change a level chosen before."""
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_without_files(users, bot, at="anggaran")
    await siti.expect_message(question("Dokumen anggaran"))
    await siti.tap(plain_text("id", "entry-button-summary"))
    await siti.expect_message("Ringkasan")
    await siti.tap(plain_text("id", "entry-button-assessment"))
    await siti.expect_message("Penilaian mandiri")
    await siti.tap(data=f"entry:indicator:{entry_id}:0")
    await siti.expect_message("Penilaian mandiri 1/")
    await siti.tap(data=f"entry:level:{entry_id}:0:2")
    await siti.expect_message("Kirim bukti untuk")
    await siti.tap(data=f"entry:level:{entry_id}:0:3")  # corrected at its evidence: fine
    await siti.expect_message("Kirim bukti untuk")
    await siti.tap(plain_text("id", "entry-button-summary"))
    await siti.expect_message("Ringkasan")
    answer = await siti.expect_callback_answer(await siti.tap(data=f"entry:level:{entry_id}:0:1"))
    assert answer["text"] == plain_text("id", "entry-button-stale") and answer["show_alert"]
    submission, _ = await entry_state(bot, entry_id)
    assert {a.level for a in submission.assessments if a.indicator.number == 1} == {3}
