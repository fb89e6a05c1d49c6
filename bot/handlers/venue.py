"""/lokasi (and the menu button): the venue as a Telegram venue, with a map link."""

from __future__ import annotations

from urllib.parse import quote_plus

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler, ContextTypes, MessageHandler

from bot.handlers.common import language_of, runtime_of
from bot.handlers.menu import button_filter
from bot.handlers.start import DEEP_LINKS
from bot.i18n import t
from bot.storage.models import Venue

MAP_SEARCH_URL = "https://www.google.com/maps/search/?api=1&query="
"""Google Maps' documented search URL (developers.google.com/maps/documentation/urls)."""


def map_link(venue: Venue) -> str:
    """A map link: the coordinates when the event file has them, else a search for the
    venue's name and city."""
    if venue.latitude is not None and venue.longitude is not None:
        return f"{MAP_SEARCH_URL}{venue.latitude},{venue.longitude}"
    return MAP_SEARCH_URL + quote_plus(f"{venue.name}, {venue.city}")


async def show_venue(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Sends the venue (pin with name and address) and a text with the address and map link."""
    language = await language_of(update, context)
    event = await runtime_of(context).event()
    message = update.effective_message
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
        parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )


def register(application: Application) -> None:
    """Adds /lokasi (/venue), the menu button and the ``/start venue`` deep link."""
    application.add_handler(CommandHandler(["lokasi", "venue"], show_venue))
    application.add_handler(MessageHandler(button_filter("menu-venue"), show_venue))
    DEEP_LINKS["venue"] = show_venue
