"""Once IGA 2023 is imported, IGA 2022 is read-only: every committee and judge button of a
2022 entry or of the 2022 panel is refused politely (the year named), and nothing changes."""

from __future__ import annotations

import pytest

from bot.i18n import t
from bot.services.core.event_file import load_event_file
from bot.services.editions.succession import import_edition
from bot.storage.models import SubmissionStatus
from tests.e2e.helpers.committee import add_entries, quick_emulator, real_file_id, snapshot
from tests.e2e.helpers.database import BOOKKEEPING, whole_database
from tests.e2e.workspace.helpers import auth, make_world
from tests.unit.editions.test_succession import NEXT_FILE

pytestmark = [pytest.mark.e2e, pytest.mark.public_url]
S = SubmissionStatus
UNCHANGED_BY_TAPS = (*BOOKKEEPING, "attachments")
"""Tables a tap does not change but the bot's download worker may (the test's files)."""


@pytest.fixture
def emulator_config():
    """Flood control scaled up for long committee sessions."""
    return quick_emulator()


def _buttons(message, *prefixes: str) -> list[str]:
    return [
        b["callback_data"]
        for row in message["inline_keyboard"] or []
        for b in row
        if b.get("callback_data", "").startswith(prefixes)
    ]


async def start_next_edition(bot) -> None:
    """What `iga-bot event import tests/editions_2023.yaml` does, in the running bot's
    database; the bot reads the new edition at once."""
    async with bot.runtime.transaction() as session:
        await import_edition(session, load_event_file(NEXT_FILE), bot.clock())
    bot.runtime.forget_event()


async def test_every_action_on_the_closed_edition_is_refused(bot, users) -> None:
    siti = await users.create("Siti", admin=True)
    ani = await users.create("Ani")
    file_id = await real_file_id(siti)
    submitted, verified = await add_entries(
        bot.runtime,
        [("DINSOS", "Home Care", S.SUBMITTED), ("DLH", "SIDOTI", S.VERIFIED)],
        file_id,
    )
    await siti.send(f"/judges add {ani.id} - Dr. Ani")
    await siti.expect_message("ditambahkan")
    await siti.send("/judges")
    judges = await siti.expect_message("Tim penilai")
    await siti.send("/assign")
    await siti.expect_message("Penugasan penilai")
    await siti.tap(t("id", "assign-button-all"))
    await siti.expect_message("1 baru")
    await siti.send("/entries")
    await siti.expect_message("Daftar inovasi")
    await siti.tap(data=f"cm:e:{submitted}")
    detail = await siti.expect_message(regex=r"^IGA-2022-001 · .*\nStatus: ")
    await siti.tap(data=f"cm:e:{verified}")
    verified_detail = await siti.expect_message(regex=r"^IGA-2022-002 · .*\nStatus: ")
    await ani.send("/nilai")
    await ani.expect_message("Progres: 0 dari 1")
    await ani.tap(data=f"jd:e:{verified}")
    card = await ani.expect_message(predicate=lambda m: "jd:" in str(m.get("inline_keyboard")))
    criterion = _buttons(card, "jd:c:")[0]
    await ani.tap(data=criterion)
    picker = await ani.expect_message(predicate=lambda m: "pilih nilai" in (m["text"] or ""))

    await start_next_edition(bot)
    closed = t("id", "edition-closed", year="2022")
    assert closed.startswith("Mohon maaf, IGA 2022 sudah ditutup")
    admin_taps = (
        _buttons(detail, "cm:a:") + _buttons(verified_detail, "cm:a:") + _buttons(judges, "cm:jd:")
    )
    judge_taps = _buttons(picker, "jd:s:")
    assert len(admin_taps) >= 4 and judge_taps, (admin_taps, judge_taps)
    before = await whole_database(bot.runtime, ignore=UNCHANGED_BY_TAPS)
    answers = []
    for driver, data in [(siti, d) for d in admin_taps] + [(ani, d) for d in judge_taps]:
        tapped = await driver.tap(data=data)
        answers.append((data, (await driver.expect_callback_answer(tapped))["text"]))
    assert [a for a in answers if a[1] != closed[:200]] == []
    assert await whole_database(bot.runtime, ignore=UNCHANGED_BY_TAPS) == before


async def test_the_workspace_refuses_changes_to_the_closed_edition(bot, users, web) -> None:
    """The committee's Mini App: a 2022 entry's status and judges answer 409 with the polite
    text; a 2022 assignment no longer makes its judge one of this year's (403, audited)."""
    world = await make_world(bot, users)
    await start_next_edition(bot)
    before = await snapshot(bot.runtime)
    admin_calls = [
        ("POST", f"/app/api/entry/{world.other}/status", {"action": "verify"}),
        ("POST", f"/app/api/entry/{world.entry}/status", {"action": "return", "note": "Lengkapi"}),
        ("POST", f"/app/api/entry/{world.entry}/judges", {"judge_ids": []}),
    ]
    for method, path, body in admin_calls:
        response = await web.request(method, path, json=body, headers=auth(world.admin.id))
        assert response.status == 409, path
        assert (await response.json())["message"] == t("id", "edition-closed", year="2022")
    judge_calls = [
        ("PUT", f"/app/api/score/{world.entry}/criterion", {"criterion": "kebaharuan", "value": 9}),
        ("PUT", f"/app/api/score/{world.entry}/comment", {"comment": "Bagus"}),
        ("POST", f"/app/api/score/{world.entry}/submit", {}),
    ]
    for method, path, body in judge_calls:
        response = await web.request(method, path, json=body, headers=auth(world.judge.id))
        assert response.status in (403, 409), path
    assert await snapshot(bot.runtime) == before
