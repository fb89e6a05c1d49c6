"""The committee's entry view sends an entry's files again from the file store when Telegram
refuses their file_ids (issue 16: a new bot token, or a file Telegram dropped): the same
bytes, as documents and as a photo; a file not in the store is named, not silently left out.
Also: evidence given as a video link (video evidence is a link, never a file)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.i18n import plain_text, t
from bot.services.core.events import current_edition
from bot.services.entries.cursor import AtField, to_json
from bot.services.entries.submissions import assessment_of, load_entry, submit_entry
from bot.storage.models import Attachment, FileState
from tests.e2e.evidence.helpers import (
    DOC_A,
    DOC_B,
    DOC_C,
    PDF,
    PHOTO_1,
    officer_without_files,
    wait_stored,
)
from tests.e2e.helpers.entries import (
    IN_WINDOW,
    entry_state,
    join,
    prefilled_entry,
    question,
    send_files,
)
from tests.e2e.helpers.messages import labels

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]

VIDEO = b"\x00\x00\x00\x18ftypmp42" + b"rekaman kegiatan " * 200


async def _open_entry(admin: Any) -> dict[str, Any]:
    """The admin opens the one submitted entry from ``/entries``; returns its card."""
    await admin.send("/entries submitted")
    listing = await admin.expect_message("(1 entri)")
    await admin.tap(next(text for text in labels(listing) if text.startswith("IGA-2022-001")))
    return await admin.expect_message(
        predicate=lambda m: any(text.startswith("📎 Berkas") for text in labels(m))
    )


async def _photo_evidence(siti: Any, bot: Any, entry_id: int, data: bytes) -> None:
    index = await _indicator_index(bot, "replikasi")
    await siti.tap(t("id", "entry-button-assessment"))
    await siti.expect_message("Penilaian mandiri")
    await siti.tap(data=f"entry:indicator:{entry_id}:{index}")
    await siti.expect_message("Penilaian mandiri")
    await siti.tap(data=f"entry:level:{entry_id}:{index}:3")
    await siti.expect_message("Kirim bukti untuk")
    await send_files(siti, (data, "", None))
    await siti.expect_message("Ringkasan")


async def _indicator_index(bot: Any, key: str) -> int:
    async with bot.runtime.sessions() as session:
        edition = await current_edition(session)
    return [indicator.key for indicator in edition.indicators].index(key)


async def test_files_whose_file_ids_telegram_refuses_are_uploaded_from_the_store(
    users, bot, emu, database_url
) -> None:
    bot.clock.set(IN_WINDOW)
    siti, entry_id = await officer_without_files(users, bot)
    await siti.expect_message(question("Dokumen anggaran"))
    await send_files(siti, (DOC_A, "DPA 2022.pdf", PDF), (DOC_B, "Rincian anggaran.pdf", PDF))
    await siti.expect_message(question("Profil bisnis"))
    await send_files(siti, (DOC_C, "Profil bisnis DLH.pdf", PDF))
    await siti.expect_message("Ringkasan")
    await _photo_evidence(siti, bot, entry_id, PHOTO_1)
    await wait_stored(database_url, 4)
    async with bot.runtime.transaction() as session:
        await submit_entry(session, siti.id, entry_id, IN_WINDOW)
    admin = await users.create("Panitia", admin=True)

    # Telegram forgets every file_id (as after a new bot token): the store has the bytes
    assert await emu.forget_files() >= 4
    card = await _open_entry(admin)
    await admin.tap("📎 Berkas (4)", message_id=card["message_id"])
    documents = [
        await admin.expect_message(predicate=lambda m: bool(m.get("document"))) for _ in range(3)
    ]
    photo = await admin.expect_message(predicate=lambda m: bool(m.get("photo")))
    by_name = {m["document"]["file_name"]: m for m in documents}
    assert set(by_name) == {"DPA 2022.pdf", "Rincian anggaran.pdf", "Profil bisnis DLH.pdf"}
    assert len({m["media_group_id"] for m in documents}) == 1  # one album, as before
    for name, data in (
        ("DPA 2022.pdf", DOC_A),
        ("Rincian anggaran.pdf", DOC_B),
        ("Profil bisnis DLH.pdf", DOC_C),
    ):
        assert await emu.download(by_name[name]["document"]["file_id"]) == data
    assert by_name["DPA 2022.pdf"]["caption"] == "IGA-2022-001 · Dokumen anggaran · DPA 2022.pdf"
    assert await emu.download(photo["photo"]["file_id"]) == PHOTO_1
    assert photo["caption"].startswith("IGA-2022-001 · Bukti indikator")

    # a file the store does not have (yet) is named instead of silently left out
    async with bot.runtime.transaction() as session:
        row = await session.scalar(select(Attachment).where(Attachment.file_name == "DPA 2022.pdf"))
        row.state, row.sha256 = FileState.PENDING, None
    await admin.tap("📎 Berkas (4)", message_id=card["message_id"])
    resent = [
        await admin.expect_message(predicate=lambda m: bool(m.get("document"))) for _ in range(2)
    ]
    assert {m["document"]["file_name"] for m in resent} == set(by_name) - {"DPA 2022.pdf"}
    note = await admin.expect_message("belum dapat dikirim")
    assert "DPA 2022.pdf" in note["text"] and "Rincian anggaran.pdf" not in note["text"]
    refused = {r["description"] for r in await emu.rejections() if r["error_code"] == 400}
    assert refused <= {"Bad Request: wrong file identifier/HTTP URL specified"}


async def test_video_evidence_is_a_link(users, bot) -> None:
    """Video evidence is a link: a video sent at the form's video question or as an
    indicator's evidence is refused with the way to give it (upload it, send the link); the
    link is kept as the answer or as the indicator's evidence and shown in the review."""
    bot.clock.set(IN_WINDOW)
    siti = await join(users, bot)
    entry_id = await prefilled_entry(bot, siti.id)
    async with bot.runtime.transaction() as session:
        submission = await load_entry(session, entry_id)
        submission.cursor = to_json(AtField("video"))
    await siti.send("/lanjutkan")
    await siti.expect_message(question("Tautan video"))
    await siti.send_video(VIDEO, "kegiatan.mp4")
    refusal = await siti.expect_message("Video tidak disimpan sebagai berkas")
    assert question("Tautan video") in refusal["text"]  # asked again
    await siti.send("https://youtu.be/SIDOTI-uji-coba")
    await siti.expect_message(
        predicate=lambda m: (
            m["message_id"] > refusal["message_id"] and m["text"].startswith("Ringkasan")
        )
    )  # the form's last question answered: the summary
    _, answers = await entry_state(bot, entry_id)
    assert answers["video"] == "https://youtu.be/SIDOTI-uji-coba"

    index = await _indicator_index(bot, "replikasi")
    await siti.tap(t("id", "entry-button-summary"))
    await siti.expect_message("Ringkasan")
    await siti.tap(t("id", "entry-button-assessment"))
    await siti.expect_message("Penilaian mandiri")
    await siti.tap(data=f"entry:indicator:{entry_id}:{index}")
    await siti.expect_message("Penilaian mandiri")
    await siti.tap(data=f"entry:level:{entry_id}:{index}:2")
    await siti.expect_message("Kirim bukti untuk")
    await siti.send_video(VIDEO, "replikasi.mp4")
    refusal = await siti.expect_message("Video tidak disimpan sebagai berkas")
    link = "https://drive.example.id/video-replikasi"
    await siti.send(link)
    await siti.expect_message(
        predicate=lambda m: (
            m["message_id"] > refusal["message_id"] and "Kirim bukti untuk" not in m["text"]
        )
    )
    async with bot.runtime.sessions() as session:
        submission = await load_entry(session, entry_id)
        edition = await current_edition(session)
        assessment = assessment_of(submission, edition.indicators[index])
    assert assessment is not None and assessment.level == 2
    assert assessment.evidence_url == link and assessment.attachment_id is None
    await siti.tap(t("id", "entry-button-summary"))
    await siti.expect_message("Ringkasan")
    await siti.tap(t("id", "entry-button-review"))
    await siti.expect_message(plain_text("id", "entry-review-confirm"))
    review = "".join(m["text"] or "" for m in await siti.bot_messages())
    assert link in review and "https://youtu.be/SIDOTI-uji-coba" in review
