"""The last resort in private chats: a message no command or menu button took goes to the
input pending for the user (:func:`bot.handlers.shared.pending_input.dispatch`); with none
pending, a text or an unknown command gets a short, polite answer pointing to the menu and
/help instead of silence. ``/batal`` and ``/cancel`` end whatever input is pending.

Registered last in handler group 0, so within that group it only runs when no other handler
(commands, menu buttons) matched.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot.handlers.shared.context import BotContext
from bot.handlers.shared.menus import main_menu
from bot.handlers.shared.pending_input import cancel_input, dispatch
from bot.i18n import t


async def on_private_message(update: Update, context: BotContext) -> None:
    """Gives the message to the pending input, else says it was not understood (texts and
    commands; other messages without a pending input are left unanswered)."""
    command = filters.COMMAND.check_update(update)
    if not command and await dispatch(update, context):
        return
    message = update.message
    if message is None or message.text is None:
        return
    language = await context.language()
    key = "fallback-unknown-command" if command else "fallback-not-understood"
    await message.reply_text(
        t(language, key), parse_mode=ParseMode.HTML, reply_markup=main_menu(language)
    )


async def cancel(update: Update, context: BotContext) -> None:
    """``/batal`` and ``/cancel``: ends the pending input (the entry form keeps its draft)."""
    answer = await cancel_input(update, context)
    if answer is None:
        answer = t(await context.language(), "input-cancel-nothing")
    await update.effective_message.reply_text(answer, parse_mode=ParseMode.HTML)


def register(application: Application) -> None:
    """Adds /batal and /cancel, and the last handler of group 0 (register this module after
    every other feature)."""
    application.add_handler(CommandHandler(["batal", "cancel"], cancel))
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE
            & (filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE),
            on_private_message,
        )
    )
