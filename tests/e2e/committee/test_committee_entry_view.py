"""The committee reads an entry in the chat: every answer in full (a long one follows in the
next messages, marked "(lanjutan)"), the self-assessment with each indicator's evidence by
name, the files only when asked (one album), the action buttons last; an action updates the
entry's message in place, and a stale button gets a polite explanation."""

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.services.evidence.names import photo_name
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import (
    Answer,
    Attachment,
    Indicator,
    JudgeAssignment,
    SelfAssessment,
    Submission,
    SubmissionStatus,
)
from tests import factories
from tests.e2e.helpers.committee import add_entries, add_officer, quick_emulator, real_file_id

pytestmark = pytest.mark.e2e
S = SubmissionStatus

LONG_ANSWER = " ".join(f"kata{index}" for index in range(1200))  # about 9,500 characters


@pytest.fixture
def emulator_config():
    """Flood control scaled up for long committee sessions."""
    return quick_emulator()


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


async def real_photo(driver) -> str:
    """The file id of a photo the emulator stores, sent by ``driver``."""
    return (await driver.send_photo(PNG, "foto.png", "image/png"))["file_id"]


async def entry_with_evidence(bot, file_id: str, photo: str) -> int:
    """A submitted Dinas Sosial entry: a long design answer, two form files, evidence of
    indicator 1 as a file ("sk-tim-inovasi.pdf") and a photo, of indicator 2 as a link."""
    [entry_id] = await add_entries(
        bot.runtime, [("DINSOS", "Sosial Home Care <Lansia>", S.SUBMITTED)], file_id
    )
    async with bot.runtime.transaction() as session:
        answer = await session.scalar(
            select(Answer).where(
                Answer.submission_id == entry_id, Answer.field_key == "rancang_bangun"
            )
        )
        answer.value = LONG_ANSWER
        indicators = list(await session.scalars(select(Indicator).order_by(Indicator.number)))
        evidence = Attachment(
            submission_id=entry_id,
            field_key=f"#indicator:{indicators[0].key}",
            file_id=file_id,
            file_unique_id="evidence-1",
            file_name="sk-tim-inovasi.pdf",
            mime_type="application/pdf",
            size_bytes=1024,
        )
        session.add(evidence)
        session.add(
            Attachment(
                submission_id=entry_id,
                field_key=f"#indicator:{indicators[0].key}",
                file_id=photo,
                file_unique_id="photo-1",
                file_name=photo_name("photo-1"),
                mime_type="image/jpeg",
                size_bytes=1024,
            )
        )
        await session.flush()
        assessments = {
            a.indicator_id: a
            for a in await session.scalars(
                select(SelfAssessment).where(SelfAssessment.submission_id == entry_id)
            )
        }
        assessments[indicators[0].id].attachment_id = evidence.id
        assessments[indicators[1].id].evidence_url = "https://drive.example.id/bukti-sdm"
    return entry_id


