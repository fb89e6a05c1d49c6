"""Check-in at the entrance through the bot: the QR link (first time, again, expired, forged),
the committee by name, bad input, two taps at once, the daftar hadir PDF and XLSX."""

import asyncio
import io
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from bot.handlers.attendance.checkin import checkin_secret
from bot.services.attendance import link as checkin_link
from bot.services.core.events import current_event
from bot.storage.models import AttendanceRecord
from tests.e2e.attendance.helpers import EVENT_MORNING, attendance_records, checkin_payload
from tests.e2e.helpers.entries import join

pytestmark = pytest.mark.e2e


async def test_first_scan_asks_everything_and_a_later_scan_only_confirms(bot, users, clock):
    clock.set(EVENT_MORNING)
    payload = await checkin_payload(bot)
    ani = await users.create("Ani")
    await ani.send(f"/start {payload}")
    await ani.expect_message("nama lengkap")
    await ani.send("Dr. Ani Wijaya, M.Kes.")
    await ani.expect_message("NIP")
    await ani.send("19800101 200501 2 00")  # 17 digits
    await ani.expect_message("NIP harus terdiri dari 18 angka (yang Bapak/Ibu ketik: 17 angka)")
    await ani.send("19800101 200501 2 001")
    await ani.expect_message("jabatan")
    await ani.send("Kepala Seksi Pelayanan")
    await ani.expect_message("unit kerja")
    await ani.send("Dinas Kesehatan")
    summary = await ani.expect_message("Apakah data di atas sudah benar?")
    assert "NIP: 19800101 200501 2 001" in summary["text"]
    await ani.tap("Benar, saya hadir")
    await ani.expect_message("Dr. Ani Wijaya, M.Kes. tercatat hadir pukul 08.00 WIB (nomor 1)")

    clock.advance(timedelta(hours=2))
    await ani.send(f"/start {payload}")
    await ani.expect_message("sudah tercatat hadir pukul 08.00 WIB")
    [record] = await attendance_records(bot)
    assert (record.name, record.nip, record.unit_name, record.method) == (
        "Dr. Ani Wijaya, M.Kes.", "198001012005012001", "Dinas Kesehatan", "qr"
    )  # fmt: skip


async def test_an_officer_gets_their_unit_with_one_tap(bot, users, clock):
    budi = await join(users, bot, "Budi", "DINSOS")
    clock.set(EVENT_MORNING)
    await budi.send(f"/start {await checkin_payload(bot)}")
    await budi.expect_message("nama lengkap")
    await budi.send("Budi Santoso")
    await budi.expect_message("NIP")
    await budi.tap("Tidak memiliki NIP")
    await budi.expect_message("jabatan")
    await budi.send("Analis Kebijakan")
    await budi.expect_message("unit kerja")
    await budi.tap("Dinas Sosial")
    summary = await budi.expect_message("Apakah data di atas sudah benar?")
    assert "NIP: -" in summary["text"] and "Unit kerja: Dinas Sosial" in summary["text"]
    await budi.tap("Benar, saya hadir")
    await budi.expect_message("tercatat hadir")
    [record] = await attendance_records(bot)
    assert record.nip is None and record.unit_id is not None


async def test_an_expired_or_forged_link_is_refused_politely(bot, users, clock):
    payload = await checkin_payload(bot)
    rina = await users.create("Rina")
    clock.set(EVENT_MORNING + timedelta(days=1))
    await rina.send(f"/start {payload}")
    await rina.expect_message("berlaku untuk Rabu, 7 Desember 2022, bukan hari ini")
    clock.set(EVENT_MORNING)
    await rina.send("/start h-AAAAAAAAAAAAAAAAAAAAAA")
    await rina.expect_message("tautan daftar hadir ini tidak dikenali")
    other_secret = checkin_link.payload_for(
        b"not the bot's secret", (await _event(bot)), (await _event(bot)).starts_on
    )
    await rina.send(f"/start {other_secret}")
    await rina.expect_message("tidak dikenali")
    clock.set(datetime(2022, 12, 6, 22, 0, tzinfo=UTC))  # 05.00 WIB, before 06.00
    await rina.send(f"/start {payload}")
    await rina.expect_message("baru dibuka pukul 06.00 WIB")
    assert await attendance_records(bot) == []


async def _event(bot):
    async with bot.runtime.sessions() as session:
        return await current_event(session)


