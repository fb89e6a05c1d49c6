"""The last resort in private chats: a text or command no feature took gets a short, polite
answer pointing to the menu and /help instead of silence.

Registered last in handler group 0, so within that group it only runs when no other handler
(commands, menu buttons, the entry form, the broadcast conversation) matched. The committee's
return/reject note and the judge's typed score are taken in later groups
(:data:`bot.handlers.committee.review.INPUT_GROUP`,
:data:`bot.handlers.judging.scoring.INPUT_GROUP`); while one of them
waits for input, this handler stays silent.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from bot.handlers.shared.context import language_of
from bot.handlers.shared.menus import main_menu
from bot.handlers.shared.pending_input import NOTE_KEY, PENDING_KEY
from bot.i18n import t

PENDING_INPUTS = (NOTE_KEY, PENDING_KEY)
"""``user_data`` keys of inputs a later handler group is waiting for."""


async def answer_unhandled(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Says the message or command was not understood, with the main menu and /help."""
    if context.user_data and any(key in context.user_data for key in PENDING_INPUTS):
        return
    language = await language_of(update, context)
    message = update.effective_message
    command = filters.COMMAND.check_update(update)
    key = "fallback-unknown-command" if command else "fallback-not-understood"
    await message.reply_text(
        t(language, key), parse_mode=ParseMode.HTML, reply_markup=main_menu(language)
    )


def register(application: Application) -> None:
    """Adds the last handler of group 0 (register this module after every other feature)."""
    application.add_handler(
        MessageHandler(
            filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.TEXT,
            answer_unhandled,
        )
    )
