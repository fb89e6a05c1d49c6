"""QA: a judge who submitted a score sheet by mistake was stuck, and unassigning a judge left
their sheet behind. The committee reopens a submitted sheet in the workspace's judging
progress (audited, the judge told in the chat through the outbox); an assignment whose sheet
is submitted is not removed (chat and workspace refuse, pointing at the reopening), and
removing one takes the judge's scores and review with it, so the judge no longer sees it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.i18n import plain_text, t
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import AuditEntry, JudgeReview, Score
from tests.e2e.helpers.committee import quick_emulator
from tests.e2e.helpers.messages import labels
from tests.e2e.workspace.helpers import assignments, auth, make_world

pytestmark = [pytest.mark.e2e, pytest.mark.public_url]


@pytest.fixture
def emulator_config():
    return quick_emulator()


async def submit_sheet(web, world) -> None:
    headers, base = auth(world.judge.id), f"/app/api/score/{world.entry}"
    for key in (criterion.key for criterion in DEFAULT_RUBRIC):
        saved = await web.put(
            f"{base}/criterion", json={"criterion": key, "value": 80}, headers=headers
        )
        assert (await saved.json())["ok"]
    await web.put(f"{base}/comment", json={"comment": "Bukti cukup"}, headers=headers)
    assert (await (await web.post(f"{base}/submit", json={}, headers=headers)).json())["ok"]


async def test_committee_reopens_a_sheet_then_unassigns(bot, users, web) -> None:
    world = await make_world(bot, users)
    admin, dewi = world.admin, world.judge
    await dewi.send("/start")  # a judge has talked to the bot (it cannot start a chat)
    await dewi.expect_message("Bapak/Ibu")
    await submit_sheet(web, world)
    pair = (world.judge_id, world.entry)

    # unassigning a submitted sheet is refused, in the workspace and in the chat
    refused = await web.post(
        f"/app/api/entry/{world.entry}/judges", json={"judge_ids": []}, headers=auth(admin.id)
    )
    assert refused.status == 409
    assert (await refused.json())["message"] == plain_text("id", "judging-error-sheet-submitted")
    await admin.send("/tugaskan")
    offer = await admin.expect_message("siap dinilai")
    await admin.tap(
        t("id", "assign-button-judge", name="Dewi Lestari"), message_id=offer["message_id"]
    )
    listing = await admin.expect_message("Inovasi untuk")
    mine = next(label for label in labels(listing) if label.startswith("✅"))
    answer = await admin.expect_callback_answer(
        await admin.tap(mine, message_id=listing["message_id"])
    )
    assert answer["text"] == plain_text("id", "judging-error-sheet-submitted")
    assert pair in await assignments(bot)

    # the judging progress offers to reopen it; only the committee may
    page = await (await web.get("/app/f/progress", headers=auth(admin.id))).text()
    assert f'data-reopen="{world.entry}/{world.judge_id}"' in page
    reopen = f"/app/api/review/{world.entry}/{world.judge_id}/reopen"
    assert (await web.post(reopen, json={}, headers=auth(dewi.id))).status == 403
    reopened = await web.post(reopen, json={}, headers=auth(admin.id))
    assert (await reopened.json())["ok"]
    notice = await dewi.expect_message("Panitia membuka kembali lembar penilaian")
    assert "SI-ANTRE Dinsos" in notice["text"]
    again = await web.post(reopen, json={}, headers=auth(admin.id))
    assert again.status == 409
    assert (await again.json())["message"] == plain_text("id", "workspace-sheet-not-submitted")
    async with bot.runtime.sessions() as session:
        audited = list(
            await session.scalars(select(AuditEntry).where(AuditEntry.action == "review.reopen"))
        )
    assert [entry.actor_id for entry in audited] == [admin.id]
    page = await (await web.get("/app/f/progress", headers=auth(admin.id))).text()
    assert "data-reopen" not in page
    changed = await web.put(
        f"/app/api/score/{world.entry}/criterion",
        json={"criterion": DEFAULT_RUBRIC[0].key, "value": 70},
        headers=auth(dewi.id),
    )
    assert (await changed.json())["ok"]  # the judge may change it again

    # now the assignment goes, with the judge's scores and review: she no longer sees it
    removed = await web.post(
        f"/app/api/entry/{world.entry}/judges", json={"judge_ids": []}, headers=auth(admin.id)
    )
    assert (await removed.json())["ok"]
    assert pair not in await assignments(bot)
    async with bot.runtime.sessions() as session:
        assert list(await session.scalars(select(Score.id))) == []
        assert list(await session.scalars(select(JudgeReview.id))) == []
    await dewi.send("/nilai")
    await dewi.expect_message(t("id", "score-none"))
    mine = await (await web.get("/app/f/assignments", headers=auth(dewi.id))).text()
    assert "SI-ANTRE Dinsos" not in mine
    entry_page = await (await web.get(f"/app/f/entry/{world.entry}", headers=auth(admin.id))).text()
    assert "Bukti cukup" not in entry_page
