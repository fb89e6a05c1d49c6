"""The agenda: /agenda (and the menu button), /sekarang, /berikutnya, one session in full,
and the "Ingatkan saya" star.

In private chats each page of the agenda has a button per session, opening it in full with
the star and the calendar buttons; in groups the agenda is brief (time and title) with a
button to the full agenda in the private chat.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
)

from bot.handlers.attendees.agenda_view import (
    AgendaPage,
    cached_agenda_pages,
    current_page_index,
    item_detail,
    next_text,
    now_text,
)
from bot.handlers.attendees.star_cache import star_cache_of
from bot.handlers.core.start import DEEP_LINKS
from bot.handlers.shared.callback_data import SESSION_QUESTIONS, SessionQuestions
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.groups import in_group, private_link, redirect_to_private
from bot.handlers.shared.menus import button_filter
from bot.handlers.shared.replies import edit_html
from bot.handlers.shared.updates import (
    button_message,
    chat_of,
    message_of,
    query_of,
    tapped_message,
)
from bot.i18n import format_clock, plain_text, t, zone_abbreviation
from bot.services.attendees.agenda import agenda_item, event_zone
from bot.services.attendees.stars import CancelledItemError, toggle_star
from bot.services.core.event_view import AgendaItemView, EventView
from bot.services.questions.asking import offered

PAGE_PATTERN = r"^agenda:page:(\d+)$"
ITEM_PATTERN = r"^agenda:item:(\d+)$"
STAR_PATTERN = r"^agenda:star:(\d+)$"
LABEL_MAX = 48
"""Most characters of an item button's label (longer titles are shortened with "…")."""


def _item_label(item: AgendaItemView, event: EventView, language: str, starred: bool) -> str:
    mark = "✖ " if item.cancelled else "⭐ " if starred else ""
    label = f"{mark}{format_clock(item.starts_at, event_zone(event), language)} {item.title}"
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1].rstrip() + "…"


_keyboards: weakref.WeakKeyDictionary[
    EventView, dict[tuple[object, ...], InlineKeyboardMarkup | None]
] = weakref.WeakKeyDictionary()
"""Page keyboards made so far, per event object (they go with it, like the pages' text)."""


def _page_keyboard(
    context: BotContext,
    event: EventView,
    pages: list[AgendaPage],
    index: int,
    language: str,
    starred: frozenset[int],
    *,
    group: bool,
) -> InlineKeyboardMarkup | None:
    """The page's buttons: one per session (private chats), the page turner, and in groups a
    link to the private agenda. Made once per event object and page state (the labels carry
    the chat's stars on that page)."""
    page_ids = tuple(item.id for item in pages[index].items)
    key = (language, group, index, len(pages), page_ids, starred.intersection(page_ids))
    made = _keyboards.setdefault(event, {})
    if key in made:
        return made[key]
    rows: list[list[InlineKeyboardButton]] = []
    if not group:
        rows += [
            [
                InlineKeyboardButton(
                    _item_label(item, event, language, item.id in starred),
                    callback_data=f"agenda:item:{item.id}",
                )
            ]
            for item in pages[index].items
        ]
    if len(pages) > 1:
        nav = []
        if index > 0:
            nav.append(InlineKeyboardButton("◀", callback_data=f"agenda:page:{index - 1}"))
        nav.append(
            InlineKeyboardButton(f"{index + 1}/{len(pages)}", callback_data=f"agenda:page:{index}")
        )
        if index < len(pages) - 1:
            nav.append(InlineKeyboardButton("▶", callback_data=f"agenda:page:{index + 1}"))
        rows.append(nav)
    if group:
        rows.append(
            [
                InlineKeyboardButton(
                    plain_text(language, "agenda-open-private"),
                    url=private_link(context, "agenda"),
                )
            ]
        )
    made[key] = InlineKeyboardMarkup(rows) if rows else None
    return made[key]


async def _load(update: Update, context: BotContext) -> tuple[EventView | None, frozenset[int]]:
    event = await context.runtime.event()
    if event is None or in_group(update):
        return event, frozenset()
    return event, await star_cache_of(context).starred(context, chat_of(update).id)


async def show_agenda(update: Update, context: BotContext) -> None:
    """Shows the agenda page with what is on now or next, with a button per session."""
    language = await context.language()
    event, starred = await _load(update, context)
    if event is None:
        await message_of(update).reply_text(t(language, "agenda-no-event"))
        return
    group = in_group(update)
    now = context.runtime.now()
    pages = cached_agenda_pages(event, now, language, compact=group)
    index = current_page_index(pages, event, now)
    await message_of(update).reply_text(
        pages[index].text,
        reply_markup=_page_keyboard(context, event, pages, index, language, starred, group=group),
    )


async def turn_page(update: Update, context: BotContext) -> None:
    """Shows another page of the agenda in the same message."""
    query = query_of(update)
    language = await context.language()
    event, starred = await _load(update, context)
    if event is None:
        await query.answer(plain_text(language, "agenda-no-event"))
        return
    group = in_group(update)
    pages = cached_agenda_pages(event, context.runtime.now(), language, compact=group)
    index = min(int(context.matched(1)), len(pages) - 1)
    await query.answer()
    keyboard = _page_keyboard(context, event, pages, index, language, starred, group=group)
    await edit_html(query, pages[index].text, keyboard)  # the same page again: not an error


def _started(item: AgendaItemView, now: datetime) -> bool:
    """Whether the session has begun (or is over): too late for a reminder."""
    return item.starts_at <= now


