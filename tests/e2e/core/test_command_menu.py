"""Telegram's command menu: attendees see only public commands; each admin and judge gets
their own list (chat scope) with the committee's commands under their Indonesian names."""

from __future__ import annotations

import pytest
from telegram import BotCommandScopeChat

from bot.handlers.core.command_menu import ADMIN_COMMANDS, PUBLIC_COMMANDS, set_personal_menus
from bot.handlers.shared.commands import menu_name
from bot.i18n import plain_text
from bot.services.core.admins import add_admin
from bot.services.core.chats import ChatInfo, touch_chat
from bot.services.judging.scoring import add_judge
from tests.e2e.conftest import wait_until
from tests.factories import edition

pytestmark = pytest.mark.e2e

COMMITTEE_NAMES = {"entries", "judges", "assign", "ranking", "export", "audit", "inovasi", "nilai"}


async def _menu(bot, chat_id: int | None = None, language: str | None = None) -> list[str]:
    scope = BotCommandScopeChat(chat_id) if chat_id is not None else None
    commands = await bot.application.bot.get_my_commands(scope=scope, language_code=language)
    return [command.command for command in commands]


async def _has_no_menu(bot, chat_id: int) -> bool:
    return await _menu(bot, chat_id) == []


async def test_default_menu_lists_only_public_commands(bot, emu) -> None:
    for language in (None, "id", "en"):
        names = await _menu(bot, language=language)
        assert names == [menu_name(name, language or "id") for name, _ in PUBLIC_COMMANDS]
        assert not COMMITTEE_NAMES & set(names)
    commands = await bot.application.bot.get_my_commands(language_code="en")
    assert commands[1].description == plain_text("en", "command-agenda")
    assert await emu.rejections() == []


async def test_admin_gets_committee_commands_in_own_chat(bot, users, emu) -> None:
    siti = await users.create("Siti", admin=True)
    warga = await users.create("Warga")
    await warga.send("/start")
    await warga.expect_message("Selamat datang")
    await siti.send("/start")
    await siti.expect_message("Selamat datang")
    await wait_until(lambda: _menu(bot, siti.id))  # set right after the welcome
    names = await _menu(bot, siti.id)
    for expected in ("inovasi", "penilai", "tugaskan", "peringkat", "tetapkan_juara", "ekspor",
                     "laporan", "audit", "pengumuman", "daftarpengumuman", "muat_ulang",
                     "undangan", "buka_kembali", "umumkan_pada", "batal_umumkan",
                     "hapus_berkas", "batal"):  # fmt: skip
        assert expected in names
    assert names[: len(PUBLIC_COMMANDS) - 2] == [name for name, _ in PUBLIC_COMMANDS[:-2]]
    assert names[-2:] == ["batal", "help"] and "nilai" not in names
    commands = await bot.application.bot.get_my_commands(scope=BotCommandScopeChat(siti.id))
    descriptions = {command.command: command.description for command in commands}
    assert descriptions["inovasi"] == plain_text("id", "command-entries")
    assert descriptions["hapus_berkas"] == plain_text("id", "command-purge-files")
    assert await _menu(bot, warga.id) == []  # attendees keep the default menu
    assert await emu.rejections() == []


async def test_judge_added_and_removed_through_the_bot(bot, users, emu) -> None:
    siti = await users.create("Siti", admin=True)
    rina = await users.create("Rina")
    await rina.send("/start")
    await rina.expect_message("Selamat datang")
    await siti.send(f"/penilai add {rina.id} - Dr. Rina")
    await siti.expect_message("Dr. Rina ditambahkan")
    panel = await siti.expect_message(predicate=lambda m: bool(m.get("inline_keyboard")))
    await wait_until(lambda: _menu(bot, rina.id))
    names = await _menu(bot, rina.id)
    assert "nilai" in names and not set(name for name, _ in ADMIN_COMMANDS) & set(names)
    await siti.tap(plain_text("id", "judges-button-remove", name="Dr. Rina"),
                   message_id=panel["message_id"])  # fmt: skip
    await siti.expect_message(predicate=lambda m: "Dr. Rina" not in (m.get("text") or ""))
    await wait_until(lambda: _has_no_menu(bot, rina.id))
    assert await emu.rejections() == []


