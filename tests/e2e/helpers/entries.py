"""Helpers of the entry tests: officers joined through an invite code, a clock inside the
entry period, the database's view of an entry, and filling the default form in the chat."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from bot.handlers.shared.file_store import STORE
from bot.i18n import t
from bot.sandbox.config import EmulatorConfig
from bot.sandbox.driver import UserDriver
from bot.services.core.events import current_edition
from bot.services.entries.cursor import AtField, AtSummary, to_json
from bot.services.entries.invites import create_invite, redeem_invite
from bot.services.entries.submissions import answers_of, load_entry, set_cursor, start_entry
from bot.storage.database import create_engine, create_session_factory
from bot.storage.models import FileState, Officer, Unit

IN_WINDOW = datetime(2022, 10, 3, 2, 0, tzinfo=UTC)
"""Senin, 3 Oktober 2022, 09.00 WIB: inside the seed's entry period (example dates)."""

AFTER_CLOSE = datetime(2022, 11, 2, 2, 0, tzinfo=UTC)

PDF = b"%PDF-1.4\n% test document\n"

TRICKY = "SIDOTI <Sistem> & Tinja 🚽 مرحبا"
"""A name with HTML-special characters, an emoji and right-to-left text."""

LONG_TEXT = " ".join(["Rancang <inovasi> R&D perubahan 🚀baru."] * 60)
"""300 words (5 words × 60; "&", "<", ">" and an emoji inside words: alone they are no word)."""

LONG_FIELD = "rancang_bangun"
"""A long-text field of the seed form: each message is appended to the saved answer and the
officer stays on the field."""


async def officers_at_long_field(database_url: str, user_ids: Sequence[int]) -> None:
    """Each user becomes an officer (one invite code each, redeemed as ``/daftar`` does) with
    a draft entry open at :data:`LONG_FIELD`, through the services (real clock)."""
    engine = create_engine(database_url)
    now = datetime.now(UTC)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            edition = await current_edition(session)
            units = list(await session.scalars(select(Unit).where(Unit.edition_id == edition.id)))
            for index, user_id in enumerate(user_ids):
                code = await create_invite(session, units[index % len(units)], now)
                officer = await redeem_invite(session, user_id, code, now)
                set_cursor(
                    await start_entry(session, officer, edition, now), AtField(LONG_FIELD), now
                )
    finally:
        await engine.dispose()


def no_flood_control() -> EmulatorConfig:
    """Emulator settings without flood control: a test types far faster than a person."""
    config = EmulatorConfig()
    config.rate_limits.enabled = False
    return config


async def invite_code(bot: Any, unit_code: str = "DLH") -> str:
    """A fresh invite code for the unit, as `/undangan` or `iga-bot invite create` make."""
    runtime = bot.runtime
    async with runtime.transaction() as session:
        edition = await current_edition(session)
        unit = await session.scalar(
            select(Unit).where(Unit.edition_id == edition.id, Unit.code == unit_code)
        )
        return await create_invite(session, unit, runtime.now())


async def join(users: Any, bot: Any, name: str = "Siti", unit: str = "DLH") -> UserDriver:
    """A new user who became an officer of ``unit`` with ``/daftar CODE``."""
    driver = await users.create(name)
    await driver.send(f"/daftar {await invite_code(bot, unit)}")
    await driver.expect_message("terdaftar sebagai petugas")
    return driver


async def active_entry_id(bot: Any, user_id: int) -> int | None:
    """The entry the officer is filling in, per the database."""
    async with bot.runtime.sessions() as session:
        return await session.scalar(
            select(Officer.current_submission_id).where(
                Officer.user_id == user_id, Officer.current_submission_id.is_not(None)
            )
        )


async def entry_state(bot: Any, submission_id: int) -> tuple[Any, dict[str, Any]]:
    """The entry row and its answers, fresh from the database."""
    async with bot.runtime.sessions() as session:
        submission = await load_entry(session, submission_id)
        return submission, answers_of(submission)


def question(label_id: str) -> str:
    """What the question of a field starts with (its label in bold, then the progress)."""
    return f"{label_id} ("


async def fill_first_fields(driver: UserDriver) -> None:
    """Name, stage (penerapan), initiator, initiator's name, type, form, themes, affair."""
    await driver.expect_message(question("Nama inovasi"))
    await driver.send(TRICKY)
    await driver.expect_message(question("Tahapan inovasi"))
    await driver.tap("Penerapan")
    await driver.expect_message(question("Inisiator"))
    await driver.tap("Perangkat Daerah")
    await driver.expect_message(question("Nama inisiator"))
    await driver.send("Dinas Lingkungan Hidup")
    await driver.expect_message(question("Jenis inovasi"))
    await driver.tap("Digital")
    await driver.expect_message(question("Bentuk inovasi"))
    await driver.tap("Inovasi pelayanan publik")
    await driver.expect_message(question("Tematik"))
    await driver.tap("⬜ Smart City")
    await driver.expect_message(question("Tematik"))
    await driver.tap("⬜ Daerah bersih dan bebas sampah")
    await driver.expect_message(question("Tematik"))
    await driver.tap(t("id", "entry-button-done"))
    await driver.expect_message(question("Urusan pemerintahan utama"))
    await driver.tap("Perumahan Rakyat dan Kawasan Permukiman")


