"""The ranking in the chat: a self-assessment the panel has not validated counts 0, and the
committee is warned where it matters (the ranking, closing judging, setting the winners);
only the actions that can be done now are offered, and a stale button is explained."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import Edition, Indicator, JudgeAssignment, Score, SubmissionStatus
from tests import factories
from tests.e2e.helpers.committee import quick_emulator

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


def labels(message) -> list[str]:
    return [b["text"] for row in message.get("inline_keyboard") or [] for b in row]


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
