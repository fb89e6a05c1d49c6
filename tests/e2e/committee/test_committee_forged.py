"""Forged and replayed callbacks: someone without the role taps every admin and judge button
(forged in a committee group, on a message of the bot there, and after losing the role).
Nothing changes, each gets a polite refusal, and each attempt is audited."""

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.sandbox.users import press_callback
from bot.services.core.roles import remove_admin
from bot.storage.models import Edition, Judge, Submission, SubmissionStatus
from tests.e2e.helpers.committee import (
    add_entries,
    denied_count,
    quick_emulator,
    real_file_id,
    score_in_full,
    snapshot,
)

pytestmark = pytest.mark.e2e
S = SubmissionStatus


@pytest.fixture
def emulator_config():
    """Flood control scaled up for long committee sessions."""
    return quick_emulator()


def _buttons(message) -> list[str]:
    return [b["callback_data"] for row in message["inline_keyboard"] or [] for b in row]


async def test_forged_callbacks_of_every_admin_and_judge_action_change_nothing(
    bot, users, emu, emulator
) -> None:
    siti = await users.create("Siti", admin=True)
    ani = await users.create("Ani")  # a judge
    eko = await users.create("Eko")  # a member of the committee's group, no role
    file_id = await real_file_id(siti)
    submitted, verified = await add_entries(
        bot.runtime,
        [("DINSOS", "Home Care", S.SUBMITTED), ("DLH", "SIDOTI", S.VERIFIED)],
        file_id,
    )
    await siti.send(f"/judges add {ani.id} - Dr. Ani")
    await siti.expect_message("ditambahkan")
    await siti.send("/assign")
    await siti.expect_message("Penugasan penilai")
    await siti.tap(t("id", "assign-button-all"))
    await siti.expect_message("1 baru")

    group = (await emu.create_group("Panitia IGA", [siti, ani, eko]))["chat_id"]
    eko_g = eko.in_chat(group)
    await eko_g.send("/agenda")  # a message of the bot in the group to forge taps on
    await eko_g.expect_message("Penganugerahan")
    world = emulator.world
    chat = world.chats[group]
    (posted,) = [m for m in chat.messages.values() if m.from_bot]

    # buttons the admin and the judge opened in their private chats (a group gets none)
    await siti.send("/entries")
    listing = await siti.expect_message("Daftar inovasi")
    await siti.tap(data=f"cm:e:{submitted}")
    detail = await siti.expect_message(regex=r"^IGA-2022-001 · .*\nStatus: ")
    await siti.tap(data=f"cm:e:{verified}")
    verified_detail = await siti.expect_message(regex=r"^IGA-2022-002 · .*\nStatus: ")
    await siti.send("/judges")
    judges = await siti.expect_message("Tim penilai")
    await siti.send("/assign")
    assign = await siti.expect_message("Penugasan penilai")
    await siti.send("/ranking")
    ranking = await siti.expect_message("Peringkat sementara")
    async with bot.runtime.transaction() as session:  # setting winners is offered only now
        (await session.scalar(select(Edition))).judging_closed_at = bot.clock()
        (await session.get(Submission, verified)).status = S.NOMINEE
        await score_in_full(session, ani.id, verified, 80)
    await siti.send("/tetapkan_juara")
    confirm = await siti.expect_message("Tetapkan juara")
    await siti.send("/audit")
    await siti.expect_message("Log audit")
    await ani.send("/nilai")
    scoring = await ani.expect_message("Progres: 0 dari 1")  # fully scored, not submitted

    forged = (
        _buttons(listing)
        + _buttons(detail)
        + _buttons(verified_detail)
        + _buttons(judges)
        + _buttons(assign)
        + _buttons(ranking)
        + _buttons(confirm)
        + _buttons(scoring)
    )
    for expected in (
        "cm:a:v:",
        "cm:a:r:",
        "cm:a:x:",
        "cm:a:n:",
        "cm:jd:",
        "cm:as:all",
        "cm:as:j:",
        "rk:close",
        "rk:set:ok",
        "cm:fu:",
        "cm:fs:",
        "cm:e:",
        "cm:f:",
        "jd:e:",
    ):
        assert any(data.startswith(expected) for data in forged), expected  # fmt: skip

    before, denied = await snapshot(bot.runtime), await denied_count(bot.runtime)
    for data in forged:
        tapped = await press_callback(world, world.users[eko.id], chat, posted, data)
        answer = await eko_g.expect_callback_answer(tapped)
        assert answer["text"] == t("id", "committee-only")[:200] and answer["show_alert"]
    assert await snapshot(bot.runtime) == before
    assert await denied_count(bot.runtime) == denied + len(forged)

    # a forged return with a note: the tap is refused, so a following text does nothing
    await eko.send("Catatan palsu")
    assert await snapshot(bot.runtime) == before

    # replay: Siti loses the admin role, then taps the verify button she was given
    async with bot.runtime.transaction() as session:
        await remove_admin(session, siti.id, bot.clock(), removed_by=None)
    replay = await siti.tap(data=f"cm:a:v:{submitted}")
    assert (await siti.expect_callback_answer(replay))["text"] == t("id", "committee-only")
    # and a judge removed from the panel cannot score any more
    async with bot.runtime.transaction() as session:
        judge = await session.scalar(select(Judge).where(Judge.user_id == ani.id))
        await session.delete(judge)
    removed = await snapshot(bot.runtime)  # the judge's scores went with them
    again = await ani.tap(data=_buttons(scoring)[0])
    assert (await ani.expect_callback_answer(again))["text"] == t("id", "committee-only")
    after = await snapshot(bot.runtime)
    assert after["entries"] == before["entries"] and after["scores"] == removed["scores"]
