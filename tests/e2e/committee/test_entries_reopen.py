"""The committee reopens entries for one unit: the deadline is the end of a day, and the
officers are told to continue their draft or to start an entry (QA findings)."""

import pytest

from bot.i18n import t
from tests.e2e.helpers.entries import (
    AFTER_CLOSE,
    IN_WINDOW,
    join,
    prefilled_entry,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]


async def test_reopen_lasts_to_the_end_of_the_day_and_says_to_start_an_entry(users, bot) -> None:
    bot.clock.set(AFTER_CLOSE)  # Rabu, 2 November 2022, 09.00 WIB
    admin = await users.create("Panitia", admin=True)
    budi = await join(users, bot, "Budi")
    await admin.send("/buka_kembali DLH 7")
    done = await admin.expect_message("dibuka kembali sampai")
    assert "Rabu, 9 November 2022, pukul 23.59 WIB" in done["text"]
    notice = await budi.expect_message("Panitia membuka kembali pengisian inovasi")
    assert "Rabu, 9 November 2022, pukul 23.59 WIB" in notice["text"]
    assert "/lanjutkan" not in notice["text"]
    assert t("id", "menu-submit") in notice["text"]


async def test_reopen_tells_a_unit_with_a_draft_to_continue_it(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    await prefilled_entry(bot, budi.id)
    bot.clock.set(AFTER_CLOSE)
    admin = await users.create("Panitia", admin=True)
    await admin.send("/buka_kembali DLH 2")
    await admin.expect_message("dibuka kembali sampai Jumat, 4 November 2022, pukul 23.59 WIB")
    notice = await budi.expect_message("Panitia membuka kembali pengisian inovasi")
    assert "/lanjutkan" in notice["text"]
