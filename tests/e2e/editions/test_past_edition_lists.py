"""QA #15: after IGA 2023 starts, /inovasi 2022 and /peringkat 2022 show IGA 2022 for reading
(no button), each list names its year, and a word these commands do not know is answered
with the usage instead of being ignored (so are /ekspor's and /laporan's)."""

from __future__ import annotations

import pytest

from bot.i18n import t
from bot.storage.models import SubmissionStatus
from tests.e2e.editions.test_read_only_previous_edition import start_next_edition
from tests.e2e.helpers.committee import add_entries, quick_emulator, real_file_id

pytestmark = pytest.mark.e2e
S = SubmissionStatus


@pytest.fixture
def emulator_config():
    """Flood control scaled up: the test sends commands faster than a person."""
    return quick_emulator()


async def test_past_edition_is_listed_read_only_and_unknown_words_answered(bot, users) -> None:
    admin = await users.create("Rahmat", admin=True)
    file_id = await real_file_id(admin)
    await add_entries(
        bot.runtime,
        [("DINSOS", "Home Care", S.SUBMITTED), ("DLH", "SIDOTI", S.VERIFIED)],
        file_id,
    )
    await start_next_edition(bot)

    await admin.send("/inovasi 2022")
    listed = await admin.expect_message("Daftar inovasi")
    text = listed["text"]
    assert "(2 entri)" in text and "Tahun 2022" in text
    assert "Home Care" in text and "SIDOTI" in text
    assert t("id", "entries-read-only", year="2022") in text
    assert not listed.get("inline_keyboard")

    await admin.send("/inovasi")
    current = await admin.expect_message("Daftar inovasi")
    assert "(0 entri)" in current["text"] and "Tahun 2023" in current["text"]

    await admin.send("/peringkat 2022")
    ranked = await admin.expect_message("Peringkat sementara")
    assert "Tahun 2022" in ranked["text"] and "SIDOTI" in ranked["text"]
    assert t("id", "ranking-read-only", year="2022") in ranked["text"]
    assert not ranked.get("inline_keyboard")

    await admin.send("/inovasi kemarin")
    usage = await admin.expect_message("“kemarin” tidak dikenali")
    assert "/inovasi 2022" in usage["text"] and "DLH" in usage["text"]
    await admin.send("/peringkat semua")
    await admin.expect_message("“semua” tidak dikenali")
    await admin.send("/ekspor kemarin")
    await admin.expect_message("“kemarin” tidak dikenali, jadi tidak ada berkas")
    await admin.send("/ekspor csv nilai lagi 2022")
    await admin.expect_message("“lagi” tidak dikenali")
    await admin.send("/laporan semua 2022")
    await admin.expect_message("“semua” tidak dikenali, jadi laporan")
    await admin.send("/inovasi 2019")
    await admin.expect_message(t("id", "archive-unknown-year", year="2019"))
