"""Telegram's command menu: the public commands for everyone, their own for each officer,
judge and admin in their own chat, and for anyone whose chosen language is not the default
list's.

Telegram shows a private chat the list of the narrowest scope set for it: a chat scope
(``BotCommandScopeChat``) before the default scope (Bot API, "Determining list of commands").
So the default scope (per language) lists what attendees use, and each officer, judge or admin
gets a list for their chat: the public commands plus theirs, in the chat's language. The
default scope's list follows the Telegram app's language, not the one chosen with /bahasa, so
an attendee who chose another language also gets a list for their chat (the public commands
in the chosen language).
A chat scope takes no ``language_code`` here: the descriptions are in the chat's language (the
one chosen with /bahasa, else the default). Each list names the commands in its language
(:func:`~bot.handlers.shared.commands.menu_name`: /batal in Indonesian, /cancel in English);
both names work everywhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging

from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import BadRequest, Forbidden
from telegram.ext import Application

from bot.handlers.shared.commands import menu_name
from bot.handlers.workspace import entry_points as workspace
from bot.i18n import LANGUAGES, plain_text
from bot.runtime import Runtime, application_runtime
from bot.services.core.chats import chat_language
from bot.services.core.committee_members import committee_ids, is_reachable, reachable_ids
from bot.services.core.events import current_edition_id
from bot.services.core.roles import Role, Roles, officer_ids, roles_of
from bot.slots import Slot

logger = logging.getLogger(__name__)

CommandList = tuple[tuple[str, str], ...]
"""(command, catalogue key of its description) pairs, in menu order."""

PUBLIC_COMMANDS: CommandList = (
    ("start", "command-start"),
    ("agenda", "command-agenda"),
    ("sekarang", "command-now"),
    ("berikutnya", "command-next"),
    ("lokasi", "command-venue"),
    ("narasumber", "command-speakers"),
    ("kalender", "command-calendar"),
    ("langganan", "command-subscribe"),
    ("berhenti", "command-unsubscribe"),
    ("faq", "command-faq"),
    ("tanya", "command-ask"),
    ("pemenang", "command-winners"),
    ("arsip", "command-archive"),
    ("sertifikat_saya", "command-my-certificate"),
    ("bahasa", "command-language"),
    ("daftar", "command-join"),
    ("batal", "command-cancel"),
    ("help", "command-help"),
)
"""Attendees' commands: the menu of every chat (``/daftar``: how an officer joins; ``/batal``:
attendees too fill things in, a question to a narasumber, the check-in, the evaluation)."""

OFFICER_COMMANDS: CommandList = (
    ("lanjutkan", "command-resume"),
    ("inovasi_saya", "command-my-entries"),
)
"""Added to an officer's menu."""

JUDGE_COMMANDS: CommandList = (("nilai", "command-score"),)
"""Added to a judge's menu."""

ADMIN_COMMANDS: CommandList = (
    ("inovasi", "command-entries"),
    ("penilai", "command-judges"),
    ("tugaskan", "command-assign"),
    ("peringkat", "command-ranking"),
    ("tetapkan_juara", "command-set-winners"),
    ("umumkan_pada", "command-announce-at"),
    ("batal_umumkan", "command-cancel-announcement"),
    ("ekspor", "command-export"),
    ("laporan", "command-report"),
    ("kehadiran", "command-attendance"),
    ("catat_hadir", "command-check-in"),
    ("daftar_hadir", "command-attendance-list"),
    ("pengumuman", "command-broadcast"),
    ("daftarpengumuman", "command-broadcasts"),
    ("undangan", "command-invite"),
    ("buka_kembali", "command-reopen"),
    ("muat_ulang", "command-reload"),
    ("sertifikat", "command-certificates"),
    ("audit", "command-audit"),
    ("moderasi", "command-moderate"),
    ("hapus_berkas", "command-purge-files"),
    ("evaluasi", "command-evaluation"),
)
"""Added to an admin's menu."""


