"""QA: the validated levels of a panel's judges leaked between them (one judge's level was
shown to, and replaced by, another). Each judge sees and changes only their own, in the
workspace and the chat; the committee reads the panel's level (the lower median)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.storage.models import Indicator, JudgeAssignment
from tests.e2e.helpers.committee import quick_emulator
from tests.e2e.helpers.messages import labels
from tests.e2e.workspace.helpers import auth, make_world
from tests.factories import edition, make_judge

pytestmark = [pytest.mark.e2e, pytest.mark.public_url]


@pytest.fixture
def emulator_config():
    return quick_emulator()


def selected(page: str, indicator: int) -> str | None:
    """The level chosen in the score page's select of ``indicator``."""
    select_html = re.search(rf'<select data-level="{indicator}".*?</select>', page, re.S)
    assert select_html is not None
    chosen = re.search(r'<option value="(\d)" selected', select_html.group(0))
    return chosen.group(1) if chosen else None


async def test_each_judge_sees_only_their_own_levels(bot, users, web) -> None:
    world = await make_world(bot, users)
    dewi = world.judge
    eko = await users.create("Eko")
    async with bot.runtime.transaction() as session:
        panel = await make_judge(session, await edition(session), eko.id, "Eko Prasetyo")
        session.add(JudgeAssignment(judge_id=panel.id, submission_id=world.entry))
        indicator = await session.scalar(select(Indicator.id).order_by(Indicator.id).limit(1))
    base = f"/app/api/score/{world.entry}/level"
    for user, level in ((dewi, 3), (eko, 2)):
        saved = await web.put(
            base, json={"indicator_id": indicator, "level": level}, headers=auth(user.id)
        )
        assert (await saved.json())["ok"]

    pages = {
        user.id: await (await web.get(f"/app/f/score/{world.entry}", headers=auth(user.id))).text()
        for user in (dewi, eko)
    }
    assert selected(pages[dewi.id], indicator) == "3"
    assert selected(pages[eko.id], indicator) == "2"
    # the chat's validation page: Dewi's ✓ on her own level, not on Eko's (the later one)
    await dewi.send("/nilai")
    listing = await dewi.expect_message("Progres:")
    await dewi.tap(labels(listing)[0], message_id=listing["message_id"])
    card = await dewi.expect_message(
        predicate=lambda m: t("id", "score-button-validate") in labels(m)
    )
    await dewi.tap(t("id", "score-button-validate"), message_id=card["message_id"])
    page = await dewi.expect_message("Validasi indikator")
    ticked = [label for label in labels(page) if label.startswith("✓ 1.")]
    assert len(ticked) == 1 and " · 3 " in ticked[0] + " "
    # the committee reads the panel's level: the lower median of 3 and 2
    committee = await (
        await web.get(f"/app/f/entry/{world.entry}", headers=auth(world.admin.id))
    ).text()
    row = re.search(r"<tr>\s*<td data-label=\"#\">1</td>.*?</tr>", committee, re.S)
    assert row is not None and re.search(r'data-label="[^"]*">2</td>\s*</tr>', row.group(0))
