"""/help shows the sections of the roles the user holds: attendee always, officer, judge and
admin in the private chat; every command it names is one the bot handles."""

from __future__ import annotations

import re

import pytest
from telegram.ext import CommandHandler, ConversationHandler

from bot.handlers.core.command_menu import ADMIN_COMMANDS, JUDGE_COMMANDS, OFFICER_COMMANDS
from bot.handlers.shared.commands import menu_name
from bot.i18n import LANGUAGES, plain_text
from bot.services.judging.scoring import add_judge
from tests.e2e.helpers.committee import add_officer
from tests.factories import edition

pytestmark = pytest.mark.e2e

SECTION_TITLES = {
    "officer": "Petugas Perangkat Daerah",
    "judge": "<b>Penilai</b>",
    "admin": "<b>Panitia</b>",
}


def _sections(reply: dict) -> set[str]:
    return {role for role, title in SECTION_TITLES.items() if title in reply["html"]}


async def _help(driver) -> dict:
    await driver.send("/help")
    return await driver.expect_message("Bantuan")


async def test_each_persona_sees_the_sections_of_its_roles(bot, users, emu) -> None:
    warga = await users.create("Warga")
    officer = await users.create("Petugas")
    judge = await users.create("Juri")
    admin = await users.create("Admin", admin=True)
    await add_officer(bot.runtime, "DLH", officer.id)
    async with bot.runtime.transaction() as session:
        await add_judge(session, await edition(session), user_id=judge.id, name="Juri",
                        unit_code=None, actor_id=None, now=bot.runtime.now())  # fmt: skip
    assert _sections(await _help(warga)) == set()
    reply = await _help(officer)
    assert _sections(reply) == {"officer"}
    assert "/lanjutkan" in reply["text"] and "/inovasi_saya" in reply["text"]
    assert _sections(await _help(judge)) == {"judge"}
    reply = await _help(admin)
    assert _sections(reply) == {"admin"}
    for command in ("/pengumuman", "/daftarpengumuman", "/muat_ulang", "/undangan",
                    "/buka_kembali", "/umumkan_pada", "/batal_umumkan", "/inovasi", "/penilai",
                    "/tugaskan", "/nilai", "/peringkat", "/tetapkan_juara", "/ekspor",
                    "/laporan", "/audit", "/sertifikat", "/hapus_berkas"):  # fmt: skip
        assert command in reply["text"]
    assert plain_text("id", "help-footer") in reply["text"]
    assert await emu.rejections() == []


def _handled_commands(application) -> set[str]:
    names: set[str] = set()
    for handlers in application.handlers.values():
        for handler in handlers:
            inner = handler.entry_points if isinstance(handler, ConversationHandler) else [handler]
            for one in inner:
                if isinstance(one, CommandHandler):
                    names |= set(one.commands)
    return names


async def test_every_command_in_the_help_is_handled(bot) -> None:
    handled = _handled_commands(bot.application)
    for language in LANGUAGES:
        for key in ("help-text", "help-officer", "help-judge", "help-admin"):
            named = set(re.findall(r"(?<![<\w])/([a-z_]+)", plain_text(language, key)))
            assert named and named <= handled, (language, key, named - handled)


def test_every_command_of_the_committees_menus_is_in_their_help() -> None:
    """QA: /sertifikat was in the admins' ☰ menu but not in their /help."""
    sections = {
        "help-officer": OFFICER_COMMANDS,
        "help-judge": JUDGE_COMMANDS,
        "help-admin": ADMIN_COMMANDS,
    }
    for language in LANGUAGES:
        for key, commands in sections.items():
            named = set(re.findall(r"(?<![<\w])/([a-z_]+)", plain_text(language, key)))
            menu = {menu_name(name, language) for name, _ in commands}
            assert menu <= named, (language, key, menu - named)