async def test_entry_view_in_full_files_on_demand_and_actions_in_place(bot, users, emu) -> None:
    siti = await users.create("Siti", admin=True)
    ani = await users.create("Ani")
    await add_officer(bot.runtime, "DINSOS", ani.id)
    file_id = await real_file_id(ani)
    await entry_with_evidence(bot, file_id, await real_photo(ani))

    await siti.send("/entries submitted")
    await siti.expect_message("(1 entri)")
    before = len(await siti.bot_messages())
    await siti.tap("IGA-2022-001 · Sosial Home Care <Lansia>")
    card = await siti.expect_message(
        predicate=lambda m: bool(m.get("inline_keyboard")) and "IGA-2022-001" in (m["text"] or "")
    )
    shown = (await siti.bot_messages())[before:]
    assert shown[-1]["message_id"] == card["message_id"]  # the buttons come last
    assert not any(m.get("document") for m in shown)  # files only on demand
    texts = [m["text"] for m in shown]
    assert all(len(text) <= 4096 for text in texts)
    # the long answer whole, in order, its rest marked as following
    assert any(text.startswith("(lanjutan)\n") for text in texts[1:])
    words = " ".join(text.removeprefix("(lanjutan)") for text in texts).split()
    start = words.index("kata0")
    assert words[start : start + 1200] == LONG_ANSWER.split()
    body = "\n".join(texts)
    assert "Sosial Home Care <Lansia>" in body
    # the self-assessment with its evidence by name, never an internal key
    assert "Penilaian mandiri" in body
    assert "Regulasi inovasi daerah" in body and "sk-tim-inovasi.pdf" in body
    assert "https://drive.example.id/bukti-sdm" in body
    assert "#indicator" not in body and "bukti: 📎\n" not in body
    labels = [b["text"] for row in card["inline_keyboard"] for b in row]
    assert labels[0] == "📎 Berkas (4)"
    assert set(labels[1:]) == {
        t("id", "entry-button-verify"),
        t("id", "entry-button-return"),
        t("id", "entry-button-reject"),
    }
    assert "Terkirim" in card["text"]

    # the files, in one album, captioned with what each is
    await siti.tap("📎 Berkas (4)")
    files = [
        await siti.expect_message(predicate=lambda m: bool(m.get("document"))) for _ in range(3)
    ]
    assert len({m["media_group_id"] for m in files}) == 1
    # a photo goes back as a photo (Telegram refuses a photo's file id as a document)
    sent_photo = await siti.expect_message(predicate=lambda m: bool(m.get("photo")))
    assert sent_photo["caption"].startswith("IGA-2022-001 · Bukti indikator 1. Regulasi")
    captions = {m["caption"] for m in files}
    assert "IGA-2022-001 · Dokumen anggaran · anggaran.pdf" in captions
    assert "IGA-2022-001 · Bukti indikator 1. Regulasi inovasi daerah · sk-tim-inovasi.pdf" in (
        captions
    )
    assert not any("#indicator" in caption for caption in captions)

    # a second look at the entry, then verify there: that message now shows the new status
    # and only what applies now
    stale = card
    await siti.tap("IGA-2022-001 · Sosial Home Care <Lansia>")
    card = await siti.expect_message(
        predicate=lambda m: bool(m.get("inline_keyboard")) and "IGA-2022-001" in (m["text"] or "")
    )
    await siti.tap(t("id", "entry-button-verify"), message_id=card["message_id"])
    updated = await siti.expect_message(predicate=lambda m: m["message_id"] == card["message_id"])
    assert "Lolos verifikasi administrasi" in updated["text"]
    labels = [b["text"] for row in updated["inline_keyboard"] for b in row]
    assert t("id", "entry-button-verify") not in labels
    assert t("id", "entry-button-nominee") in labels and labels[0] == "📎 Berkas (4)"
    await ani.expect_message("telah lolos verifikasi administrasi")

    # the older copy's "✅ Verifikasi" is explained, changes nothing, and that copy catches up
    tap = await siti.tap(t("id", "entry-button-verify"), message_id=stale["message_id"])
    answer = await siti.expect_callback_answer(tap)
    assert answer["text"] == (
        "IGA-2022-001 berstatus Lolos verifikasi administrasi; tindakan ini tidak dapat dilakukan."
    )
    assert answer["show_alert"]
    caught_up = await siti.expect_message(
        predicate=lambda m: m["message_id"] == stale["message_id"]
    )
    assert t("id", "entry-button-verify") not in [
        b["text"] for row in caught_up["inline_keyboard"] for b in row
    ]

    # return with a note: the entry's message follows again
    await siti.tap(t("id", "entry-button-return"), message_id=card["message_id"])
    await siti.expect_message("catatan perbaikan untuk IGA-2022-001")
    await siti.send("Lengkapi SK tim inovasi.")
    await siti.expect_message("status kini")
    returned = await siti.expect_message(predicate=lambda m: m["message_id"] == card["message_id"])
    assert "Dikembalikan untuk perbaikan" in returned["text"]
    assert [b["text"] for row in returned["inline_keyboard"] for b in row] == ["📎 Berkas (4)"]
    assert [r for r in await emu.rejections() if r["error_code"] != 429] == []


async def test_a_judge_reads_the_entry_before_scoring(bot, users, emu) -> None:
    ani = await users.create("Ani")
    await ani.send("/start")
    await ani.expect_message("Selamat datang")
    file_id = await real_file_id(ani)
    entry_id = await entry_with_evidence(bot, file_id, await real_photo(ani))
    async with bot.runtime.transaction() as session:
        edition = await factories.edition(session)
        (await session.get(Submission, entry_id)).status = S.VERIFIED
        judge = await factories.make_judge(session, edition, ani.id, "Dr. Ani Suryani")
        session.add(JudgeAssignment(judge_id=judge.id, submission_id=entry_id))

    await ani.send("/nilai")
    await ani.expect_message("Progres: 0 dari 1")
    before = len(await ani.bot_messages())
    await ani.tap("✏️ IGA-2022-001 · Sosial Home Care <Lansia> (0/5)")
    card = await ani.expect_message(
        predicate=lambda m: any(
            b["text"].startswith(DEFAULT_RUBRIC[0].name["id"])
            for row in m.get("inline_keyboard") or []
            for b in row
        )
    )
    shown = (await ani.bot_messages())[before:]
    assert shown[-1]["message_id"] == card["message_id"]  # scoring comes after the entry
    body = "\n".join(m["text"].removeprefix("(lanjutan)") for m in shown)
    words = body.split()
    start = words.index("kata0")
    assert words[start : start + 1200] == LONG_ANSWER.split()
    assert "Regulasi inovasi daerah" in body and "sk-tim-inovasi.pdf" in body
    assert "https://drive.example.id/bukti-sdm" in body
    assert "#indicator" not in body
    await ani.tap("📎 Berkas (4)")
    files = [
        await ani.expect_message(predicate=lambda m: bool(m.get("document"))) for _ in range(3)
    ]
    assert len({m["media_group_id"] for m in files}) == 1
    await ani.expect_message(predicate=lambda m: bool(m.get("photo")))

    # scoring edits the card; the entry is not sent again
    count = len(await ani.bot_messages())
    first = DEFAULT_RUBRIC[0].name["id"]
    [button] = [b for row in card["inline_keyboard"] for b in row if b["text"].startswith(first)]
    await ani.tap(data=button["callback_data"])
    await ani.expect_message("pilih nilai")
    await ani.tap("90")
    await ani.expect_message(
        predicate=lambda m: f"{first} ({DEFAULT_RUBRIC[0].weight:g}%): 90" in (m["text"] or "")
    )
    assert len(await ani.bot_messages()) == count
