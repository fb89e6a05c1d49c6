"""Entries on a real database: drafts, deadline, self-assessment, submit with a number
(also under concurrency), withdraw, reopen; on SQLite and PostgreSQL."""

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update

from bot.runtime import Runtime
from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.services.core.events import current_edition, current_edition_id, edition_form
from bot.services.entries.cursor import AtField
from bot.services.entries.form import field_by_key, form_fields, visible_fields
from bot.services.entries.submission_status import change_status
from bot.services.entries.submissions import (
    EntryError,
    EntryProblem,
    FileInfo,
    active_entry,
    answers_of,
    append_paragraph,
    assessment_score,
    cursor_of,
    entry_for_officer,
    leave_form,
    load_entry,
    reopen_deadline,
    reopen_unit,
    save_answer,
    save_file,
    set_evidence,
    set_level,
    start_entry,
    submit_entry,
    withdraw_entry,
)
from bot.settings import Settings
from bot.storage.models import Edition, Officer, Submission, SubmissionStatus, Unit
from tests.conftest import EVENT_FILE

OPEN = datetime(2022, 10, 1, 3, 0, tzinfo=UTC)
AFTER_CLOSE = datetime(2022, 11, 2, 3, 0, tzinfo=UTC)
USER = 1001
COLLEAGUE = 1002

COMPLETE = {
    "nama": "SIDOTI <Sistem> & Co 🚽",
    "tahapan": "penerapan",
    "inisiator": "perangkat_daerah",
    "nama_inisiator": "Dinas Lingkungan Hidup",
    "jenis": "digital",
    "bentuk": "pelayanan_publik",
    "tematik": ["smart_city", "bebas_sampah"],
    "urusan": "perkim",
    "waktu_uji_coba": "2022-01-10",
    "waktu_penerapan": "2022-03-01",
    "rancang_bangun": "kata " * 300,
    "tujuan": "tujuan " * 10,
    "manfaat": "manfaat " * 10,
    "hasil": "hasil " * 10,
    "anggaran_nilai": 10_000_000,
    "video": "https://youtu.be/x",
    "kontak": "+6281234567890",
}


def document(name: str = "a.pdf") -> FileInfo:
    return FileInfo(f"file-{name}", f"u-{name}", name, "application/pdf", 1000)


@pytest.fixture
async def world(sessions):
    """The seed imported; USER and COLLEAGUE officers of DLH."""
    async with sessions() as session, session.begin():
        await import_event_file(session, load_event_file(EVENT_FILE))
        edition = await current_edition(session)
        unit = next(u for u in edition.units if u.code == "DLH")
        for user in (USER, COLLEAGUE):
            session.add(Officer(user_id=user, unit_id=unit.id))
    return sessions


async def _officer(session, user=USER):
    return await session.scalar(
        select(Officer).where(Officer.user_id == user).execution_options(populate_existing=True)
    )


async def _new_entry(sessions, now=OPEN, user=USER) -> int:
    async with sessions() as session, session.begin():
        edition = await current_edition(session)
        officer = await _officer(session, user)
        await session.refresh(officer, ["unit"])
        return (await start_entry(session, officer, edition, now)).id


async def _fill(sessions, submission_id: int, answers=COMPLETE, now=OPEN) -> None:
    async with sessions() as session, session.begin():
        edition = await current_edition(session)
        submission = await load_entry(session, submission_id)
        for key, value in answers.items():
            await save_answer(session, edition, submission, key, value, now)
        for key in ("anggaran", "profil_bisnis"):
            await save_file(session, edition, submission, key, document(f"{key}.pdf"), now)
        for indicator in edition.indicators:
            await set_level(session, edition, submission, indicator, 2, now)
            await set_evidence(session, edition, submission, indicator, now, url="https://x.id/a")


