"""What the form tells the officer about where they are: /lanjutkan without a draft, the
summary's counts, the step counter, typed answers while the summary is open, multiple choice
toggles edited in place; found by QA in the sandbox."""

import pytest
from sqlalchemy import func, select

from bot.i18n import plain_text, t
from bot.services.entries.submissions import load_entry, submit_entry
from bot.storage.models import Submission
from tests.e2e.helpers.entries import (
    IN_WINDOW,
    active_entry_id,
    entry_state,
    join,
    officer_at,
    prefilled_entry,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]


def button_texts(message) -> list[str]:  # type: ignore[no-untyped-def]
    return [button["text"] for row in message["inline_keyboard"] or [] for button in row]


async def entry_count(bot) -> int:  # type: ignore[no-untyped-def]
    async with bot.runtime.sessions() as session:
        return await session.scalar(select(func.count()).select_from(Submission))


async def test_resume_without_a_draft_lists_the_entries_instead_of_starting_one(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    entry_id = await prefilled_entry(bot, budi.id)
    async with bot.runtime.transaction() as session:
        await submit_entry(session, budi.id, entry_id, IN_WINDOW)
    await budi.send("/lanjutkan")
    reply = await budi.expect_message("Tidak ada draf")
    assert "IGA-2022-001" in reply["text"] and "terkirim" in reply["text"]
    assert "Nama inovasi (" not in reply["text"]
    assert any("Inovasi baru" in text for text in button_texts(reply))
    assert await entry_count(bot) == 1
    await budi.tap(next(text for text in button_texts(reply) if "Inovasi baru" in text))
    await budi.expect_message("Nama inovasi (1 dari")
    assert await entry_count(bot) == 2


async def test_summary_counts_fields_and_self_assessment_separately(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    entry_id = await prefilled_entry(bot, budi.id)
    async with bot.runtime.transaction() as session:
        submission = await load_entry(session, entry_id)
        for answer in [a for a in submission.answers if a.field_key == "video"]:
            submission.answers.remove(answer)
        lacking = [a for a in submission.assessments if a.indicator.mandatory][:3]
        for assessment in submission.assessments:
            assessment.level = 3
        for assessment in lacking:
            assessment.evidence_url = None
        names = [f"{a.indicator.number}. {a.indicator.name}" for a in lacking]
    await budi.send("/lanjutkan")
    summary = await budi.expect_message("Ringkasan:")
    text = summary["text"]
    assert "Isian formulir: 18 dari 19 lengkap" in text
    assert "⚠️ 18. Tautan video" in text
    assert "⚠️ 1 isian bertanda ⚠️ perlu dilengkapi" in text
    assert "20 dari 20 indikator dinilai, 17 dengan bukti" in text
    assert "⚠️ 3 indikator wajib belum dinilai atau belum ada buktinya: " + ", ".join(names) in text
    assert "Ketuk 📊 Penilaian mandiri" in text
    assert "Masih ada" not in text and "Terisi" not in text


async def test_step_counter_is_the_fields_position(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    await budi.send("/inovasi_saya")
    await budi.tap(next(text for text in button_texts(await budi.expect_message()) if "➕" in text))
    await budi.expect_message("Nama inovasi (1 dari 19)")
    await budi.send("SIDOTI")
    await budi.expect_message("Tahapan inovasi (2 dari 19)")
    await budi.tap("Inisiatif")
    await budi.expect_message("Inisiator (3 dari 17)")
    await budi.tap(t("id", "entry-button-summary"))
    await budi.expect_message("Ringkasan:")
    await budi.tap("✏️ 1")
    await budi.expect_message("Nama inovasi (1 dari 17)")
    await budi.tap(t("id", "entry-button-summary"))
    await budi.expect_message("Ringkasan:")
    await budi.tap("✏️ 9")
    await budi.expect_message("Rancang bangun dan pokok perubahan (9 dari 17)")
    await budi.send("Bagian pertama dari teks yang panjang.")
    receipt = await budi.expect_message("Tersimpan 6 kata")  # a receipt, not the question again
    await budi.send("Bagian kedua.")
    second = await budi.expect_message("Tersimpan 8 kata")
    for reply in (receipt, second):
        assert "Rancang bangun dan pokok perubahan (" not in reply["text"]
        assert len(reply["text"]) < 200
        assert t("id", "entry-button-done") in button_texts(reply)
        assert t("id", "entry-button-summary") in button_texts(reply)
    await budi.tap(t("id", "entry-button-show-text"))
    shown = await budi.expect_message("Bagian pertama dari teks yang panjang.\n\nBagian kedua.")
    # the question's buttons under the text: no scrolling back above it to go on (QA3 #13)
    assert t("id", "entry-button-done") in button_texts(shown)
    assert t("id", "entry-button-summary") in button_texts(shown)


async def test_text_typed_while_the_summary_is_open_answers_the_field_asked(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    await budi.tap(t("id", "menu-submit"))
    await budi.expect_message("Nama inovasi (")
    await budi.send("SIDOTI")
    await budi.expect_message("Tahapan inovasi (")
    await budi.tap("Penerapan")
    await budi.expect_message("Inisiator (")
    await budi.tap("ASN")
    await budi.expect_message("Nama inisiator (4 dari 19)")
    await budi.tap(t("id", "entry-button-summary"))
    await budi.expect_message("Ringkasan:")
    await budi.send("Budi Santoso")
    reply = await budi.expect_message("Jenis inovasi (5 dari 19)")
    assert "Jawaban disimpan untuk isian Nama inisiator" in reply["text"]
    entry_id = await active_entry_id(bot, budi.id)
    _, answers = await entry_state(bot, entry_id)
    assert answers["nama_inisiator"] == "Budi Santoso"
    # a wrong answer for the remembered field is refused with that field's question
    await budi.tap(t("id", "entry-button-summary"))
    await budi.expect_message("Ringkasan:")
    await budi.tap("✏️ 9")
    await budi.expect_message("Waktu uji coba (9 dari 19)")
    await budi.tap(t("id", "entry-button-summary"))
    await budi.expect_message("Ringkasan:")
    await budi.send("kemarin")
    reply = await budi.expect_message("Tanggal tidak dikenali")
    assert "Waktu uji coba (9 dari 19)" in reply["text"]


async def test_text_typed_at_the_summary_with_no_question_says_it_was_not_saved(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    entry_id = await prefilled_entry(bot, budi.id)
    await budi.send("/lanjutkan")
    await budi.expect_message("Ringkasan:")
    count = len(await budi.bot_messages())
    await budi.send("Dinas Kominfo")
    reply = await budi.expect_message("belum disimpan")
    assert "Dinas Kominfo" in reply["text"] and "✏️" in reply["text"]
    # a short answer pointing at the summary's buttons, not the whole summary again
    assert "Ringkasan:" not in reply["text"]
    assert button_texts(reply) == [t("id", "entry-button-summary")]
    _, answers = await entry_state(bot, entry_id)
    assert "Dinas Kominfo" not in answers.values()
    await budi.send_photo(b"\xff\xd8jpeg")  # nothing to quote
    reply = await budi.expect_message("gunakan tombol")
    assert "Ringkasan:" not in reply["text"]
    assert len(await budi.bot_messages()) == count + 2
    await budi.tap(t("id", "entry-button-summary"))  # the summary again, on request
    await budi.expect_message("Ringkasan:")


async def test_multiple_choice_toggles_edit_the_question_in_place(users, bot, emu) -> None:
    """Each tap edits the question (no new copy); the first also takes away the error of a
    typed answer shown above it (QA); a chosen option is marked ☑️, not the ✅ of Selesai."""
    bot.clock.set(IN_WINDOW)
    budi, entry_id = await officer_at(users, bot, "tematik")
    await budi.expect_message("Tematik (7 dari 19)")
    await budi.send("kota pintar")  # typed, and no option of that name
    question = await budi.expect_message(plain_text("id", "form-error-choice"))
    assert "Tematik (7 dari 19)" in question["text"]
    count = len(await budi.bot_messages())
    for edits, label in enumerate(["⬜ Smart City", "⬜ Covid-19", "☑️ Smart City"], start=1):
        await budi.tap(label, message_id=question["message_id"])
        edited = await budi.expect_message(
            predicate=lambda m, edits=edits: (
                m["message_id"] == question["message_id"] and len(m["edits"]) == edits
            )
        )
        assert plain_text("id", "form-error-choice") not in edited["text"]
    assert "Tematik (7 dari 19)" in edited["text"]
    assert "☑️ Covid-19" in button_texts(edited) and "⬜ Smart City" in button_texts(edited)
    done = t("id", "entry-button-done")
    assert [label for label in button_texts(edited) if "✅" in label] == [done]
    assert len(await budi.bot_messages()) == count
    _, answers = await entry_state(bot, entry_id)
    assert answers["tematik"] == ["covid19"]
    await budi.tap(done)
    await budi.expect_message("Ringkasan:")
    assert await emu.rejections() == []


async def test_indicator_list_has_no_space_before_the_colon(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    await prefilled_entry(bot, budi.id)
    await budi.send("/lanjutkan")
    await budi.expect_message("Ringkasan:")
    await budi.tap(t("id", "entry-button-assessment"))
    overview = await budi.expect_message("Penilaian mandiri")
    assert "\n1. Regulasi inovasi daerah ★: 1, 📎\n" in overview["text"]
    assert "\n3. Dukungan anggaran: 1, 📎\n" in overview["text"]
    assert " :" not in overview["text"]
