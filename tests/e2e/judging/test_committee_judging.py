"""Judging through the emulator: the panel, assignments, two judges scoring with buttons and
typed numbers, indicator validation, closing, the ranking, setting the winners, and the
workbook and report sent as documents."""

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from bot.i18n import t
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import Award, Judge, Score, SelfAssessment, Submission, SubmissionStatus
from tests.e2e.helpers.committee import add_entries, quick_emulator, real_file_id

pytestmark = pytest.mark.e2e
S = SubmissionStatus


@pytest.fixture
def emulator_config():
    """Flood control scaled up for long committee sessions."""
    return quick_emulator()


def _is_scoring_card(message) -> bool:
    """The scoring card (it has the validation button), sent after the entry's text."""
    validate = t("id", "score-button-validate")
    return any(b["text"] == validate for row in message.get("inline_keyboard") or [] for b in row)


async def _score_entry(judge, label: str, values: list[int]) -> None:
    await judge.tap(label)
    # the whole entry comes first, then the scoring card with a button per criterion
    await judge.expect_message(predicate=lambda m: "Perangkat Daerah:" in (m["text"] or ""))
    await judge.expect_message(predicate=_is_scoring_card)
    for criterion, value in zip(DEFAULT_RUBRIC, values, strict=True):
        message = await judge.last_bot_message()
        [button] = [
            b
            for row in message["inline_keyboard"]
            for b in row
            if b["text"].startswith(criterion.name["id"] + ":")
        ]
        await judge.tap(data=button["callback_data"])
        await judge.expect_message(predicate=lambda m: "pilih nilai" in (m["text"] or ""))
        await judge.tap(str(value))
        await judge.expect_message(
            predicate=lambda m, c=criterion, v=value: (
                f"{c.name['id']} ({c.weight:g}%): {v}" in (m["text"] or "")
            )
        )


