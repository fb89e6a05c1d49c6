"""Check-in findings of the QA session: a known officer prefilled, NIPs with separators and
taken NIPs, the step's buttons repeated with an error, a double tap on the confirmation."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.storage.models import Invitation
from tests.e2e.attendance.helpers import EVENT_MORNING, attendance_records, checkin_payload
from tests.e2e.helpers.entries import join

pytestmark = pytest.mark.e2e


def _buttons(message) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [button["text"] for row in markup.get("inline_keyboard", []) for button in row]


async def test_a_known_officer_is_prefilled_and_confirms_with_one_tap(bot, users, clock):
    """An officer the event file names in their unit's invitations: one tap. An officer it
    does not name: their Telegram name and their unit are one tap each, only jabatan typed."""
    budi = await join(users, bot, "Budi Santoso", "DINSOS")
    rina = await join(users, bot, "Rina Wulandari", "DINSOS")
    async with bot.runtime.transaction() as session:
        invitation = await session.scalar(
            select(Invitation).where(Invitation.key == "dinsos-kasubag-program")
        )
        invitation.name, invitation.jabatan = "Budi Santoso", "Kasubag Program"
        invitation.nip = "198001012005011001"
    clock.set(EVENT_MORNING)
    payload = await checkin_payload(bot)
    await budi.send(f"/start {payload}")
    summary = await budi.expect_message("Apakah data di atas sudah benar?")
    for line in ("Nama: Budi Santoso", "NIP: 19800101 200501 1 001",
                 "Jabatan: Kasubag Program", "Unit kerja: Dinas Sosial"):  # fmt: skip
        assert line in summary["text"], line
    await budi.tap("Benar, saya hadir")
    await budi.expect_message("Budi Santoso tercatat hadir pukul 08.00 WIB (nomor 1)")

    await rina.send(f"/start {payload}")
    ask = await rina.expect_message("mohon tekan nama Bapak/Ibu")
    assert _buttons(ask) == ["Rina Wulandari"]
    await rina.tap("Rina Wulandari")
    await rina.expect_message("NIP")
    await rina.tap("Tidak memiliki NIP")
    await rina.expect_message("jabatan")
    await rina.send("Analis Kebijakan")
    await rina.expect_message("unit kerja")
    await rina.tap("Dinas Sosial")
    summary = await rina.expect_message("Apakah data di atas sudah benar?")
    assert "Nama: Rina Wulandari" in summary["text"]
    await rina.tap("Ubah data")  # every answer stays one tap away
    assert _buttons(await rina.expect_message("tekan nama")) == ["Rina Wulandari"]
    await rina.tap("Rina Wulandari")
    await rina.expect_message("NIP")
    await rina.tap("Tidak memiliki NIP")
    assert _buttons(await rina.expect_message("tekan jabatan")) == ["Analis Kebijakan"]
    await rina.tap("Analis Kebijakan")
    await rina.expect_message("unit kerja")
    await rina.tap("Dinas Sosial")
    await rina.expect_message("Apakah data di atas sudah benar?")
    await rina.tap("Benar, saya hadir")
    await rina.expect_message("tercatat hadir pukul 08.00 WIB (nomor 2)")
    budi_row, rina_row = await attendance_records(bot)
    assert (budi_row.invitation_id, budi_row.nip, budi_row.jabatan) == (
        invitation.id, "198001012005011001", "Kasubag Program"
    )  # fmt: skip
    assert (rina_row.name, rina_row.jabatan, rina_row.unit_name) == (
        "Rina Wulandari", "Analis Kebijakan", "Dinas Sosial"
    )  # fmt: skip
    assert rina_row.unit_id == budi_row.unit_id is not None


async def test_nip_separators_a_wrong_character_and_a_nip_already_taken(bot, users, clock):
    clock.set(EVENT_MORNING)
    payload = await checkin_payload(bot)
    siti, ani = await users.create("Siti"), await users.create("Ani")
    await siti.send(f"/start {payload}")
    await siti.expect_message("nama lengkap")
    await siti.send("Siti Rahayu")
    await siti.expect_message("NIP")
    await siti.send("1980-0101 2005.01 2 001")
    await siti.expect_message("jabatan")
    for text, prompt in (("Camat", "unit kerja"), ("Kecamatan Sukorejo", "sudah benar")):
        await siti.send(text)
        await siti.expect_message(prompt)
    await siti.tap("Benar, saya hadir")
    await siti.expect_message("nomor 1")

    await ani.send(f"/start {payload}")
    await ani.expect_message("nama lengkap")
    await ani.send("Ani Wijaya")
    await ani.expect_message("NIP")
    await ani.send("19800101 2005O1 2 001")  # a letter O for a zero
    wrong = await ani.expect_message('karakter "O" tidak dapat dipakai')
    assert _buttons(wrong) == ["Tidak memiliki NIP"]  # the button the text names
    await ani.send("19800101 200501 2 00")
    short = await ani.expect_message("(yang Bapak/Ibu ketik: 17 angka)")
    assert _buttons(short) == ["Tidak memiliki NIP"]
    await ani.send("19800101-200501-2-001")  # Siti's
    taken = await ani.expect_message("NIP ini sudah tercatat atas nama Siti Rahayu")
    assert _buttons(taken) == ["Tidak memiliki NIP"]
    await ani.tap("Tidak memiliki NIP")
    await ani.expect_message("jabatan")

    admin = await users.create("Rahmat", admin=True)
    await admin.send("/catat_hadir Ibu Ani; Camat; Kecamatan Sukorejo; 198001012005012001")
    reply = await admin.expect_message("NIP ini sudah tercatat atas nama Siti Rahayu")
    assert "hapus bagian keempat" in reply["text"]
    await admin.send("/catat_hadir Ibu Ani; Camat; Kecamatan Sukorejo; 12345678901234567")
    reply = await admin.expect_message("(yang Bapak/Ibu ketik: 17 angka)")
    assert "hapus bagian keempat (NIP)" in reply["text"]
    assert "Tidak memiliki NIP" not in reply["text"]
    await admin.send("/catat_hadir Ibu Ani; Camat; Kecamatan Sukorejo; 1980 0101 2005 01 2 002")
    await admin.expect_message("Tercatat hadir: Ibu Ani (nomor 2)")
    rows = await attendance_records(bot)
    assert [(row.name, row.nip) for row in rows] == [
        ("Siti Rahayu", "198001012005012001"), ("Ibu Ani", "198001012005012002")
    ]  # fmt: skip


async def test_an_impossible_nip_and_a_number_as_jabatan_are_refused(bot, users, clock):
    """A name needs letters, a NIP is checked part by part (birth date, TMT, sex digit) and a
    number is no jabatan:
    the daftar hadir is SPJ evidence. The refusals say what is wrong and keep the step."""
    clock.set(EVENT_MORNING)
    siti = await users.create("Siti")
    await siti.send(f"/start {await checkin_payload(bot)}")
    await siti.expect_message("nama lengkap")
    await siti.send("🌸🌸")
    await siti.expect_message("nama untuk daftar hadir perlu ditulis dengan huruf")
    await siti.send("Siti Rahayu")
    await siti.expect_message("NIP")
    await siti.send("19851340 201001 2 001")
    wrong = await siti.expect_message("NIP tampaknya tidak sah")
    assert "tanggal 1985-13-40 tidak ada" in wrong["text"]
    assert _buttons(wrong) == ["Tidak memiliki NIP"]
    await siti.send("19850315 201013 2 001")
    await siti.expect_message("2010-13 bukan bulan yang mungkin")
    await siti.send("19850315 201001 7 001")
    await siti.expect_message("jenis kelamin (1 atau 2), bukan 7")
    await siti.send("19850315 201001 2 001")
    await siti.expect_message("jabatan")
    await siti.send("198503152010012001")  # the NIP again, as jabatan
    await siti.expect_message("jabatan tidak berupa angka")
    await siti.send("Kasubag Program")
    await siti.expect_message("unit kerja")
    await siti.send("Bappeda")
    summary = await siti.expect_message("Apakah data di atas sudah benar?")
    assert "NIP: 19850315 201001 2 001" in summary["text"]
    assert "Jabatan: Kasubag Program" in summary["text"]

    admin = await users.create("Rahmat", admin=True)
    await admin.send("/catat_hadir Ibu Ani; Camat; Kecamatan Sukorejo; 19851340 201001 2 001")
    reply = await admin.expect_message("tanggal lahir 1985-13-40")
    assert "hapus bagian keempat (NIP)" in reply["text"]
    await admin.send("/catat_hadir Ibu Ani; 198503152010012001; Kecamatan Sukorejo")
    await admin.expect_message("jabatan tidak berupa angka")
    assert await attendance_records(bot) == []


async def test_the_unit_prompt_without_a_known_unit_names_no_button(bot, users, clock):
    clock.set(EVENT_MORNING)
    eko = await users.create("Eko")
    await eko.send(f"/start {await checkin_payload(bot)}")
    await eko.expect_message("nama lengkap")
    await eko.send("Eko Prasetyo")
    await eko.expect_message("NIP")
    await eko.tap("Tidak memiliki NIP")
    await eko.expect_message("jabatan")
    await eko.send("Staf")
    ask = await eko.expect_message("unit kerja")
    assert "tombol" not in ask["text"] and _buttons(ask) == []
    await eko.send("x" * 301)
    error = await eko.expect_message("unit kerja terlalu panjang")
    assert _buttons(error) == []


async def test_a_double_tap_on_the_confirmation_says_already_checked_in(bot, users, clock):
    clock.set(EVENT_MORNING)
    dewi = await users.create("Dewi")
    await dewi.send(f"/start {await checkin_payload(bot)}")
    await dewi.expect_message("nama lengkap")
    for text, prompt in (("Dewi Lestari", "NIP"), ("-", "jabatan"), ("Staf", "unit kerja")):
        await dewi.send(text)
        await dewi.expect_message(prompt)
    await dewi.send("Bappeda")
    summary = await dewi.expect_message("sudah benar")
    await dewi.tap("Benar, saya hadir", message_id=summary["message_id"])
    await dewi.expect_message("tercatat hadir pukul 08.00 WIB (nomor 1)")
    await dewi.tap("Benar, saya hadir", message_id=summary["message_id"])
    again = await dewi.expect_message("Dewi Lestari sudah tercatat hadir pukul 08.00 WIB")
    assert "tidak berlaku" not in again["text"]
    assert len(await attendance_records(bot)) == 1


async def test_a_mass_send_is_confirmed_names_the_unreachable_and_stops_after_the_event(
    bot, users, clock
):
    from bot.storage.models import Officer, Unit

    budi = await join(users, bot, "Budi", "DINSOS")
    async with bot.runtime.transaction() as session:
        dlh = await session.scalar(select(Unit).where(Unit.code == "DLH"))
        session.add(Officer(user_id=990_001, unit_id=dlh.id))  # joined, never started the bot
    siti = await users.create("Siti", admin=True)
    await siti.send("/kehadiran")
    await siti.expect_message("Undangan dan kehadiran")
    await siti.tap("Kirim undangan")
    ask = await siti.expect_message("Kirim 4 undangan kepada 1 penerima di bot?")
    assert (
        "Belum dapat dikirim:" in ask["text"]
        and "Dinas Lingkungan Hidup: 4 undangan" in (ask["text"])
    )
    assert _buttons(ask) == ["Ya, kirim undangan", "Batal"]
    async with bot.runtime.sessions() as session:  # nothing goes out before the "yes"
        assert (
            await session.scalar(select(Invitation).where(Invitation.sent_at.is_not(None)))
        ) is None
    await siti.tap("Batal", message_id=ask["message_id"])
    await siti.expect_message("tidak ada yang dikirim")
    await siti.tap("Ya, kirim undangan", message_id=ask["message_id"])
    await siti.tap("Ya, kirim undangan", message_id=ask["message_id"])  # a double tap
    queued = await siti.expect_message("Undangan masuk antrean pengiriman: 4 undangan")
    assert "Dinas Lingkungan Hidup: 4 undangan" in queued["text"]
    await siti.expect_message("Tidak ada undangan baru yang dapat dikirim")
    invitation = await budi.expect_message("Dinas Sosial", timeout=15)  # one for his 4 seats
    assert "4. Tim Teknis — Dinas Sosial" in invitation["text"]

    clock.set(datetime(2022, 12, 8, 1, 0, tzinfo=UTC))  # the day after the event
    await siti.send("/kehadiran")
    summary = await siti.expect_message("Undangan dan kehadiran")
    assert "Kirim undangan" not in _buttons(summary)
    assert "Ingatkan yang belum menjawab" not in _buttons(summary)
    assert "Daftar hadir (PDF)" in _buttons(summary)
    await siti.tap("Ya, kirim undangan", message_id=ask["message_id"])  # an old button
    await siti.expect_message("acara ini sudah selesai")


async def test_the_daftar_hadir_prints_emoji_shaped_arabic_the_kop_and_marks_an_example(
    bot, users, clock, emu
):
    import io

    from pypdf import PdfReader

    clock.set(EVENT_MORNING)
    rahmat = await users.create("Rahmat", admin=True)
    await rahmat.send("/catat_hadir Dr. Siti Rahayu, S.Sos. 🙂 سارة; 🙂; مرحبا")
    await rahmat.expect_message("nomor 1")
    await rahmat.send("/daftar_hadir")
    pdf = await rahmat.expect_message(predicate=lambda m: bool(m.get("document")))
    reader = PdfReader(io.BytesIO(await emu.download(pdf["document"]["file_id"])))
    page = reader.pages[0]
    text = page.extract_text()
    assert "PEMERINTAH KOTA BLITAR" in text and "BADAN PERENCANAAN PEMBANGUNAN DAERAH" in text
    assert "MELALUI" not in text
    assert "🙂" in text  # from the symbol font, in the name and as the whole jabatan
    fonts = {str(font["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    assert any("Symbola" in font for font in fonts), fonts
    # the event file marks the daftar hadir's signatory as an example: said so on the page
    assert "Nama Ketua Panitia" in text and "CONTOH" in text
