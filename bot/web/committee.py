"""The committee's pages of the workspace (admins only): the entries with counts, filters
and search; an entry in full with its self-assessment, files and history, and the actions
(verify, return with a note, reject, nominate, assign judges); the judging progress; the
ranking with its formula and warnings.

Actions go through :func:`bot.services.entries.submission_status.change_status` and
:func:`bot.services.judging.scoring.assign`, as the chat's buttons do: the officers' notices
are written to the outbox with the change.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.i18n import web_text
from bot.services.core.edition_guard import ensure_entry_open
from bot.services.editions.returning import origin_of
from bot.services.entries.submission_status import (
    NOTE_LIMIT,
    TRANSITIONS,
    StatusChangeError,
    change_status,
)
from bot.services.entries.submissions import load_entry
from bot.services.judging import ranking
from bot.services.judging import reviews as judge_reviews
from bot.services.judging import scoring as judging
from bot.services.workspace import views as workspace
from bot.storage.models import Judge, Submission, SubmissionStatus
from bot.web.auth import Access, authorised, is_admin_rule
from bot.web.entry_view import entry_sections
from bot.web.pages import int_param, json_body, json_ok, json_refused, render

S = SubmissionStatus

ACTIONS: dict[str, SubmissionStatus] = {
    "verify": S.VERIFIED,
    "return": S.RETURNED,
    "reject": S.REJECTED,
    "nominate": S.NOMINEE,
}
"""The entry actions of the page and the status each sets."""
NOTE_REQUIRED = ("return", "reject")
"""Actions that need a note for the officers."""
CONFIRMED = ("reject", "nominate")
"""Actions asked first in the page (``workspace-confirm-<action>``, naming the entry): the
officers hear of them at once, and a rejection is final (QA #27)."""


def _filters(request: web.Request) -> workspace.EntryFilters:
    query = request.query
    status = query.get("status", "")
    unit = query.get("unit", "")
    return workspace.EntryFilters(
        status=SubmissionStatus(status) if status in S._value2member_map_ else None,
        unit_id=int(unit) if unit.isdigit() else None,
        stage=query.get("stage") or None,
        query=query.get("q", "")[:200],
    )


def _stage_choices(access: Access) -> list[dict[str, Any]]:
    for field in (access.edition.config or {}).get("form", []):
        if field["key"] == workspace.STAGE_FIELD:
            return list(field.get("choices") or [])
    return []


HISTORY_ACTIONS = frozenset({"assessment.validate", "score.set", "review.comment", "review.submit"})
"""Audit codes of an entry's history with a sentence of their own in the catalogue
(``workspace-history-<code>``); status changes show the status, anything else a general line."""


async def entries_page(request: web.Request) -> web.Response:
    """The entries: counts by status, filters (status, unit, stage), search."""
    async with authorised(request, is_admin_rule, "admin") as access:
        filters = _filters(request)
        counts = await workspace.status_counts(access.session, access.edition.id)
        rows = await workspace.find_entries(access.session, access.edition.id, filters)
        stages = _stage_choices(access)
        return render(
            request,
            "entries.html",
            access,
            rows=rows,
            counts=counts,
            total=sum(counts.values()),
            filters=filters,
            units=access.edition.units,
            stages=stages,
            stage_labels={choice["value"]: choice["label"] for choice in stages},
        )


async def _entry_of_edition(access: Access, entry_id: int) -> Submission:
    entry = await load_entry(access.session, entry_id)
    if entry is None or entry.edition_id != access.edition.id or entry.status is S.DRAFT:
        raise web.HTTPNotFound(text=web_text(access.t("entry-not-found")))
    return entry


async def entry_page(request: web.Request) -> web.Response:
    """One entry in full, its actions, judges, the judges' comments and history; an entry
    of a past edition in that edition, read-only (no action or judges form)."""
    entry_id = int_param(request, "id")
    async with authorised(request, is_admin_rule, "admin") as access:
        found = await load_entry(access.session, entry_id)
        if found is not None:
            await access.show_edition(found.edition_id)
        entry = await _entry_of_edition(access, entry_id)
        judges = await judging.list_judges(access.session, access.edition.id)
        assigned = {
            judge.id
            for judge in judges
            if entry.id in await judging.assigned_ids(access.session, judge.id)
        }
        actions = [
            code
            for code, target in ACTIONS.items()
            if target in TRANSITIONS[entry.status] and not access.read_only
        ]
        return render(
            request,
            "entry.html",
            access,
            entry=entry,
            sections=await entry_sections(access, entry),
            actions=actions,
            note_required=NOTE_REQUIRED,
            confirmed=CONFIRMED,
            note_limit=NOTE_LIMIT,
            judges=[
                (
                    judge,
                    judge.id in assigned,
                    await judging.has_conflict(access.session, judge, entry),
                )
                for judge in judges
            ],
            judgeable=entry.status in judging.JUDGEABLE and not access.read_only,
            comments=await judge_reviews.comments_on(access.session, entry.id),
            history=await workspace.entry_history(access.session, entry.id),
            history_actions=HISTORY_ACTIONS,
            origin=await origin_of(access.session, entry),  # a returning innovation
            rule_year=str(access.edition.year),
        )


async def change_entry_status(request: web.Request) -> web.Response:
    """``POST {"action": "verify"|"return"|"reject"|"nominate", "note": "..."}``; the
    officers' notices go to the outbox with the change."""
    entry_id = int_param(request, "id")
    async with authorised(request, is_admin_rule, "admin") as access:
        body = await json_body(request)  # after the role check: a 400 would show the route
        action = str(body.get("action", ""))
        note = str(body.get("note") or "").strip()
        if action not in ACTIONS:
            raise web.HTTPBadRequest()
        await ensure_entry_open(access.session, entry_id)  # an older edition's: closed (409)
        entry = await _entry_of_edition(access, entry_id)
        if action in NOTE_REQUIRED and not note:
            return json_refused(access.t("workspace-note-required"), 422)
        if len(note) > NOTE_LIMIT:
            return json_refused(
                access.t("entry-note-too-long", length=len(note), limit=NOTE_LIMIT), 422
            )
        try:
            change = await change_status(
                access.session,
                entry,
                ACTIONS[action],
                actor_id=access.viewer.user_id,
                now=access.now,
                note=note or None,
            )
        except StatusChangeError:
            return json_refused(
                access.t(
                    "entry-action-not-allowed",
                    number=entry.number or "—",
                    status=access.t(f"status-{entry.status.value}"),
                )
            )
        message = access.t(
            "entry-action-done",
            number=entry.number or "—",
            status=access.t(f"status-{change.new.value}"),
            officers=len(set(change.officer_ids)),
        )
    return json_ok(message=message)


async def assign_judges(request: web.Request) -> web.Response:
    """``POST {"judge_ids": [...]}``: exactly these judges judge the entry (a judge of the
    entrant's unit is refused: conflict of interest)."""
    entry_id = int_param(request, "id")
    async with authorised(request, is_admin_rule, "admin") as access:
        body = await json_body(request)  # after the role check: a 400 would show the route
        wanted = body.get("judge_ids")
        if not isinstance(wanted, list) or not all(isinstance(item, int) for item in wanted):
            raise web.HTTPBadRequest()
        await ensure_entry_open(access.session, entry_id)  # an older edition's: closed (409)
        entry = await _entry_of_edition(access, entry_id)
        if entry.status not in judging.JUDGEABLE:
            return json_refused(access.t("workspace-not-judgeable"))
        judges = await judging.list_judges(access.session, access.edition.id)
        leaving = [
            judge.id
            for judge in judges
            if judge.id not in wanted
            and entry.id in await judging.assigned_ids(access.session, judge.id)
        ]
        for judge_id in leaving:  # a submitted sheet stays: refused before anything is written
            if await judging.is_submitted(access.session, judge_id, entry.id):
                return json_refused(access.t("judging-error-sheet-submitted"))
        try:
            report = await judging.assign(
                access.session,
                access.edition,
                judge_ids=wanted,
                submission_ids=[entry.id],
                actor_id=access.viewer.user_id,
                now=access.now,
            )
            for judge_id in leaving:
                await judging.unassign(
                    access.session,
                    access.edition,
                    judge_id,
                    entry.id,
                    actor_id=access.viewer.user_id,
                    now=access.now,
                )
        except judging.JudgingError as error:
            return json_refused(access.t(f"judging-error-{error.code}"))
        message = access.t(
            "workspace-assigned", added=len(report.added), conflicts=len(report.conflicts)
        )
        return json_ok(message=message, conflicts=len(report.conflicts))


async def reopen_sheet(request: web.Request) -> web.Response:
    """``POST /app/api/review/{id}/{judge}/reopen``: the committee reopens a judge's submitted
    score sheet of entry ``id`` (a judge who submitted by mistake); the judge is told."""
    entry_id, judge_id = int_param(request, "id"), int_param(request, "judge")
    async with authorised(request, is_admin_rule, "admin") as access:
        entry = await _entry_of_edition(access, entry_id)
        try:
            review = await judge_reviews.reopen_review(
                access.session,
                access.edition,
                judge_id,
                entry.id,
                actor_id=access.viewer.user_id,
                now=access.now,
            )
        except judging.JudgingError as error:
            return json_refused(access.t(f"judging-error-{error.code}"))
        if review is None:
            return json_refused(access.t("workspace-sheet-not-submitted"))
        judge = await access.session.get(Judge, judge_id)
        name = judge.name if judge is not None else "—"
        return json_ok(
            message=access.t("workspace-sheet-reopened", judge=name, number=entry.number or "—")
        )


async def progress_page(request: web.Request) -> web.Response:
    """Who judged what and what is missing."""
    async with authorised(request, is_admin_rule, "admin") as access:
        return render(
            request,
            "progress.html",
            access,
            rows=await workspace.judging_progress(access.session, access.edition),
            closed=judging.is_closed(access.edition),
        )


async def ranking_page(request: web.Request) -> web.Response:
    """The ranking, its formula explained, and its warnings."""
    async with authorised(request, is_admin_rule, "admin") as access:
        ranked = await ranking.compute_ranking(access.session, access.edition)
        unvalidated = await workspace.unvalidated_indicators(
            access.session, access.edition.id, [line.submission.id for line in ranked]
        )
        formula = ranking.final_formula(access.edition)
        return render(
            request,
            "ranking.html",
            access,
            ranked=ranked,
            unvalidated=unvalidated,
            judges_weight=float(formula["judges"]) * 100,
            self_weight=float(formula["self_assessment"]) * 100,
            criteria=judging.rubric(access.edition),
            indicator_count=len(await judging.indicators_of(access.session, access.edition.id)),
        )


def add_routes(app: web.Application) -> None:
    """The committee's pages and actions."""
    app.router.add_get("/app/f/entries", entries_page)
    app.router.add_get("/app/f/entry/{id}", entry_page)
    app.router.add_get("/app/f/progress", progress_page)
    app.router.add_get("/app/f/ranking", ranking_page)
    app.router.add_post("/app/api/entry/{id}/status", change_entry_status)
    app.router.add_post("/app/api/entry/{id}/judges", assign_judges)
    app.router.add_post("/app/api/review/{id}/{judge}/reopen", reopen_sheet)
