"""The group guard: in a group chat, every command of the bot but the few answered there
briefly (:data:`GROUP_COMMANDS`) gets one polite pointer to the private chat and nothing else.

One place for every command, before any feature handler runs (handler group -1, after the
chat tracking of group -2): a group's members would all read what an officer's, a judge's
or the committee's command shows (entries, codes, the form), and a personal setting is made
in the private chat. Commands are private unless listed here as answered in a group, so a
new command is covered without a change here. Nothing is written (not audited: holder or
not, the pointer is the same; the private chat checks the role). Buttons tapped in a group
are the role guard's (:func:`bot.handlers.shared.access.to_private_chat`).
"""

from __future__ import annotations

import re

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    BaseHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.handlers.shared.commands import ENGLISH_NAMES, OTHER_NAMES
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.groups import redirect_to_private

GUARD_GROUP = -1
"""The handler group of the guard (before the features' group 0)."""

GROUP_COMMANDS = frozenset(
    {
        "start",
        "help",
        "agenda",
        "sekarang",
        "berikutnya",
        "lokasi",
        "narasumber",
        "faq",
        "kalender",
        "pemenang",
        "arsip",
    }
)
"""Indonesian names of the commands answered in a group (public, brief); ``/start`` with a
deep link's payload is not (the payload opens something personal: an invite, a check-in)."""

PERSONAL_SETTINGS: dict[str, str] = {
    "langganan": "langganan",
    "berhenti": "langganan",
    "bahasa": "bahasa",
    "tanya": "tanya",
    "sertifikat_saya": "sertifikat_saya",
}
"""Commands whose pointer opens the private chat on their screen: the deep link's payload."""

SETTINGS_TEXT = frozenset({"langganan", "berhenti", "bahasa"})
"""Commands pointed to the private chat as a personal setting (``group-private-only``)."""

CODE_COMMANDS = frozenset({"daftar"})
"""Commands whose argument is a secret code (an officer's invite): sent in a group, every
member has read it (QA2 #27)."""

SECRET_PAYLOAD_PREFIXES: set[str] = set()
"""Deep link payload prefixes carrying such a code (``inv-``; registered by its feature)."""

_INDONESIAN = {english: name for name, english in ENGLISH_NAMES.items()} | {
    other: name for name, others in OTHER_NAMES.items() for other in others
}


def indonesian_name(command: str) -> str:
    """The Indonesian name of a command given by any of its names."""
    return _INDONESIAN.get(command, command)


def registered_commands(application: Application) -> set[str]:
    """Every command name (both languages) the application's handlers answer."""
    return {
        command
        for handlers in application.handlers.values()
        for handler in handlers
        if isinstance(handler, CommandHandler)
        for command in handler.commands
    }


def is_private_only(command: str, has_payload: bool) -> bool:
    """Whether the command (its Indonesian name) is answered only in the private chat."""
    if command == "start":
        return has_payload
    return command not in GROUP_COMMANDS


_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""What Telegram accepts as a deep link's payload."""


def _command_of(update: Update, username: str) -> tuple[str, str] | None:
    """The command a group message starts with (lower case) and its arguments; None when it
    is addressed to another bot."""
    message = update.effective_message
    if message is None or not message.text:
        return None
    first, _, arguments = message.text.partition(" ")
    name, _, addressee = first[1:].partition("@")
    if addressee and addressee.lower() != username.lower():
        return None
    return name.lower(), arguments.strip()


async def guard(update: Update, context: BotContext) -> None:
    """A private-only command in a group: the pointer, and no feature handler runs."""
    parsed = _command_of(update, context.bot.username)
    if parsed is None or parsed[0] not in registered_commands(context.application):
        return  # another bot's command, or none of ours: left as before
    command, arguments = indonesian_name(parsed[0]), parsed[1]
    if not is_private_only(command, bool(arguments)):
        return
    payload = PERSONAL_SETTINGS.get(command)
    if command == "start" and _PAYLOAD.fullmatch(arguments):
        payload = arguments  # the same deep link, in the private chat
    key = "group-private-only" if command in SETTINGS_TEXT else "group-use-private"
    if (command in CODE_COMMANDS and arguments) or (
        command == "start" and arguments.startswith(tuple(SECRET_PAYLOAD_PREFIXES))
    ):
        payload, key = None, "group-code-shared"  # no link carries the shown code on
    await redirect_to_private(update, context, payload, key=key)
    raise ApplicationHandlerStop


def guard_handler() -> BaseHandler:
    """The guard's handler: commands in groups (new and edited messages, as commands are)."""
    return MessageHandler(filters.ChatType.GROUPS & filters.COMMAND, guard)


def register(application: Application) -> None:
    """Adds the guard before the features (group -1)."""
    application.add_handler(guard_handler(), group=GUARD_GROUP)