async def test_answers_are_saved_at_once_and_survive_a_new_session(world) -> None:
    entry_id = await _new_entry(world)
    async with world() as session, session.begin():
        edition = await current_edition(session)
        submission = await active_entry(session, USER, edition.id)
        assert submission.id == entry_id and cursor_of(submission) == AtField("nama")
        await save_answer(session, edition, submission, "nama", COMPLETE["nama"], OPEN)
        await save_answer(session, edition, submission, "nama", "SIDOTI", OPEN)
    async with world() as session:
        submission = await load_entry(session, entry_id)
        assert answers_of(submission) == {"nama": "SIDOTI"}
        assert submission.title == "SIDOTI"


async def test_leaving_keeps_the_draft_and_colleagues_see_it(world) -> None:
    entry_id = await _new_entry(world)
    async with world() as session, session.begin():
        await leave_form(session, USER)
    async with world() as session:
        assert await active_entry(session, USER, await current_edition_id(session)) is None
        assert (await entry_for_officer(session, COLLEAGUE, entry_id)).id == entry_id
        with pytest.raises(EntryError) as caught:
            await entry_for_officer(session, 999, entry_id)
        assert caught.value.problem is EntryProblem.NOT_FOUND


async def test_deadline_blocks_new_entries_and_changes_until_reopened(world) -> None:
    with pytest.raises(EntryError) as caught:
        await _new_entry(world, now=AFTER_CLOSE)
    assert caught.value.problem is EntryProblem.CLOSED
    assert caught.value.moment == datetime(2022, 10, 31, 16, 59, tzinfo=UTC)
    with pytest.raises(EntryError) as caught:
        await _new_entry(world, now=datetime(2022, 8, 1, tzinfo=UTC))
    assert caught.value.problem is EntryProblem.NOT_YET_OPEN
    entry_id = await _new_entry(world)
    async with world() as session, session.begin():
        edition = await current_edition(session)
        submission = await load_entry(session, entry_id)
        with pytest.raises(EntryError):
            await save_answer(session, edition, submission, "nama", "Terlambat", AFTER_CLOSE)
        unit = await session.get(Unit, submission.unit_id)
        until = AFTER_CLOSE + timedelta(days=2)
        officers = await reopen_unit(session, unit, until, 1, AFTER_CLOSE, ZoneInfo("Asia/Jakarta"))
        assert sorted(officers) == [USER, COLLEAGUE]
        await save_answer(session, edition, submission, "nama", "Tepat", AFTER_CLOSE)


async def test_submit_checks_everything_required(world) -> None:
    entry_id = await _new_entry(world)
    await _fill(world, entry_id, {"nama": "SIDOTI"})
    async with world() as session, session.begin():
        with pytest.raises(EntryError) as caught:
            await submit_entry(session, USER, entry_id, OPEN)
    assert caught.value.problem is EntryProblem.INCOMPLETE
    missing = [key for key, _ in caught.value.problems]
    assert "tahapan" in missing and "rancang_bangun" in missing and "anggaran_nilai" not in missing


async def test_submit_gives_a_number_and_a_repeat_changes_nothing(world) -> None:
    entry_id = await _new_entry(world)
    await _fill(world, entry_id)
    async with world() as session, session.begin():
        result = await submit_entry(session, USER, entry_id, OPEN)
        assert result.change is not None and sorted(result.change.officer_ids) == [USER, COLLEAGUE]
    assert result.submission.number == "IGA-2022-001"
    async with world() as session, session.begin():
        again = await submit_entry(session, COLLEAGUE, entry_id, OPEN)
    assert again.change is None and again.submission.number == "IGA-2022-001"
    async with world() as session:
        submission = await load_entry(session, entry_id)
        assert submission.status is SubmissionStatus.SUBMITTED
        assert submission.submitted_at == OPEN
        assert answers_of(submission)["nama"] == COMPLETE["nama"]
        assert await active_entry(session, USER, await current_edition_id(session)) is None


async def _submit_concurrently(sessions, pairs):
    async def one(user, entry_id):
        async with sessions() as session, session.begin():
            return await submit_entry(session, user, entry_id, OPEN)

    return await asyncio.gather(*(one(user, entry_id) for user, entry_id in pairs))


