"""The committee's check-in by name meets a scan (QA): the same person is recognised whichever
came first, a line is claimed only when it fits, and two guests of one name stay two."""

import pytest

from tests.e2e.attendance.helpers import EVENT_MORNING, attendance_records, scan_in

pytestmark = pytest.mark.e2e


async def test_a_namesake_scanning_does_not_take_the_committee_line(bot, users, clock):
    clock.set(EVENT_MORNING)
    rahmat = await users.create("Rahmat", admin=True)
    await rahmat.send("/catat_hadir Budi Santoso; Guru; SD Negeri 1")
    await rahmat.expect_message("nomor 1")
    budi = await users.create("Budi")
    reply = await scan_in(bot, budi, "budi santoso", "Staf", "Bappeda")
    assert "(nomor 2)" in reply["text"]
    rows = await attendance_records(bot)
    assert [(row.name, row.jabatan, row.user_id) for row in rows] == [
        ("Budi Santoso", "Guru", None), ("budi santoso", "Staf", budi.id)
    ]  # fmt: skip


async def test_the_same_person_is_recognised_whoever_recorded_them_first(bot, users, clock):
    clock.set(EVENT_MORNING)
    rahmat = await users.create("Rahmat", admin=True)
    await rahmat.send("/catat_hadir Ani Wijaya; Camat; Kecamatan Sukorejo; 198001012005012001")
    await rahmat.expect_message("nomor 1")
    ani = await users.create("Ani")
    # her NIP is on the committee's line of her name: hers, not "already taken"
    reply = await scan_in(bot, ani, "Ani Wijaya", "Camat", "Sukorejo", "19800101 200501 2 001")
    assert "sudah tercatat hadir pukul 08.00 WIB" in reply["text"]

    fajar = await users.create("Fajar")
    await scan_in(bot, fajar, "Fajar Nugroho", "Staf", "Bappeda")
    await rahmat.send("/catat_hadir fajar  nugroho; staf")
    await rahmat.expect_message("Fajar Nugroho sudah tercatat hadir pukul 08.00 WIB")
    rows = await attendance_records(bot)
    assert [(row.name, row.user_id, row.method) for row in rows] == [
        ("Ani Wijaya", ani.id, "committee"), ("Fajar Nugroho", fajar.id, "qr")
    ]  # fmt: skip


async def test_two_guests_of_one_name_stay_two_and_each_is_claimed_only_by_its_own(
    bot, users, clock
):
    clock.set(EVENT_MORNING)
    rahmat = await users.create("Rahmat", admin=True)
    await rahmat.send("/catat_hadir Budi; Guru; SD Negeri 1")
    await rahmat.expect_message("Tercatat hadir: Budi (nomor 1)")
    await rahmat.send("/catat_hadir Budi; Staf; Bappeda")
    second = await rahmat.expect_message("Tercatat hadir: Budi (nomor 2)")
    assert "1 orang lain dengan nama yang sama sudah tercatat" in second["text"]
    await rahmat.send("/catat_hadir budi")
    await rahmat.expect_message("ada 2 orang bernama budi yang sudah tercatat hadir")

    budi = await users.create("Budi")
    reply = await scan_in(bot, budi, "Budi", "Staf", "Bappeda")
    assert "sudah tercatat hadir pukul 08.00 WIB" in reply["text"]
    rows = await attendance_records(bot)
    assert [(row.jabatan, row.user_id) for row in rows] == [("Guru", None), ("Staf", budi.id)]
