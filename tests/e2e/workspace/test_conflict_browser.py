"""A refused action in the workspace, in headless Chromium against the running bot's web
server (QA #24): the admin's page is stale (the entry was rejected elsewhere meanwhile); the
notice is plain text, never the chat's ``<b>`` markup, and the page then shows the status
the entry has now."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from bot.i18n import t, web_text
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import JudgeReview, Score, Submission, SubmissionStatus
from tests.e2e.helpers.browser import expect
from tests.e2e.workspace.helpers import init_data, make_world, serve_telegram

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


async def test_a_conflict_says_it_in_plain_text_and_shows_the_status_now(
    bot,
    users,
    app_url,
    browser_page,
) -> None:
    world = await make_world(bot, users)
    page = browser_page
    await serve_telegram(page, init_data(world.admin.id))
    await page.goto(app_url + f"#entry/{world.entry}")
    badge = page.locator("main .meta .badge")
    await expect(badge).to_have_text(t("id", "status-verified"))
    number = await page.locator("main .meta .num").inner_text()

    async with bot.runtime.transaction() as session:  # another admin rejects it meanwhile
        await session.execute(
            update(Submission)
            .where(Submission.id == world.entry)
            .values(status=SubmissionStatus.REJECTED)
        )
    await page.locator("main button[data-action=nominate]").click()
    confirm = page.locator(".confirm[role=alertdialog]")  # asked first (QA #27), in the page
    await expect(confirm).to_contain_text(number)
    await confirm.locator("button[data-confirm-yes]").click()

    rejected = t("id", "status-rejected")
    said = web_text(t("id", "entry-action-not-allowed", number=number, status=rejected))
    assert "<b>" not in said and rejected in said
    await expect(page.locator("#toast")).to_have_text(said)
    await expect(badge).to_have_text(rejected)  # the page reloaded: the status now


async def test_a_judges_refused_save_shows_the_saved_values_and_keeps_the_typed(
    bot,
    users,
    app_url,
    browser_page,
) -> None:
    """QA: a 409 on a score or comment save left the judge editing stale values. The page
    loads again with the values saved now (here: the sheet was submitted from another
    device), and what the judge typed stays visible, marked as not saved."""
    world = await make_world(bot, users)
    page = browser_page
    await serve_telegram(page, init_data(world.judge.id))
    await page.goto(app_url + f"#score/{world.entry}")
    first = DEFAULT_RUBRIC[0].key
    field = page.locator(f"#c-{first}")
    await expect(field).to_be_enabled()

    now = bot.clock()
    async with bot.runtime.transaction() as session:  # another device scored and submitted
        for criterion in DEFAULT_RUBRIC:
            session.add(
                Score(
                    judge_id=world.judge_id,
                    submission_id=world.entry,
                    criterion_key=criterion.key,
                    value=70,
                    updated_at=now,
                )
            )
        session.add(
            JudgeReview(
                judge_id=world.judge_id,
                submission_id=world.entry,
                comment="Tersimpan",
                updated_at=now,
                submitted_at=now,
            )
        )
    await page.locator("#comment").fill("Catatan baru\nbaris dua")
    await expect(page.locator("#toast")).to_have_text(web_text(t("id", "judging-error-submitted")))
    await expect(page.locator("#comment")).to_have_value("Tersimpan")  # the saved value now
    await expect(page.locator("#comment")).to_be_disabled()
    await expect(field).to_have_value("70")
    kept = page.locator('[data-unsaved="comment"]')
    await expect(kept).to_contain_text(web_text(t("id", "workspace-unsaved-typed")))
    await expect(kept.locator(".comment")).to_have_text("Catatan baru\nbaris dua")