async def test_two_officers_confirming_at_once_make_one_number(world) -> None:
    entry_id = await _new_entry(world)
    await _fill(world, entry_id)
    results = await _submit_concurrently(world, [(USER, entry_id), (COLLEAGUE, entry_id)])
    assert sum(result.change is not None for result in results) == 1
    assert {result.submission.number for result in results} == {"IGA-2022-001"}
    async with world() as session:
        count = await session.scalar(select(func.count()).select_from(Submission))
        assert count == 1


async def test_different_entries_at_once_get_distinct_numbers(world) -> None:
    ids = [await _new_entry(world, user=user) for user in (USER, COLLEAGUE, USER)]
    for entry_id in ids:
        await _fill(world, entry_id)
    results = await _submit_concurrently(
        world, list(zip((USER, COLLEAGUE, USER), ids, strict=True))
    )
    numbers = sorted(result.submission.number for result in results)
    assert numbers == ["IGA-2022-001", "IGA-2022-002", "IGA-2022-003"]


async def test_self_assessment_score_and_lacking_evidence(world) -> None:
    entry_id = await _new_entry(world)
    async with world() as session, session.begin():
        edition = await current_edition(session)
        submission = await load_entry(session, entry_id)
        regulasi, sdm = edition.indicators[0], edition.indicators[1]
        await set_level(session, edition, submission, regulasi, 3, OPEN)
        await set_level(session, edition, submission, sdm, 1, OPEN)
        await set_evidence(session, edition, submission, regulasi, OPEN, file=document("sk.pdf"))
        score = assessment_score(edition.indicators, submission)
    assert score.score == 3 * 3 + 2 * 1
    assert score.maximum == 3 * sum(i.weight for i in edition.indicators)
    assert score.assessed == 2 and score.evidenced == 1
    assert [i.key for i in score.lacking] == ["sdm", "kecepatan", "kemanfaatan", "kualitas"]


async def test_withdraw_before_deadline_and_resubmit_after_return(world) -> None:
    entry_id = await _new_entry(world)
    await _fill(world, entry_id)
    async with world() as session, session.begin():
        await submit_entry(session, USER, entry_id, OPEN)
    async with world() as session, session.begin():
        submission = await load_entry(session, entry_id)
        await change_status(
            session, submission, SubmissionStatus.RETURNED, actor_id=1, now=AFTER_CLOSE, note="x"
        )
    async with world() as session, session.begin():
        edition = await current_edition(session)
        submission = await load_entry(session, entry_id)
        await save_answer(session, edition, submission, "hasil", "baru " * 12, AFTER_CLOSE)
        result = await submit_entry(session, USER, entry_id, AFTER_CLOSE)
    assert result.change is not None and result.submission.number == "IGA-2022-001"
    async with world() as session, session.begin():
        with pytest.raises(EntryError) as caught:
            await withdraw_entry(session, USER, entry_id, AFTER_CLOSE)
    assert caught.value.problem is EntryProblem.CLOSED
    async with world() as session, session.begin():
        change = await withdraw_entry(session, USER, entry_id, OPEN)
    assert change.new is SubmissionStatus.WITHDRAWN


async def test_hidden_fields_are_not_required(world) -> None:
    entry_id = await _new_entry(world)
    answers = {k: v for k, v in COMPLETE.items() if not k.startswith("waktu_")}
    await _fill(world, entry_id, {**answers, "tahapan": "inisiatif"})
    async with world() as session, session.begin():
        edition = await current_edition(session)
        fields = visible_fields(form_fields(edition.config), {"tahapan": "inisiatif"})
        assert "waktu_uji_coba" not in [f.key for f in fields]
        result = await submit_entry(session, USER, entry_id, OPEN)
    assert result.submission.status is SubmissionStatus.SUBMITTED


