"""/broadcast (compose, choose recipients, preview, send now or later), /broadcasts (the latest
ones) and the stop button: the committee's announcements.

Every step and every button checks on the server that the user is an admin. The admin's
text keeps the formatting typed in Telegram (bold, italics, links: converted to HTML by
python-telegram-bot, which escapes everything else), so the preview and the recipients show
exactly what was typed. Delivery is the sender's job (:mod:`bot.outbox.sender`).
"""

from __future__ import annotations

import enum
import logging
import warnings
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.handlers.shared.access import admin_or_refuse
from bot.handlers.shared.context import language_of, runtime_of
from bot.handlers.shared.dates import parse_moment
from bot.i18n import format_moment, t, zone_abbreviation
from bot.outbox.sender import SENDER_KEY, BroadcastSender
from bot.services.announcements.broadcasts import (
    SUBSCRIBER_TOPICS,
    Audience,
    AudienceKind,
    Progress,
    broadcast_progress,
    cancel_broadcast,
    create_broadcast,
    recent_broadcasts,
    resolve_audience,
)
from bot.services.core.events import current_edition
from bot.storage.models import Broadcast, BroadcastStatus

TEXT_LIMIT = 4096
"""Longest message text, UTF-16 code units after entity parsing (Bot API sendMessage)."""
CAPTION_LIMIT = 1024
"""Longest media caption (Bot API sendPhoto/sendDocument)."""
DRAFT_KEY = "broadcast_draft"
"""``user_data`` key of the announcement being composed."""
TIME_EXAMPLE = "07/12/2022 09.00"


logger = logging.getLogger(__name__)


class BroadcastState(enum.StrEnum):
    """Steps of /broadcast."""

    COMPOSE = "broadcast:compose"
    AUDIENCE = "broadcast:audience"
    UNITS = "broadcast:units"
    CONFIRM = "broadcast:confirm"
    SCHEDULE = "broadcast:schedule"


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def audience_label(language: str, audience: dict[str, Any]) -> str:
    """The audience in words, e.g. "Petugas 3 Perangkat Daerah"."""
    parsed = Audience.from_json(audience)
    kind = parsed.kind
    if kind is AudienceKind.SUBSCRIBERS:
        if parsed.topic is None:
            return t(language, "broadcast-audience-subscribers")
        topic = t(language, f"broadcast-topic-{parsed.topic}")
        return t(language, "broadcast-audience-topic", topic=topic)
    if kind is AudienceKind.OFFICERS:
        if parsed.unit_codes is None:
            return t(language, "broadcast-audience-officers-all")
        return t(language, "broadcast-audience-officers-some", count=len(parsed.unit_codes))
    if kind is AudienceKind.JUDGES:
        return t(language, "broadcast-audience-judges")
    if kind is AudienceKind.CHATS:
        return t(language, "broadcast-audience-chats", count=len(parsed.chat_ids or ()))
    return t(language, "broadcast-audience-all")


def _audience_keyboard(language: str) -> InlineKeyboardMarkup:
    rows = [[_button(t(language, "broadcast-audience-subscribers"), "bc:aud:subs")]]
    rows += [
        [_button(t(language, f"broadcast-topic-{topic}"), f"bc:aud:topic:{topic}")]
        for topic in SUBSCRIBER_TOPICS
    ]
    rows += [
        [_button(t(language, "broadcast-audience-officers-all"), "bc:aud:officers")],
        [_button(t(language, "broadcast-button-officers-some"), "bc:aud:units")],
        [_button(t(language, "broadcast-audience-judges"), "bc:aud:judges")],
        [_button(t(language, "broadcast-button-quit"), "bc:quit")],
    ]
    return InlineKeyboardMarkup(rows)


# --- /broadcast --------------------------------------------------------------------------


async def broadcast_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str | int:
    """Asks the admin for the announcement's text (or a photo or document with a caption)."""
    if not await admin_or_refuse(update, context):
        return ConversationHandler.END
    context.user_data.pop(DRAFT_KEY, None)
    language = await language_of(update, context)
    await update.effective_message.reply_text(
        t(language, "broadcast-ask-text"), parse_mode=ParseMode.HTML
    )
    return BroadcastState.COMPOSE