async def test_two_people_and_a_double_tap_at_the_same_second(bot, users, clock):
    clock.set(EVENT_MORNING)
    payload = await checkin_payload(bot)
    people = [await users.create(name) for name in ("Dewi", "Eko")]
    for person, name in zip(people, ("Dewi 🌸 Lestari", "محمد عبد الله"), strict=True):
        await person.send(f"/start {payload}")
        await person.expect_message("nama lengkap")
        await person.send(name)
        await person.expect_message("NIP")
        await person.tap("Tidak memiliki NIP")
        await person.expect_message("jabatan")
        await person.send("Staf")
        await person.expect_message("unit kerja")
        await person.send("Bappeda")
        await person.expect_message("sudah benar")
    dewi, eko = people
    await asyncio.gather(
        dewi.tap("Benar, saya hadir"), dewi.tap("Benar, saya hadir"), eko.tap("Benar, saya hadir")
    )
    await dewi.expect_message("tercatat hadir")
    await eko.expect_message("tercatat hadir")
    records = await attendance_records(bot)
    assert sorted(r.name for r in records) == sorted(["Dewi 🌸 Lestari", "محمد عبد الله"])


async def test_the_committee_checks_in_by_name_and_gets_the_daftar_hadir(bot, users, clock, emu):
    clock.set(EVENT_MORNING)
    siti = await users.create("Siti", admin=True)
    await siti.send("/catat_hadir")
    await siti.expect_message("/catat_hadir Nama; Jabatan; Unit kerja; NIP")
    await siti.send("/catat_hadir Pak Joko Susilo; Ketua RW 03; Kelurahan Kauman")
    await siti.expect_message("Tercatat hadir: Pak Joko Susilo (nomor 1)")
    await siti.send("/catat_hadir pak joko  susilo")
    await siti.expect_message("Pak Joko Susilo sudah tercatat hadir pukul 08.00 WIB")
    await siti.send("/catat_hadir Bu Tini; Guru; SD 1; 1980010120050120")
    await siti.expect_message("NIP harus terdiri dari 18 angka (yang Bapak/Ibu ketik: 16 angka)")
    long_name = "Raden " + "A" * 294
    await siti.send(f"/catat_hadir {long_name}; Tamu")
    await siti.expect_message("nomor 2")
    await siti.send(f"/catat_hadir {long_name}B; Tamu")
    await siti.expect_message("nama terlalu panjang (301 karakter; paling banyak 300)")
    await siti.send("/catat_hadir Narasumber Kementerian Dalam Negeri")
    await siti.expect_message("nomor 3")
    records = await attendance_records(bot)
    assert [r.name for r in records] == ["Pak Joko Susilo", long_name,
                                         "Narasumber Kementerian Dalam Negeri"]  # fmt: skip
    assert records[2].role.value == "narasumber"
    assert records[2].unit_name == "Kementerian Dalam Negeri"
    assert all(r.user_id is None and r.method == "committee" for r in records)

    await siti.send("/daftar_hadir")
    pdf = await siti.expect_message(predicate=lambda m: bool(m.get("document")))
    assert pdf["document"]["file_name"] == "daftar-hadir-blitar-2022.pdf"
    reader = PdfReader(io.BytesIO(await emu.download(pdf["document"]["file_id"])))
    text = "".join(" ".join(page.extract_text() for page in reader.pages).split())
    for words in ("DAFTAR HADIR", "Pak Joko Susilo", "Ketua RW 03", "Kelurahan Kauman",
                  long_name, "Tanda tangan", "Nama Ketua Panitia", "Halaman 1 dari"):  # fmt: skip
        assert "".join(words.split()) in text, words
    await siti.send("/daftar_hadir xlsx")
    xlsx = await siti.expect_message(predicate=lambda m: bool(m.get("document")))
    book = load_workbook(io.BytesIO(await emu.download(xlsx["document"]["file_id"])))
    names = [row[1] for row in book.active.iter_rows(values_only=True)]
    assert "Pak Joko Susilo" in names and long_name in names
    async with bot.runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(AttendanceRecord)) == 3


async def test_a_committee_check_in_becomes_theirs_when_they_scan(bot, users, clock):
    clock.set(EVENT_MORNING)
    siti = await users.create("Siti", admin=True)
    await siti.send("/catat_hadir Fajar; Staf; Bappeda")
    await siti.expect_message("nomor 1")
    fajar = await users.create("Fajar")
    await fajar.send(f"/start {await checkin_payload(bot)}")
    await fajar.expect_message("nama lengkap")
    await fajar.send("Fajar")
    await fajar.expect_message("NIP")
    await fajar.tap("Tidak memiliki NIP")
    await fajar.expect_message("jabatan")
    await fajar.send("Staf")
    await fajar.expect_message("unit kerja")
    await fajar.send("Bappeda")
    await fajar.expect_message("sudah benar")
    await fajar.tap("Benar, saya hadir")
    await fajar.expect_message("sudah tercatat hadir pukul 08.00 WIB")
    [record] = await attendance_records(bot)
    assert record.user_id == fajar.id


