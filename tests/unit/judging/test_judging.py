"""Judging rules: the panel, assignments with conflicts of interest, scores, validation,
closing, progress, audit."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.services.judging import scoring as judging
from bot.services.judging.scoring import DEFAULT_RUBRIC, JudgingError, rubric
from bot.storage.models import AuditEntry, Indicator, SelfAssessment, SubmissionStatus
from tests.factories import make_entry, make_judge, seed_edition

NOW = datetime(2022, 11, 10, 2, 0, tzinfo=UTC)
V = SubmissionStatus.VERIFIED


async def test_default_rubric_is_the_national_criteria_and_the_file_can_change_it(
    sessions,
) -> None:
    assert [(c.key, c.weight) for c in DEFAULT_RUBRIC] == [
        ("kebaharuan", 30),
        ("kemanfaatan", 25),
        ("kewenangan-kolaborasi", 15),
        ("replikasi-aplikatif", 20),
        ("kualitas-penyajian", 10),
    ]
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        assert [c.key for c in rubric(edition)] == [c.key for c in DEFAULT_RUBRIC]
        edition.config = {**edition.config, "rubric": [
            {"key": "a", "name": {"id": "A", "en": "A"}, "weight": 60},
            {"key": "b", "name": {"id": "B", "en": "B"}, "weight": 40},
        ]}  # fmt: skip
        assert [(c.key, c.weight) for c in rubric(edition)] == [("a", 60), ("b", 40)]


async def test_assign_all_skips_the_judge_of_the_entrants_unit(sessions) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        dinsos = await make_entry(session, edition, "DINSOS", "Home Care", status=V)
        dlh = await make_entry(session, edition, "DLH", "SIDOTI", status=V)
        await make_entry(session, edition, "DINKES", "Draft", status=SubmissionStatus.SUBMITTED)
        ani = await make_judge(session, edition, 20, "Dr. Ani", "DINSOS")
        budi = await make_judge(session, edition, 21, "Budi")
        report = await judging.assign(
            session, edition, judge_ids=None, submission_ids=None, actor_id=1, now=NOW
        )
        assert set(report.added) == {(ani.id, dlh.id), (budi.id, dinsos.id), (budi.id, dlh.id)}
        assert report.conflicts == ((ani.id, dinsos.id),)
        again = await judging.assign(
            session, edition, judge_ids=[budi.id], submission_ids=[dlh.id], actor_id=1, now=NOW
        )
        assert again.added == () and again.existing == ((budi.id, dlh.id),)
        assert await judging.assigned_ids(session, ani.id) == {dlh.id}
        with pytest.raises(JudgingError) as error:
            await judging.set_score(session, ani, dinsos.id, "kebaharuan", 80, now=NOW)
        assert error.value.code == "not-assigned"


async def test_scores_are_checked_revisable_until_closed_and_audited(sessions) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        entry = await make_entry(session, edition, "DLH", "SIDOTI", status=V)
        judge = await make_judge(session, edition, 20, "Dr. Ani")
        await judging.assign(
            session, edition, judge_ids=None, submission_ids=None, actor_id=1, now=NOW
        )
        for bad_key, bad_value, code in (
            ("kebaharuan", 101, "out-of-range"),
            ("kebaharuan", -1, "out-of-range"),
            ("tidak-ada", 50, "unknown-criterion"),
        ):
            with pytest.raises(JudgingError) as error:
                await judging.set_score(session, judge, entry.id, bad_key, bad_value, now=NOW)
            assert error.value.code == code
        await judging.set_score(session, judge, entry.id, "kebaharuan", 70, now=NOW)
        await judging.set_score(session, judge, entry.id, "kebaharuan", 85.5, now=NOW)
        assert await judging.scores_of(session, judge.id, entry.id) == {"kebaharuan": 85.5}
        [line] = await judging.progress(session, judge)
        assert (line.scored, line.total, line.complete) == (1, 5, False)

        assert await judging.set_judging_closed(session, edition, True, actor_id=1, now=NOW)
        with pytest.raises(JudgingError) as error:
            await judging.set_score(session, judge, entry.id, "kebaharuan", 90, now=NOW)
        assert error.value.code == "closed"
        assert await judging.scores_of(session, judge.id, entry.id) == {"kebaharuan": 85.5}
        await judging.set_judging_closed(
            session, edition, False, actor_id=1, now=NOW + timedelta(hours=1)
        )
        await judging.set_score(session, judge, entry.id, "kebaharuan", 90, now=NOW)

        audits = list(
            await session.scalars(
                select(AuditEntry).where(AuditEntry.action == "score.set").order_by(AuditEntry.id)
            )
        )
        assert [(a.before, a.after) for a in audits] == [
            (None, {"value": 70}),
            ({"value": 70}, {"value": 85.5}),
            ({"value": 85.5}, {"value": 90}),
        ]
        assert all(a.actor_id == 20 for a in audits)


async def test_validating_indicator_levels(sessions) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        entry = await make_entry(session, edition, "DLH", "SIDOTI", status=V)
        judge = await make_judge(session, edition, 20, "Dr. Ani")
        await judging.assign(
            session, edition, judge_ids=None, submission_ids=None, actor_id=1, now=NOW
        )
        regulasi = await session.scalar(select(Indicator).where(Indicator.key == "regulasi"))
        with pytest.raises(JudgingError) as error:
            await judging.validate_level(session, judge, entry.id, regulasi.id, 4, now=NOW)
        assert error.value.code == "bad-level"
        assessment = await judging.validate_level(session, judge, entry.id, regulasi.id, 1, now=NOW)
        assert (assessment.level, assessment.validated_level) == (2, 1)
        stored = await session.scalar(
            select(SelfAssessment.validated_level).where(
                SelfAssessment.submission_id == entry.id,
                SelfAssessment.indicator_id == regulasi.id,
            )
        )
        assert stored == 1


async def test_each_judge_validates_for_themselves(sessions) -> None:
    """QA: validated levels leaked between the judges of a panel (one judge's level showed
    as, and replaced, another's). Each judge keeps their own; the level that counts is the
    panel's lower median, and it follows when a judge leaves the entry."""
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        entry = await make_entry(session, edition, "DLH", "SIDOTI", status=V)
        ani = await make_judge(session, edition, 20, "Dr. Ani")
        budi = await make_judge(session, edition, 21, "Budi")
        await judging.assign(
            session, edition, judge_ids=None, submission_ids=None, actor_id=1, now=NOW
        )
        regulasi = await session.scalar(select(Indicator).where(Indicator.key == "regulasi"))
        await judging.validate_level(session, ani, entry.id, regulasi.id, 3, now=NOW)
        panel = await judging.validate_level(session, budi, entry.id, regulasi.id, 2, now=NOW)
        assert panel.validated_level == 2  # never above what half the panel validated
        assert await judging.own_levels(session, ani.id, entry.id) == {regulasi.id: 3}
        assert await judging.own_levels(session, budi.id, entry.id) == {regulasi.id: 2}
        await judging.unassign(session, edition, budi.id, entry.id, actor_id=1, now=NOW)
        assert await judging.own_levels(session, budi.id, entry.id) == {}
        stored = await session.scalar(
            select(SelfAssessment.validated_level).where(
                SelfAssessment.submission_id == entry.id,
                SelfAssessment.indicator_id == regulasi.id,
            )
        )
        assert stored == 3  # Ani's alone now
        await judging.remove_judge(session, ani.id, actor_id=1, now=NOW)
        await session.flush()
        stored = await session.scalar(
            select(SelfAssessment.validated_level).where(
                SelfAssessment.submission_id == entry.id,
                SelfAssessment.indicator_id == regulasi.id,
            )
        )
        assert stored is None
    assert [judging.panel_level(levels) for levels in ([], [1], [3, 2], [1, 2, 3], [3, 3, 1, 2])] \
        == [None, 1, 2, 2, 2]  # fmt: skip


async def test_judges_panel_add_update_remove(sessions) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        judge = await judging.add_judge(
            session, edition, user_id=20, name=" Dr.  Ani ", unit_code="bappeda", actor_id=1,
            now=NOW,
        )  # fmt: skip
        assert judge.name == "Dr. Ani" and judge.unit_id is not None
        with pytest.raises(JudgingError) as error:
            await judging.add_judge(
                session, edition, user_id=21, name="X", unit_code="NOPE", actor_id=1, now=NOW
            )
        assert error.value.code == "unknown-unit"
        same = await judging.add_judge(
            session, edition, user_id=20, name="Dr. Ani S.", unit_code=None, actor_id=1, now=NOW
        )
        assert same.id == judge.id and same.unit_id is None
        assert [j.name for j in await judging.list_judges(session, edition.id)] == ["Dr. Ani S."]
        assert await judging.remove_judge(session, judge.id, actor_id=1, now=NOW)
        assert await judging.list_judges(session, edition.id) == []


def test_callback_data_of_the_committee_buttons_fits_64_bytes() -> None:
    big = 9_999_999_999  # ids far beyond any competition's size
    longest = [
        f"cm:l:{big}:not_selected:{big}:{big}",
        f"cm:as:t:{big}:{big}",
        f"cm:a:x:{big}",
        f"jd:lv:{big}:{big}:3:{big}",
        f"jd:s:{big}:99:100",
    ]
    for data in longest:
        assert len(data.encode()) <= 64, data
