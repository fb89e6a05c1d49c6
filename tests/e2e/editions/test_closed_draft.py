"""QA #13: once IGA 2023 is imported, a 2022 draft left open in the form is not resumed (it
is read-only): 📝 and a typed answer say so, and 📝, ➕ of /inovasi_saya and of the choosers
all offer the unit's past innovations (↩️ SIDOTI, IGA 2022) before an empty entry."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.i18n import plain_text, t
from bot.services.entries.submissions import open_entry
from bot.storage.models import Submission, SubmissionStatus, Unit
from tests.e2e.editions.test_read_only_previous_edition import start_next_edition
from tests.e2e.helpers.committee import add_entries, add_officer, quick_emulator, real_file_id

pytestmark = pytest.mark.e2e
S = SubmissionStatus
CLOSED = "tidak dapat dilanjutkan karena IGA 2023 sudah dimulai"


@pytest.fixture
def emulator_config():
    """Flood control scaled up: the test taps faster than a person."""
    return quick_emulator()


async def _open_second_draft(bot, user_id: int, draft: int) -> None:
    """The officer has the 2022 draft ``draft`` open in the form (as ✏️ leaves it)."""
    async with bot.runtime.transaction() as session:
        await open_entry(session, user_id, await session.get(Submission, draft), bot.clock())


async def _buttons(driver) -> list[str]:
    last = [m for m in await driver.transcript() if m["from"] != "user"][-1]
    return [b.get("callback_data", "") for row in last.get("inline_keyboard") or [] for b in row]


async def test_a_2022_draft_is_explained_and_every_start_offers_the_returning_ones(
    bot, users
) -> None:
    siti, budi = await users.create("Siti"), await users.create("Budi")
    file_id = await real_file_id(siti)
    sidoti, lama, draf_budi = await add_entries(
        bot.runtime,
        [
            ("DLH", "SIDOTI", S.SUBMITTED),
            ("DLH", "DRAF-LAMA", S.DRAFT),
            ("DLH", "DRAF-BUDI", S.DRAFT),
        ],
        file_id,
    )
    for officer, draft in ((siti, lama), (budi, draf_budi)):
        await add_officer(bot.runtime, "DLH", officer.id)
        await _open_second_draft(bot, officer.id, draft)
    await start_next_edition(bot)  # IGA 2023's entries are open; 2022 is read-only
    async with bot.runtime.sessions() as session:
        drafts = dict(
            (await session.execute(select(Submission.title, Submission.id).where(
                Submission.status == S.DRAFT))).all()
        )  # fmt: skip
        unit_2023 = await session.scalar(
            select(Unit.id).where(Unit.code == "DLH").order_by(Unit.id.desc()).limit(1)
        )

    # 📝: the 2022 draft is explained, not resumed; the 2023 start offers SIDOTI
    await budi.send(t("id", "menu-submit"))
    note = await budi.expect_message(CLOSED)
    assert "DRAF-BUDI" in note["text"] and "(IGA 2022)" in note["text"]
    offer = await budi.expect_message(t("id", "returning-offer", year="2023"))
    labels = [b["text"] for row in offer["inline_keyboard"] for b in row]
    assert plain_text("id", "returning-button", title="SIDOTI", year="2022") in labels
    assert f"entry:blank:{unit_2023}" in await _buttons(budi)

    # a message typed into the 2022 form is not taken as an answer, and says why
    await siti.send("Jawaban baru")
    typed = await siti.expect_message(CLOSED)
    assert "DRAF-LAMA" in typed["text"]
    assert "📝" in typed["text"]

    # /inovasi_saya's ➕ offers the returning innovation too, then its ➕ an empty entry
    await siti.send("/inovasi_saya")
    await siti.expect_message("Tahun 2023")
    await siti.tap(data=f"entry:new:{unit_2023}")
    await siti.expect_message(t("id", "returning-offer", year="2023"))
    await siti.tap(data=f"entry:blank:{unit_2023}")
    await siti.expect_message("Nama inovasi")

    async with bot.runtime.sessions() as session:  # the 2022 drafts are as they were
        kept = dict(
            (await session.execute(select(Submission.id, Submission.title).where(
                Submission.id.in_(list(drafts.values()))))).all()
        )  # fmt: skip
    assert sorted(kept.values()) == ["DRAF-BUDI", "DRAF-LAMA"]
    assert sidoti not in drafts.values()
