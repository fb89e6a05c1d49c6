"""Validation of typed answers through the chat: dates after today, days that do not exist,
amounts with sen, a zero budget (QA findings); on SQLite and PostgreSQL."""

import pytest

from tests.e2e.helpers.entries import (
    IN_WINDOW,
    entry_state,
    officer_at,
    question,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]


async def test_trial_date_after_today_or_not_in_the_calendar_is_refused(users, bot) -> None:
    bot.clock.set(IN_WINDOW)  # Senin, 3 Oktober 2022
    budi, entry_id = await officer_at(users, bot, "waktu_uji_coba", "waktu_penerapan")
    await budi.expect_message(question("Waktu uji coba"))
    await budi.send("1 Januari 2030")
    reply = await budi.expect_message("tidak boleh sesudah hari ini (Senin, 3 Oktober 2022)")
    assert question("Waktu uji coba") in reply["text"]
    await budi.send("31/02/2022")
    await budi.expect_message("tidak ada di kalender")
    _, answers = await entry_state(bot, entry_id)
    assert "waktu_uji_coba" not in answers
    await budi.send("3 Oktober 2022")  # today is fine
    await budi.expect_message(question("Waktu penerapan"))
    await budi.send("04/10/2022")
    await budi.expect_message("tidak boleh sesudah hari ini")
    await budi.send("03/10/2022")
    await budi.expect_message("Ringkasan:")
    _, answers = await entry_state(bot, entry_id)
    assert answers["waktu_uji_coba"] == answers["waktu_penerapan"] == "2022-10-03"


async def test_budget_with_sen_is_refused_and_zero_is_accepted(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi, entry_id = await officer_at(users, bot, "anggaran_nilai")
    await budi.expect_message(question("Anggaran inovasi (rupiah)"))
    await budi.send("Rp 10.000.000,50")
    await budi.expect_message("tanpa sen")
    _, answers = await entry_state(bot, entry_id)
    assert "anggaran_nilai" not in answers
    await budi.send("0")
    summary = await budi.expect_message("Ringkasan:")
    assert "Anggaran inovasi (rupiah): Rp0" in summary["text"]
    _, answers = await entry_state(bot, entry_id)
    assert answers["anggaran_nilai"] == 0
