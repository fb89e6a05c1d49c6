"""The judges' pages of the workspace: my assignments with progress, and the scoring page
(the entry and its evidence beside the rubric; scores, comment and validated levels saved as
typed; submit when complete). A judge sees and changes only what is assigned to them, checked
from the database at every request.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.services.entries.submissions import load_entry
from bot.services.judging import reviews as judge_reviews
from bot.services.judging import scoring as judging
from bot.web.auth import Access, attempted, authorised, is_judge_rule
from bot.web.entry_view import entry_sections
from bot.web.pages import int_param, json_body, json_ok, json_refused, render


def assigned_rule(entry_id: int) -> Callable[[Access], Awaitable[bool]]:
    """Judges to whom entry ``entry_id`` is assigned."""

    async def rule(access: Access) -> bool:
        judge = access.roles.judge
        return judge is not None and entry_id in await judging.assigned_ids(
            access.session, judge.id
        )

    return rule


async def assignments_page(request: web.Request) -> web.Response:
    """The judge's entries with criteria scored and submission."""
    async with authorised(request, is_judge_rule, "judge") as access:
        judge = access.roles.as_judge
        lines = await judging.progress(access.session, judge)
        submitted = {
            line.submission.id
            for line in lines
            if (
                review := await judge_reviews.review_of(
                    access.session, judge.id, line.submission.id
                )
            )
            and review.submitted_at is not None
        }
        return render(
            request,
            "assignments.html",
            access,
            lines=lines,
            submitted=submitted,
            closed=judging.is_closed(access.edition),
        )


async def scoring_page(request: web.Request) -> web.Response:
    """One assigned entry beside the rubric; read-only, with the reason, whenever
    :func:`~bot.services.judging.scoring.check_can_judge` would refuse a save (the entry
    returned or rejected since, the sheet submitted, judging closed)."""
    entry_id = int_param(request, "id")
    async with authorised(request, assigned_rule(entry_id), "judge-assigned") as access:
        judge = access.roles.as_judge
        entry = await load_entry(access.session, entry_id)
        assert entry is not None
        review = await judge_reviews.review_of(access.session, judge.id, entry_id)
        criteria = judging.rubric(access.edition)
        scores = await judging.scores_of(access.session, judge.id, entry_id)
        try:  # the saves' own rule: a page opened from an old link shows what they would say
            await judging.check_can_judge(access.session, judge, entry_id)
            refusal = None
        except judging.JudgingError as error:
            refusal = error.code
        return render(
            request,
            "score.html",
            access,
            entry=entry,
            sections=await entry_sections(access, entry),
            criteria=criteria,
            scores=scores,
            comment=review.comment if review else "",
            submitted=review is not None and review.submitted_at is not None,
            closed=judging.is_closed(access.edition) or access.read_only,
            refusal=refusal,
            complete=all(criterion.key in scores for criterion in criteria),
            levels=judging.LEVELS,
            own_levels=await judging.own_levels(access.session, judge.id, entry_id),
            min_score=judging.MIN_SCORE,
            max_score=judging.MAX_SCORE,
            comment_limit=judge_reviews.COMMENT_LIMIT,
        )


async def _judge_action(
    request: web.Request, act: Callable[[Access, Any, dict[str, Any]], Awaitable[Any]]
) -> web.Response:
    """Run a judge's change in the request's transaction; a refused one
    (:class:`~bot.services.judging.scoring.JudgingError`, e.g. a submitted score sheet) is
    rolled back, audited in a transaction of its own and answered with the reason (409)."""
    entry_id = int_param(request, "id")
    seen: list[tuple[Access, int, int]] = []
    try:
        async with authorised(request, assigned_rule(entry_id), "judge-assigned") as access:
            body = await json_body(request)  # after the role check: a 400 would show the route
            judge = access.roles.as_judge
            seen.append((access, judge.id, judge.user_id))
            saved = await act(access, entry_id, body)
            return json_ok(**(saved or {}))
    except judging.JudgingError as error:  # raised inside: the transaction was rolled back
        access, judge_id, user_id = seen[0]
        async with access.runtime.transaction() as session:
            judging.record_refusal(
                session,
                actor_id=user_id,
                judge_id=judge_id,
                submission_id=entry_id,
                error=error,
                attempted=attempted(request),
                now=access.now,
            )
        return json_refused(access.t(f"judging-error-{error.code}"))
    except (TypeError, ValueError, KeyError):
        raise web.HTTPBadRequest() from None


async def save_score(request: web.Request) -> web.Response:
    """``PUT {"criterion": key, "value": 0–100}``."""

    async def act(access: Access, entry_id: int, body: dict[str, Any]) -> dict[str, Any]:
        value = float(body["value"])
        await judging.set_score(
            access.session,
            access.roles.as_judge,
            entry_id,
            str(body["criterion"]),
            value,
            now=access.now,
        )
        scores = await judging.scores_of(access.session, access.roles.as_judge.id, entry_id)
        keys = {criterion.key for criterion in judging.rubric(access.edition)}
        return {"complete": keys <= scores.keys()}

    return await _judge_action(request, act)


async def save_comment(request: web.Request) -> web.Response:
    """``PUT {"comment": "..."}``."""

    async def act(access: Access, entry_id: int, body: dict[str, Any]) -> None:
        await judge_reviews.save_comment(
            access.session, access.roles.as_judge, entry_id, str(body["comment"]), now=access.now
        )

    return await _judge_action(request, act)


async def save_level(request: web.Request) -> web.Response:
    """``PUT {"indicator_id": id, "level": 1|2|3}``: the validated level."""

    async def act(access: Access, entry_id: int, body: dict[str, Any]) -> None:
        await judging.validate_level(
            access.session,
            access.roles.as_judge,
            entry_id,
            int(body["indicator_id"]),
            int(body["level"]),
            now=access.now,
        )

    return await _judge_action(request, act)


async def submit(request: web.Request) -> web.Response:
    """``POST {"scores": {key: number or the text shown}}``: submit the scoring (every
    criterion scored, and the page showing the stored scores, QA #9)."""

    async def act(access: Access, entry_id: int, body: dict[str, Any]) -> dict[str, Any]:
        shown = body.get("scores")
        if shown is not None and not isinstance(shown, dict):
            raise TypeError("scores")
        await judge_reviews.submit_review(
            access.session, access.roles.as_judge, entry_id, now=access.now, shown=shown
        )
        return {"message": access.t("workspace-submitted")}

    return await _judge_action(request, act)


def add_routes(app: web.Application) -> None:
    """The judges' pages and actions."""
    app.router.add_get("/app/f/assignments", assignments_page)
    app.router.add_get("/app/f/score/{id}", scoring_page)
    app.router.add_put("/app/api/score/{id}/criterion", save_score)
    app.router.add_put("/app/api/score/{id}/comment", save_comment)
    app.router.add_put("/app/api/score/{id}/level", save_level)
    app.router.add_post("/app/api/score/{id}/submit", submit)
