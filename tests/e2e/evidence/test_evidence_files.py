"""Evidence that lasts: an officer sends three documents and two photos for fields and
indicators; the file store holds their exact bytes (by SHA-256), also after the bot token
changes and Telegram forgets every file_id; the ZIP archive holds them under the field's or
the indicator's name. On the folder store and on S3-compatible storage (moto)."""

from __future__ import annotations

import asyncio
import re
import uuid
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pydantic import SecretStr

from bot.cli import main as cli
from bot.i18n import plain_text, t
from bot.services.core.events import current_edition
from bot.services.evidence.archive import INDEX_NAME, entry_folder
from bot.services.evidence.store import open_store
from tests.e2e.conftest import start_bot, stop_bot
from tests.e2e.evidence.helpers import (
    DOC_A,
    DOC_B,
    DOC_C,
    PDF,
    PHOTO_1,
    PHOTO_2,
    officer_without_files,
    sha,
    wait_stored,
)
from tests.e2e.helpers.entries import IN_WINDOW, TRICKY, question, send_files

pytestmark = pytest.mark.e2e

NEW_TOKEN = "987654321:AAHnew-token-after-botfather-revoke-0123"


@pytest.fixture(params=["folder", "s3"])
def settings_overrides(request: pytest.FixtureRequest) -> dict[str, Any]:
    if request.param == "folder":
        return {}
    return {
        "files_s3_endpoint": request.getfixturevalue("s3_endpoint"),
        "files_s3_bucket": f"iga-{uuid.uuid4().hex[:12]}",
        "files_s3_access_key": "iga",
        "files_s3_secret_key": "rahasia",
    }


async def _indicator_index(bot: Any, key: str) -> int:
    async with bot.runtime.sessions() as session:
        edition = await current_edition(session)
    return [indicator.key for indicator in edition.indicators].index(key)


async def _evidence(siti: Any, bot: Any, entry_id: int, key: str, *files: Any) -> None:
    index = await _indicator_index(bot, key)
    await siti.tap(t("id", "entry-button-assessment"))
    await siti.expect_message("Penilaian mandiri")
    await siti.tap(data=f"entry:indicator:{entry_id}:{index}")
    await siti.expect_message("Penilaian mandiri")
    await siti.tap(data=f"entry:level:{entry_id}:{index}:3")
    await siti.expect_message("Kirim bukti untuk")
    await send_files(siti, *files)
    await siti.expect_message("Ringkasan")


async def test_documents_and_photos_outlive_the_token_and_go_into_the_archive(
    users, bot, bot_settings, clock, emu, database_url, tmp_path: Path, monkeypatch
) -> None:
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_without_files(users, bot)
    await siti.expect_message(question("Dokumen anggaran"))
    await send_files(siti, (DOC_A, "DPA 2022.pdf", PDF), (DOC_B, "Rincian anggaran.pdf", PDF))
    await siti.expect_message(question("Profil bisnis"))
    await send_files(siti, (DOC_C, "Profil bisnis DLH.pdf", PDF))
    await siti.expect_message("Ringkasan")
    await _evidence(siti, bot, entry_id, "replikasi", (PHOTO_1, "", None))
    await _evidence(siti, bot, entry_id, "alat-kerja", (PHOTO_2, "", None))

    rows = await wait_stored(database_url, 5)
    sent = [DOC_A, DOC_B, DOC_C, PHOTO_1, PHOTO_2]
    assert [row.sha256 for row in rows] == [sha(data) for data in sent]
    assert [row.size_bytes for row in rows] == [len(data) for data in sent]
    assert [row.field_key for row in rows] == [
        "anggaran",
        "anggaran",
        "profil_bisnis",
        "#indicator:replikasi",
        "#indicator:alat-kerja",
    ]
    assert rows[3].mime_type == "image/jpeg" and rows[3].file_name.endswith(".jpg")

    # the review lists every file by name; submitting keeps them
    await siti.tap(t("id", "entry-button-summary"))
    await siti.expect_message("Ringkasan")
    await siti.tap(t("id", "entry-button-review"))
    first = await siti.expect_message("Periksa kembali")
    await siti.expect_message(plain_text("id", "entry-review-confirm"))
    review = "".join(
        m["text"] or ""
        for m in await siti.transcript()
        if m["from"] == "bot" and m["message_id"] >= first["message_id"]
    )
    for name in ("DPA 2022.pdf", "Rincian anggaran.pdf", "Profil bisnis DLH.pdf"):
        assert f"📎 {name}" in review
    assert f"📎 {rows[3].file_name}" in review and f"📎 {rows[4].file_name}" in review
    await siti.tap(t("id", "entry-button-confirm"))
    await siti.expect_message("Inovasi terkirim")

    # a new bot token, and Telegram forgets every file_id: the store alone has the bytes
    await stop_bot(bot)
    assert await emu.forget_files() >= 5
    renewed = bot_settings.model_copy(update={"telegram_bot_token": SecretStr(NEW_TOKEN)})
    again = await start_bot(renewed, clock, None)
    try:
        store = open_store(renewed)
        try:
            for row, data in zip(rows, sent, strict=True):
                assert await store.read_all(row.sha256) == data
        finally:
            await store.close()
    finally:
        await stop_bot(again)

    # the archive, as the committee writes it from the command line
    out = tmp_path / "arsip.zip"
    monkeypatch.setenv("DATABASE_URL", database_url)
    for name, value in renewed.model_dump().items():
        if name.startswith("files_") and value is not None:
            secret = value.get_secret_value() if isinstance(value, SecretStr) else str(value)
            monkeypatch.setenv(name.upper(), secret)
    assert await asyncio.to_thread(cli, ["export", "--out", str(out)]) == 0
    folder = entry_folder("IGA-2022-001", "Dinas Lingkungan Hidup", TRICKY) + "/"
    assert folder.startswith("IGA-2022-001 Dinas Lingkungan Hidup - SIDOTI _Sistem_ & Tinja")
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        documents = [n for n in names if n.startswith(folder)]
        assert documents[:4] == [
            folder + "Jawaban formulir.pdf",
            folder + "Dokumen anggaran - DPA 2022.pdf",
            folder + "Dokumen anggaran - Rincian anggaran.pdf",
            folder + "Profil bisnis - Profil bisnis DLH.pdf",
        ]
        photo = r" - foto-[\w-]+\.jpg"  # by indicator, in the national order
        assert re.fullmatch(
            re.escape(folder) + "4 Alat kerja _ penggunaan IT" + photo, documents[4]
        )
        assert re.fullmatch(re.escape(folder) + "16 Replikasi" + photo, documents[5])
        assert len(documents) == 6
        contents = [archive.read(name) for name in documents[1:]]
        index = load_workbook(BytesIO(archive.read(INDEX_NAME))).active
    assert contents == [DOC_A, DOC_B, DOC_C, PHOTO_2, PHOTO_1]
    lines = list(index.iter_rows(values_only=True))[1:]
    assert [line[7] for line in lines] == [sha(data) for data in contents]
    assert {line[8] for line in lines} == {"Lengkap, checksum cocok"}
