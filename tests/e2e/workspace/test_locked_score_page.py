"""A score page opened from an old link after the entry was returned for revision: the
server refuses the save (the judging rule), and the page itself is read-only and says why,
in the judge's language, rather than offering fields whose saves would all be refused."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import Score
from tests.e2e.workspace.helpers import auth, make_world

pytestmark = pytest.mark.e2e


FIELDS = re.compile(r"<(?:input|textarea|select)\b[^>]*\bdata-(?:criterion|comment|level)\b[^>]*>")


def fields(page: str) -> list[str]:
    """The score sheet's fields (criteria, comment, validated levels) as written."""
    return FIELDS.findall(page)


async def test_a_returned_entry_s_score_page_is_read_only_with_the_reason(bot, users, web) -> None:
    world = await make_world(bot, users)
    path = f"/app/f/score/{world.entry}"
    page = await (await web.get(path, headers=auth(world.judge.id))).text()
    assert fields(page) and not [f for f in fields(page) if re.search(r"\sdisabled\b", f)]
    assert "data-submit" in page

    returned = await web.post(
        f"/app/api/entry/{world.entry}/status",
        json={"action": "return", "note": "Lengkapi SK tim inovasi."},
        headers=auth(world.admin.id),
    )
    assert (await returned.json())["ok"]

    # the server refuses the save (the rule the page now follows)
    criterion = DEFAULT_RUBRIC[0].key
    saved = await web.put(
        f"/app/api/score/{world.entry}/criterion",
        json={"criterion": criterion, "value": 80},
        headers=auth(world.judge.id),
    )
    assert saved.status == 409
    assert (await saved.json())["message"] == t("id", "judging-error-not-judgeable")
    async with bot.runtime.sessions() as session:
        assert list(await session.scalars(select(Score.value))) == []

    for language in ("id", "en"):
        response = await web.get(path, headers=auth(world.judge.id, language=language))
        assert response.status == 200
        page = await response.text()
        locked = fields(page)
        assert locked and all(re.search(r"\sdisabled\b", f) for f in locked), locked
        assert "data-submit" not in page
        reason = str(t(language, "judging-error-not-judgeable"))
        assert 'data-refusal="not-judgeable"' in page and reason in page
