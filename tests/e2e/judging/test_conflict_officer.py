"""Conflict of interest beyond the judge's own unit: a judge who serves the entrant's unit as
an officer (joined with /daftar) may not judge its entry — the chat and the workspace refuse
their scores, /assign marks it 🚫 and 'assign all' skips it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.i18n import plain_text, t
from bot.services.judging.scoring import DEFAULT_RUBRIC
from bot.storage.models import AuditEntry, JudgeAssignment, Officer, Score
from tests.e2e.helpers.committee import add_officer, quick_emulator
from tests.e2e.helpers.entries import invite_code
from tests.e2e.helpers.messages import labels
from tests.e2e.workspace.helpers import auth, make_world

pytestmark = [pytest.mark.e2e, pytest.mark.public_url]


@pytest.fixture
def emulator_config():
    return quick_emulator()


async def test_a_judge_who_is_the_entrants_officer_cannot_judge_it(bot, users, web) -> None:
    world = await make_world(bot, users)
    dewi, rahmat = world.judge, world.admin
    await add_officer(bot.runtime, "DINSOS", dewi.id)  # the entry's unit
    refused = t("id", "judging-error-conflict")

    # scoring the entry assigned before she joined: refused in the workspace and the chat
    response = await web.put(
        f"/app/api/score/{world.entry}/criterion",
        json={"criterion": DEFAULT_RUBRIC[0].key, "value": 90},
        headers=auth(dewi.id),
    )
    assert response.status == 409 and (await response.json())["message"] == refused
    await dewi.send("/nilai")
    listing = await dewi.expect_message("Progres:")
    await dewi.tap(labels(listing)[0], message_id=listing["message_id"])
    validate = t("id", "score-button-validate")
    card = await dewi.expect_message(predicate=lambda m: validate in labels(m))
    answer = await dewi.expect_callback_answer(
        await dewi.tap(labels(card)[0], message_id=card["message_id"])
    )
    assert answer["text"] == refused and answer["show_alert"]
    async with bot.runtime.sessions() as session:
        assert list(await session.scalars(select(Score))) == []

    # the committee: 🚫 in the judge's list, skipped by 'assign all', refused in the workspace
    async with bot.runtime.transaction() as session:
        await session.execute(JudgeAssignment.__table__.delete())
    await rahmat.send("/tugaskan")
    await rahmat.expect_message("Penugasan penilai")
    await rahmat.tap(plain_text("id", "assign-button-judge", name="Dewi Lestari"))
    judge_list = await rahmat.expect_message("Inovasi untuk")
    assert any(label.startswith("🚫 IGA-2022-001") for label in labels(judge_list))
    await rahmat.send("/tugaskan")
    await rahmat.expect_message("Penugasan penilai")
    await rahmat.tap(t("id", "assign-button-all"))
    await rahmat.expect_message("Penugasan: 0 baru, 0 sudah ada, 1 dilewati")
    page = await (await web.get(f"/app/f/entry/{world.entry}", headers=auth(rahmat.id))).text()
    assert f'data-judge="{world.judge_id}"  disabled> Dewi Lestari' in page
    response = await web.post(
        f"/app/api/entry/{world.entry}/judges",
        json={"judge_ids": [world.judge_id]},
        headers=auth(rahmat.id),
    )
    assert (await response.json())["conflicts"] == 1
    async with bot.runtime.sessions() as session:
        assert list(await session.scalars(select(JudgeAssignment))) == []


async def test_a_judge_joining_a_unit_is_warned_first(bot, users, web) -> None:
    """QA: /daftar by a judge gave no warning. The judge is told of the conflict of interest
    (with the unit's entries assigned to them) and joins only when they confirm."""
    world = await make_world(bot, users)
    dewi = world.judge
    code = await invite_code(bot, "DINSOS")
    await dewi.send(f"/daftar {code}")
    ask = await dewi.expect_message("terdaftar sebagai penilai")
    assert "Inovasi Dinas Sosial yang saat ini ditugaskan kepada Bapak/Ibu: 1." in ask["text"]
    assert await officer_units_of(bot, dewi.id) == []
    await dewi.tap(plain_text("id", "invite-button-judge-cancel"), message_id=ask["message_id"])
    cancelled = plain_text("id", "invite-judge-cancelled")
    await dewi.expect_message(
        predicate=lambda m: m["message_id"] == ask["message_id"] and m["text"] == cancelled
    )
    assert await officer_units_of(bot, dewi.id) == []

    await dewi.send(f"/daftar {code}")
    ask = await dewi.expect_message("terdaftar sebagai penilai")
    await dewi.tap(
        plain_text("id", "invite-button-judge-join", unit="Dinas Sosial"),
        message_id=ask["message_id"],
    )
    await dewi.expect_message("sekarang terdaftar sebagai petugas Dinas Sosial")
    assert len(await officer_units_of(bot, dewi.id)) == 1
    async with bot.runtime.sessions() as session:
        joined = await session.scalar(select(AuditEntry).where(AuditEntry.action == "officer.join"))
    assert joined.after == {"user_id": dewi.id, "judge": True}
    response = await web.put(
        f"/app/api/score/{world.entry}/criterion",
        json={"criterion": DEFAULT_RUBRIC[0].key, "value": 90},
        headers=auth(dewi.id),
    )
    assert (await response.json())["message"] == t("id", "judging-error-conflict")


async def officer_units_of(bot, user_id: int) -> list[int]:
    async with bot.runtime.sessions() as session:
        return list(
            await session.scalars(select(Officer.unit_id).where(Officer.user_id == user_id))
        )
