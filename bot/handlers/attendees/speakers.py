"""/narasumber (and the menu button): the speakers, their institutions and sessions."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, MessageHandler

from bot.handlers.attendees.agenda_view import speakers_texts
from bot.handlers.core.start import DEEP_LINKS
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.groups import in_group
from bot.handlers.shared.menus import button_filter
from bot.handlers.shared.replies import reply_texts
from bot.handlers.shared.updates import message_of
from bot.i18n import t


async def show_speakers(update: Update, context: BotContext) -> None:
    """Lists the speakers with institution and role, and their sessions (not in groups)."""
    language = await context.language()
    event = await context.runtime.event()
    if event is None:
        await message_of(update).reply_text(t(language, "agenda-no-event"))
        return
    await reply_texts(message_of(update), speakers_texts(event, language, compact=in_group(update)))


def register(application: Application) -> None:
    """Adds /narasumber (/speakers), the menu button and the ``/start speakers`` deep link."""
    application.add_handler(CommandHandler(command_names("narasumber"), show_speakers))
    application.add_handler(MessageHandler(button_filter("menu-speakers"), show_speakers))
    DEEP_LINKS["speakers"] = show_speakers