async def _append(sessions, paragraph: str, now: datetime) -> str:
    """One form step at the long text ``rancang_bangun``, as the chat's handler does it."""
    async with sessions() as session, session.begin():
        found = await edition_form(session)
        submission = await active_entry(session, USER, found.edition.id, answers_only=True)
        spec = field_by_key(found.fields, "rancang_bangun")
        saved = await append_paragraph(session, found.edition, submission, spec, paragraph, now)
        assert answers_of(submission)["rancang_bangun"] == saved
        assert cursor_of(submission) == AtField("rancang_bangun") and submission.updated_at == now
        return saved


async def test_paragraphs_are_appended_and_each_saved_at_once(world) -> None:
    entry_id = await _new_entry(world)
    paragraphs = ["Dasar hukum: Perwali 12/2021.", "Masalah <sampah> & banjir.", "Tahapan 🚀."]
    for minute, paragraph in enumerate(paragraphs, start=1):  # the first by save_answer
        await _append(world, paragraph, OPEN + timedelta(minutes=minute))
        async with world() as session:  # a new session (a kill after the step loses nothing)
            submission = await load_entry(session, entry_id)
            assert answers_of(submission) == {"rancang_bangun": "\n\n".join(paragraphs[:minute])}
            assert cursor_of(submission) == AtField("rancang_bangun")
            assert submission.updated_at == OPEN + timedelta(minutes=minute)


async def test_a_paragraph_after_the_entry_left_the_draft_state_is_refused(world) -> None:
    entry_id = await _new_entry(world)
    await _append(world, "Satu.", OPEN + timedelta(minutes=1))
    await _append(world, "Dua.", OPEN + timedelta(minutes=2))
    async with world() as session, session.begin():
        found = await edition_form(session)
        submission = await active_entry(session, USER, found.edition.id, answers_only=True)
        async with world() as other, other.begin():  # a colleague submits in between
            await other.execute(
                update(Submission)
                .where(Submission.id == entry_id)
                .values(status=SubmissionStatus.SUBMITTED)
            )
        spec = field_by_key(found.fields, "rancang_bangun")
        with pytest.raises(EntryError) as caught:
            await append_paragraph(session, found.edition, submission, spec, "Tiga.", OPEN)
        assert caught.value.problem is EntryProblem.NOT_EDITABLE
        assert caught.value.status is SubmissionStatus.SUBMITTED
    async with world() as session:
        assert answers_of(await load_entry(session, entry_id)) == {
            "rancang_bangun": "Satu.\n\nDua."
        }


async def test_a_paragraph_after_the_deadline_is_refused(world) -> None:
    await _new_entry(world)
    await _append(world, "Satu.", OPEN + timedelta(minutes=1))
    with pytest.raises(EntryError) as caught:
        await _append(world, "Dua.", AFTER_CLOSE)
    assert caught.value.problem is EntryProblem.CLOSED


async def test_runtime_keeps_the_edition_form_until_the_event_is_imported_again(world) -> None:
    runtime = Runtime(settings=Settings(), engine=None, sessions=world)  # type: ignore[arg-type]
    first = await runtime.edition_form()
    assert first.fields[0].key == "nama" and [i.key for i in first.edition.indicators][:2] == [
        "regulasi",
        "sdm",
    ]
    closing = AFTER_CLOSE + timedelta(days=30)
    async with world() as session, session.begin():
        await session.execute(update(Edition).values(entries_close_at=closing))
    assert await runtime.edition_form() is first  # kept: no query per form step
    runtime.forget_event()  # what /muat_ulang does after importing
    again = await runtime.edition_form()
    assert again is not first and again.edition.entries_close_at == closing


def test_reopen_deadline_is_the_end_of_the_last_day_in_the_event_zone() -> None:
    wib = ZoneInfo("Asia/Jakarta")
    late = datetime(2022, 11, 2, 16, 55, tzinfo=UTC)  # Rabu 23.55 WIB
    assert reopen_deadline(late, 1, wib) == datetime(2022, 11, 3, 23, 59, tzinfo=wib)
    assert reopen_deadline(AFTER_CLOSE, 7, wib) == datetime(2022, 11, 9, 23, 59, tzinfo=wib)
