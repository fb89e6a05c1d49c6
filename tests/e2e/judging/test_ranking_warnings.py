"""The ranking in the chat: a self-assessment the panel has not validated counts 0, and the
committee is warned where it matters (the ranking, closing judging, setting the winners);
only the actions that can be done now are offered, and a stale button is explained."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import (
    Award,
    Edition,
    Indicator,
    JudgeAssignment,
    JudgeReview,
    Score,
    Submission,
    SubmissionStatus,
)
from tests import factories
from tests.e2e.helpers.committee import choose_english, quick_emulator
from tests.e2e.helpers.messages import labels

pytestmark = pytest.mark.e2e
S = SubmissionStatus


@pytest.fixture
def emulator_config():
    """Flood control scaled up for long committee sessions."""
    return quick_emulator()


async def scored_nominees(bot, judge_user: int) -> None:
    """Two nominees scored 80 by one judge: Home Care with every indicator validated at 2,
    LAPIS MANIS with none validated."""
    async with bot.runtime.transaction() as session:
        edition = await factories.edition(session)
        keys = list(await session.scalars(select(Indicator.key)))
        judge = await factories.make_judge(session, edition, judge_user, "Dr. Ani Suryani")
        validated = await factories.make_entry(
            session, edition, "DINSOS", "Sosial Home Care", status=S.NOMINEE,
            validated=dict.fromkeys(keys, 2),
        )  # fmt: skip
        unvalidated = await factories.make_entry(
            session, edition, "DPMPTSP", "LAPIS MANIS", status=S.NOMINEE
        )
        for entry in (validated, unvalidated):
            session.add(JudgeAssignment(judge_id=judge.id, submission_id=entry.id))
            for criterion in DEFAULT_RUBRIC:
                session.add(
                    Score(
                        judge_id=judge.id,
                        submission_id=entry.id,
                        criterion_key=criterion.key,
                        value=80,
                    )
                )


async def test_unvalidated_self_assessment_is_warned_and_only_possible_actions_offered(
    bot, users
) -> None:
    siti = await users.create("Siti", admin=True)
    await scored_nominees(bot, 4242)

    # judging open: setting the winners is refused at once, not after a confirmation
    await siti.send("/tetapkan_juara")
    await siti.expect_message(t("id", "ranking-error-open"))

    await siti.send("/ranking")
    ranking = await siti.expect_message("Peringkat sementara")
    assert "⚠️" in ranking["text"] and "IGA-2022-002" in ranking["text"]
    warning = ranking["text"][ranking["text"].index("⚠️") :]
    assert "belum divalidasi" in warning and "IGA-2022-001" not in warning
    assert labels(ranking) == [t("id", "ranking-button-close")]

    # closing asks first, saying what counts 0
    await siti.tap(t("id", "ranking-button-close"))
    ask = await siti.expect_message("belum divalidasi")
    assert "IGA-2022-002" in ask["text"]
    await siti.tap(t("id", "ranking-button-close-anyway"))
    closed = await siti.expect_message("Penilaian ditutup pada")
    assert labels(closed) == [t("id", "ranking-button-reopen"), t("id", "ranking-button-set")]

    # setting the winners: the confirmation repeats the warning
    await siti.tap(t("id", "ranking-button-set"))
    confirm = await siti.expect_message("Tetapkan juara")
    assert "belum divalidasi" in confirm["text"] and "IGA-2022-002" in confirm["text"]

    # once the results are announced, nothing about them is offered any more
    async with bot.runtime.transaction() as session:
        edition = await session.scalar(select(Edition))
        edition.results_announced_at = bot.clock() - timedelta(minutes=1)
    answer = await siti.expect_callback_answer(await siti.tap(t("id", "results-button-confirm")))
    assert answer["text"] == t("id", "ranking-error-announced") and answer["show_alert"]
    await siti.send("/ranking")
    after = await siti.expect_message("Peringkat sementara")
    assert labels(after) == []
    await siti.send("/tetapkan_juara")
    await siti.expect_message(t("id", "ranking-error-announced"))


async def nominees_one_unjudged(bot, judge_user: int) -> tuple[int, int]:
    """Two nominees assigned to one judge, every indicator validated: Home Care scored 80 on
    every criterion and its sheet sent, LAPIS MANIS not scored at all (0 of 5 criteria)."""
    async with bot.runtime.transaction() as session:
        edition = await factories.edition(session)
        keys = list(await session.scalars(select(Indicator.key)))
        judge = await factories.make_judge(session, edition, judge_user, "Dr. Ani Suryani")
        scored, unjudged = [
            await factories.make_entry(
                session, edition, unit, title, status=S.NOMINEE,
                validated=dict.fromkeys(keys, 2),
            )
            for unit, title in (("DINSOS", "Sosial Home Care"), ("DPMPTSP", "LAPIS MANIS"))
        ]  # fmt: skip
        for entry in (scored, unjudged):
            session.add(JudgeAssignment(judge_id=judge.id, submission_id=entry.id))
        for criterion in DEFAULT_RUBRIC:
            session.add(
                Score(judge_id=judge.id, submission_id=scored.id, criterion_key=criterion.key,
                      value=80)
            )  # fmt: skip
        session.add(
            JudgeReview(judge_id=judge.id, submission_id=scored.id, submitted_at=bot.clock())
        )
        return scored.id, unjudged.id


async def results_state(bot) -> tuple[list, list]:
    async with bot.runtime.sessions() as session:
        awards = list(await session.scalars(select(Award).where(Award.submission_id.is_not(None))))
        statuses = sorted(await session.scalars(select(Submission.status)))
    return awards, statuses


async def test_an_unjudged_nominee_blocks_the_winners_and_the_way_out_is_offered(
    bot, users
) -> None:
    siti = await users.create("Siti", admin=True)
    scored, unjudged = await nominees_one_unjudged(bot, 4242)

    # /help says where judging is closed
    await siti.send("/help")
    help_text = await siti.expect_message("/peringkat")
    line = next(line for line in help_text["text"].splitlines() if "/peringkat" in line)
    assert "ditutup" in line

    # judging open: the refusal offers the 🔒 button itself, which closes judging
    await siti.send("/tetapkan_juara")
    refusal = await siti.expect_message(t("id", "ranking-error-open"))
    assert "/peringkat" in refusal["text"]
    assert labels(refusal) == [t("id", "ranking-button-close")]
    await siti.tap(t("id", "ranking-button-close"), message_id=refusal["message_id"])
    # closing first names the judge's sheet not sent (QA #13), the sent one not
    ask = await siti.expect_message("belum dikirim")
    assert "Dr. Ani Suryani: IGA-2022-002 (0/5 kriteria)" in ask["text"], ask["text"]
    assert "IGA-2022-001" not in ask["text"] and "belum divalidasi" not in ask["text"]
    await siti.tap(t("id", "ranking-button-close-anyway"))
    closed = await siti.expect_message("Penilaian ditutup pada")
    # the ranking names the unjudged nominee and offers no 🏆, only reopening
    assert "belum dinilai lengkap" in closed["text"] and "IGA-2022-002" in closed["text"]
    assert labels(closed) == [t("id", "ranking-button-reopen")]

    # /tetapkan_juara names it, says why it is refused, offers 🔓
    await siti.send("/tetapkan_juara")
    blocked = await siti.expect_message("Juara belum dapat ditetapkan")
    assert "IGA-2022-002" in blocked["text"] and "IGA-2022-001" not in blocked["text"]
    assert labels(blocked) == [t("id", "ranking-button-reopen")]
    assert await results_state(bot) == ([], [S.NOMINEE, S.NOMINEE])

    # a confirmation asked while only the scored entry was a nominee is refused at the tap
    async with bot.runtime.transaction() as session:
        (await session.get(Submission, unjudged)).status = S.VERIFIED
    await siti.send("/tetapkan_juara")
    await siti.expect_message("Tetapkan juara dari peringkat")
    async with bot.runtime.transaction() as session:
        (await session.get(Submission, unjudged)).status = S.NOMINEE
    answer = await siti.expect_callback_answer(await siti.tap(t("id", "results-button-confirm")))
    assert answer["show_alert"] and "IGA-2022-002" in answer["text"]
    again = await siti.expect_message("Juara belum dapat ditetapkan")
    assert labels(again) == [t("id", "ranking-button-reopen")]
    assert await results_state(bot) == ([], [S.NOMINEE, S.NOMINEE])

    # reopening lets the judge score it; then the winners can be set
    await siti.tap(t("id", "ranking-button-reopen"), message_id=again["message_id"])
    await siti.expect_message("Penilaian masih dibuka")
    async with bot.runtime.transaction() as session:
        judge_id = await session.scalar(select(JudgeAssignment.judge_id))
        for criterion in DEFAULT_RUBRIC:
            session.add(
                Score(judge_id=judge_id, submission_id=unjudged, criterion_key=criterion.key,
                      value=70)
            )  # fmt: skip
    await siti.send("/ranking")
    ranking = await siti.expect_message("Peringkat sementara")
    assert "belum dinilai lengkap" not in ranking["text"]
    async with bot.runtime.transaction() as session:  # the judge sends the sheet
        session.add(
            JudgeReview(judge_id=judge_id, submission_id=unjudged, submitted_at=bot.clock())
        )
    await siti.tap(t("id", "ranking-button-close"))  # every sheet sent: closed at once
    await siti.expect_message("Penilaian ditutup pada")
    await siti.send("/tetapkan_juara")
    await siti.expect_message("Tetapkan juara dari peringkat")
    await siti.tap(t("id", "results-button-confirm"))
    await siti.expect_message(t("id", "results-done"))
    awards, _ = await results_state(bot)
    assert [award.submission_id for award in awards] == [scored, unjudged]


async def test_unjudged_nominee_in_english(bot, users) -> None:
    admin = await users.create("Sarah", admin=True)
    await nominees_one_unjudged(bot, 4242)
    await choose_english(admin)
    await admin.send("/help")
    help_text = await admin.expect_message("/set_winners")
    line = next(line for line in help_text["text"].splitlines() if "/ranking" in line)
    assert "closed" in line
    await admin.send("/set_winners")
    refusal = await admin.expect_message(t("en", "ranking-error-open"))
    await admin.tap(t("en", "ranking-button-close"), message_id=refusal["message_id"])
    ask = await admin.expect_message("1 score sheet is not yet sent by the judges")
    assert "Dr. Ani Suryani: IGA-2022-002 (0/5 criteria)" in ask["text"]
    await admin.tap(t("en", "ranking-button-close-anyway"))
    await admin.expect_message("Judging was closed on")
    await admin.send("/set_winners")
    blocked = await admin.expect_message("The winners cannot be set yet")
    assert "IGA-2022-002" in blocked["text"]
    assert labels(blocked) == [t("en", "ranking-button-reopen")]
