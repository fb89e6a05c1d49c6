"""The committee checks entries through the emulator: list, filters, detail with attachments,
verify, return for revision and resubmit, reject, nominate; officers are told each time."""

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.services.entries.submission_status import change_status
from bot.storage.models import AuditEntry, Submission, SubmissionStatus
from tests.e2e.helpers.committee import add_entries, add_officer, quick_emulator, real_file_id

pytestmark = pytest.mark.e2e
S = SubmissionStatus


@pytest.fixture
def emulator_config():
    """Flood control scaled up for long committee sessions."""
    return quick_emulator()


async def _status(bot, entry_id: int) -> tuple[S, str | None]:
    async with bot.runtime.sessions() as session:
        entry = await session.get(Submission, entry_id)
        return entry.status, entry.status_note


async def test_verify_return_resubmit_reject_nominate(bot, users, emu) -> None:
    siti = await users.create("Siti", admin=True)
    ani = await users.create("Ani")  # officer of Dinas Sosial
    dodi = await users.create("Dodi")  # officer of Dinas Lingkungan Hidup
    await add_officer(bot.runtime, "DINSOS", ani.id)
    await add_officer(bot.runtime, "DLH", dodi.id)
    await dodi.send("/start")  # a bot can only write to users who started it
    await dodi.expect_message("Selamat datang")
    file_id = await real_file_id(ani)
    home_care, sidoti, sehat = await add_entries(
        bot.runtime,
        [
            ("DINSOS", "Sosial Home Care Lanjut Usia", S.SUBMITTED),
            ("DLH", "SIDOTI", S.SUBMITTED),
            ("DINKES", "Sehat <Bersama>", S.SUBMITTED),
        ],
        file_id,
    )

    await siti.send("/entries")
    listing = await siti.expect_message("Daftar inovasi")
    assert "(3 entri)" in listing["text"]
    assert "Sehat &lt;Bersama&gt;" in listing["html"]

    # filter by unit through the buttons
    await siti.tap(t("id", "entries-button-unit"))
    await siti.expect_message(t("id", "entries-choose-unit"))
    await siti.tap("Dinas Lingkungan Hidup")
    filtered = await siti.expect_message(predicate=lambda m: "(1 entri)" in (m["text"] or ""))
    assert "SIDOTI" in filtered["text"] and "Home Care" not in filtered["text"]

    # detail of the Dinas Sosial entry: every field; the files on demand
    await siti.send("/entries submitted DINSOS")
    await siti.expect_message("(1 entri)")
    await siti.tap("IGA-2022-001 · Sosial Home Care Lanjut Usia")
    detail = await siti.expect_message("IGA-2022-001 — Sosial Home Care Lanjut Usia")
    for label in ("Tahapan inovasi", "Rancang bangun dan pokok perubahan", "Nomor telepon"):
        assert label in detail["text"]
    assert "Penerapan" in detail["text"] and "Rp10.000.000" in detail["text"]
    await siti.expect_message("Status: Terkirim")
    await siti.tap("📎 Berkas (2)")
    documents = [
        await siti.expect_message(predicate=lambda m: bool(m.get("document"))) for _ in range(2)
    ]
    assert {d["document"]["file_id"] for d in documents} == {file_id}
    assert {d["caption"] for d in documents} == {
        "IGA-2022-001 · Dokumen anggaran · anggaran.pdf",
        "IGA-2022-001 · Profil bisnis · profil_bisnis.pdf",
    }

    # verify → the entry's card shows it, the officer is told
    await siti.tap(t("id", "entry-button-verify"))
    await siti.expect_message("Status: Lolos verifikasi administrasi")
    await ani.expect_message("telah lolos verifikasi administrasi")
    assert await _status(bot, home_care) == (S.VERIFIED, None)

    # return SIDOTI with a note → the officer gets the note; the officer resubmits; verify
    await siti.send("/entries DLH")
    await siti.expect_message("(1 entri)")
    await siti.tap("IGA-2022-002 · SIDOTI")
    await siti.expect_message(regex=r"^IGA-2022-002 · .*\nStatus: Terkirim")
    await siti.tap(t("id", "entry-button-return"))
    await siti.expect_message("catatan perbaikan untuk IGA-2022-002")
    await siti.send("Lengkapi SK tim inovasi & dokumen DPA <2022>.")
    await siti.expect_message("status kini Dikembalikan untuk perbaikan")
    notice = await dodi.expect_message("dikembalikan untuk perbaikan")
    assert "Lengkapi SK tim inovasi &amp; dokumen DPA &lt;2022&gt;." in notice["html"]
    assert await _status(bot, sidoti) == (
        S.RETURNED,
        "Lengkapi SK tim inovasi & dokumen DPA <2022>.",
    )
    async with bot.runtime.transaction() as session:  # the officer resubmits (issue 5's flow)
        entry = await session.get(Submission, sidoti)
        await change_status(session, entry, S.SUBMITTED, actor_id=dodi.id, now=bot.clock())
    await siti.send("/entries submitted")
    await siti.expect_message("(2 entri)")
    await siti.tap("IGA-2022-002 · SIDOTI")
    await siti.expect_message(regex=r"^IGA-2022-002 · .*\nStatus: Terkirim")
    await siti.tap(t("id", "entry-button-verify"))
    await siti.expect_message("Status: Lolos verifikasi administrasi")
    await dodi.expect_message("telah lolos verifikasi administrasi")

    # reject with a reason; cancelling a note first changes nothing
    await siti.send("/entries DINKES")
    await siti.expect_message("(1 entri)")
    await siti.tap("IGA-2022-003 · Sehat <Bersama>")
    await siti.expect_message(regex=r"^IGA-2022-003 · .*\nStatus: Terkirim")
    await siti.tap(t("id", "entry-button-reject"))
    await siti.expect_message("alasan penolakan IGA-2022-003")
    await siti.tap(t("id", "entry-button-cancel"))
    assert await _status(bot, sehat) == (S.SUBMITTED, None)
    await siti.tap(t("id", "entry-button-reject"))
    await siti.expect_message("alasan penolakan IGA-2022-003")
    await siti.send("Inovasi belum diterapkan.")
    await siti.expect_message("status kini Ditolak")
    assert await _status(bot, sehat) == (S.REJECTED, "Inovasi belum diterapkan.")

    # nominate the verified Home Care entry
    await siti.send("/entries verified")
    await siti.expect_message("(2 entri)")
    await siti.tap("IGA-2022-001 · Sosial Home Care Lanjut Usia")
    await siti.expect_message(regex=r"^IGA-2022-001 · .*\nStatus: Lolos verifikasi")
    await siti.tap(t("id", "entry-button-nominee"))
    await siti.expect_message("Status: Nominasi")
    await ani.expect_message("masuk nominasi")
    assert (await _status(bot, home_care))[0] is S.NOMINEE

    async with bot.runtime.sessions() as session:
        actions = list(
            await session.scalars(select(AuditEntry.action).where(AuditEntry.actor_id == siti.id))
        )
    assert actions.count("submission.verified") == 2
    assert {"submission.returned", "submission.rejected", "submission.nominee"} <= set(actions)
    # nothing refused except flood control's 429s, which the bot honoured
    assert [r for r in await emu.rejections() if r["error_code"] != 429] == []


async def test_audit_listing_and_refusal_of_a_public_user(bot, users) -> None:
    siti = await users.create("Siti", admin=True)
    budi = await users.create("Budi")
    await budi.send("/entries")
    await budi.expect_message(t("id", "committee-only"))
    await budi.send("/audit")
    await budi.expect_message(t("id", "committee-only"))
    await siti.send("/audit")
    log = await siti.expect_message("Log audit")
    assert "Akses ditolak" in log["text"] and "Budi" in log["text"]
    assert "access.denied" not in log["text"]
    # the role Budi lacked in words, never its code (QA #20: "Peran committee")
    assert "bukan panitia" in log["text"] and "Peran " not in log["text"]
