"""In a group (privacy mode on: the bot sees only commands) the bot answers agenda, venue and
speaker commands briefly and sends personal things to the private chat."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.i18n import plain_text
from bot.storage.models import Subscriber
from tests.e2e.attendees.test_attendee_agenda import visible

pytestmark = pytest.mark.e2e


async def test_brief_answers_in_a_group(users, bot, emu) -> None:
    bot.clock.set(datetime(2022, 12, 7, 2, 15, tzinfo=UTC))
    siti = await users.create("Siti")
    group = await emu.create_group("Peserta IGA 2022", [siti])
    in_group = siti.in_chat(group["chat_id"])

    await in_group.send("/agenda@iga_sandbox_bot")
    page = await in_group.expect_message("09.00–09.30 WIB · Penganugerahan")
    assert "🎤" not in page["text"] and "📍" not in page["text"]  # brief: time and title
    assert visible("id", "agenda-marker-now") in page["text"]
    (button,) = [b for row in page["inline_keyboard"] for b in row]
    assert button["text"] == plain_text("id", "agenda-open-private")
    assert button["url"] == "https://t.me/iga_sandbox_bot?start=agenda"

    await in_group.send("/lokasi")
    await in_group.expect_message(predicate=lambda m: "venue" in m)
    await in_group.send("/narasumber")
    speakers = await in_group.expect_message("Narasumber Kementerian Dalam Negeri")
    assert "•" not in speakers["text"]  # no session list in the group
    assert await emu.rejections() == []


async def test_personal_things_go_to_the_private_chat(users, bot, emu) -> None:
    siti = await users.create("Siti")
    group = await emu.create_group("Peserta IGA 2022", [siti])
    in_group = siti.in_chat(group["chat_id"])

    for command, payload in (("/langganan", "langganan"), ("/bahasa", "bahasa")):
        await in_group.send(command)
        reply = await in_group.expect_message(visible("id", "group-private-only"))
        (button,) = [b for row in reply["inline_keyboard"] for b in row]
        assert button["url"] == f"https://t.me/iga_sandbox_bot?start={payload}"
    await in_group.send("hanya obrolan biasa")  # privacy mode: the bot never sees this
    async with bot.runtime.sessions() as session:
        assert await session.scalar(select(Subscriber.id)) is None

    await siti.send("/start langganan")  # the deep link opens the screen in private
    await siti.expect_message(visible("id", "subs-intro"))
    await siti.send("/start bahasa")
    await siti.expect_message(visible("id", "language-choose"))
    assert len(await in_group.bot_messages()) == 2
    assert await emu.rejections() == []


async def test_start_in_a_group_shows_no_menu_and_removes_an_old_one(
    users, bot, emu, emulator
) -> None:
    """QA2 #3: the private chat's persistent menu posted by /start in a group was on every
    member's screen, and its buttons were dead there (privacy mode: the bot never sees their
    texts). /start in a group shows no menu, promises none, and takes away one left over."""
    siti = await users.create("Siti")
    group = (await emu.create_group("Grup Panitia IGA", [siti]))["chat_id"]
    in_group = siti.in_chat(group)
    emulator.world.chats[group].reply_keyboard = {  # as an earlier version left it
        "keyboard": [[{"text": plain_text("id", "menu-agenda")}]],
        "is_persistent": True,
    }

    await in_group.send("/start")
    welcome = await in_group.expect_message("Selamat datang")
    assert welcome["keyboard"] == {"remove_keyboard": True}
    assert "pilih menu" not in welcome["text"] and "/agenda" in welcome["text"]
    assert (await emu.transcript(group))["reply_keyboard"] is None
    await siti.send("/start")  # the private chat keeps its menu
    await siti.expect_message("pilih menu")
    assert (await emu.transcript(siti.id))["reply_keyboard"]["is_persistent"]
    assert await emu.rejections() == []