async def test_two_judges_score_then_rank_and_set_winners(bot, users, emu) -> None:
    siti = await users.create("Siti", admin=True)
    ani = await users.create("Ani")
    budi = await users.create("Budi")
    for judge in (ani, budi):
        await judge.send("/start")
        await judge.expect_message("Selamat datang")
    file_id = await real_file_id(siti)
    home_care, lapis, jago = await add_entries(
        bot.runtime,
        [
            ("DINSOS", "Sosial Home Care Lanjut Usia", S.VERIFIED),
            ("DPMPTSP", "LAPIS MANIS", S.VERIFIED),
            ("KEL-BENDOGERIT", "JAGO SILO", S.VERIFIED),
        ],
        file_id,
    )

    # the panel: Budi works at Dinas Sosial, so he may not judge its entry
    await siti.send(f"/judges add {ani.id} - Dr. Ani Suryani")
    await siti.expect_message("Penilai Dr. Ani Suryani ditambahkan")
    await siti.send(f"/penilai tambah {budi.id} DINSOS Budi Santoso")
    await siti.expect_message("Penilai Budi Santoso ditambahkan")
    await siti.send("/judges add nonsense")
    usage = await siti.expect_message("Menambah penilai")
    assert "/penilai tambah ID_TELEGRAM" in usage["text"] and "/judges" not in usage["text"]
    await siti.send("/assign")
    await siti.expect_message("3 inovasi siap dinilai, 2 penilai")
    await siti.tap(t("id", "assign-button-all"))
    await siti.expect_message("Penugasan: 5 baru, 0 sudah ada, 1 dilewati")

    # Ani scores two entries with buttons; Budi one with buttons, one with typed numbers
    await ani.send("/nilai")
    listing = await ani.expect_message("Progres: 0 dari 3")
    assert "Dr. Ani Suryani" in listing["text"]
    await _score_entry(ani, "✏️ IGA-2022-001 · Sosial Home Care Lanjut Usia (0/5)", [90] * 5)
    await ani.tap(t("id", "score-button-back"))
    listing = await ani.expect_message("Progres: 0 dari 3")  # complete, not yet submitted
    assert "☑️ 1 inovasi sudah lengkap dinilai tetapi belum dikirim" in listing["text"]
    await _score_entry(ani, "✏️ IGA-2022-002 · LAPIS MANIS (0/5)", [80] * 5)
    # Ani validates two indicator levels of Home Care
    await ani.tap(t("id", "score-button-back"))
    listing = await ani.expect_message("Progres: 0 dari 3")
    assert "☑️ 2 inovasi sudah lengkap dinilai" in listing["text"]
    await ani.tap("☑️ IGA-2022-001 · Sosial Home Care Lanjut Usia (5/5)")
    await ani.expect_message("Perangkat Daerah: Dinas Sosial")
    await ani.expect_message(predicate=_is_scoring_card)  # after the whole entry
    await ani.tap(t("id", "score-button-validate"))
    await ani.expect_message("Validasi indikator")
    await ani.tap("1. Regulasi inovasi daerah · 3 Peraturan Daerah")
    await ani.expect_message(
        predicate=lambda m: (
            "Regulasi inovasi daerah (bobot 3): peserta 2, validasi <b>3</b>" in (m["html"] or "")
        )
    )

    await budi.send("/nilai")
    budi_list = await budi.expect_message("Progres: 0 dari 2")
    assert "Home Care" not in budi_list["text"]
    await _score_entry(budi, "✏️ IGA-2022-002 · LAPIS MANIS (0/5)", [70] * 5)
    await budi.tap(t("id", "score-button-back"))
    await budi.expect_message("☑️ 1 inovasi sudah lengkap dinilai")
    await budi.tap("✏️ IGA-2022-003 · JAGO SILO (0/5)")
    await budi.expect_message("Perangkat Daerah: Kelurahan Bendogerit")
    await budi.expect_message(predicate=_is_scoring_card)  # after the whole entry
    for criterion in DEFAULT_RUBRIC:
        message = await budi.last_bot_message()
        [button] = [
            b for row in message["inline_keyboard"] for b in row
            if b["text"].startswith(criterion.name["id"] + ":")
        ]  # fmt: skip
        await budi.tap(data=button["callback_data"])
        await budi.expect_message("ketik angka 0–100")
        await budi.send("150")
        await budi.expect_message(t("id", "score-bad-number"))
        await budi.send("60,5")
        await budi.expect_message(f"Tersimpan: {criterion.name['id']} = 60,5")
        await budi.expect_message("Perangkat Daerah: Kelurahan Bendogerit")
    # Budi revises one score while judging is open
    await budi.send("/nilai")
    await budi.expect_message("☑️ 2 inovasi sudah lengkap dinilai")

    async with bot.runtime.sessions() as session:
        ani_judge = await session.scalar(select(Judge).where(Judge.user_id == ani.id))
        assert len(list(await session.scalars(select(Score)))) == 20
        validated = await session.scalar(
            select(SelfAssessment.validated_level).where(
                SelfAssessment.submission_id == home_care,
                SelfAssessment.validated_level.is_not(None),
            )
        )
        assert validated == 3
        for entry_id in (home_care, lapis, jago):
            (await session.get(Submission, entry_id)).status = S.NOMINEE
        await session.commit()
    assert ani_judge is not None

    # ranking: Home Care 0.7·90 + SA, LAPIS 0.7·75, JAGO 0.7·60.5
    await siti.send("/ranking")
    ranking = await siti.expect_message("Peringkat sementara")
    text = ranking["text"]
    assert text.index("Sosial Home Care") < text.index("LAPIS MANIS") < text.index("JAGO SILO")
    assert "52,50" in text and "42,35" in text  # Indonesian decimals
    await siti.send("/tetapkan_juara")  # refused at once while judging is open
    await siti.expect_message(t("id", "ranking-error-open"))

    # closing warns that the unvalidated self-assessments count 0
    await siti.tap(t("id", "ranking-button-close"))
    await siti.expect_message(t("id", "ranking-close-ask"))
    await siti.tap(t("id", "ranking-button-close-anyway"))
    await siti.expect_message("Penilaian ditutup pada")
    # a judge can no longer change a score
    await ani.send("/nilai")
    await ani.expect_message(t("id", "score-closed"))
    await ani.tap("☑️ IGA-2022-002 · LAPIS MANIS (5/5)")
    card = await ani.expect_message(t("id", "score-closed"))
    assert "Kebaharuan (30%): 80" in card["text"]
    offered = [b["text"] for row in card["inline_keyboard"] for b in row]
    assert not [label for label in offered if label.startswith("Kebaharuan")]  # nothing to score

    await siti.tap(t("id", "ranking-button-set"))
    await siti.expect_message("Tetapkan juara")
    await siti.tap(t("id", "results-button-confirm"))
    done = await siti.expect_message("Juara ditetapkan")
    assert (
        done["text"].index("Juara I: Dinas Sosial")
        < done["text"].index("Juara II: Dinas PM dan PTSP")
        < done["text"].index("Juara III: Kelurahan Bendogerit")
    )
    async with bot.runtime.sessions() as session:
        awards = list(await session.scalars(select(Award).order_by(Award.rank)))
        statuses = [(await session.get(Submission, i)).status for i in (home_care, lapis, jago)]
    assert [(a.title, a.submission_id) for a in awards] == [
        ("Juara I", home_care), ("Juara II", lapis), ("Juara III", jago),
    ]  # fmt: skip
    assert statuses == [S.WINNER, S.WINNER, S.WINNER]

    # the workbook and the report, as documents
    await siti.send("/export")
    sent = await siti.expect_message(predicate=lambda m: bool(m.get("document")))
    assert sent["document"]["file_name"] == "rekap-iga-2022.xlsx"
    book = load_workbook(io.BytesIO(await emu.download(sent["document"]["file_id"])))
    assert [c.value for c in book["Peringkat"][2]][3] == "Sosial Home Care Lanjut Usia"
    assert book["Nilai"].max_row == 5  # header + 4 (judge, entry) pairs
    await siti.send("/export csv nilai")
    csv_doc = await siti.expect_message(predicate=lambda m: bool(m.get("document")))
    assert csv_doc["document"]["file_name"] == "rekap-iga-2022-scores.csv"
    await siti.send("/laporan")
    pdf_doc = await siti.expect_message(predicate=lambda m: bool(m.get("document")))
    assert pdf_doc["caption"] == "Laporan Hasil IGA 2022"
    reader = PdfReader(io.BytesIO(await emu.download(pdf_doc["document"]["file_id"])))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert text.index("Sosial Home Care") < text.index("LAPIS MANIS") < text.index("JAGO SILO")
    assert "Dr. Ani Suryani" in text and "Budi Santoso (Dinas Sosial)" in text
    assert [r for r in await emu.rejections() if r["error_code"] != 429] == []
