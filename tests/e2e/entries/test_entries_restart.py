"""A bot process killed (SIGKILL) in the middle of the form loses nothing: after a new start
the officer continues with every earlier answer intact."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.services.core.events import current_edition
from bot.services.entries.cursor import AtField
from bot.services.entries.invites import create_invite
from bot.services.entries.submissions import answers_of, cursor_of, load_entry
from bot.settings import Settings
from bot.storage.database import create_engine, create_session_factory
from bot.storage.models import Officer
from tests.e2e.conftest import wait_until
from tests.e2e.helpers.entries import TRICKY, question

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing, pytest.mark.entries_open_now]

START_TIMEOUT = 30.0
"""Seconds for a fresh process to import, connect and answer (Python start-up included)."""


async def _answers(database_url: str, user_id: int) -> dict:
    engine = create_engine(Settings(_env_file=None, database_url=database_url).database_url)
    try:
        async with create_session_factory(engine)() as session:
            entry_id = await session.scalar(
                select(Officer.current_submission_id).where(Officer.user_id == user_id)
            )
            if entry_id is None:
                return {}
            submission = await load_entry(session, entry_id)
            return {**answers_of(submission), "#position": cursor_of(submission)}
    finally:
        await engine.dispose()


async def _invite(database_url: str) -> str:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            edition = await current_edition(session)
            unit = next(unit for unit in edition.units if unit.code == "DLH")
            return await create_invite(session, unit, datetime.now(UTC))
    finally:
        await engine.dispose()


async def test_killed_in_the_middle_of_the_form_the_officer_continues(
    bot_process,
    emu,
    database_url,
) -> None:
    first = bot_process.start()
    siti = await emu.create_user("Siti", language_code="id")
    await siti.send(f"/daftar {await _invite(database_url)}")
    await siti.expect_message("terdaftar sebagai petugas", timeout=START_TIMEOUT)
    await siti.send(t("id", "menu-submit"))
    await siti.expect_message(question("Nama inovasi"))
    await siti.send(TRICKY)
    await siti.expect_message(question("Tahapan inovasi"))
    await siti.tap("Uji coba")
    await siti.expect_message(question("Inisiator"))
    await siti.tap("ASN")
    await siti.expect_message(question("Nama inisiator"))
    await siti.send("Budi & <Tim>")
    await siti.expect_message(question("Jenis inovasi"))
    before = await _answers(database_url, siti.id)
    assert before == {
        "nama": TRICKY,
        "tahapan": "uji_coba",
        "inisiator": "asn",
        "nama_inisiator": "Budi & <Tim>",
        "#position": AtField("jenis"),
    }

    first.kill()
    assert not first.running
    bot_process.start()
    await siti.send("/lanjutkan")
    resumed = await siti.expect_message(question("Jenis inovasi"), timeout=START_TIMEOUT)
    assert "(5 dari 18)" in resumed["text"]
    await siti.tap("Digital")
    await siti.expect_message(question("Bentuk inovasi"))
    after = await _answers(database_url, siti.id)
    assert after == {**before, "jenis": "digital", "#position": AtField("bentuk")}

    # killed again; this time the officer simply answers, without /lanjutkan
    bot_process.started[-1].kill()
    bot_process.start()
    await siti.tap("Inovasi pelayanan publik")
    await siti.expect_message(question("Tematik"), timeout=START_TIMEOUT)

    async def saved() -> bool:
        return (await _answers(database_url, siti.id)).get("bentuk") == "pelayanan_publik"

    await wait_until(saved)
    # a tap answered more than 15 s after it was made (a slow restart) is refused by Telegram
    # as too old: the bot still acts on it (above); any other refusal is a fault
    refused = [r for r in await emu.rejections() if "query is too old" not in r["description"]]
    assert refused == [], bot_process.output()