def listed_language(app_language: str | None, default_language: str) -> str:
    """The language of the default scope's list a Telegram app shows (``app_language``, the
    user's ``language_code``, e.g. ``en`` or ``pt-br``): its own when there is a catalogue of
    it (:func:`set_public_menus` sets one list per catalogue), else the default language's."""
    code = (app_language or "").split("-")[0].lower()
    return code if code in LANGUAGES else default_language


def has_own_menu(roles: Roles, chosen: str | None = None, listed: str | None = None) -> bool:
    """Whether a user gets a menu of their own chat: an officer, judge or admin (their
    commands), or anyone who chose a language with /bahasa (``chosen``) other than the one
    of the default scope's list their app shows (``listed``, see :func:`listed_language`;
    None when not known: then any chosen language gets its own list). Everyone else sees the
    public list of the default scope."""
    if roles.roles - {Role.PUBLIC}:
        return True
    return chosen is not None and chosen != listed


def commands_for(roles: Roles) -> CommandList:
    """The menu of a user with ``roles`` (a QA finding: an attendee saw the officers'
    /lanjutkan and /inovasi_saya): public commands, then the officer's, the judge's and the
    admin's, before /batal and /help, which stay last."""
    extra: CommandList = ()
    if roles.has(Role.OFFICER):
        extra += OFFICER_COMMANDS
    if roles.has(Role.JUDGE):
        extra += JUDGE_COMMANDS
    if roles.has(Role.ADMIN):
        extra += ADMIN_COMMANDS
    return PUBLIC_COMMANDS[:-2] + extra + PUBLIC_COMMANDS[-2:]


def bot_commands(commands: CommandList, language: str) -> list[BotCommand]:
    """The list for setMyCommands in ``language``: the command names its users type
    (``/cancel`` in English, ``/batal`` in Indonesian), descriptions in plain text (≤256
    characters)."""
    return [
        BotCommand(menu_name(name, language), plain_text(language, key)) for name, key in commands
    ]


async def set_public_menus(bot: Bot, default_language: str) -> None:
    """The default scope's menu: for each language, and without a language (the default's)."""
    for language in LANGUAGES:
        await bot.set_my_commands(bot_commands(PUBLIC_COMMANDS, language), language_code=language)
    await bot.set_my_commands(bot_commands(PUBLIC_COMMANDS, default_language))


async def set_personal_menu(
    bot: Bot, chat_id: int, roles: Roles, language: str, *, own: bool | None = None
) -> bool:
    """Gives the private chat ``chat_id`` the menu of ``roles`` in ``language``: its own list
    when ``own`` (by default: an officer, judge or admin, see :func:`has_own_menu`), else the
    chat's own list is removed (the default scope's shows again).

    Returns:
        False when Telegram does not know the chat (the user never started the bot: "chat not
        found") or refuses it (blocked); the menu is set on their next /start instead.
    """
    scope = BotCommandScopeChat(chat_id)
    try:
        if has_own_menu(roles) if own is None else own:
            await bot.set_my_commands(bot_commands(commands_for(roles), language), scope=scope)
        else:
            await bot.delete_my_commands(scope=scope)
    except (BadRequest, Forbidden) as error:
        logger.info("No personal command menu for chat %s: %s", chat_id, error.message)
        return False
    return True


