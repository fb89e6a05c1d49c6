"""Role-restricted commands and buttons in a group (QA #24): a holder of every role sends
each guarded command there and taps each guarded button; every member of the group would read
the answer, so each gets only the one pointer to the private chat, nothing else reaches the
group and nothing is written. The guarded handlers are found in the running application (as
the refusal walk does), so a new command or button is covered without a change here."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import update

from bot.handlers.core.private_only import indonesian_name, is_private_only, registered_commands
from bot.handlers.shared.access import GUARD_ATTRIBUTE
from bot.i18n import plain_text, t
from bot.sandbox.users import press_callback
from bot.storage.models import Attachment, FileState
from tests.e2e.core.test_guarded_refusals import guarded_handlers, samples
from tests.e2e.helpers.committee import choose_english
from tests.e2e.helpers.database import whole_database
from tests.e2e.helpers.entries import invite_code, join
from tests.factories import edition, make_entry, make_judge, make_officer

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]


async def test_every_guarded_action_points_to_the_private_chat(bot, users, emu, emulator) -> None:
    siti = await users.create("Siti", admin=True)  # admin, moderator (as admin) and judge
    eko = await users.create("Eko")
    async with bot.runtime.transaction() as session:
        current = await edition(session)
        await make_judge(session, current, siti.id, "Siti")
        await make_officer(session, current, "DLH", 501)
        entry = await make_entry(session, current, "DLH", "Bank Sampah Digital", created_by=501)
        await session.execute(  # the download worker leaves the factory's files alone
            update(Attachment).values(state=FileState.FAILED)
        )
    assert entry.id is not None
    group = (await emu.create_group("Panitia IGA", [siti, eko]))["chat_id"]
    siti_g = siti.in_chat(group)

    commands: set[str] = set()
    buttons: set[str] = set()
    for kind, handler in guarded_handlers(bot.application):
        assert getattr(handler.callback, GUARD_ATTRIBUTE) is not None
        if kind == "command":
            commands.update(f"/{command}" for command in handler.commands)
        else:
            pattern = handler.pattern
            buttons.update(samples(pattern.pattern if isinstance(pattern, re.Pattern) else pattern))
    assert {"/ekspor", "/peringkat", "/audit", "/nilai", "/moderasi"} <= commands, commands
    await siti_g.send("/agenda")  # public commands answer in the group as before
    await siti_g.expect_message("Penganugerahan")
    before = await whole_database(bot.runtime)  # the group is known now

    pointer = plain_text("id", "group-use-private")
    for sent, command in enumerate(sorted(commands), start=2):
        await siti_g.send(f"{command} {entry.id}")
        reply = await siti_g.expect_message(pointer)
        assert reply["html"] == t("id", "group-use-private"), command
        (button,) = [b for row in reply["inline_keyboard"] for b in row]
        assert button == {
            "text": plain_text("id", "group-open-private"),
            "url": "https://t.me/iga_sandbox_bot",
        }
        assert len(await siti_g.bot_messages()) == sent, command  # the pointer alone

    world = emulator.world
    chat = world.chats[group]
    message = max((m for m in chat.messages.values() if m.from_bot), key=lambda m: m.message_id)
    for data in sorted(buttons):
        tapped = await press_callback(world, world.users[siti.id], chat, message, data)
        answer = await siti_g.expect_callback_answer(tapped)
        assert answer["text"] == pointer and answer["show_alert"], data
    assert len(await siti_g.bot_messages()) == 1 + len(commands)  # a tap posts nothing
    assert await whole_database(bot.runtime) == before  # not even an audit row

    await siti_g.send("/tanya")  # asking is public, but done in the private chat
    reply = await siti_g.expect_message(pointer)
    (button,) = [b for row in reply["inline_keyboard"] for b in row]
    assert button["url"] == "https://t.me/iga_sandbox_bot?start=tanya"
    await siti.send("/peringkat")  # the private chat works as before
    await siti.expect_message("Peringkat sementara")
    assert await emu.rejections() == []


async def test_every_private_only_command_in_a_group_points_to_the_private_chat(
    bot, users, emu
) -> None:
    """Every command the bot answers, but the few public ones, sent in a group by an officer
    and by someone new (the officer's /daftar with a real code, /inovasi_saya, the form's
    /lanjutkan, a committee command…), in both languages' names: the polite pointer alone,
    nothing written (the code does not make anyone an officer). The commands are read from
    the running application, so a new one is covered without a change here."""
    budi = await join(users, bot, "Budi", "DINSOS")
    eko = await users.create("Eko")
    group = (await emu.create_group("Petugas IGA", [budi, eko]))["chat_id"]
    budi_g, eko_g = budi.in_chat(group), eko.in_chat(group)
    eko_g.consumed = budi_g.consumed  # one chat: a message read by one is read
    await eko_g.send("/agenda")  # public commands answer in the group as before
    await eko_g.expect_message("Penganugerahan")
    code = await invite_code(bot, "DLH")
    before = await whole_database(bot.runtime)  # the group is known now

    private = sorted(
        command
        for command in registered_commands(bot.application)
        if is_private_only(indonesian_name(command), has_payload=True)
    )
    assert {"daftar", "join", "inovasi_saya", "lanjutkan", "undangan", "batal", "muat_ulang",
            "ekspor", "langganan", "start"} <= set(private), private  # fmt: skip
    sent = 1
    for driver in (budi_g, eko_g):
        for command in private:
            argument = code if command in ("daftar", "join") else "1"
            await driver.send(f"/{command} {argument}")
            settings = indonesian_name(command) in ("langganan", "berhenti", "bahasa")
            key = "group-private-only" if settings else "group-use-private"
            if command in ("daftar", "join"):
                key = "group-code-shared"  # the code was shown: ask for a new one
            reply = await driver.expect_message(plain_text("id", key))
            (button,) = [b for row in reply["inline_keyboard"] for b in row]
            assert button["text"] == plain_text("id", "group-open-private"), command
            assert button["url"].startswith("https://t.me/iga_sandbox_bot"), command
            assert code not in button["url"], command
            sent += 1
            assert len(await driver.bot_messages()) == sent, command  # the pointer alone
    assert await whole_database(bot.runtime) == before  # nobody joined, nothing audited

    await eko_g.send("/start tanya")  # a deep link typed in the group: its own link
    reply = await eko_g.expect_message(plain_text("id", "group-use-private"))
    (button,) = [b for row in reply["inline_keyboard"] for b in row]
    assert button["url"] == "https://t.me/iga_sandbox_bot?start=tanya"
    await eko_g.send(f"/start inv-{code}")  # but not one carrying a code the group has read
    reply = await eko_g.expect_message(plain_text("id", "group-code-shared"))
    (button,) = [b for row in reply["inline_keyboard"] for b in row]
    assert button["url"] == "https://t.me/iga_sandbox_bot"
    sent += 1
    await eko_g.send("/inovasi_saya@another_bot")  # another bot's command: not ours to answer
    await eko_g.send("/lokasi")
    await eko_g.expect_message(predicate=lambda m: "venue" in m)
    after = (await eko_g.bot_messages())[sent + 1 :]
    assert not [m for m in after if "chat pribadi" in (m.get("text") or "")], after
    await eko.send(f"/daftar {code}")  # the private chat works as before
    await eko.expect_message("terdaftar sebagai petugas")
    assert await emu.rejections() == []


async def _group_with_john(users, emu, name: str, title: str):  # type: ignore[no-untyped-def]
    """A group ``title`` of ``name`` (Indonesian) and John, who chose English in his private
    chat; their drivers in the group, which read one message stream."""
    member = await users.create(name)
    john = await users.create("John", language_code="en")
    await choose_english(john)
    group = (await emu.create_group(title, [member, john]))["chat_id"]
    member_g, john_g = member.in_chat(group), john.in_chat(group)
    john_g.consumed = member_g.consumed
    return member_g, john_g


async def test_a_code_sent_in_a_group_is_called_shown(bot, users, emu) -> None:
    """QA2 #27: /daftar CODE in a group shows the code to every member; the pointer says so
    politely, in the sender's language, and no link carries the code on."""
    budi_g, john_g = await _group_with_john(users, emu, "Budi", "Petugas IGA")
    code = await invite_code(bot, "DLH")

    await budi_g.send(f"/daftar {code}")
    reply = await budi_g.expect_message(plain_text("id", "group-code-shared"))
    assert reply["html"] == t("id", "group-code-shared")
    assert "kode baru kepada panitia" in reply["text"]
    (button,) = [b for row in reply["inline_keyboard"] for b in row]
    assert button["url"] == "https://t.me/iga_sandbox_bot"
    await john_g.send(f"/join {code}")
    reply = await john_g.expect_message(plain_text("en", "group-code-shared"))
    assert "ask the committee for a new code" in reply["text"]
    (button,) = [b for row in reply["inline_keyboard"] for b in row]
    assert button == {
        "text": plain_text("en", "group-open-private"),
        "url": "https://t.me/iga_sandbox_bot",
    }
    await budi_g.send("/daftar")  # no code shown: the usual pointer
    await budi_g.expect_message(plain_text("id", "group-use-private"))
    assert await emu.rejections() == []


async def test_the_pointer_speaks_the_senders_language(bot, users, emu) -> None:
    """QA2 #4: the group pointer was Indonesian for everyone; a member who chose English in
    the private chat gets it in English, the others as the chat decides (Indonesian)."""
    siti_g, john_g = await _group_with_john(users, emu, "Siti", "Grup IGA")

    await john_g.send("/my_entries")
    reply = await john_g.expect_message(plain_text("en", "group-use-private"))
    (button,) = [b for row in reply["inline_keyboard"] for b in row]
    assert button["text"] == plain_text("en", "group-open-private")
    await john_g.send("/language")
    await john_g.expect_message(plain_text("en", "group-private-only"))
    await siti_g.send("/inovasi_saya")
    await siti_g.expect_message(plain_text("id", "group-use-private"))
    await john_g.send("/agenda")  # the group's public answers keep the chat's language
    await john_g.expect_message("Penganugerahan")
    assert await emu.rejections() == []
