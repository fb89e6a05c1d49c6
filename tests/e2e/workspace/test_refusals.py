"""Every request to the workspace is authorised on the server: without init data, with a
forged hash, another bot's data or stale data (401); a judge on the committee's pages and
actions, a judge on an entry not assigned, an officer anywhere (403). Each refusal is audited
and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.helpers.committee import denied_count, snapshot
from tests.e2e.workspace.helpers import auth, init_data, make_world

pytestmark = pytest.mark.e2e


def requests(world: Any, attachment_id: int) -> list[tuple[str, str, Any]]:
    """Every kind of request of the workspace: pages, actions, files."""
    entry, other = world.entry, world.other
    return [
        ("GET", "/app/f/home", None),
        ("GET", "/app/f/entries", None),
        ("GET", f"/app/f/entry/{entry}", None),
        ("GET", "/app/f/progress", None),
        ("GET", "/app/f/ranking", None),
        ("POST", f"/app/api/entry/{other}/status", {"action": "verify"}),
        ("POST", f"/app/api/entry/{entry}/status", {"action": "return", "note": "Lengkapi"}),
        ("POST", f"/app/api/entry/{entry}/judges", {"judge_ids": []}),
        ("GET", f"/app/f/score/{entry}", None),
        ("PUT", f"/app/api/score/{entry}/criterion", {"criterion": "kebaharuan", "value": 90}),
        ("PUT", f"/app/api/score/{entry}/comment", {"comment": "Bagus"}),
        ("PUT", f"/app/api/score/{entry}/level", {"indicator_id": 1, "level": 3}),
        ("POST", f"/app/api/score/{entry}/submit", {}),
        ("GET", f"/app/file/{attachment_id}", None),
    ]


async def first_attachment(bot: Any, entry: int) -> int:
    from sqlalchemy import select

    from bot.storage.models import Attachment

    async with bot.runtime.sessions() as session:
        return await session.scalar(
            select(Attachment.id).where(Attachment.submission_id == entry).limit(1)
        )


async def refused_all(web: Any, bot: Any, calls: list, headers: dict, status: int) -> None:
    before = await snapshot(bot.runtime)
    denied = await denied_count(bot.runtime)
    for method, path, body in calls:
        response = await web.request(method, path, json=body, headers=headers)
        assert response.status == status, (method, path, await response.text())
        assert "Content-Security-Policy" in response.headers
    assert await denied_count(bot.runtime) == denied + len(calls)
    assert await snapshot(bot.runtime) == before


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(lambda w: {}, id="no-init-data"),
        pytest.param(lambda w: {"Authorization": "Bearer x"}, id="other-scheme"),
        pytest.param(
            lambda w: {"Authorization": "tma " + init_data(w.admin.id).replace("Dewi", "Mallory")},
            id="forged-hash",
        ),
        pytest.param(
            lambda w: auth(w.admin.id, token="987654321:AAOtherBotsToken-0123456789abcdefgh"),
            id="another-bots-token",
        ),
        pytest.param(lambda w: auth(w.admin.id, age=2 * 3600), id="expired"),
    ],
)
async def test_without_valid_init_data_401(bot, users, web, headers) -> None:
    world = await make_world(bot, users)
    calls = requests(world, await first_attachment(bot, world.entry))
    await refused_all(web, bot, calls, headers(world), 401)


async def test_forged_user_id_401(bot, users, web) -> None:
    """The judge's own valid data with the admin's id put in: the hash no longer matches."""
    world = await make_world(bot, users)
    data = init_data(world.judge.id).replace(
        f"%22id%22%3A{world.judge.id}", f"%22id%22%3A{world.admin.id}"
    )
    assert str(world.admin.id) in data
    await refused_all(web, bot, requests(world, 1)[:3], {"Authorization": f"tma {data}"}, 401)


async def test_judge_on_the_committees_pages_and_actions_403(bot, users, web) -> None:
    world = await make_world(bot, users)
    calls = requests(world, 0)[1:8]
    await refused_all(web, bot, calls, auth(world.judge.id), 403)


async def test_judge_on_an_entry_not_assigned_403(bot, users, web) -> None:
    world = await make_world(bot, users)
    other = world.other
    attachment = await first_attachment(bot, other)
    calls = [
        ("GET", f"/app/f/score/{other}", None),
        ("PUT", f"/app/api/score/{other}/criterion", {"criterion": "kebaharuan", "value": 90}),
        ("PUT", f"/app/api/score/{other}/comment", {"comment": "Bagus"}),
        ("PUT", f"/app/api/score/{other}/level", {"indicator_id": 1, "level": 3}),
        ("POST", f"/app/api/score/{other}/submit", {}),
        ("GET", f"/app/file/{attachment}", None),
    ]
    await refused_all(web, bot, calls, auth(world.judge.id), 403)


async def test_officer_on_anything_of_the_committee_403(bot, users, web) -> None:
    world = await make_world(bot, users)
    calls = requests(world, await first_attachment(bot, world.entry))
    await refused_all(web, bot, calls, auth(world.officer.id), 403)


async def test_the_shell_holds_no_data_and_sets_a_strict_policy(bot, web) -> None:
    response = await web.get("/app/")
    assert response.status == 200
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self' https://telegram.org/js/telegram-web-app.js" in policy
    assert "unsafe-inline" not in policy
    html = await response.text()
    assert "<script>" not in html  # no inline script


async def test_a_malformed_body_is_refused_as_any_other_403(bot, users, web) -> None:
    """The role is checked before the body is read (QA #22): a 400 for a malformed body
    would tell someone without the role that the route exists."""
    world = await make_world(bot, users)
    before, denied = await snapshot(bot.runtime), await denied_count(bot.runtime)
    calls = [
        ("POST", f"/app/api/entry/{world.entry}/status"),
        ("POST", f"/app/api/entry/{world.entry}/judges"),
        ("PUT", f"/app/api/score/{world.other}/criterion"),
        ("POST", "/app/api/certificate/IGA-X/revoke"),
    ]
    for method, path in calls:
        response = await web.request(method, path, data="{not json", headers=auth(world.judge.id))
        assert response.status == 403, (path, await response.text())
    assert await denied_count(bot.runtime) == denied + len(calls)  # each audited
    assert await snapshot(bot.runtime) == before


@pytest.mark.parametrize("number", ["99999999999999999999", "2147483648", "%C2%B2", "9" * 5000])
async def test_an_id_no_row_can_have_is_404(bot, users, web, number) -> None:
    """An id past the database's integer (QA #22: a 500, OverflowError) or not an ASCII
    number names no row: 404, as for 'abc'."""
    world = await make_world(bot, users)
    for method, path in (
        ("GET", f"/app/f/entry/{number}"),
        ("GET", f"/app/file/{number}"),
        ("POST", f"/app/api/entry/{number}/status"),
        ("GET", f"/app/f/score/{number}"),
        ("POST", f"/app/api/review/{number}/1/reopen"),
    ):
        response = await web.request(method, path, json={}, headers=auth(world.admin.id))
        assert response.status == 404, (path, await response.text())