async def test_a_known_invitee_confirms_with_one_tap(bot, users, clock):
    """The event file gives the narasumber's Telegram id, name and jabatan: one tap."""
    from bot.storage.models import Invitation

    clock.set(EVENT_MORNING)
    tamu = await users.create("Hendra")
    async with bot.runtime.transaction() as session:
        invitation = await session.scalar(
            select(Invitation).where(Invitation.key == "narasumber-kemendagri")
        )
        invitation.user_id, invitation.jabatan = tamu.id, "Direktur Inovasi Daerah"
        invitation.nip = "197001011995031001"
    await tamu.send(f"/start {await checkin_payload(bot)}")
    summary = await tamu.expect_message("Apakah data di atas sudah benar?")
    assert "Nama: Narasumber Kementerian Dalam Negeri" in summary["text"]
    assert "Unit kerja: Kementerian Dalam Negeri" in summary["text"]
    await tamu.tap("Benar, saya hadir")
    await tamu.expect_message("tercatat hadir pukul 08.00 WIB (nomor 1)")
    [record] = await attendance_records(bot)
    assert record.role.value == "narasumber" and record.invitation_id == invitation.id
    assert record.jabatan == "Direktur Inovasi Daerah"


async def test_a_session_checks_in_separately_with_its_own_list(bot, users, clock, emu):
    """``attendance.sessions`` of the event file: the session's own link and daftar hadir."""
    clock.set(EVENT_MORNING)
    event = await _event(bot)
    session_link = checkin_link.payload_for(
        checkin_secret(bot.runtime), event, event.starts_on, "diseminasi-iga"
    )
    ani = await users.create("Ani")
    await ani.send(f"/start {await checkin_payload(bot)}")
    await ani.expect_message("nama lengkap")
    for text, prompt in (("Ani", "NIP"), ("-", "jabatan"), ("Staf", "unit kerja"),
                         ("Bappeda", "sudah benar")):  # fmt: skip
        await ani.send(text)
        await ani.expect_message(prompt)
    await ani.tap("Benar, saya hadir")
    await ani.expect_message("nomor 1")
    clock.advance(timedelta(hours=1, minutes=30))  # 09.30, the dissemination
    await ani.send(f"/start {session_link}")
    await ani.expect_message(
        "Ani tercatat hadir pada sesi Diseminasi Laporan Hasil IGA Tahun 2022 pukul 09.30 WIB"
    )
    await ani.send(f"/start {session_link}")
    await ani.expect_message("sudah tercatat hadir pada sesi")

    clock.advance(timedelta(minutes=5))
    budi = await users.create("Budi")  # scans the session's poster first: the form, then both
    await budi.send(f"/start {session_link}")
    await budi.expect_message("nama lengkap")
    for text, prompt in (("Budi", "NIP"), ("-", "jabatan"), ("Staf", "unit kerja"),
                         ("Dinas Sosial", "sudah benar")):  # fmt: skip
        await budi.send(text)
        await budi.expect_message(prompt)
    await budi.tap("Benar, saya hadir")
    await budi.expect_message("tercatat hadir pada sesi Diseminasi")
    assert [r.name for r in await attendance_records(bot)] == ["Ani", "Budi"]

    siti = await users.create("Siti", admin=True)
    await siti.send("/daftar_hadir diseminasi-iga")
    pdf = await siti.expect_message(predicate=lambda m: bool(m.get("document")))
    assert pdf["document"]["file_name"] == "daftar-hadir-blitar-2022-diseminasi-iga.pdf"
    reader = PdfReader(io.BytesIO(await emu.download(pdf["document"]["file_id"])))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Sesi: Diseminasi Laporan Hasil IGA Tahun 2022 (09.30–10.00 WIB)" in text
    assert "09.30" in text and "09.35" in text and "08.00" not in text
    await siti.send("/daftar_hadir pembukaan")
    await siti.expect_message("tidak ada sesi dengan kode pembukaan")


async def test_the_committee_poster_link_checks_people_in(bot, users, clock, emu):
    """The poster from /kehadiran carries the day's link; scanning it starts the check-in."""
    clock.set(EVENT_MORNING - timedelta(days=3))  # printed before the event
    siti = await users.create("Siti", admin=True)
    await siti.send("/kehadiran")
    await siti.expect_message("Undangan dan kehadiran")
    await siti.tap("Poster QR (PDF)")
    poster = await siti.expect_message(predicate=lambda m: bool(m.get("document")), timeout=30)
    assert "Rabu, 7 Desember 2022" in poster["caption"]
    link = poster["caption"].split("Tautan: ", 1)[1].strip()
    text = PdfReader(io.BytesIO(await emu.download(poster["document"]["file_id"]))).pages[0]
    assert link in text.extract_text()
    payload = link.split("?start=", 1)[1]
    clock.set(EVENT_MORNING)
    rina = await users.create("Rina")
    await rina.send(f"/start {payload}")
    await rina.expect_message("nama lengkap")
