"""``/sertifikat_saya`` (``/my_certificate``): a holder asks for their certificate again (the
message lost, the chat cleared): the same PDF with the same code, for every valid certificate
of theirs (:func:`bot.services.certificates.issuing.copies_for`); before the certificates go
out, when they will; otherwise who gets one."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.ext import Application, CommandHandler

from bot.handlers.core.start import DEEP_LINKS
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.updates import message_of, user_of
from bot.i18n import format_moment, t
from bot.services.certificates.issuing import coming_send_times, copies_for

COMMAND = "sertifikat_saya"


async def my_certificates(update: Update, context: BotContext) -> None:
    """Send the user's certificates again, or say when or why there is none."""
    language = await context.language()
    runtime = context.runtime
    now = runtime.now()
    async with runtime.sessions() as session:
        copies = await copies_for(
            session, user_of(update).id, language, runtime.settings.public_url or ""
        )
        coming = [] if copies else await coming_send_times(session, now)
    message = message_of(update)
    for copy in copies:
        await message.reply_document(
            InputFile(copy.document.content, filename=copy.document.file_name),
            caption=copy.caption,
        )
    if copies:
        return
    if coming:
        moment = format_moment(coming[0], runtime.settings.zone, language)
        await message.reply_text(t(language, "certificates-mine-later", moment=moment))
        return
    await message.reply_text(t(language, "certificates-mine-none"))


def register(application: Application) -> None:
    """Adds /sertifikat_saya (and its deep link from a group)."""
    application.add_handler(CommandHandler(command_names(COMMAND), my_certificates))
    DEEP_LINKS[COMMAND] = my_certificates