def _item_keyboard(
    item: AgendaItemView, event: EventView, language: str, starred: bool, now: datetime
) -> InlineKeyboardMarkup:
    """The star ("🔔 Ingatkan saya (15 menit sebelum)": when, from the event file), while the
    session is offered for questions (:func:`~bot.services.questions.asking.offered`) "❓
    Ajukan pertanyaan" (its questions to the narasumber), and the calendar buttons of one
    session."""
    rows = []
    if not _started(item, now) and (starred or not item.cancelled):
        label = (
            plain_text(language, "agenda-unstar-button")
            if starred
            else plain_text(language, "agenda-star-button", minutes=event.star_reminder_minutes)
        )
        rows.append([InlineKeyboardButton(label, callback_data=f"agenda:star:{item.id}")])
    if offered(item, event, now):  # a narasumber's session, while it runs
        rows.append(
            [
                InlineKeyboardButton(
                    plain_text(language, "agenda-questions-button"),
                    callback_data=SESSION_QUESTIONS.pack(SessionQuestions(item.id)),
                )
            ]
        )
    rows.append(
        [
            InlineKeyboardButton(
                plain_text(language, "agenda-calendar-button"),
                callback_data=f"calendar:item:{item.id}",
            )
        ]
    )
    return InlineKeyboardMarkup(rows)


async def show_item(update: Update, context: BotContext) -> None:
    """Sends one session in full with the "Ingatkan saya" and calendar buttons."""
    query = query_of(update)
    language = await context.language()
    if in_group(update):
        await query.answer()
        await redirect_to_private(update, context, "agenda")
        return
    item_id = int(context.matched(1))
    runtime = context.runtime
    event = await runtime.event()
    async with runtime.sessions() as session:
        item = await agenda_item(session, item_id)
    starred = item_id in await star_cache_of(context).starred(
        context, button_message(query).chat.id
    )
    if item is None or event is None or item.event_id != event.id:
        await query.answer(plain_text(language, "agenda-item-gone"), show_alert=True)
        return
    await query.answer()
    now = runtime.now()
    await tapped_message(query).reply_text(
        item_detail(item, event, now, language),
        reply_markup=_item_keyboard(item, event, language, starred, now),
    )


async def toggle_item_star(update: Update, context: BotContext) -> None:
    """Stars the session for the user (or removes the star) and updates the button."""
    query = query_of(update)
    language = await context.language()
    if in_group(update):
        await query.answer()
        await redirect_to_private(update, context, "agenda")
        return
    item_id = int(context.matched(1))
    runtime = context.runtime
    now = runtime.now()
    event = await runtime.event()
    async with runtime.transaction() as session:
        item = await agenda_item(session, item_id)
        if item is None or event is None:
            await query.answer(plain_text(language, "agenda-item-gone"), show_alert=True)
            return
        if _started(item, now):  # a button shown before the session began
            await query.answer(plain_text(language, "agenda-star-past"), show_alert=True)
            await query.edit_message_reply_markup(_item_keyboard(item, event, language, False, now))
            return
        try:
            starred = await toggle_star(session, button_message(query).chat.id, item, now)
        except CancelledItemError:
            await query.answer(plain_text(language, "agenda-star-cancelled"), show_alert=True)
            return
    star_cache_of(context).forget(button_message(query).chat.id)
    await query.answer(_star_answer(item, event, language, starred))
    await query.edit_message_reply_markup(_item_keyboard(item, event, language, starred, now))


def _star_answer(item: AgendaItemView, event: EventView, language: str, starred: bool) -> str:
    """What a tap on the star says: when the reminder comes ("15 menit sebelum sesi ini
    dimulai, pukul 09.45 WIB"), or that it is cancelled."""
    if not starred:
        return plain_text(language, "agenda-unstarred")
    minutes = event.star_reminder_minutes
    at = item.starts_at - timedelta(minutes=minutes)
    zone = ZoneInfo(event.timezone)
    return plain_text(
        language,
        "agenda-starred",
        minutes=minutes,
        time=format_clock(at, zone, language),
        zone=zone_abbreviation(at.astimezone(zone)),
    )


async def show_now(update: Update, context: BotContext) -> None:
    """Tells what is on now (or what comes next, or that the event has ended)."""
    await _reply_with(update, context, now_text)


async def show_next(update: Update, context: BotContext) -> None:
    """Tells what comes next, with its day and time."""
    await _reply_with(update, context, next_text)


async def _reply_with(
    update: Update,
    context: BotContext,
    render: Callable[[EventView, datetime, str], str],
) -> None:
    language = await context.language()
    event = await context.runtime.event()
    if event is None:
        await message_of(update).reply_text(t(language, "agenda-no-event"))
        return
    text = render(event, context.runtime.now(), language)
    await message_of(update).reply_text(text)


def register(application: Application) -> None:
    """Adds /agenda, /sekarang (/now), /berikutnya (/next), the menu button, the page, item
    and star buttons, and the ``/start agenda`` deep link."""
    application.add_handler(CommandHandler(command_names("agenda"), show_agenda))
    application.add_handler(MessageHandler(button_filter("menu-agenda"), show_agenda))
    application.add_handler(CommandHandler(command_names("sekarang"), show_now))
    application.add_handler(CommandHandler(command_names("berikutnya"), show_next))
    application.add_handler(CallbackQueryHandler(turn_page, pattern=PAGE_PATTERN))
    application.add_handler(CallbackQueryHandler(show_item, pattern=ITEM_PATTERN))
    application.add_handler(CallbackQueryHandler(toggle_item_star, pattern=STAR_PATTERN))
    DEEP_LINKS["agenda"] = show_agenda
