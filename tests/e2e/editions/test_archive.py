"""``/arsip``: the past editions; a year's winners (rank, unit, innovation) and its results
report as a PDF, public only once announced; a bad or unknown year answered politely."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import t
from bot.sandbox.config import EmulatorConfig, RateLimits
from tests.e2e.editions.test_read_only_previous_edition import start_next_edition

pytestmark = pytest.mark.e2e

WIB = ZoneInfo("Asia/Jakarta")
AFTER_THE_AWARDING = datetime(2022, 12, 8, 9, 0, tzinfo=WIB)
SEED_WINNERS = [
    "Juara I: Dinas Sosial — Sosial Home Care Lanjut Usia",
    "Juara II: Dinas PM dan PTSP — LAPIS MANIS (Aplikasi Lacak Peluang Investasi Aman Dan "
    "Efisien Berbasis Web GIS)",
    "Juara III: Kelurahan Bendogerit — JAGO SILO (Jajan Nonggo Nglarisi Bolo)",
    "Juara IV: Dinas Lingkungan Hidup — SIDOTI (Sistem Informasi Sedot Tinja Terintegrasi)",
]


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """A few commands within a second: a larger per-chat burst keeps flood control off."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


def _is_report(message) -> bool:
    document = message.get("document") or {}
    return document.get("file_name") == "laporan-hasil-iga-2022.pdf"


async def test_archive_of_2022_after_2023_started(bot, users) -> None:
    warga = await users.create("Warga")
    siti = await users.create("Siti", admin=True)
    await warga.send("/arsip")
    await warga.expect_message(t("id", "archive-none"))
    await start_next_edition(bot)

    # before the 2022 announcement: nothing of the results for the public, a preview for admins
    await warga.send("/arsip 2022")
    await warga.expect_message(t("id", "archive-pending", year="2022"))
    await siti.send("/arsip 2022")
    preview = await siti.expect_message("Pratinjau panitia: hasil IGA 2022 belum diumumkan")
    assert SEED_WINNERS[0] in preview["text"]
    await siti.expect_message(predicate=_is_report)

    bot.clock.set(AFTER_THE_AWARDING)
    await warga.send("/arsip")
    listing = await warga.expect_message("Arsip IGA")
    assert (
        "IGA 2022: Lomba Innovative Government Award (IGA) Tingkat Kota Blitar Tahun 2022"
        in (listing["text"])
    )
    assert "2023" not in listing["text"]  # the current edition is not archived
    await warga.tap("🏆 IGA 2022")
    winners = await warga.expect_message("Juara IGA 2022")
    assert winners["text"].splitlines()[-4:] == SEED_WINNERS
    report = await warga.expect_message(predicate=_is_report)
    assert report["caption"] == "Laporan Hasil IGA 2022"

    await warga.send("/archive dua ribu")
    await warga.expect_message(t("id", "archive-bad-year", given="dua ribu", year="2022"))
    await warga.send("/arsip 2019")
    await warga.expect_message(t("id", "archive-unknown-year", year="2019"))


async def test_first_edition_enters_the_archive_once_announced(bot, users) -> None:
    warga = await users.create("Warga")
    bot.clock.set(AFTER_THE_AWARDING)
    await warga.send("/arsip")
    listing = await warga.expect_message("Arsip IGA")
    assert "IGA 2022" in listing["text"]
    await warga.tap("🏆 IGA 2022")
    winners = await warga.expect_message("Juara IGA 2022")
    assert winners["text"].splitlines()[-4:] == SEED_WINNERS


async def test_committee_exports_and_report_of_any_edition(bot, users) -> None:
    siti = await users.create("Siti", admin=True)
    await start_next_edition(bot)
    await siti.send("/laporan 2022")
    await siti.expect_message(predicate=_is_report)
    await siti.send("/laporan")
    current = await siti.expect_message(predicate=lambda m: bool(m.get("document")))
    assert current["document"]["file_name"] == "laporan-hasil-iga-2023.pdf"
    await siti.send("/ekspor 2022")
    workbook = await siti.expect_message(predicate=lambda m: bool(m.get("document")))
    assert "Tingkat Kota Blitar Tahun 2022" in workbook["caption"]
    assert workbook["document"]["file_name"].endswith(".xlsx")
    await siti.send("/ekspor 1999")
    await siti.expect_message(t("id", "archive-unknown-year", year="1999"))


async def test_a_typed_year_with_markup_is_answered_as_typed(bot, users) -> None:
    """The bot's replies are HTML by default (``bot.app.DEFAULTS``): what a user typed comes
    back as the same text, neither markup nor visible entities."""
    warga = await users.create("Warga")
    await warga.send("/arsip <b>2022</b> & a < b")
    reply = await warga.expect_message("bukan tahun")
    assert '"<b>2022</b> & a < b" bukan tahun' in reply["text"]
    assert "&lt;b&gt;2022&lt;/b&gt; &amp; a &lt; b" in reply["html"]
