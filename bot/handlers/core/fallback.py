"""The last resort in private chats: a message no command or menu button took goes to the
input pending for the user (:func:`bot.handlers.shared.pending_input.dispatch`); with none
pending, a text, an unknown command, a photo, document, sticker or voice message gets a
short, polite answer pointing to the menu and /help instead of silence (for a file: what the
bot can do, and where documents go). ``/batal`` and ``/cancel`` end whatever input is
pending.

Registered last in handler group 0, so within that group it only runs when no other handler
(commands, menu buttons) matched.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.menus import main_menu_for
from bot.handlers.shared.pending_input import cancel_input, dispatch
from bot.handlers.shared.updates import message_of
from bot.i18n import plain_text, t
from bot.slots import Slot

ALBUMS_ANSWERED: Slot[set[str]] = Slot("fallback_albums")
"""The media_group_ids of albums already answered."""


async def on_private_message(update: Update, context: BotContext) -> None:
    """Gives the message to the pending input, else says it was not understood (a text, a
    command) or what the bot does with files (any other message; an album once). Edited
    messages and service messages without a pending input are left unanswered."""
    command = filters.COMMAND.check_update(update)
    if not command and await dispatch(update, context):
        return
    message = update.message
    if message is None or filters.StatusUpdate.ALL.check_update(update):
        return
    if message.media_group_id is not None:
        answered = ALBUMS_ANSWERED.setdefault(context.application, set)
        if message.media_group_id in answered:
            return
        answered.add(message.media_group_id)
    language = await context.language()
    if command:
        text = t(language, "fallback-unknown-command")
    elif message.text is not None:
        text = t(language, "fallback-not-understood")
    else:
        text = t(language, "fallback-media", submit=plain_text(language, "menu-submit"))
    menu = await main_menu_for(update, context, language)
    await message.reply_text(text, reply_markup=menu)


async def cancel(update: Update, context: BotContext) -> None:
    """``/batal`` and ``/cancel``: ends the pending input (the entry form keeps its draft)."""
    answer = await cancel_input(update, context)
    if answer is None:
        answer = t(await context.language(), "input-cancel-nothing")
    await message_of(update).reply_text(answer)


def register(application: Application) -> None:
    """Adds /batal and /cancel, and the last handler of group 0 (register this module after
    every other feature)."""
    application.add_handler(CommandHandler(command_names("batal"), cancel))
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE
            & (filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE),
            on_private_message,
        )
    )
