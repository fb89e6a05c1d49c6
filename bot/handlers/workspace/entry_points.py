"""Where the chat opens the workspace (the committee's and judges' Mini App): the menu
button of each admin's and judge's private chat, and ``/ruang_kerja`` (the button on the
committee's notice of a new entry is written with the notice, in the outbox:
:func:`bot.services.entries.submission_status.change_status`). Without ``PUBLIC_URL`` the
workspace is off and ``/ruang_kerja`` says so.
"""

from __future__ import annotations

import logging

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MenuButton,
    MenuButtonDefault,
    MenuButtonWebApp,
    Update,
    WebAppInfo,
)
from telegram.error import BadRequest, Forbidden
from telegram.ext import Application, CommandHandler

from bot.handlers.shared.access import COMMITTEE, guarded
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.updates import message_of
from bot.i18n import plain_text, t
from bot.services.core.roles import Roles
from bot.settings import Settings

logger = logging.getLogger(__name__)


async def set_menu_button(
    bot: Bot, settings: Settings, chat_id: int, roles: Roles, language: str
) -> bool:
    """The private chat's menu button: the workspace for an admin or a judge when it is on,
    else Telegram's default (the command list).

    Returns:
        False when Telegram refused (the user never started the bot, or blocked it).
    """
    committee = roles.admin or roles.judge is not None
    button: MenuButton
    if committee and settings.workspace_url:
        button = MenuButtonWebApp(
            plain_text(language, "workspace-menu-button"), WebAppInfo(settings.workspace_url)
        )
    else:
        button = MenuButtonDefault()
    try:
        await bot.set_chat_menu_button(chat_id, button)
    except (BadRequest, Forbidden) as error:
        logger.info("No menu button for chat %s: %s", chat_id, error.message)
        return False
    return True


@guarded(COMMITTEE)
async def workspace_command(update: Update, context: BotContext) -> None:
    """``/ruang_kerja``: a button opening the workspace (admins and judges; others are
    refused by the shared guard), or why not."""
    runtime = context.runtime
    language = await context.language()
    message = message_of(update)
    address = runtime.settings.workspace_url
    if address is None:
        await message.reply_text(t(language, "workspace-off"))
        return
    button = InlineKeyboardButton(
        plain_text(language, "workspace-open"), web_app=WebAppInfo(address)
    )
    await message.reply_text(
        t(language, "workspace-invitation"), reply_markup=InlineKeyboardMarkup([[button]])
    )


def register(application: Application) -> None:
    """Adds ``/ruang_kerja`` (alias ``/workspace``); in a group the guard points to the
    private chat (a Mini App button works only there)."""
    application.add_handler(CommandHandler(command_names("ruang_kerja"), workspace_command))
