"""Returning innovations: the unit's past entries (through renamed and merged units), a new
draft begun from one (answers copied, documents linked, the stage moved forward), and where
it comes from for the committee (won before, the "not entered before" rule)."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from bot.services.core.event_file import load_event_file
from bot.services.editions.returning import NotAPastEntry, origin_of, past_entries, start_from
from bot.services.editions.succession import import_edition
from bot.services.entries.submissions import answers_of, load_entry
from bot.storage.models import Answer, Award, Officer, SubmissionStatus, Unit
from tests.factories import edition, make_entry, make_officer, seed_edition
from tests.unit.editions.test_succession import NEXT_FILE

NOW = datetime(2022, 12, 2, 2, 0, tzinfo=UTC)  # inside the 2023 entry period (example dates)


async def _two_editions(sessions) -> dict[str, int]:
    async with sessions() as session, session.begin():
        old = await seed_edition(session)
        sidoti = await make_entry(session, old, "DLH", "SIDOTI", status=SubmissionStatus.WINNER)
        await session.execute(
            update(Answer)
            .where(Answer.submission_id == sidoti.id, Answer.field_key == "tahapan")
            .values(value="uji_coba")
        )
        await session.execute(update(Award).where(Award.rank == 4).values(submission_id=sidoti.id))
        kauman = await make_entry(session, old, "KEL-KAUMAN", "Kampung Baca")
        draft = await make_entry(session, old, "DLH", "Draf", status=SubmissionStatus.DRAFT)
        await make_officer(session, old, "DLH", 101)
        await make_officer(session, old, "KEL-KAUMAN", 102)
        await import_edition(session, load_event_file(NEXT_FILE), NOW)
    return {"sidoti": sidoti.id, "kauman": kauman.id, "draft": draft.id}


async def _officer(session, user_id: int) -> Officer:
    new = await edition(session, "iga-2023")
    return await session.scalar(
        select(Officer)
        .join(Unit, Unit.id == Officer.unit_id)
        .where(Officer.user_id == user_id, Unit.edition_id == new.id)
    )


async def test_past_entries_follow_the_units_line(sessions) -> None:
    ids = await _two_editions(sessions)
    async with sessions() as session:
        dlh = await _officer(session, 101)
        await session.refresh(dlh, ["unit"])
        [past] = await past_entries(session, [dlh.unit])  # not the draft
        assert (past.submission.id, past.year, past.award) == (ids["sidoti"], 2022, "Juara IV")
        merged = await _officer(session, 102)  # KEL-KAUMAN merged into KEL-SANANWETAN
        await session.refresh(merged, ["unit"])
        assert [p.submission.id for p in await past_entries(session, [merged.unit])] == [
            ids["kauman"]
        ]


async def test_a_draft_begun_from_a_past_entry(sessions) -> None:
    ids = await _two_editions(sessions)
    async with sessions() as session, session.begin():
        officer = await _officer(session, 101)
        new = await edition(session, "iga-2023")
        draft = await start_from(session, officer, new, ids["sidoti"], NOW)
        draft_id = draft.id
    async with sessions() as session:
        entry = await load_entry(session, draft_id)
        past = await load_entry(session, ids["sidoti"])
        answers, before = answers_of(entry), answers_of(past)
        assert entry.status is SubmissionStatus.DRAFT and entry.edition_id != past.edition_id
        assert (entry.title, answers["nama"]) == ("SIDOTI", "SIDOTI")
        assert (before["tahapan"], answers["tahapan"]) == ("uji_coba", "penerapan")
        assert answers["rancang_bangun"] == before["rancang_bangun"]
        linked = {(a.field_key, a.file_id) for a in entry.attachments}
        assert linked == {(a.field_key, a.file_id) for a in past.attachments} and linked
        ids_of_files = {a.id for a in entry.attachments}
        for key, value in answers.items():
            if isinstance(value, dict) and "files" in value:
                assert {item["attachment_id"] for item in value["files"]} <= ids_of_files, key
        levels = {(a.indicator.key, a.level) for a in entry.assessments}
        assert levels == {(a.indicator.key, a.level) for a in past.assessments} and levels
        origin = await origin_of(session, entry)
        assert (origin.number, origin.year, origin.award, origin.rule) == (
            "IGA-2022-001",
            2022,
            "Juara IV",
            True,
        )
        assert await origin_of(session, past) is None


async def test_another_units_or_a_draft_is_not_offered(sessions) -> None:
    ids = await _two_editions(sessions)
    for other in (ids["kauman"], ids["draft"]):
        with pytest.raises(NotAPastEntry):
            async with sessions() as session, session.begin():
                officer = await _officer(session, 101)
                await start_from(session, officer, await edition(session, "iga-2023"), other, NOW)
