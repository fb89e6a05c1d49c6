"""Validation of typed answers through the chat: dates after today, days that do not exist,
amounts with sen, a zero budget (QA findings); on SQLite and PostgreSQL."""

import pytest

from bot.sandbox.config import EmulatorConfig
from bot.services.entries.cursor import AtField, to_json
from bot.services.entries.submissions import load_entry
from tests.e2e.helpers.entries import (
    IN_WINDOW,
    entry_state,
    join,
    no_flood_control,
    prefilled_entry,
    question,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    return no_flood_control()


async def _officer_at(users, bot, *keys: str):  # type: ignore[no-untyped-def]
    """An officer whose complete entry lacks ``keys`` and waits at the first of them."""
    budi = await join(users, bot, "Budi")
    entry_id = await prefilled_entry(bot, budi.id)
    async with bot.runtime.transaction() as session:
        submission = await load_entry(session, entry_id)
        for answer in [a for a in submission.answers if a.field_key in keys]:
            submission.answers.remove(answer)
        submission.cursor = to_json(AtField(keys[0]))
    await budi.send("/lanjutkan")
    return budi, entry_id


async def test_trial_date_after_today_or_not_in_the_calendar_is_refused(users, bot) -> None:
    bot.clock.set(IN_WINDOW)  # Senin, 3 Oktober 2022
    budi, entry_id = await _officer_at(users, bot, "waktu_uji_coba", "waktu_penerapan")
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
    budi, entry_id = await _officer_at(users, bot, "anggaran_nilai")
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
