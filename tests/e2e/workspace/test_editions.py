"""The committee's workspace across editions: once IGA 2023 is imported, an admin chooses
IGA 2022 in the edition chooser (server-rendered links, the choice checked on the server) and
reads its entries, an entry, the progress and the ranking, read-only: no verify, return,
reject, nominate or judges form is shown, and a write to it is refused (409), audited, and
changes nothing. A judge cannot choose an edition; an unknown one is not found."""

from __future__ import annotations

import re

import pytest

from bot.i18n import t
from tests.e2e.editions.test_read_only_previous_edition import start_next_edition
from tests.e2e.helpers.committee import denied_count, snapshot
from tests.e2e.workspace.helpers import auth, make_world

pytestmark = pytest.mark.e2e


def _chooser(page: str) -> list[tuple[str, str, str]]:
    """The chooser's links: (href, class, text)."""
    nav = re.search(r'<nav class="editions"[^>]*>(.*?)</nav>', page, re.S)
    assert nav, page
    return re.findall(r'<a href="([^"]*)" class="([^"]*)"[^>]*>([^<]*)</a>', nav.group(1))


async def _get(web, path: str, user_id: int, status: int = 200) -> str:
    response = await web.get(path, headers=auth(user_id))
    text = await response.text()
    assert response.status == status, (path, text)
    return text


async def test_the_committee_reads_a_past_edition_read_only(bot, users, web) -> None:
    world = await make_world(bot, users)
    admin = world.admin.id
    page = await _get(web, "/app/f/entries", admin)
    assert 'class="editions"' not in page  # one edition: nothing to choose
    assert "data-action" in await _get(web, f"/app/f/entry/{world.entry}", admin)

    await start_next_edition(bot)
    page = await _get(web, "/app/f/entries", admin)
    assert _chooser(page) == [
        ("#entries", "on", "IGA 2023"),
        ("#entries?edition=iga-2022", "", "IGA 2022"),
    ]
    assert "SI-ANTRE Dinsos" not in page and "read-only" not in page

    past = await _get(web, "/app/f/entries?edition=iga-2022", admin)
    read_only = t("id", "workspace-read-only", year="2022")
    assert "SI-ANTRE Dinsos" in past and "Bank Sampah" in past and read_only in past
    assert _chooser(past) == [
        ("#entries", "", "IGA 2023"),
        ("#entries?edition=iga-2022", "on", "IGA 2022"),
    ]
    assert '<input type="hidden" name="edition" value="iga-2022">' in past
    assert (
        'href="#progress?edition=iga-2022"' in past and 'href="#ranking?edition=iga-2022"' in past
    )
    for path in ("/app/f/progress?edition=iga-2022", "/app/f/ranking?edition=iga-2022"):
        shown = await _get(web, path, admin)
        assert read_only in shown and "IGA-2022-001" in shown, path
    for entry in (world.entry, world.other):  # verified (judgeable) and submitted
        shown = await _get(web, f"/app/f/entry/{entry}", admin)
        assert read_only in shown and 'href="#entries?edition=iga-2022"' in shown
        assert "data-action" not in shown and "data-assign" not in shown
        assert 'id="note"' not in shown

    # the writes: refused politely, audited, nothing changed
    before, denied = await snapshot(bot.runtime), await denied_count(bot.runtime)
    writes = [
        (f"/app/api/entry/{world.other}/status", {"action": "verify"}),
        (f"/app/api/entry/{world.entry}/status", {"action": "nominate"}),
        (f"/app/api/entry/{world.entry}/judges", {"judge_ids": [world.judge_id]}),
    ]
    for path, body in writes:
        response = await web.post(path, json=body, headers=auth(admin))
        assert response.status == 409, path
        assert (await response.json())["message"] == t("id", "edition-closed", year="2022")
    assert await denied_count(bot.runtime) == denied + len(writes)
    assert await snapshot(bot.runtime) == before


async def test_only_the_committee_chooses_an_edition(bot, users, web) -> None:
    world = await make_world(bot, users)
    await start_next_edition(bot)
    denied = await denied_count(bot.runtime)
    refused = await _get(web, "/app/f/assignments?edition=iga-2022", world.judge.id, 403)
    assert refused == t("id", "workspace-forbidden")
    assert await denied_count(bot.runtime) == denied + 1
    await _get(web, "/app/f/assignments", world.judge.id)  # the judge's own page
    unknown = await _get(web, "/app/f/entries?edition=iga-1999", world.admin.id, 404)
    assert unknown == t("id", "workspace-edition-unknown")
    english = await web.get(
        "/app/f/entries?edition=iga-2022", headers=auth(world.admin.id, language="en")
    )
    page = await english.text()
    assert t("en", "workspace-read-only", year="2022") in page
