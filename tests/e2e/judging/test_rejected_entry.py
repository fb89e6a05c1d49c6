"""QA #26: once the committee rejects an entry, its judges can no longer score it, validate
its levels or comment on it, from the chat (a card opened before) or the workspace: one rule
in the judging service refuses politely (id+en), audits the refusal, and writes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from bot.i18n import t
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import (
    AuditEntry,
    Indicator,
    JudgeReview,
    Score,
    SelfAssessment,
    Submission,
)
from bot.storage.models import SubmissionStatus as S
from tests.e2e.helpers.committee import choose_english, quick_emulator
from tests.e2e.helpers.messages import labels
from tests.e2e.workspace.helpers import auth, make_world

pytestmark = [pytest.mark.e2e, pytest.mark.public_url]


@pytest.fixture
def emulator_config():
    return quick_emulator()


async def written(bot, entry: int) -> tuple[list, list, list, list[str]]:
    async with bot.runtime.sessions() as session:
        scores = list(await session.scalars(select(Score.value)))
        levels = list(
            await session.scalars(
                select(SelfAssessment.validated_level).where(
                    SelfAssessment.submission_id == entry,
                    SelfAssessment.validated_level.is_not(None),
                )
            )
        )
        comments = list(await session.scalars(select(JudgeReview.comment)))
        refusals = [
            entry.after["code"]
            for entry in await session.scalars(
                select(AuditEntry).where(AuditEntry.action == "judging.refused")
            )
        ]
    return scores, levels, comments, refusals


async def test_a_rejected_entry_is_no_longer_judged(bot, users, web) -> None:
    world = await make_world(bot, users)
    dewi = world.judge
    # Dewi opens the entry's scoring question in the chat before the rejection
    await dewi.send("/nilai")
    listing = await dewi.expect_message("Progres:")
    await dewi.tap(labels(listing)[0], message_id=listing["message_id"])
    await dewi.expect_message("Perangkat Daerah:")
    card = await dewi.expect_message(
        predicate=lambda m: t("id", "score-button-validate") in labels(m)
    )
    await dewi.tap(labels(card)[0], message_id=card["message_id"])  # the first criterion
    question = await dewi.expect_message("pilih nilai")

    rejected = await web.post(
        f"/app/api/entry/{world.entry}/status",
        json={"action": "reject", "note": "Tidak memenuhi syarat"},
        headers=auth(world.admin.id),
    )
    assert (await rejected.json())["ok"]

    refused = t("id", "judging-error-not-judgeable")
    answer = await dewi.expect_callback_answer(
        await dewi.tap("50", message_id=question["message_id"])
    )
    assert answer["text"] == refused and answer["show_alert"]
    base = f"/app/api/score/{world.entry}"
    headers = auth(dewi.id)
    criterion = DEFAULT_RUBRIC[0].key
    async with bot.runtime.sessions() as session:
        indicator = await session.scalar(select(Indicator.id).order_by(Indicator.id).limit(1))
    for path, body in (
        ("criterion", {"criterion": criterion, "value": 80}),
        ("level", {"indicator_id": indicator, "level": 2}),
        ("comment", {"comment": "Catatan <i>penilai</i> & bukti kurang"}),
    ):
        response = await web.put(f"{base}/{path}", json=body, headers=headers)
        assert response.status == 409 and (await response.json())["message"] == refused
    english = await web.put(
        f"{base}/criterion",
        json={"criterion": criterion, "value": 70},
        headers=auth(dewi.id, language="en"),
    )
    assert (await english.json())["message"] == t("en", "judging-error-not-judgeable")

    scores, levels, comments, refusals = await written(bot, world.entry)
    assert scores == [] and levels == [] and not any(comments)
    assert refusals == ["not-judgeable"] * 5

    # her lists show only the entries she is to score: the rejected one is gone (QA)
    await dewi.send("/nilai")
    await dewi.expect_message(t("id", "score-none"))
    page = await (await web.get("/app/f/assignments", headers=headers)).text()
    assert "SI-ANTRE Dinsos" not in page


async def test_the_committee_reads_the_judges_comments(bot, users, web) -> None:
    world = await make_world(bot, users)
    typed = "Catatan <i>penilai</i> & bukti kurang\nbaris kedua"
    saved = await web.put(
        f"/app/api/score/{world.entry}/comment",
        json={"comment": typed},
        headers=auth(world.judge.id),
    )
    assert (await saved.json())["ok"]
    page = await (await web.get(f"/app/f/entry/{world.entry}", headers=auth(world.admin.id))).text()
    section = page[page.index(f"<h2>{t('id', 'workspace-judge-comments')}</h2>") :]
    assert "<b>Dewi Lestari</b>" in section
    # the text as typed, escaped (shown, never run as HTML), line breaks kept by the page's CSS
    assert "Catatan &lt;i&gt;penilai&lt;/i&gt; &amp; bukti kurang\nbaris kedua" in section
    english = await (
        await web.get(f"/app/f/entry/{world.entry}", headers=auth(world.admin.id, language="en"))
    ).text()
    assert t("en", "workspace-judge-comments") in english
    other = await (
        await web.get(f"/app/f/entry/{world.other}", headers=auth(world.admin.id))
    ).text()
    assert t("id", "workspace-judge-comments") not in other  # no comment, no section


async def test_a_returned_entry_is_named_in_the_judges_list(bot, users, web) -> None:
    """QA2 #21: after the committee returned her entry to its unit, Dewi's /nilai said
    nothing was assigned to her; it says the entry is back with its unit and comes back to
    her, in both languages; once verified again it is in her list as before."""
    world = await make_world(bot, users)
    dewi = world.judge
    returned = await web.post(
        f"/app/api/entry/{world.entry}/status",
        json={"action": "return", "note": "Lengkapi dokumen anggaran"},
        headers=auth(world.admin.id),
    )
    assert (await returned.json())["ok"]

    await dewi.send("/nilai")
    listing = await dewi.expect_message("dikembalikan kepada Perangkat Daerah")
    assert t("id", "score-none") not in listing["html"]
    assert "SI-ANTRE Dinsos" in listing["text"] and "IGA-" in listing["text"]
    assert labels(listing) == []  # nothing to tap until it is judged again
    await choose_english(dewi)
    await dewi.send("/nilai")
    english = await dewi.expect_message("was returned to its unit for revision")
    assert t("en", "score-none") not in english["html"]

    async with bot.runtime.transaction() as session:  # revised, sent again and verified
        await session.execute(
            update(Submission).where(Submission.id == world.entry).values(status=S.VERIFIED)
        )
    await dewi.send("/nilai")
    again = await dewi.expect_message("Progress:")
    assert "returned" not in again["text"] and len(labels(again)) == 1
