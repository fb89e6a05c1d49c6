"""The main menu and the ☰ command menu follow the user's role (QA finding): an attendee sees
neither "📝 Kirim Inovasi" nor the officers' /lanjutkan and /inovasi_saya; an officer
gets both from /daftar on, in their language; a stray text never opens an entry."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.handlers.core.command_menu import set_personal_menus
from bot.i18n import plain_text
from bot.services.core.events import current_edition
from bot.services.entries.invites import create_invite, redeem_invite
from bot.services.entries.submissions import leave_form
from bot.storage.models import Submission, Unit
from tests.e2e.conftest import start_bot, stop_bot, wait_until
from tests.e2e.helpers.entries import (
    IN_WINDOW,
    active_entry_id,
    join,
    prefilled_entry,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]

OFFICER_ONLY = {"lanjutkan", "inovasi_saya"}
NOT_UNDERSTOOD = "saya belum memahami pesan tersebut"
NOT_OFFICER = "belum terdaftar sebagai petugas"


async def keyboard(emu: Any, user: Any) -> list[str]:
    """The labels of the reply keyboard the user's chat shows now."""
    shown = (await emu.transcript(user.chat_id))["reply_keyboard"] or {}
    return [
        button if isinstance(button, str) else button["text"]
        for row in shown.get("keyboard", [])
        for button in row
    ]


async def entry_count(bot: Any) -> int:
    async with bot.runtime.sessions() as session:
        return await session.scalar(select(func.count()).select_from(Submission))


async def test_an_attendee_sees_neither_the_form_nor_its_commands(users, emu) -> None:
    siti = await users.create("Siti")
    await siti.send("/start")
    await siti.expect_message("Selamat datang")
    labels = await keyboard(emu, siti)
    assert plain_text("id", "menu-agenda") in labels and plain_text("id", "menu-help") in labels
    assert plain_text("id", "menu-submit") not in labels
    menu = await siti.command_menu()
    assert "agenda" in menu and "daftar" in menu and menu[-2:] == ["batal", "help"]
    assert not OFFICER_ONLY & set(menu)
    await siti.send(plain_text("id", "menu-submit"))  # an old keyboard's button: answered
    await siti.expect_message(NOT_OFFICER)
    await siti.send("halo")  # the menu sent with another answer stays the attendee's
    await siti.expect_message(NOT_UNDERSTOOD)
    assert plain_text("id", "menu-submit") not in await keyboard(emu, siti)


async def test_an_officer_gets_the_form_and_its_commands_from_daftar(users, bot, emu) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    assert plain_text("id", "menu-submit") in await keyboard(emu, budi)

    async def officer_menu() -> bool:
        return OFFICER_ONLY <= set(await budi.command_menu())

    await wait_until(officer_menu)
    menu = await budi.command_menu()
    assert menu[-1] == "help" and menu.index("lanjutkan") < menu.index("batal")
    await budi.send("/start")
    await budi.expect_message("Selamat datang")
    assert plain_text("id", "menu-submit") in await keyboard(emu, budi)
    await budi.send("halo")
    await budi.expect_message(NOT_UNDERSTOOD)
    assert plain_text("id", "menu-submit") in await keyboard(emu, budi)


async def test_an_officer_switching_to_english_reads_english_commands(users, bot, emu) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    await budi.send("/bahasa")
    await budi.expect_message("Silakan pilih bahasa")
    await budi.tap(plain_text("id", "language-name-en"))
    await budi.expect_message("Done: the bot now speaks")
    assert plain_text("en", "menu-submit") in await keyboard(emu, budi)

    async def english_menu() -> bool:
        return {"resume", "my_entries", "cancel"} <= set(await budi.command_menu())

    await wait_until(english_menu)
    assert not OFFICER_ONLY & set(await budi.command_menu())


async def test_start_up_gives_officers_who_wrote_their_menu(users, bot) -> None:
    ani = await users.create("Ani")
    await ani.send("/start")
    await ani.expect_message("Selamat datang")
    runtime = bot.runtime
    async with runtime.transaction() as session:  # an officer from before menus by role
        edition = await current_edition(session)
        unit = await session.scalar(select(Unit).where(Unit.edition_id == edition.id))
        code = await create_invite(session, unit, datetime.now(UTC))
        await redeem_invite(session, ani.id, code, datetime.now(UTC))
    assert not OFFICER_ONLY & set(await ani.command_menu())
    assert await set_personal_menus(bot.application) == 1
    assert OFFICER_ONLY <= set(await ani.command_menu())


async def test_a_restart_sets_the_officers_menus_in_the_background(
    users, bot, bot_settings, clock
) -> None:
    ani = await users.create("Ani")
    await ani.send("/start")
    await ani.expect_message("Selamat datang")
    async with bot.runtime.transaction() as session:  # an officer from before menus by role
        edition = await current_edition(session)
        unit = await session.scalar(select(Unit).where(Unit.edition_id == edition.id))
        code = await create_invite(session, unit, datetime.now(UTC))
        await redeem_invite(session, ani.id, code, datetime.now(UTC))
    await stop_bot(bot)
    again = await start_bot(bot_settings, clock, None)
    try:

        async def officer_menu() -> bool:
            return OFFICER_ONLY <= set(await ani.command_menu())

        await wait_until(officer_menu, timeout=10)
        await ani.send("/lanjutkan")  # the bot answered while the menus were being set
        await ani.expect_message("tidak ada yang dapat dilanjutkan", timeout=10)
    finally:
        await stop_bot(again)


@pytest.mark.parametrize("stray", ["📝 (inovasi tanpa nama)", "📝 SIDOTI", "lanjut"])
async def test_a_stray_text_opens_no_entry(users, bot, stray: str) -> None:
    """The text an old keyboard's button sent ("📝 (inovasi tanpa nama)"), or any text, from
    an officer outside the form (without an entry, with a draft): the polite answer only,
    no entry created or opened."""
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    await budi.send(stray)
    await budi.expect_message(NOT_UNDERSTOOD)
    assert await entry_count(bot) == 0
    await prefilled_entry(bot, budi.id)
    async with bot.runtime.transaction() as session:  # a draft, not open in the chat
        await leave_form(session, budi.id)
    count = len(await budi.bot_messages())
    await budi.send(stray)
    await budi.expect_message(NOT_UNDERSTOOD)
    await budi.send("/help")  # every earlier update answered once this one is
    await budi.expect_message("/agenda")
    replies = (await budi.bot_messages())[count:]
    assert len(replies) == 2 and NOT_UNDERSTOOD in replies[0]["text"]
    assert await entry_count(bot) == 1
    assert await active_entry_id(bot, budi.id) is None
