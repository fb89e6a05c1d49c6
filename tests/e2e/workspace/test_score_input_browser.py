"""A judge's score field in headless Chromium (QA): a score is saved from the final text only,
so typing "101" or "1.000" never leaves the valid prefix "10" or "1" stored; an invalid text
is marked (aria-invalid) and the message says which score is stored, also when the field is
emptied to type a score again."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from bot.i18n import t, web_text
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import JudgeReview, Score
from tests.e2e.helpers.browser import expect
from tests.e2e.workspace.helpers import init_data, make_world, serve_telegram

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


async def _scores(bot) -> dict[str, float]:
    async with bot.runtime.sessions() as session:
        return dict((await session.execute(select(Score.criterion_key, Score.value))).all())


async def test_only_the_final_text_is_saved_and_the_stored_score_is_named(
    bot,
    users,
    app_url,
    browser_page,
) -> None:
    world = await make_world(bot, users)
    page = browser_page
    sent: list[dict] = []  # every score PUT, in the order the page sent them
    page.on(
        "request",
        lambda request: (
            sent.append(json.loads(request.post_data or "{}"))
            if request.url.endswith("/criterion")
            else None
        ),
    )
    await serve_telegram(page, init_data(world.judge.id))
    await page.goto(app_url + f"#score/{world.entry}")
    novelty, benefit, third = (DEFAULT_RUBRIC[i].key for i in range(3))
    field = page.locator(f"#c-{novelty}")
    problem = page.locator(f"#e-{novelty}")
    await expect(field).to_be_enabled()

    # typed key by key and left: neither "10" nor "1" is saved on the way
    await field.press_sequentially("101")
    await expect(field).to_have_attribute("aria-invalid", "true")
    await expect(problem).to_contain_text(web_text(t("id", "workspace-score-none-kept")))
    second = page.locator(f"#c-{benefit}")
    await second.press_sequentially("1.000")
    await expect(second).to_have_attribute("aria-invalid", "true")
    await page.locator(f"#c-{third}").press_sequentially("80")
    async with page.expect_response(lambda r: r.url.endswith("/criterion")):
        await page.locator(f"#c-{third}").blur()  # leaving the field saves it at once
    assert sent == [{"criterion": third, "value": 80}]
    assert await _scores(bot) == {third: 80}

    # a valid score is saved; an invalid text after it keeps it and says so
    await field.fill("")
    await field.press_sequentially("87,5")
    await expect(field).not_to_have_attribute("aria-invalid", "true")
    await expect(problem).to_be_hidden()
    async with page.expect_response(lambda r: r.url.endswith("/criterion")):
        await field.blur()
    assert sent[-1] == {"criterion": novelty, "value": 87.5}
    await field.press_sequentially("x")
    await expect(field).to_have_attribute("aria-invalid", "true")
    await expect(problem).to_contain_text(web_text(t("id", "workspace-score-kept", value="87,5")))
    await expect(problem).to_contain_text(
        web_text(t("id", "workspace-score-invalid", low="0", high="100"))
    )

    # emptied to type again: the stored score stays and is named; nothing is sent
    count = len(sent)
    await field.press("End")
    for _ in "87,5x":
        await field.press("Backspace")
    await expect(field).to_have_value("")
    await expect(field).to_have_attribute("aria-invalid", "true")
    await expect(problem).to_contain_text(web_text(t("id", "workspace-score-kept", value="87,5")))
    await field.blur()
    await page.locator(f"#c-{third}").fill("")
    await page.locator(f"#c-{third}").press_sequentially("85")
    async with page.expect_response(lambda r: r.url.endswith("/criterion")):
        await page.locator(f"#c-{third}").blur()
    assert sent[count:] == [{"criterion": third, "value": 85}]

    # after reopening: what is stored, nothing else
    await page.goto(app_url + "#assignments")
    await page.goto(app_url + f"#score/{world.entry}")
    await expect(page.locator(f"#c-{novelty}")).to_have_value("87,5")
    await expect(page.locator(f"#c-{benefit}")).to_have_value("")
    assert await _scores(bot) == {novelty: 87.5, third: 85}


async def test_a_phone_jumps_between_the_answers_and_the_rubric(
    bot,
    users,
    app_url,
    phone,
) -> None:
    """QA: on a phone the rubric comes after the whole entry (18,000 px); a link at the top
    goes to it and one in it back, without leaving the page (the hash is its route)."""
    world = await make_world(bot, users)
    await serve_telegram(phone, init_data(world.judge.id))
    await phone.goto(app_url + f"#score/{world.entry}")
    rubric = phone.locator("#rubric h2")
    await expect(rubric).to_have_text(t("id", "workspace-rubric"))
    await expect(rubric).not_to_be_in_viewport()
    await phone.get_by_text(t("id", "workspace-jump-rubric")).click()
    await expect(rubric).to_be_in_viewport()
    await phone.get_by_text(t("id", "workspace-jump-answers")).click()
    await expect(phone.locator("#answers")).to_be_in_viewport()
    await expect(rubric).not_to_be_in_viewport()
    assert await phone.evaluate("location.hash") == f"#score/{world.entry}"


async def test_submit_is_stopped_while_a_field_shows_an_invalid_score(
    bot,
    users,
    app_url,
    browser_page,
) -> None:
    """QA #9: with every score saved, a field then showing "abc" stops "Kirim penilaian"
    before the confirmation: the page names the criterion, and nothing is sent (the server
    refuses a sheet whose shown scores are not the stored ones too: test_pages)."""
    world = await make_world(bot, users)
    page = browser_page
    asked: list[str] = []
    page.on("dialog", lambda dialog: asked.append(dialog.message))
    posted: list[str] = []
    page.on("request", lambda r: posted.append(r.url) if r.url.endswith("/submit") else None)
    await serve_telegram(page, init_data(world.judge.id))
    await page.goto(app_url + f"#score/{world.entry}")
    for criterion in DEFAULT_RUBRIC:
        field = page.locator(f"#c-{criterion.key}")
        await field.press_sequentially("80")
        async with page.expect_response(lambda r: r.url.endswith("/criterion")):
            await field.blur()
    submit = page.locator("[data-submit]")
    await expect(submit).to_be_enabled()
    second = page.locator(f"#c-{DEFAULT_RUBRIC[1].key}")
    await second.fill("")
    await second.press_sequentially("abc")
    await expect(second).to_have_attribute("aria-invalid", "true")
    await submit.click()
    label = DEFAULT_RUBRIC[1].label("id")
    await expect(page.locator("#toast")).to_contain_text(
        web_text(t("id", "workspace-submit-invalid", fields=label))
    )
    await expect(second).to_be_focused()
    await expect(page.locator(".confirm")).to_have_count(0)  # not asked (QA #10: in the page)
    assert asked == [] and posted == []
    async with bot.runtime.sessions() as session:
        assert (await session.scalar(select(JudgeReview.submitted_at))) is None
