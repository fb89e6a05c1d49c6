"""/faq: questions attendees ask (contact person, dress code, parking, what to bring), from
the event file's ``faq`` section."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.replies import reply_texts
from bot.handlers.shared.text import split_text
from bot.handlers.shared.updates import message_of
from bot.i18n import t
from bot.services.core.event_file import localized


async def show_faq(update: Update, context: BotContext) -> None:
    """Lists every question with its answer, in the user's language where the file has it."""
    language = await context.language()
    event = await context.runtime.event()
    if event is None:
        await message_of(update).reply_text(t(language, "agenda-no-event"))
        return
    blocks = [t(language, "faq-title", event=event.short_title)]
    for entry in event.faq:
        blocks.append(
            t(
                language,
                "faq-entry",
                question=localized(entry["question"], language),
                answer=localized(entry["answer"], language),
            )
        )
    if not event.faq:
        blocks.append(t(language, "faq-empty"))
    await reply_texts(message_of(update), split_text(blocks, separator="\n\n"))


def register(application: Application) -> None:
    """Adds /faq."""
    application.add_handler(CommandHandler(command_names("faq"), show_faq))