async def test_start_up_sets_menus_and_skips_who_never_started(bot, users, emu) -> None:
    """As post_init does: admins (ADMIN_IDS and rows) and the edition's judges; someone who
    never wrote to the bot (Telegram: "chat not found") is skipped until their /start."""
    ani = await users.create("Ani")
    await ani.send("/start")
    await ani.expect_message("Selamat datang")
    stranger = await users.create("Budi")  # never started the bot
    runtime = bot.runtime
    async with runtime.transaction() as session:
        await add_admin(session, stranger.id, runtime.now())
        await add_judge(session, await edition(session), user_id=ani.id, name="Ani",
                        unit_code=None, actor_id=None, now=runtime.now())  # fmt: skip
    assert await set_personal_menus(bot.application) == 1
    assert "nilai" in await _menu(bot, ani.id)
    assert await emu.rejections() == []  # nothing sent for Budi's unknown chat
    await stranger.send("/start")  # Budi writes: his menu comes with the welcome
    await stranger.expect_message("Selamat datang")
    await wait_until(lambda: _menu(bot, stranger.id))
    assert "inovasi" in await _menu(bot, stranger.id)


async def test_an_attendees_menu_follows_the_language_chosen(bot, users, emu) -> None:
    """QA: after /bahasa → English an attendee's ☰ stayed Indonesian (the default scope's
    list follows the Telegram app's language) while an admin's switched. A user whose chosen
    language is not their app's list's gets the public list of their own chat in it; choosing
    the app's language again gives the default list back."""
    indonesian = [menu_name(name, "id") for name, _ in PUBLIC_COMMANDS]
    english = [menu_name(name, "en") for name, _ in PUBLIC_COMMANDS]
    warga = await users.create("Warga")  # an Indonesian Telegram app
    await warga.send("/start")
    await warga.expect_message("Selamat datang")
    assert await warga.command_menu() == indonesian and await _has_no_menu(bot, warga.id)

    await warga.send("/bahasa")
    await warga.expect_message("Silakan pilih bahasa")
    await warga.tap(plain_text("id", "language-name-en"))
    await warga.expect_message("Done: the bot now speaks")

    async def menu_is(user, names: list[str]) -> bool:
        return await user.command_menu() == names

    await wait_until(lambda: menu_is(warga, english))
    commands = await bot.application.bot.get_my_commands(scope=BotCommandScopeChat(warga.id))
    assert commands[1].description == plain_text("en", "command-agenda")
    assert not COMMITTEE_NAMES & set(await warga.command_menu())

    await warga.send("/language id")  # back to the app's language: the default list again
    await warga.expect_message("Baik, bot kini menggunakan")
    await wait_until(lambda: _has_no_menu(bot, warga.id))
    assert await warga.command_menu() == indonesian

    tom = await users.create("Tom", language_code="en")  # an English app choosing Indonesian
    await tom.send("/bahasa id")
    await tom.expect_message("Baik, bot kini menggunakan")
    await wait_until(lambda: menu_is(tom, indonesian))
    assert await _menu(bot, tom.id) == indonesian
    # the replies in a row may meet the emulator's per-chat limit (429, sent again): no other
    assert [r for r in await emu.rejections() if r["error_code"] != 429] == []


async def test_a_menu_the_start_could_not_set_comes_with_the_next_update(bot, users, emu) -> None:
    """QA #29: after a restart with --database the fresh emulator answered "chat not found"
    for a known judge's chat, and the menu stayed the attendees' until a /start; now the
    judge's next update of any kind (here /help) brings it."""
    dewi = await users.create("Dewi")
    runtime = bot.runtime
    async with runtime.transaction() as session:  # known from before, as in a kept database
        await touch_chat(
            session, ChatInfo(id=dewi.id, type="private", title=None, first_name="Dewi",
                              username=None), runtime.now()
        )  # fmt: skip
        await add_judge(session, await edition(session), user_id=dewi.id, name="Dewi",
                        unit_code=None, actor_id=None, now=runtime.now())  # fmt: skip
    assert await set_personal_menus(bot.application) == 0  # Telegram does not know her chat
    await dewi.send("/help")
    await wait_until(lambda: _menu(bot, dewi.id))
    assert "nilai" in await _menu(bot, dewi.id)