async def refresh_personal_menu(
    bot: Bot,
    runtime: Runtime,
    user_id: int,
    *,
    clear: bool = True,
    app_language: str | None = None,
) -> bool:
    """Sets the menu of ``user_id``'s private chat from their roles and language now.

    Args:
        clear: Also remove the chat's own list when the user needs none (after losing a role,
            or choosing the default list's language again); without it such a user costs no
            Bot API call.
        app_language: The user's Telegram ``language_code`` ("" when it has none), when the
            caller knows it: which default list their app shows (:func:`has_own_menu`).

    Returns:
        As :func:`set_personal_menu`; True when nothing needed sending; False without a call
        when the user never wrote to the bot (their /start sets the menu).
    """
    async with runtime.sessions() as session:
        if not await is_reachable(session, user_id):
            return False
        roles = await roles_of(
            session,
            user_id,
            admin_ids=runtime.settings.admin_ids,
            edition_id=await current_edition_id(session),  # on every /start: the id only
        )
        chosen = await chat_language(session, user_id)
    default = runtime.settings.default_language
    listed = None if app_language is None else listed_language(app_language, default)
    own = has_own_menu(roles, chosen, listed)
    if not clear and not own:
        return True
    language = chosen or default
    await workspace.set_menu_button(bot, runtime.settings, user_id, roles, language)
    return await set_personal_menu(bot, user_id, roles, language, own=own)


async def set_personal_menus(
    application: Application, *, committee: bool = True, officers: bool = True
) -> int:
    """The menus of every admin (ADMIN_IDS and added ones) and judge of the current edition
    (``committee``) and of its officers (``officers``) who have written to the bot (the
    others get theirs on their /start or /daftar).

    Returns:
        How many menus were set.
    """
    runtime = application_runtime(application)
    async with runtime.sessions() as session:
        edition_id = await current_edition_id(session)
        members: set[int] = set()
        if committee:
            members |= await committee_ids(
                session, admin_ids=runtime.settings.admin_ids, edition_id=edition_id
            )
        if officers:
            members |= await officer_ids(session, edition_id)
        reachable = await reachable_ids(session, members)
    done = 0
    unset = MENUS_UNSET.setdefault(application, set)
    for user_id in reachable:
        if await refresh_personal_menu(application.bot, runtime, user_id):
            done += 1
            unset.discard(user_id)
        else:  # Telegram did not know the chat (a fresh sandbox): again on their next update
            unset.add(user_id)
    return done


MENUS_UNSET: Slot[set[int]] = Slot("menus_unset")
"""Users whose menu the start could not set (Telegram answered "chat not found", as a fresh
sandbox emulator does after a restart with ``--database``): set again on their next update
(QA #29: a judge's menu stayed the attendees' until a /start or a change of role)."""

MENU_RETRIES: Slot[set[asyncio.Task[None]]] = Slot("menu_retries")
"""The retries running (kept so that they are not collected before they end)."""


def retry_unset_menu(application: Application, user_id: int) -> None:
    """When the start could not set ``user_id``'s menu: set it now, in the background and
    outside the update (its Bot API call is not the update's reply, nor a commit of it)."""
    unset = MENUS_UNSET.get(application)
    if not unset or user_id not in unset:
        return
    unset.discard(user_id)
    running = MENU_RETRIES.setdefault(application, set)
    task = asyncio.create_task(_retry_menu(application, user_id), context=contextvars.Context())
    running.add(task)
    task.add_done_callback(running.discard)


async def _retry_menu(application: Application, user_id: int) -> None:
    try:
        runtime = application_runtime(application)
        await refresh_personal_menu(application.bot, runtime, user_id)
    except Exception:  # the menu comes with their next /start anyway
        logger.warning("Setting the command menu of %s again failed", user_id, exc_info=True)


OFFICER_MENUS: Slot[asyncio.Task[None]] = Slot("officer_menus")
"""The start-up task setting the officers' menus."""


def start_officer_menus(application: Application) -> None:
    """At start, after the committee's menus: the officers' menus in the background (a
    city's officers are dozens, two Bot API calls each; the bot answers meanwhile)."""

    async def run() -> None:
        try:
            await set_personal_menus(application, committee=False)
        except Exception:  # a menu is set again on the officer's /start
            logger.warning("Setting the officers' command menus failed", exc_info=True)

    OFFICER_MENUS.put(application, asyncio.create_task(run()))


async def stop_officer_menus(application: Application) -> None:
    """At stop: cancel the officers' menus if still being set."""
    task = OFFICER_MENUS.take(application)
    if task is not None and not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
