"""The form under wrong input: other kinds of message, edits, albums, large files, /batal,
strangers, the deadline, double confirms, withdrawing and resubmitting."""

import asyncio
import re
from pathlib import Path

import pytest
import yaml

from bot.i18n import plain_text, t
from bot.services.entries.submission_status import change_status
from bot.services.entries.submissions import load_entry
from bot.storage.models import SubmissionStatus
from tests.conftest import EVENT_FILE
from tests.e2e.helpers.entries import (
    AFTER_CLOSE,
    IN_WINDOW,
    PDF,
    active_entry_id,
    entry_state,
    invite_code,
    join,
    officer_at,
    prefilled_entry,
    question,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]


@pytest.fixture
def event_file(tmp_path: Path) -> Path:
    """The seed with a 1 KB limit on the budget document, to refuse a larger file."""
    data = yaml.safe_load(EVENT_FILE.read_text(encoding="utf-8"))
    field = next(f for f in data["edition"]["form"] if f["key"] == "anggaran")
    field["max_size_mb"] = 0.001
    path = tmp_path / "event.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


async def test_stranger_is_told_how_to_become_an_officer(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await users.create("Budi")
    await budi.send(t("id", "menu-submit"))
    await budi.expect_message("belum terdaftar sebagai petugas")
    await budi.send("/daftar SALAH-123")
    await budi.expect_message("Kode undangan tidak dikenal")
    await budi.send(f"/start inv-{await invite_code(bot)}")
    await budi.expect_message("terdaftar sebagai petugas Dinas Lingkungan Hidup")


async def test_wrong_kinds_of_message_change_nothing(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_at(users, bot, "waktu_uji_coba", name="Siti")
    await siti.expect_message(question("Waktu uji coba"))
    await siti.send_photo(b"\xff\xd8jpeg")
    reply = await siti.expect_message("meminta jawaban berupa teks")
    assert "Waktu uji coba" in reply["text"]
    await siti.send_document(PDF, "tanggal.pdf", "application/pdf")
    await siti.expect_message("meminta jawaban berupa teks")
    await siti.send("kemarin sore")
    await siti.expect_message("Tanggal tidak dikenali")
    await siti.send("01/04/2022")  # after waktu_penerapan (1 Maret 2022)
    await siti.expect_message("tidak boleh sesudah Waktu penerapan (Selasa, 1 Maret 2022)")
    _, answers = await entry_state(bot, entry_id)
    assert "waktu_uji_coba" not in answers
    await siti.send("17 Januari 2022")
    await siti.expect_message("Ringkasan:")
    _, answers = await entry_state(bot, entry_id)
    assert answers["waktu_uji_coba"] == "2022-01-17"


async def test_files_type_size_and_albums(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_at(users, bot, "anggaran", name="Siti")
    await siti.expect_message(question("Dokumen anggaran"))
    await siti.send("ini anggarannya")
    await siti.expect_message("Isian ini meminta berkas")
    await siti.send_photo(b"\xff\xd8jpeg")
    await siti.expect_message("bukan sebagai foto")
    await siti.send_document(b"x" * 100, "anggaran.docx")
    await siti.expect_message("Kirim berkas PDF")
    await siti.send_document(PDF + b"x" * 2000, "besar.pdf", "application/pdf")
    await siti.expect_message(regex=r"Berkas terlalu besar \(0\.00\d+ MB\); batasnya 0\.001 MB")
    _, answers = await entry_state(bot, entry_id)
    assert "anggaran" not in answers
    await siti.send_album(
        [
            {
                "kind": "document",
                "data": PDF,
                "file_name": "satu.pdf",
                "mime_type": "application/pdf",
            },
            {
                "kind": "document",
                "data": PDF,
                "file_name": "dua.pdf",
                "mime_type": "application/pdf",
            },
        ]
    )
    # every file of an album is kept (a field takes several); the second gets a short line
    await siti.expect_message("Berkas satu.pdf tersimpan")
    await siti.expect_message(regex=r"^Berkas dua\.pdf tersimpan\. Kirim berkas lain[^\n]*$")
    submission, answers = await entry_state(bot, entry_id)
    kept = [a.file_name for a in submission.attachments if a.field_key == "anggaran"]
    assert kept[-2:] == ["satu.pdf", "dua.pdf"]
    assert [f["file_name"] for f in answers["anggaran"]["files"]] == kept


async def test_edited_message_is_not_applied(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_at(users, bot, "nama_inisiator", name="Siti")
    await siti.expect_message(question("Nama inisiator"))
    sent = await siti.send("Budi")
    await siti.expect_message("Ringkasan:")
    await siti.edit(sent["message_id"], "Ani")
    await siti.expect_message("tidak diterapkan")
    _, answers = await entry_state(bot, entry_id)
    assert answers["nama_inisiator"] == "Budi"


async def test_cancel_keeps_the_draft_and_stops_taking_answers(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_at(users, bot, "video", name="Siti")
    await siti.expect_message(question("Tautan video"))
    await siti.send("/batal")
    await siti.expect_message("keluar dari formulir")
    assert await active_entry_id(bot, siti.id) is None
    await siti.send("https://youtu.be/x")  # not an answer any more
    await siti.send("/lanjutkan")
    await siti.expect_message(question("Tautan video"))
    _, answers = await entry_state(bot, entry_id)
    assert "video" not in answers and answers["nama_inisiator"] == "Dinas Lingkungan Hidup"


async def test_an_old_question_button_after_cancel_does_not_reopen_the_form(users, bot) -> None:
    """QA #2: after /batal, a choice tapped on the question asked before answered nothing and
    silently brought the officer back into the form; now the tap says the form was left and
    how to go back (/lanjutkan), and nothing is saved."""
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_at(users, bot, "tahapan", name="Siti")
    asked = await siti.expect_message(question("Tahapan inovasi"))
    await siti.send("/batal")
    await siti.expect_message("keluar dari formulir")
    tap = await siti.tap("Inisiatif", message_id=asked["message_id"])
    answer = await siti.expect_callback_answer(tap)
    assert answer["text"] == plain_text("id", "entry-button-left-form")
    assert answer["show_alert"]
    assert await active_entry_id(bot, siti.id) is None
    _, answers = await entry_state(bot, entry_id)
    assert "tahapan" not in answers
    await siti.send("/lanjutkan")  # the way back still works, and so do its buttons
    asked = await siti.expect_message(question("Tahapan inovasi"))
    await siti.tap("Inisiatif", message_id=asked["message_id"])
    await siti.expect_message("Ringkasan:")
    _, answers = await entry_state(bot, entry_id)
    assert answers["tahapan"] == "inisiatif"


async def test_a_bare_small_number_is_not_taken_as_the_budget(users, bot) -> None:
    """QA #4: "12" for the budget was kept as Rp12; it is refused, saying what was read and
    what was likely meant, and the full amount is then taken."""
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_at(users, bot, "anggaran_nilai", name="Siti")
    await siti.expect_message(question("Anggaran inovasi"))
    await siti.send("12")
    await siti.expect_message("Rp12 terlalu kecil untuk anggaran (paling sedikit Rp10.000)")
    _, answers = await entry_state(bot, entry_id)
    assert "anggaran_nilai" not in answers
    await siti.send("12 juta")
    await siti.expect_message("Ringkasan:")
    _, answers = await entry_state(bot, entry_id)
    assert answers["anggaran_nilai"] == 12_000_000


async def test_a_budget_refusal_offers_a_likely_amount_and_an_accepted_one_is_said_back(
    users, bot
) -> None:
    """QA2 #16/#17: "9999" was offered as "9.999 juta" (ten miliar) and "1,5" refused as
    sen; now 9999 is offered as Rp9.999.000, "1,5" as 1,5 juta, and the amount taken is said
    back formatted."""
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_at(users, bot, "anggaran_nilai", name="Siti")
    await siti.expect_message(question("Anggaran inovasi"))
    await siti.send("9999")
    refusal = await siti.expect_message("Rp9.999 terlalu kecil")
    assert "9.999 ribu, yaitu Rp9.999.000?" in refusal["text"]
    assert "juta" not in refusal["text"].split("?")[0]
    await siti.send("1,5")
    refusal = await siti.expect_message("tanpa sen")
    assert "1,5 juta, yaitu Rp1.500.000?" in refusal["text"]
    _, answers = await entry_state(bot, entry_id)
    assert "anggaran_nilai" not in answers
    await siti.send("1,5 jt")
    saved = await siti.expect_message("Tersimpan: Rp1.500.000.")
    assert "<b>Rp1.500.000</b>" in saved["html"]
    _, answers = await entry_state(bot, entry_id)
    assert answers["anggaran_nilai"] == 1_500_000


async def test_deadline_is_stated_and_the_committee_reopens_a_unit(users, bot) -> None:
    bot.clock.set(AFTER_CLOSE)
    admin = await users.create("Panitia", admin=True)
    siti = await join(users, bot)
    await siti.send(t("id", "menu-submit"))
    await siti.expect_message("sudah ditutup pada Senin, 31 Oktober 2022, pukul 23.59 WIB")
    await siti.send("/undangan DLH")
    await siti.expect_message("khusus untuk panitia")
    await admin.send("/buka_kembali DLH 2")
    await admin.expect_message("dibuka kembali sampai Jumat, 4 November 2022")
    await siti.expect_message("Panitia membuka kembali pengisian inovasi")
    await siti.send(t("id", "menu-submit"))
    await siti.expect_message(question("Nama inovasi"))


async def test_double_confirm_gives_one_number(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    siti = await join(users, bot)
    entry_id = await prefilled_entry(bot, siti.id)
    await siti.send("/lanjutkan")
    await siti.expect_message("Ringkasan:")
    await siti.tap(t("id", "entry-button-review"))
    await siti.expect_message("Periksa kembali")
    review = await siti.expect_message(plain_text("id", "entry-review-confirm"))  # with ✅
    data = f"entry:confirm:{entry_id}"
    await asyncio.gather(
        siti.tap(data=data, message_id=review["message_id"]),
        siti.tap(data=data, message_id=review["message_id"]),
    )
    await siti.expect_message("Nomor pendaftaran: IGA-2022-001")
    await siti.expect_message("sudah terkirim dengan nomor IGA-2022-001")
    submission, _ = await entry_state(bot, entry_id)
    assert submission.number == "IGA-2022-001" and submission.sequence == 1


async def test_pieces_sent_in_a_row_are_all_saved_and_each_receipt_counts_them(users, bot) -> None:
    """An officer who types paragraph after paragraph without waiting for the receipts (what
    bench/throughput.py's form scenario does): every piece is saved, in order, and each
    receipt names the words saved up to its piece, so no piece was acknowledged unsaved."""
    bot.clock.set(IN_WINDOW)
    budi, entry_id = await officer_at(users, bot, "rancang_bangun")
    await budi.expect_message(question("Rancang bangun dan pokok perubahan"))
    pieces = [f"Bagian {number} dari rancangan." for number in range(1, 13)]  # 4 words each
    for piece in pieces:
        await budi.send(piece)  # no wait for the bot between them
    receipts = [
        await budi.expect_message(regex=r"^Tersimpan \d+ kata untuk", timeout=15) for _ in pieces
    ]
    words = [int(re.match(r"Tersimpan (\d+) kata", r["text"]).group(1)) for r in receipts]
    assert words == [4 * number for number in range(1, 13)]
    _, answers = await entry_state(bot, entry_id)
    assert answers["rancang_bangun"] == "\n\n".join(pieces)


async def test_withdraw_and_resubmit_after_return(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    siti = await join(users, bot)
    rina = await join(users, bot, "Rina")
    entry_id = await prefilled_entry(bot, siti.id)
    async with bot.runtime.transaction() as session:
        submission = await load_entry(session, entry_id)
        submission.number, submission.sequence = "IGA-2022-001", 1
        await change_status(
            session, submission, SubmissionStatus.SUBMITTED, actor_id=siti.id, now=IN_WINDOW
        )
        await change_status(
            session,
            submission,
            SubmissionStatus.RETURNED,
            actor_id=1,
            now=IN_WINDOW,
            note="Lengkapi <video> & SK",
        )
    bot.clock.set(AFTER_CLOSE)
    await rina.send("/inovasi_saya")
    listing = await rina.expect_message("Inovasi unit Bapak/Ibu")
    assert "dikembalikan untuk perbaikan" in listing["text"]
    assert "Catatan panitia: Lengkapi <video> & SK" in listing["text"]
    await rina.tap("✏️ 1")
    await rina.expect_message("Ringkasan:")
    await rina.tap(t("id", "entry-button-review"))
    await rina.expect_message("Periksa kembali")
    await rina.expect_message(plain_text("id", "entry-review-confirm"))  # the page with ✅
    await rina.tap(t("id", "entry-button-confirm"))
    await rina.expect_message("Nomor pendaftaran: IGA-2022-001")
    await siti.expect_message("sekarang: terkirim")
    bot.clock.set(IN_WINDOW)
    await siti.send("/inovasi_saya")
    await siti.expect_message("Inovasi unit Bapak/Ibu")
    await siti.tap("↩️ 1")
    await siti.expect_message("Tarik inovasi")
    await siti.tap(t("id", "entry-button-withdraw-no"))  # an irreversible step can be declined
    await siti.expect_message("tidak ditarik; tidak ada yang diubah")
    asked = await siti.expect_message("Tarik inovasi")  # the question, its buttons dropped
    assert not asked.get("inline_keyboard")
    submission, _ = await entry_state(bot, entry_id)
    assert submission.status is SubmissionStatus.SUBMITTED
    await siti.tap("↩️ 1")
    await siti.expect_message("Tarik inovasi")
    await siti.tap(t("id", "entry-button-withdraw-yes"))
    await siti.expect_message("sudah ditarik")
    await rina.expect_message("sekarang: ditarik")
    submission, _ = await entry_state(bot, entry_id)
    assert submission.status is SubmissionStatus.WITHDRAWN
