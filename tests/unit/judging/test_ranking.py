"""Ranking: weighted judges' scores, validated self-assessment, the final formula, ties, and
turning the ranking into results."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.services.judging import ranking
from bot.services.judging import scoring as judging
from bot.services.judging.ranking import RankingError, weighted_score
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import AuditEntry, Award, Indicator, SubmissionStatus
from tests.factories import SUBMITTED_AT, edition, make_entry, make_judge, seed_edition

NOW = datetime(2022, 11, 20, 2, 0, tzinfo=UTC)
S = SubmissionStatus


def test_weighted_score_uses_the_rubric_weights() -> None:
    only_novelty = {c.key: 0.0 for c in DEFAULT_RUBRIC} | {"kebaharuan": 100.0}
    assert weighted_score(only_novelty, DEFAULT_RUBRIC) == pytest.approx(30.0)
    assert weighted_score({c.key: 80.0 for c in DEFAULT_RUBRIC}, DEFAULT_RUBRIC) == 80.0
    assert weighted_score({"kebaharuan": 100.0}, DEFAULT_RUBRIC) is None


async def _score_all(session, judge, entry, value: float) -> None:
    for criterion in DEFAULT_RUBRIC:
        await judging.set_score(session, judge, entry.id, criterion.key, value, now=NOW)


async def _setup(session, statuses=(S.NOMINEE,) * 3):
    ed = await seed_edition(session)
    all_three = {i.key: 3 for i in await session.scalars(select(Indicator))}
    a = await make_entry(
        session, ed, "DINSOS", "Home Care", status=statuses[0], validated=all_three
    )
    b = await make_entry(session, ed, "DLH", "SIDOTI", status=statuses[1])
    c = await make_entry(
        session, ed, "DPMPTSP", "LAPIS MANIS", status=statuses[2],
        submitted_at=SUBMITTED_AT - timedelta(days=1),
    )  # fmt: skip
    ani = await make_judge(session, ed, 20, "Dr. Ani")
    budi = await make_judge(session, ed, 21, "Budi")
    await judging.assign(session, ed, judge_ids=None, submission_ids=None, actor_id=1, now=NOW)
    await _score_all(session, ani, a, 80)
    await _score_all(session, budi, a, 90)
    await _score_all(session, ani, b, 70)
    await _score_all(session, budi, b, 70)
    await _score_all(session, ani, c, 70)  # c only by one judge, same mean as b
    await _score_all(session, budi, c, 50)
    await judging.set_score(session, budi, c.id, "kebaharuan", 70, now=NOW)  # incomplete → ok
    return ed, a, b, c, ani, budi


async def test_ranking_lines_and_the_final_formula(sessions) -> None:
    async with sessions() as session, session.begin():
        ed, a, b, c, ani, budi = await _setup(session)
        lines = await ranking.compute_ranking(session, ed)
    by_id = {line.submission.id: line for line in lines}
    assert by_id[a.id].judge_scores == {ani.id: 80.0, budi.id: 90.0}
    assert by_id[a.id].judges_mean == 85.0
    assert by_id[a.id].self_assessment == pytest.approx(100.0)
    assert by_id[a.id].final == pytest.approx(0.7 * 85 + 0.3 * 100)
    # c: budi 70·0.30 + 50·0.70 = 56 → mean (70 + 56) / 2 = 63
    assert by_id[c.id].judges_mean == pytest.approx(63.0)
    assert by_id[b.id].self_assessment == 0.0 and by_id[b.id].final == pytest.approx(49.0)
    assert [line.submission.id for line in lines] == [a.id, b.id, c.id]
    assert [line.rank for line in lines] == [1, 2, 3]


async def test_ties_follow_the_rule_then_the_earlier_submission(sessions) -> None:
    async with sessions() as session, session.begin():
        ed = await seed_edition(session)
        late = await make_entry(session, ed, "DINSOS", "Late", status=S.VERIFIED)
        early = await make_entry(
            session, ed, "DLH", "Early", status=S.VERIFIED,
            submitted_at=SUBMITTED_AT - timedelta(hours=1),
        )  # fmt: skip
        lines = await ranking.compute_ranking(session, ed)
        assert [line.submission.id for line in lines] == [early.id, late.id]
        # judges' tie-break: same final, higher judges' mean first
        judge = await make_judge(session, ed, 20, "Dr. Ani")
        await judging.assign(session, ed, judge_ids=None, submission_ids=None, actor_id=1, now=NOW)
        await _score_all(session, judge, late, 30)
        regulasi = await session.scalar(select(Indicator).where(Indicator.key == "regulasi"))
        # give "early" the same final through the self-assessment: 0.3·SA = 0.7·30 → SA = 70
        ed.config = {**ed.config, "final_score": {
            "judges": 0.5, "self_assessment": 0.5, "tie_break": "judges"}}  # fmt: skip
        weights = sum(i.weight for i in await session.scalars(select(Indicator)))
        assert regulasi.weight == 3
        # SA(early) = 100·3·level/(3·weights): choose judges' score = that SA for a tie
        await judging.validate_level(session, judge, early.id, regulasi.id, 3, now=NOW)
        sa = 100 * 9 / (3 * weights)
        await _score_all(session, judge, late, sa)
        lines = await ranking.compute_ranking(session, ed)
        assert lines[0].final == pytest.approx(lines[1].final)
        assert [line.submission.id for line in lines] == [late.id, early.id]
        ed.config = {**ed.config, "final_score": {
            "judges": 0.5, "self_assessment": 0.5, "tie_break": "self_assessment"}}  # fmt: skip
        lines = await ranking.compute_ranking(session, ed)
        assert [line.submission.id for line in lines] == [early.id, late.id]


async def test_set_results_makes_awards_and_changes_statuses(sessions) -> None:
    async with sessions() as session, session.begin():
        ed, a, b, c, *_ = await _setup(session)
        with pytest.raises(RankingError) as error:
            await ranking.set_results(session, ed, actor_id=1, now=NOW)
        assert error.value.code == "open"
        await judging.set_judging_closed(session, ed, True, actor_id=1, now=NOW)
        ed.config = {**ed.config, "rank_titles": ["Juara I", "Juara II"]}
        results = await ranking.set_results(session, ed, actor_id=1, now=NOW)
        assert [(w.rank, w.title, w.submission_id) for w in results.awards] == [
            (1, "Juara I", a.id),
            (2, "Juara II", b.id),
        ]
        assert (a.status, b.status, c.status) == (S.WINNER, S.WINNER, S.NOT_SELECTED)
        # the seed's imported awards were replaced
        stored = list(await session.scalars(select(Award).order_by(Award.rank)))
        assert [award.innovation for award in stored] == ["Home Care", "SIDOTI"]
        audit = await session.scalar(select(AuditEntry).where(AuditEntry.action == "results.set"))
        assert [x["innovation"] for x in audit.before["awards"]][
            0
        ] == "Sosial Home Care Lanjut Usia"
        # setting again after a change keeps things consistent
        ed.config = {**ed.config, "rank_titles": ["Juara I"]}
        await ranking.set_results(session, ed, actor_id=1, now=NOW)
        assert (a.status, b.status, c.status) == (S.WINNER, S.NOT_SELECTED, S.NOT_SELECTED)
        ed.results_announced_at = NOW
        with pytest.raises(RankingError) as error:
            await ranking.set_results(session, ed, actor_id=1, now=NOW)
        assert error.value.code == "announced"


async def test_no_nominees_no_results(sessions) -> None:
    async with sessions() as session, session.begin():
        ed = await seed_edition(session)
        await make_entry(session, ed, "DLH", "SIDOTI", status=S.VERIFIED)
        await judging.set_judging_closed(session, ed, True, actor_id=1, now=NOW)
        with pytest.raises(RankingError) as error:
            await ranking.set_results(session, ed, actor_id=1, now=NOW)
        assert error.value.code == "no-nominees"
        assert len((await edition(session)).awards) == 4