async def fill_remaining_fields(driver: UserDriver) -> None:
    """Dates, the long texts (the first in two messages), money, two files, link, phone."""
    await driver.expect_message(question("Waktu uji coba"))
    await driver.send("10/01/2022")
    await driver.expect_message(question("Waktu penerapan"))
    await driver.send("1 Maret 2022")
    await driver.expect_message(question("Rancang bangun dan pokok perubahan"))
    half = LONG_TEXT.split(" ")
    await driver.send(" ".join(half[:150]))
    await driver.expect_message("Tersimpan 150 kata")
    tap = await driver.tap(t("id", "entry-button-done"))
    alert = (await driver.expect_callback_answer(tap))["text"]
    assert alert == (
        "Baru 150 dari minimal 300 kata. Silakan lanjutkan menulis, lalu ketuk ✅ Selesai."
    )
    await driver.send(" ".join(half[150:]))
    await driver.expect_message("Tersimpan 300 kata")
    await driver.tap(t("id", "entry-button-done"))
    for label in ("Tujuan inovasi", "Manfaat yang diperoleh", "Hasil inovasi"):
        await driver.expect_message(question(label))
        await driver.send(
            f"{label} yang jelas dan terukur bagi masyarakat Kota Blitar & sekitarnya"
        )
        await driver.expect_message("Tersimpan")
        await driver.tap(t("id", "entry-button-done"))
    await driver.expect_message(question("Anggaran inovasi (rupiah)"))
    await driver.send("Rp10.000.000")
    await driver.expect_message(question("Dokumen anggaran"))
    await send_files(driver, (PDF, "anggaran.pdf", "application/pdf"))
    await driver.expect_message(question("Profil bisnis"))
    await send_files(driver, (PDF, "profil bisnis.pdf", "application/pdf"))
    await driver.expect_message(question("Tautan video"))
    await driver.send("https://youtu.be/sidoti")
    await driver.expect_message(question("Nomor telepon narahubung"))
    await driver.send("0812-3456-7890")


async def fill_self_assessment(driver: UserDriver, bot: Any, submission_id: int) -> None:
    """Level 2 for every indicator; evidence a PDF for the odd ones, a link for the others."""
    async with bot.runtime.sessions() as session:
        indicators = (await current_edition(session)).indicators
    for index, indicator in enumerate(indicators):
        await driver.expect_message(f"Penilaian mandiri {index + 1}/{len(indicators)}")
        await driver.tap(data=f"entry:level:{submission_id}:{index}:2")
        await driver.expect_message(f"Kirim bukti untuk {indicator.name}")
        if index % 2:
            await driver.send(f"https://drive.example.id/bukti/{indicator.key}")
        else:
            await send_files(driver, (PDF, f"bukti-{indicator.key}.pdf", "application/pdf"))


async def send_files(driver: UserDriver, *files: tuple[bytes, str, str | None]) -> None:
    """Send each file (data, name, MIME type; a ``None`` type sends a photo) at a question
    that takes files, waiting for each to be acknowledged, then tap ➡️ Lanjut."""
    for data, name, mime_type in files:
        if mime_type is None:
            await driver.send_photo(data)
        else:
            await driver.send_document(data, name, mime_type)
        await driver.expect_message("tersimpan. Kirim berkas lain")
    await driver.tap(t("id", "evidence-button-next"))


COMPLETE = {
    "nama": TRICKY,
    "tahapan": "penerapan",
    "inisiator": "perangkat_daerah",
    "nama_inisiator": "Dinas Lingkungan Hidup",
    "jenis": "digital",
    "bentuk": "pelayanan_publik",
    "tematik": ["smart_city"],
    "urusan": "perkim",
    "waktu_uji_coba": "2022-01-10",
    "waktu_penerapan": "2022-03-01",
    "rancang_bangun": LONG_TEXT,
    "tujuan": "tujuan " * 10,
    "manfaat": "manfaat " * 10,
    "hasil": "hasil " * 10,
    "anggaran_nilai": None,
    "video": "https://youtu.be/x",
    "kontak": "+6281234567890",
}
"""Every answer of the default form (files aside), as stored."""


async def prefilled_entry(bot: Any, user_id: int, now: datetime = IN_WINDOW) -> int:
    """A complete draft of the officer's unit, made through the services (not the chat), at
    its summary, opened for the officer."""
    from bot.services.entries.submissions import (
        FileInfo,
        officer_units,
        save_answer,
        save_file,
        set_evidence,
        set_level,
        start_entry,
    )

    async with bot.runtime.transaction() as session:
        edition = await current_edition(session)
        officer = (await officer_units(session, user_id, edition.id))[0]
        submission = await start_entry(session, officer, edition, now)
        for key, value in COMPLETE.items():
            await save_answer(session, edition, submission, key, value, now)
        kept = await STORE.of(bot.application).put_bytes(PDF)
        for key in ("anggaran", "profil_bisnis"):
            file = FileInfo(key, key, f"{key}.pdf", "application/pdf", len(PDF))
            attachment = await save_file(session, edition, submission, key, file, now)
            # as if downloaded already: these file_ids were never Telegram's
            attachment.state, attachment.sha256 = FileState.STORED, kept.sha256
        for indicator in edition.indicators:
            await set_level(session, edition, submission, indicator, 1, now)
            await set_evidence(session, edition, submission, indicator, now, url="https://x.id")
        set_cursor(submission, AtSummary(), now)
        return submission.id


async def officer_at(
    users: Any, bot: Any, *keys: str, name: str = "Budi"
) -> tuple[UserDriver, int]:
    """A new officer (``name``, of DLH) whose complete draft (:func:`prefilled_entry`) lacks
    the answers of ``keys`` and, after ``/lanjutkan``, waits at the first of them.

    Returns:
        The officer and the entry's id.
    """
    driver = await join(users, bot, name)
    entry_id = await prefilled_entry(bot, driver.id)
    async with bot.runtime.transaction() as session:
        submission = await load_entry(session, entry_id)
        for answer in [a for a in submission.answers if a.field_key in keys]:
            submission.answers.remove(answer)
        submission.cursor = to_json(AtField(keys[0]))
    await driver.send("/lanjutkan")
    return driver, entry_id
