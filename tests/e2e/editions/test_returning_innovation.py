"""An innovation returns: the 2022 winner SIDOTI (tried out, uji coba) is begun again in
2023 by its unit's officer (carried over); the new draft has its answers, its documents and
the stage moved forward (penerapan); the committee sees it returns and that it won."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from bot.i18n import plain_text, t
from bot.services.entries.submissions import answers_of, load_entry
from bot.storage.models import Answer, Award, Submission, SubmissionStatus
from tests.e2e.editions.test_read_only_previous_edition import start_next_edition
from tests.e2e.helpers.committee import add_entries, add_officer, quick_emulator, real_file_id
from tests.e2e.workspace.helpers import auth

pytestmark = [pytest.mark.e2e, pytest.mark.public_url]
S = SubmissionStatus


@pytest.fixture
def emulator_config():
    """Flood control scaled up: the test taps faster than a person."""
    return quick_emulator()


async def test_officer_begins_2023_from_the_2022_winner(bot, users, web) -> None:
    siti = await users.create("Siti")  # officer of Dinas Lingkungan Hidup
    admin = await users.create("Rahmat", admin=True)
    file_id = await real_file_id(siti)
    [sidoti] = await add_entries(bot.runtime, [("DLH", "SIDOTI", S.WINNER)], file_id)
    async with bot.runtime.transaction() as session:
        await session.execute(
            update(Answer)
            .where(Answer.submission_id == sidoti, Answer.field_key == "tahapan")
            .values(value="uji_coba")
        )
        await session.execute(update(Award).where(Award.rank == 4).values(submission_id=sidoti))
    await add_officer(bot.runtime, "DLH", siti.id)
    await start_next_edition(bot)  # IGA 2023's entries are open (1 December 2022)

    await siti.send(t("id", "menu-submit"))
    await siti.expect_message(t("id", "returning-offer", year="2023"))
    await siti.tap(plain_text("id", "returning-button", title="SIDOTI", year="2022"))
    await siti.expect_message("Draf IGA 2023 dimulai dari SIDOTI (IGA 2022)")
    await siti.expect_message("Ringkasan:")

    async with bot.runtime.sessions() as session:
        new_id = await session.scalar(select(Submission.id).where(Submission.id != sidoti))
        entry, past = await load_entry(session, new_id), await load_entry(session, sidoti)
        answers = answers_of(entry)
        assert (entry.title, entry.status, answers["tahapan"]) == ("SIDOTI", S.DRAFT, "penerapan")
        assert {a.file_id for a in entry.attachments} == {file_id}
        assert len(entry.attachments) == len(past.attachments)
    async with bot.runtime.transaction() as session:  # sent, as the form's last step does
        sent = await session.get(Submission, new_id)
        sent.status, sent.number, sent.sequence = S.SUBMITTED, "IGA-2023-001", 1

    await admin.send("/entries")
    await admin.expect_message("Daftar inovasi")
    await admin.tap(data=f"cm:e:{new_id}")
    note = await admin.expect_message("↩️ Inovasi ini kembali dari IGA 2022")
    assert note["text"].splitlines() == [
        "↩️ Inovasi ini kembali dari IGA 2022 (IGA-2022-001: SIDOTI).",
        "🏆 Inovasi ini pernah meraih Juara IV IGA 2022.",
        plain_text("id", "returning-rule", year="2023"),
    ]
    await admin.expect_message(regex=r"^IGA-2023-001 · SIDOTI\nStatus: ")
    # the workspace's entry page says it too
    response = await web.get(f"/app/f/entry/{new_id}", headers=auth(admin.id))
    page = await response.text()
    assert response.status == 200
    assert "↩️ Inovasi ini kembali dari IGA 2022 (IGA-2022-001: SIDOTI)." in page
    assert "🏆 Inovasi ini pernah meraih Juara IV IGA 2022." in page
