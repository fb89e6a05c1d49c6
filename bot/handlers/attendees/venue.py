"""/lokasi (and the menu button): the venue as a Telegram venue, with a map link."""

from __future__ import annotations

from telegram import LinkPreviewOptions, Update
from telegram.ext import Application, CommandHandler, MessageHandler

from bot.handlers.core.start import DEEP_LINKS
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.maps import map_link
from bot.handlers.shared.menus import button_filter
from bot.handlers.shared.updates import message_of
from bot.i18n import t


async def show_venue(update: Update, context: BotContext) -> None:
    """Sends the venue (pin with name and address) and a text with the address and map link."""
    language = await context.language()
    event = await context.runtime.event()
    message = message_of(update)
    if event is None or event.venue is None:
        await message.reply_text(t(language, "agenda-no-event"))
        return
    venue = event.venue
    address = ", ".join(part for part in (venue.address, venue.city) if part)
    if venue.latitude is not None and venue.longitude is not None:
        await message.reply_venue(
            latitude=venue.latitude, longitude=venue.longitude, title=venue.name, address=address
        )
    lines = [t(language, "venue-text", name=venue.name, address=address, url=map_link(venue))]
    if venue.is_example:
        lines.append(t(language, "venue-example"))
    await message.reply_text(
        "\n\n".join(lines),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )


def register(application: Application) -> None:
    """Adds /lokasi (/venue), the menu button and the ``/start venue`` deep link."""
    application.add_handler(CommandHandler(command_names("lokasi"), show_venue))
    application.add_handler(MessageHandler(button_filter("menu-venue"), show_venue))
    DEEP_LINKS["venue"] = show_venue
