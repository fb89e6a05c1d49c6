"""/kalender: the agenda as an iCalendar file; the calendar button of one session."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.core.start import DEEP_LINKS
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.updates import message_of, query_of, tapped_message
from bot.i18n import plain_text, t
from bot.services.attendees.agenda import agenda_item
from bot.services.attendees.calendar import agenda_calendar, calendar_file_name
from bot.services.core.events import event_view_by_id

ITEM_PATTERN = r"^calendar:item:(\d+)$"


async def send_calendar(update: Update, context: BotContext) -> None:
    """Sends the whole agenda as an .ics file to import into a calendar app."""
    language = await context.language()
    event = await context.runtime.event()
    if event is None:
        await message_of(update).reply_text(t(language, "agenda-no-event"))
        return
    data = agenda_calendar(event, event.agenda, context.runtime.now(), language)
    await message_of(update).reply_document(
        InputFile(data, filename=calendar_file_name(event), attach=True),
        caption=t(language, "calendar-caption", event=event.short_title),
    )


async def send_item_calendar(update: Update, context: BotContext) -> None:
    """Sends one session as an .ics file."""
    query = query_of(update)
    language = await context.language()
    async with context.runtime.sessions() as session:
        item = await agenda_item(session, int(context.matched(1)))
    if item is None:
        await query.answer(plain_text(language, "agenda-item-gone"), show_alert=True)
        return
    event = await context.runtime.event()
    if event is None or event.id != item.event_id:  # an older event's button
        async with context.runtime.sessions() as session:
            event = await event_view_by_id(session, item.event_id)
    if event is None:
        await query.answer(plain_text(language, "agenda-item-gone"), show_alert=True)
        return
    await query.answer()
    data = agenda_calendar(event, [item], context.runtime.now(), language)
    await tapped_message(query).reply_document(
        InputFile(data, filename=calendar_file_name(event, item), attach=True),
        caption=t(language, "calendar-item-caption", title=item.title),
    )


def register(application: Application) -> None:
    """Adds /kalender (/calendar), the per-session calendar button and ``/start kalender``."""
    application.add_handler(CommandHandler(command_names("kalender"), send_calendar))
    application.add_handler(CallbackQueryHandler(send_item_calendar, pattern=ITEM_PATTERN))
    DEEP_LINKS["kalender"] = send_calendar