async def on_compose(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str | int:
    """Keeps the text (and media), checks its length, and asks for the recipients."""
    if not await admin_or_refuse(update, context):
        return ConversationHandler.END
    language = await language_of(update, context)
    message = update.effective_message
    media_kind, media_file_id = None, None
    if message.photo:
        media_kind, media_file_id = "photo", message.photo[-1].file_id
    elif message.document is not None:
        media_kind, media_file_id = "document", message.document.file_id
    if media_kind is None:
        if not message.text:
            await message.reply_text(t(language, "broadcast-text-missing"))
            return BroadcastState.COMPOSE
        plain, text, limit = message.text, message.text_html, TEXT_LIMIT
    else:
        plain, text, limit = message.caption or "", message.caption_html or "", CAPTION_LIMIT
    if _utf16_length(plain) > limit:
        await message.reply_text(
            t(language, "broadcast-text-too-long", length=_utf16_length(plain), limit=limit)
        )
        return BroadcastState.COMPOSE
    context.user_data[DRAFT_KEY] = {
        "text": text,
        "media_kind": media_kind,
        "media_file_id": media_file_id,
        "units": [],
    }
    await message.reply_text(
        t(language, "broadcast-ask-audience"), reply_markup=_audience_keyboard(language)
    )
    return BroadcastState.AUDIENCE


async def _tapped_draft(
    update: Update, context: ContextTypes.DEFAULT_TYPE
) -> dict[str, Any] | None:
    """The admin's draft for a tap in the composer, or None (the conversation ends): the role
    is checked at the moment of use, and a tap once the draft is gone is answered and
    ignored."""
    if not await admin_or_refuse(update, context):
        return None
    draft = context.user_data.get(DRAFT_KEY)
    if draft is None:
        await update.callback_query.answer()
    return draft


async def on_audience(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str | int:
    """Takes the chosen recipients: previews the message or asks for the units."""
    query = update.callback_query
    draft = await _tapped_draft(update, context)
    if draft is None:
        return ConversationHandler.END
    await query.answer()
    choice = query.data.removeprefix("bc:aud:")
    if choice == "units":
        return await _show_units(update, context, draft, new_message=True)
    if choice == "subs":
        audience = Audience.subscribers()
    elif choice.startswith("topic:"):
        audience = Audience.subscribers(choice.removeprefix("topic:"))
    elif choice == "officers":
        audience = Audience.officers()
    else:
        audience = Audience.judges()
    return await _preview(update, context, draft, audience)


async def _show_units(
    update: Update, context: ContextTypes.DEFAULT_TYPE, draft: dict[str, Any], *, new_message: bool
) -> str:
    language = await language_of(update, context)
    async with runtime_of(context).sessions() as session:
        edition = await current_edition(session)
    units = list(edition.units) if edition is not None else []
    if not units:
        await update.effective_message.reply_text(t(language, "broadcast-no-units"))
        return BroadcastState.AUDIENCE
    chosen = set(draft["units"])
    buttons = [
        _button(("✅ " if unit.id in chosen else "") + unit.code, f"bc:unit:{unit.id}")
        for unit in units
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append(
        [
            _button(t(language, "broadcast-button-units-done"), "bc:units:done"),
            _button(t(language, "broadcast-button-quit"), "bc:quit"),
        ]
    )
    markup = InlineKeyboardMarkup(rows)
    # what each list message shows, so that a tap on an older copy of the list that asks for
    # the buttons it already shows edits nothing (Telegram refuses "message is not modified")
    shown = draft.setdefault("units_shown", {})
    if new_message:
        sent = await update.effective_message.reply_text(
            t(language, "broadcast-ask-units"), reply_markup=markup
        )
        shown[str(sent.message_id)] = sorted(chosen)
    elif shown.get(str(update.effective_message.message_id)) != sorted(chosen):
        await update.callback_query.edit_message_reply_markup(markup)
        shown[str(update.effective_message.message_id)] = sorted(chosen)
    return BroadcastState.UNITS


async def on_unit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str | int:
    """Selects or unselects a unit; with "done", previews the message."""
    query = update.callback_query
    draft = await _tapped_draft(update, context)
    if draft is None:
        return ConversationHandler.END
    if query.data == "bc:units:done":
        if not draft["units"]:
            language = await language_of(update, context)
            await query.answer(t(language, "broadcast-units-none"), show_alert=True)
            return BroadcastState.UNITS
        await query.answer()
        async with runtime_of(context).sessions() as session:
            edition = await current_edition(session)
        codes = [unit.code for unit in edition.units if unit.id in set(draft["units"])]
        return await _preview(update, context, draft, Audience.officers(codes, edition.id))
    await query.answer()
    unit_id = int(query.data.removeprefix("bc:unit:"))
    async with runtime_of(context).sessions() as session:
        edition = await current_edition(session)
    if edition is None or unit_id not in {unit.id for unit in edition.units}:
        return BroadcastState.UNITS  # a forged or outdated button: nothing to change
    units = set(draft["units"])
    units.symmetric_difference_update({unit_id})
    draft["units"] = sorted(units)
    return await _show_units(update, context, draft, new_message=False)


async def send_copy(message: Message, draft: dict[str, Any]) -> None:
    """Sends ``draft`` into ``message``'s chat exactly as the sender will to recipients."""
    bot, chat_id, text = message.get_bot(), message.chat_id, draft["text"]
    if draft["media_kind"] == "photo":
        await bot.send_photo(
            chat_id, draft["media_file_id"], caption=text, parse_mode=ParseMode.HTML
        )
    elif draft["media_kind"] == "document":
        await bot.send_document(
            chat_id, draft["media_file_id"], caption=text, parse_mode=ParseMode.HTML
        )
    else:
        await bot.send_message(chat_id, text, parse_mode=ParseMode.HTML)


async def _preview(
    update: Update, context: ContextTypes.DEFAULT_TYPE, draft: dict[str, Any], audience: Audience
) -> str:
    """Shows the message as recipients will see it, the number of recipients, and asks."""
    language = await language_of(update, context)
    message = update.effective_message
    async with runtime_of(context).sessions() as session:
        count = len(await resolve_audience(session, audience))
    label = audience_label(language, audience.to_json())
    if count == 0:
        await message.reply_text(
            t(language, "broadcast-no-recipients", audience=label),
            reply_markup=_audience_keyboard(language),
        )
        return BroadcastState.AUDIENCE
    draft["audience"] = audience.to_json()
    heading = t(language, "broadcast-preview-heading")
    if update.callback_query is not None:  # the question becomes the heading: fewer messages
        if message.text != heading:  # a stale tap on a question already turned into it
            await update.callback_query.edit_message_text(heading)
    else:
        await message.reply_text(heading)
    await send_copy(message, draft)
    buttons = [
        [
            _button(t(language, "broadcast-button-now"), "bc:now"),
            _button(t(language, "broadcast-button-later"), "bc:later"),
        ],
        [_button(t(language, "broadcast-button-quit"), "bc:quit")],
    ]
    await message.reply_text(
        t(language, "broadcast-confirm", audience=label, count=count),
        parse_mode=ParseMode.HTML,
        reply_markup=InlineKeyboardMarkup(buttons),
    )
    return BroadcastState.CONFIRM


def _sender(context: ContextTypes.DEFAULT_TYPE) -> BroadcastSender:
    return context.application.bot_data[SENDER_KEY]


def _progress_view(language: str, progress: Progress) -> tuple[str, InlineKeyboardMarkup | None]:
    """The progress message: counts and a stop button, or the final report."""
    counts = dict(
        id=progress.broadcast_id,
        sent=progress.sent,
        total=progress.total,
        failed=progress.failed,
        blocked=progress.blocked,
    )
    if progress.status is BroadcastStatus.DONE:
        return t(language, "broadcast-report", **counts), None
    if progress.status is BroadcastStatus.CANCELLED:
        return t(language, "broadcast-report-cancelled", pending=progress.pending, **counts), None
    stop = _button(t(language, "broadcast-button-stop"), f"bc:stop:{progress.broadcast_id}")
    return t(language, "broadcast-progress", **counts), InlineKeyboardMarkup([[stop]])


async def on_send_now(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str | int:
    """Creates the broadcast, starts the sender, and turns the question into progress."""
    query = update.callback_query
    if not await admin_or_refuse(update, context):
        return ConversationHandler.END
    draft = context.user_data.pop(DRAFT_KEY, None)
    await query.answer()
    if draft is None or "audience" not in draft:
        return ConversationHandler.END
    language = await language_of(update, context)
    runtime = runtime_of(context)
    async with runtime.transaction() as session:
        broadcast = await _create(session, draft, update, runtime.now())
        broadcast_id = broadcast.id
    _sender(context).wake()
    async with runtime.sessions() as session:
        progress = await broadcast_progress(session, broadcast_id)
    text, markup = _progress_view(language, progress)
    await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    _sender(context).watch(
        broadcast_id,
        query.message.chat_id,
        query.message.message_id,
        lambda p: _progress_view(language, p),
        shown=text,
    )
    return ConversationHandler.END


async def _create(
    session: AsyncSession, draft: dict[str, Any], update: Update, now: datetime, **kw: Any
) -> Broadcast:
    """The broadcast of the draft, created by the admin who pressed the button."""
    return await create_broadcast(
        session,
        text=draft["text"],
        audience=Audience.from_json(draft["audience"]),
        now=now,
        created_by=update.effective_user.id,
        media_kind=draft["media_kind"],
        media_file_id=draft["media_file_id"],
        **kw,
    )


async def on_send_later(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str | int:
    """Asks when to send (a date and time in the event's zone)."""
    query = update.callback_query
    if not await admin_or_refuse(update, context):
        return ConversationHandler.END
    await query.answer()
    language = await language_of(update, context)
    runtime = runtime_of(context)
    zone = zone_abbreviation(runtime.now().astimezone(runtime.settings.zone))
    await query.message.reply_text(
        t(language, "broadcast-ask-time", zone=zone, example=TIME_EXAMPLE),
        parse_mode=ParseMode.HTML,
    )
    return BroadcastState.SCHEDULE


async def on_time(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str | int:
    """Schedules the broadcast at the time written (in the event's zone), if in the future."""
    if not await admin_or_refuse(update, context):
        return ConversationHandler.END
    language = await language_of(update, context)
    runtime = runtime_of(context)
    zone = runtime.settings.zone
    message = update.effective_message
    try:
        moment = parse_moment(message.text or "", zone)
    except ValueError:
        await message.reply_text(
            t(language, "broadcast-time-invalid", example=TIME_EXAMPLE), parse_mode=ParseMode.HTML
        )
        return BroadcastState.SCHEDULE
    now = runtime.now()
    if moment <= now:
        await message.reply_text(
            t(language, "broadcast-time-past", moment=format_moment(moment, zone, language))
        )
        return BroadcastState.SCHEDULE
    draft = context.user_data.pop(DRAFT_KEY, None)
    if draft is None or "audience" not in draft:
        return ConversationHandler.END
    async with runtime.transaction() as session:
        broadcast = await _create(session, draft, update, now, scheduled_at=moment)
        broadcast_id = broadcast.id
    async with runtime.sessions() as session:
        progress = await broadcast_progress(session, broadcast_id)
    stop = _button(t(language, "broadcast-button-stop"), f"bc:stop:{broadcast_id}")
    await message.reply_text(
        t(
            language,
            "broadcast-scheduled",
            id=broadcast_id,
            moment=format_moment(moment, zone, language),
            audience=audience_label(language, draft["audience"]),
            count=progress.total,
        ),
        parse_mode=ParseMode.HTML,
        reply_markup=InlineKeyboardMarkup([[stop]]),
    )
    return ConversationHandler.END


async def on_quit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Drops the draft; nothing is sent."""
    context.user_data.pop(DRAFT_KEY, None)
    language = await language_of(update, context)
    text = t(language, "broadcast-cancelled-draft")
    if update.callback_query is not None:
        await update.callback_query.answer()
        await update.callback_query.edit_message_text(text)
    else:
        await update.effective_message.reply_text(text)
    return ConversationHandler.END


# --- /broadcasts and the stop button -----------------------------------------------------


def _status_label(language: str, broadcast: Broadcast, zone: Any) -> str:
    if broadcast.status is BroadcastStatus.SCHEDULED and broadcast.scheduled_at is not None:
        moment = format_moment(broadcast.scheduled_at, zone, language)
        return t(language, "broadcast-status-scheduled", moment=moment)
    return t(language, f"broadcast-status-{broadcast.status.value}")


async def broadcasts_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Lists the latest broadcasts with their counts; running ones get a stop button."""
    if not await admin_or_refuse(update, context):
        return
    language = await language_of(update, context)
    runtime = runtime_of(context)
    zone = runtime.settings.zone
    async with runtime.sessions() as session:
        listed = await recent_broadcasts(session, limit=10)
    if not listed:
        await update.effective_message.reply_text(t(language, "broadcast-list-empty"))
        return
    lines = [t(language, "broadcast-list-heading")]
    stops = []
    for broadcast, progress in listed:
        lines.append(
            t(
                language,
                "broadcast-list-item",
                id=broadcast.id,
                status=_status_label(language, broadcast, zone),
                moment=format_moment(broadcast.created_at, zone, language),
                audience=audience_label(language, broadcast.audience),
                sent=progress.sent,
                total=progress.total,
                failed=progress.failed,
                blocked=progress.blocked,
            )
        )
        if broadcast.status in (BroadcastStatus.SENDING, BroadcastStatus.SCHEDULED):
            label = t(language, "broadcast-button-stop-one", id=broadcast.id)
            stops.append([_button(label, f"bc:stop:{broadcast.id}")])
    await update.effective_message.reply_text(
        "\n\n".join(lines),
        parse_mode=ParseMode.HTML,
        reply_markup=InlineKeyboardMarkup(stops) if stops else None,
    )


async def on_stop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Cancels a scheduled or running broadcast (messages already sent stay sent)."""
    query = update.callback_query
    if not await admin_or_refuse(update, context):
        return
    language = await language_of(update, context)
    broadcast_id = int(query.data.removeprefix("bc:stop:"))
    runtime = runtime_of(context)
    async with runtime.transaction() as session:
        stopped = await cancel_broadcast(session, broadcast_id, runtime.now())
    _sender(context).wake()
    key = "broadcast-stopped" if stopped else "broadcast-already-finished"
    await query.answer(t(language, key, id=broadcast_id), show_alert=not stopped)
    await query.edit_message_reply_markup(None)


def register(application: Application) -> None:
    """Adds /broadcast (/pengumuman), /broadcasts and the stop button."""
    text_or_media = (filters.TEXT & ~filters.COMMAND) | filters.PHOTO | filters.Document.ALL
    quit_handlers = [
        CommandHandler(["batal", "cancel"], on_quit),
        CallbackQueryHandler(on_quit, pattern=r"^bc:quit$"),
    ]
    with warnings.catch_warnings():  # per_message=False is meant: one conversation per chat
        warnings.filterwarnings("ignore", "If 'per_message=False'", PTBUserWarning)
        conversation = _conversation(text_or_media, quit_handlers)
    application.add_handler(conversation)
    application.add_handler(CommandHandler(["broadcasts", "daftarpengumuman"], broadcasts_command))
    application.add_handler(CallbackQueryHandler(on_stop, pattern=r"^bc:stop:\d+$"))


def _conversation(text_or_media: Any, quit_handlers: list[Any]) -> ConversationHandler:
    return ConversationHandler(
        entry_points=[CommandHandler(["broadcast", "pengumuman"], broadcast_command)],
        states={
            BroadcastState.COMPOSE: [MessageHandler(text_or_media, on_compose)],
            BroadcastState.AUDIENCE: [
                CallbackQueryHandler(
                    on_audience, pattern=r"^bc:aud:(subs|officers|units|judges|topic:[a-z]+)$"
                )
            ],
            BroadcastState.UNITS: [
                CallbackQueryHandler(on_unit, pattern=r"^bc:(unit:\d+|units:done)$")
            ],
            BroadcastState.CONFIRM: [
                CallbackQueryHandler(on_send_now, pattern=r"^bc:now$"),
                CallbackQueryHandler(on_send_later, pattern=r"^bc:later$"),
            ],
            BroadcastState.SCHEDULE: [MessageHandler(filters.TEXT & ~filters.COMMAND, on_time)],
        },
        fallbacks=quit_handlers,
        name="broadcast",
        allow_reentry=True,
    )
