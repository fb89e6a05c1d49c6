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
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.shared.access import admin_or_refuse, guarded
from bot.handlers.shared.callback_data import Codec, NoValue, any_pattern
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.dates import parse_moment
from bot.handlers.shared.pending_input import (
    InputRoute,
    accept_input,
    drop_input,
    pending_of,
    start_waiting,
)
from bot.handlers.shared.replies import edit_html, reply_html
from bot.handlers.shared.text import alert_text, split_text
from bot.handlers.shared.updates import (
    button_message,
    data_of,
    message_of,
    query_of,
    tapped_message,
    user_of,
)
from bot.i18n import example_moment, format_moment, plain_text, t, zone_abbreviation
from bot.outbox.sender import SENDER, OutboxSender
from bot.runtime import Runtime
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
from bot.services.core.roles import Role
from bot.services.shared.pending_input import Pending, input_kind, keep_waiting, take
from bot.storage.models import Broadcast, BroadcastStatus

TEXT_LIMIT = 4096
"""Longest message text, UTF-16 code units after entity parsing (Bot API sendMessage)."""
CAPTION_LIMIT = 1024
"""Longest media caption (Bot API sendPhoto/sendDocument)."""
logger = logging.getLogger(__name__)


class Step(enum.StrEnum):
    """Steps of /broadcast: what the composer waits for."""

    COMPOSE = "compose"
    """The announcement's text (or a photo or document with a caption)."""
    AUDIENCE = "audience"
    UNITS = "units"
    CONFIRM = "confirm"
    SCHEDULE = "schedule"
    """The date and time to send it at."""


@input_kind("announcements.draft")
@dataclass(frozen=True)
class Draft:
    """The announcement an admin is composing, kept as their pending input (survives a
    restart); ``text`` is HTML, ``audience`` an :class:`Audience` as JSON, ``units`` the
    unit ids chosen so far."""

    step: str
    text: str = ""
    media_kind: str | None = None
    media_file_id: str | None = None
    units: list[int] = field(default_factory=list)
    audience: dict[str, Any] | None = None
    length: int = 0
    """The text's length (UTF-16 code units, as Telegram counts): tells a long paste's next
    part (:func:`_second_part`)."""


@dataclass(frozen=True)
class TopicTap:
    topic: str


@dataclass(frozen=True)
class UnitTap:
    unit_id: int


@dataclass(frozen=True)
class BroadcastTap:
    broadcast_id: int


AUDIENCE_SUBSCRIBERS = Codec("bc:aud:subs", NoValue)
AUDIENCE_TOPIC = Codec("bc:aud:topic", TopicTap)
AUDIENCE_OFFICERS = Codec("bc:aud:officers", NoValue)
AUDIENCE_UNITS = Codec("bc:aud:units", NoValue)
AUDIENCE_JUDGES = Codec("bc:aud:judges", NoValue)
UNIT = Codec("bc:unit", UnitTap)
UNITS_DONE = Codec("bc:units:done", NoValue)
SEND_NOW = Codec("bc:now", NoValue)
SEND_LATER = Codec("bc:later", NoValue)
QUIT = Codec("bc:quit", NoValue)
STOP = Codec("bc:stop", BroadcastTap)
AUDIENCES = (
    AUDIENCE_SUBSCRIBERS,
    AUDIENCE_TOPIC,
    AUDIENCE_OFFICERS,
    AUDIENCE_UNITS,
    AUDIENCE_JUDGES,
)
COMPOSER = (*AUDIENCES, UNIT, UNITS_DONE, SEND_NOW, SEND_LATER, QUIT)
"""The composer's buttons (:func:`on_button`)."""
STEP_OF = {
    **{codec.prefix: Step.AUDIENCE for codec in AUDIENCES},
    UNIT.prefix: Step.UNITS,
    UNITS_DONE.prefix: Step.UNITS,
    SEND_NOW.prefix: Step.CONFIRM,
    SEND_LATER.prefix: Step.CONFIRM,
}
"""The step at which each button of the composer acts."""


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
    none = NoValue()
    rows = [
        [_button(t(language, "broadcast-audience-subscribers"), AUDIENCE_SUBSCRIBERS.pack(none))]
    ]
    rows += [
        [_button(t(language, f"broadcast-topic-{topic}"), AUDIENCE_TOPIC.pack(TopicTap(topic)))]
        for topic in SUBSCRIBER_TOPICS
    ]
    rows += [
        [_button(t(language, "broadcast-audience-officers-all"), AUDIENCE_OFFICERS.pack(none))],
        [_button(t(language, "broadcast-button-officers-some"), AUDIENCE_UNITS.pack(none))],
        [_button(t(language, "broadcast-audience-judges"), AUDIENCE_JUDGES.pack(none))],
        [_button(t(language, "broadcast-button-quit"), QUIT.pack(none))],
    ]
    return InlineKeyboardMarkup(rows)


# --- /broadcast --------------------------------------------------------------------------


@guarded(Role.ADMIN)
async def broadcast_command(update: Update, context: BotContext) -> None:
    """Asks the admin for the announcement's text (or a photo or document with a caption);
    a draft composed before is dropped."""
    language = await context.language()
    runtime = context.runtime
    async with runtime.transaction() as session:
        draft = Draft(Step.COMPOSE)
        replaced = await start_waiting(session, update, draft, runtime.now(), language)
    for text in filter(None, [replaced, t(language, "broadcast-ask-text")]):
        await message_of(update).reply_text(text)


async def on_message(update: Update, context: BotContext, pending: Pending) -> bool:
    """The admin's message while composing (:class:`Draft`): the announcement at the first
    step, the moment after "later"; at a step that waits for a button, a pointer to them."""
    if not await admin_or_refuse(update, context):
        return True
    step = pending.payload.step
    if step == Step.COMPOSE:
        await _compose(update, context, pending)
    elif step == Step.AUDIENCE and _second_part(pending.payload, message_of(update)):
        await _refuse_split(update, context, pending.payload)
    elif step == Step.SCHEDULE:
        await _schedule(update, context, pending)
    else:
        language = await context.language()
        await message_of(update).reply_text(t(language, "broadcast-use-buttons"))
    return True


async def _compose(update: Update, context: BotContext, pending: Pending) -> None:
    """Keeps the text (and media), checks its length, and asks for the recipients."""
    language = await context.language()
    message = message_of(update)
    media_kind, media_file_id = None, None
    if message.photo:
        media_kind, media_file_id = "photo", message.photo[-1].file_id
    elif message.document is not None:
        media_kind, media_file_id = "document", message.document.file_id
    if media_kind is None:
        if not message.text:
            await message.reply_text(t(language, "broadcast-text-missing"))
            return
        plain, text, limit = message.text, message.text_html, TEXT_LIMIT
    else:
        plain, text, limit = message.caption or "", message.caption_html or "", CAPTION_LIMIT
    length = _utf16_length(plain)  # as Telegram counts: an emoji is 2 (said in the text)
    if length > limit:
        await message.reply_text(
            t(
                language,
                "broadcast-text-too-long",
                length=length,
                limit=limit,
                over=length - limit,
            )
        )
        return
    draft = Draft(Step.AUDIENCE, text, media_kind, media_file_id, length=_utf16_length(plain))
    async with context.runtime.transaction() as session:
        await keep_waiting(session, pending, draft)
    await message.reply_text(
        t(language, "broadcast-ask-audience"), reply_markup=_audience_keyboard(language)
    )


def _second_part(draft: Draft, message: Message) -> bool:
    """Whether ``message`` is the next part of a text too long for one message: Telegram's
    apps send a paste over 4,096 characters as several messages, one right after another."""
    return (
        draft.media_kind is None
        and message.text is not None
        and draft.length + _utf16_length(message.text) > TEXT_LIMIT
    )


async def _refuse_split(update: Update, context: BotContext, draft: Draft) -> None:
    """Drops the whole draft (a broadcast is one message: sending only its first part would
    cut the announcement without a word) and asks for a shorter text or a document."""
    language = await context.language()
    message = message_of(update)
    async with context.runtime.transaction() as session:
        await drop_input(session, update, Draft)
    length = draft.length + _utf16_length(message.text or "")
    await message.reply_text(
        t(language, "broadcast-text-split", length=length, limit=TEXT_LIMIT),
    )


@guarded(Role.ADMIN)
async def on_button(update: Update, context: BotContext) -> None:
    """Every button of the composer. The role is checked at the moment of use; a tap on a
    step the draft is no longer at, or once the draft is gone, is answered and ignored."""
    query = query_of(update)
    if QUIT.matches(query.data):
        await _quit(update, context)
        return
    async with context.runtime.sessions() as session:
        pending = await pending_of(session, update, Draft)
    codec = next(codec for codec in COMPOSER if codec.matches(query.data))
    if pending is None or pending.payload.step != STEP_OF[codec.prefix]:
        await query.answer()
        return
    if codec in AUDIENCES:
        await _on_audience(update, context, pending, data_of(query))
    elif codec is UNIT or codec is UNITS_DONE:
        await _on_unit(update, context, pending, UNIT.parse(query.data))
    elif codec is SEND_NOW:
        await _send_now(update, context, pending)
    else:
        await _ask_time(update, context, pending)


async def _on_audience(update: Update, context: BotContext, pending: Pending, data: str) -> None:
    """Takes the chosen recipients: previews the message or asks for the units."""
    await query_of(update).answer()
    draft: Draft = pending.payload
    if AUDIENCE_UNITS.matches(data):
        await _show_units(update, context, pending, replace(draft, step=Step.UNITS))
        return
    topic = AUDIENCE_TOPIC.parse(data)
    if AUDIENCE_SUBSCRIBERS.matches(data):
        audience = Audience.subscribers()
    elif topic is not None:
        audience = Audience.subscribers(topic.topic)
    elif AUDIENCE_OFFICERS.matches(data):
        audience = Audience.officers()
    else:
        audience = Audience.judges()
    await _preview(update, context, pending, audience)


async def _show_units(update: Update, context: BotContext, pending: Pending, draft: Draft) -> None:
    """The units to choose, with ticks: a new message from the audience question, else the
    tapped list's buttons edited (only when they change: Telegram refuses an edit that
    changes nothing)."""
    language = await context.language()
    async with context.runtime.transaction() as session:
        edition = await current_edition(session)
        units = list(edition.units) if edition is not None else []
        if units:
            await keep_waiting(session, pending, draft)
    if not units:
        await message_of(update).reply_text(t(language, "broadcast-no-units"))
        return
    chosen = set(draft.units)
    buttons = [
        _button(("✅ " if unit.id in chosen else "") + unit.code, UNIT.pack(UnitTap(unit.id)))
        for unit in units
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append(
        [
            _button(t(language, "broadcast-button-units-done"), UNITS_DONE.pack(NoValue())),
            _button(t(language, "broadcast-button-quit"), QUIT.pack(NoValue())),
        ]
    )
    markup = InlineKeyboardMarkup(rows)
    message = message_of(update)
    if pending.payload.step != Step.UNITS:
        await message.reply_text(t(language, "broadcast-ask-units"), reply_markup=markup)
    elif message.reply_markup != markup:
        await query_of(update).edit_message_reply_markup(markup)


async def _on_unit(
    update: Update, context: BotContext, pending: Pending, tap: UnitTap | None
) -> None:
    """Selects or unselects a unit; with "done" (``tap`` None), previews the message."""
    query = query_of(update)
    draft: Draft = pending.payload
    async with context.runtime.sessions() as session:
        edition = await current_edition(session)
    units = list(edition.units) if edition is not None else []
    if tap is None:
        if not draft.units or edition is None:
            language = await context.language()
            await query.answer(alert_text(t(language, "broadcast-units-none")), show_alert=True)
            return
        await query.answer()
        codes = [unit.code for unit in units if unit.id in set(draft.units)]
        await _preview(update, context, pending, Audience.officers(codes, edition.id))
        return
    await query.answer()
    if tap.unit_id not in {unit.id for unit in units}:
        return  # a forged or outdated button: nothing to change
    chosen = sorted(set(draft.units) ^ {tap.unit_id})
    await _show_units(update, context, pending, replace(draft, units=chosen))


async def _created_progress(runtime: Runtime, broadcast_id: int) -> Progress:
    """The counts of the broadcast just created (and committed).

    Raises:
        LookupError: It is gone (nothing deletes broadcasts).
    """
    async with runtime.sessions() as session:
        progress = await broadcast_progress(session, broadcast_id)
    if progress is None:
        raise LookupError(f"broadcast {broadcast_id}")
    return progress


async def send_copy(message: Message, draft: Draft) -> None:
    """Sends ``draft`` into ``message``'s chat exactly as the sender will to recipients."""
    bot, chat_id, text = message.get_bot(), message.chat_id, draft.text
    if draft.media_kind == "photo" and draft.media_file_id is not None:
        await bot.send_photo(chat_id, draft.media_file_id, caption=text)
    elif draft.media_kind == "document" and draft.media_file_id is not None:
        await bot.send_document(chat_id, draft.media_file_id, caption=text)
    else:
        await bot.send_message(chat_id, text)


async def _preview(
    update: Update, context: BotContext, pending: Pending, audience: Audience
) -> None:
    """Shows the message as recipients will see it, the number of recipients, and asks; with
    no recipients, asks for the audience again."""
    language = await context.language()
    message = message_of(update)
    draft = replace(pending.payload, step=Step.CONFIRM, audience=audience.to_json())
    async with context.runtime.transaction() as session:
        count = len(await resolve_audience(session, audience))
        if count == 0:
            draft = replace(draft, step=Step.AUDIENCE, audience=None)
        await keep_waiting(session, pending, draft)
    label = audience_label(language, audience.to_json())
    if count == 0:
        await message.reply_text(
            t(language, "broadcast-no-recipients", audience=label),
            reply_markup=_audience_keyboard(language),
        )
        return
    heading = t(language, "broadcast-preview-heading")
    if update.callback_query is not None:  # the question becomes the heading: fewer messages
        if message.text != heading:  # a stale tap on a question already turned into it
            await edit_html(update.callback_query, heading, None)
    else:
        await message.reply_text(heading)
    await send_copy(message, draft)
    buttons = [
        [
            _button(t(language, "broadcast-button-now"), SEND_NOW.pack(NoValue())),
            _button(t(language, "broadcast-button-later"), SEND_LATER.pack(NoValue())),
        ],
        [_button(t(language, "broadcast-button-quit"), QUIT.pack(NoValue()))],
    ]
    await message.reply_text(
        t(language, "broadcast-confirm", audience=label, count=count),
        reply_markup=InlineKeyboardMarkup(buttons),
    )


def _sender(context: BotContext) -> OutboxSender:
    return SENDER.of(context.application)


def _progress_view(language: str, progress: Progress) -> tuple[str, InlineKeyboardMarkup | None]:
    """The progress message: counts and a stop button, or the final report."""
    counts = dict(
        id=progress.broadcast_id,
        sent=progress.sent,
        total=progress.total,
        failed=progress.failed,
        blocked=progress.blocked,
        not_started=progress.not_started,
    )
    if progress.status is BroadcastStatus.DONE:
        return t(language, "broadcast-report", **counts), None
    if progress.status is BroadcastStatus.CANCELLED:
        return t(language, "broadcast-report-cancelled", pending=progress.pending, **counts), None
    stop = _button(
        t(language, "broadcast-button-stop"), STOP.pack(BroadcastTap(progress.broadcast_id))
    )
    return t(language, "broadcast-progress", **counts), InlineKeyboardMarkup([[stop]])


async def _send_now(update: Update, context: BotContext, pending: Pending) -> None:
    """Creates the broadcast (the draft is consumed in the same transaction: a double tap
    creates one), starts the sender, and turns the question into progress."""
    query = query_of(update)
    await query.answer()
    language = await context.language()
    runtime = context.runtime
    async with runtime.transaction() as session:
        await take(session, pending)
        broadcast = await _create(session, pending.payload, update, runtime.now())
        broadcast_id = broadcast.id
    _sender(context).wake()
    progress = await _created_progress(runtime, broadcast_id)
    text, markup = _progress_view(language, progress)
    await edit_html(query, text, markup)
    _sender(context).watch(
        broadcast_id,
        button_message(query).chat.id,
        button_message(query).message_id,
        lambda p: _progress_view(language, p),
        shown=text,
    )


async def _create(
    session: AsyncSession, draft: Draft, update: Update, now: datetime, **kw: Any
) -> Broadcast:
    """The broadcast of the draft, created by the admin who composed it."""
    assert draft.audience is not None  # set at the confirm step
    return await create_broadcast(
        session,
        text=draft.text,
        audience=Audience.from_json(draft.audience),
        now=now,
        created_by=user_of(update).id,
        media_kind=draft.media_kind,
        media_file_id=draft.media_file_id,
        **kw,
    )


async def _ask_time(update: Update, context: BotContext, pending: Pending) -> None:
    """Asks when to send (a date and time in the event's zone)."""
    query = query_of(update)
    await query.answer()
    language = await context.language()
    runtime = context.runtime
    async with runtime.transaction() as session:
        await keep_waiting(session, pending, replace(pending.payload, step=Step.SCHEDULE))
    local = runtime.now().astimezone(runtime.settings.zone)
    example = example_moment(local.date() + timedelta(days=1))  # tomorrow: in the future
    await tapped_message(query).reply_text(
        t(language, "broadcast-ask-time", zone=zone_abbreviation(local), example=example),
    )


async def _schedule(update: Update, context: BotContext, pending: Pending) -> None:
    """Schedules the broadcast at the time written (in the event's zone), if in the future;
    the draft is consumed in the same transaction."""
    language = await context.language()
    runtime = context.runtime
    zone = runtime.settings.zone
    message = message_of(update)
    try:
        moment = parse_moment(message.text or "", zone)
    except ValueError:
        tomorrow = runtime.now().astimezone(zone).date() + timedelta(days=1)
        example = example_moment(tomorrow)
        await message.reply_text(t(language, "broadcast-time-invalid", example=example))
        return
    now = runtime.now()
    if moment <= now:
        await message.reply_text(
            t(language, "broadcast-time-past", moment=format_moment(moment, zone, language))
        )
        return
    draft: Draft = pending.payload
    async with runtime.transaction() as session:
        await take(session, pending)
        broadcast = await _create(session, draft, update, now, scheduled_at=moment)
        broadcast_id = broadcast.id
    progress = await _created_progress(runtime, broadcast_id)
    stop = _button(t(language, "broadcast-button-stop"), STOP.pack(BroadcastTap(broadcast_id)))
    assert draft.audience is not None
    await message.reply_text(
        t(
            language,
            "broadcast-scheduled",
            id=broadcast_id,
            moment=format_moment(moment, zone, language),
            audience=audience_label(language, draft.audience),
            count=progress.total,
        ),
        reply_markup=InlineKeyboardMarkup([[stop]]),
    )


async def _quit(update: Update, context: BotContext) -> None:
    """The quit button: drops the draft; nothing is sent."""
    query = query_of(update)
    async with context.runtime.transaction() as session:
        dropped = await drop_input(session, update, Draft)
    await query.answer()
    if dropped:
        language = await context.language()
        await edit_html(query, t(language, "broadcast-cancelled-draft"), None)


# --- /broadcasts and the stop button -----------------------------------------------------


def _status_label(language: str, broadcast: Broadcast, zone: Any) -> str:
    if broadcast.status is BroadcastStatus.SCHEDULED and broadcast.scheduled_at is not None:
        moment = format_moment(broadcast.scheduled_at, zone, language)
        return t(language, "broadcast-status-scheduled", moment=moment)
    return t(language, f"broadcast-status-{broadcast.status.value}")


PREVIEW_LENGTH = 60
"""Characters of a broadcast's text shown in ``/broadcasts`` to say which message it was."""

KINDS = (
    "manual",
    "reminder",
    "deadline",
    "winners",
    "winners-empty",
    "congratulations",
    "schedule_change",
)
"""Broadcast kinds with a name in the catalogue (``broadcast-kind-<kind>``); others read
as a system message."""


def preview(language: str, broadcast: Broadcast) -> str:
    """What the message was, in a few words: "«Gladi bersih Rabu pukul 08.00 di…»", its
    media kind, or both (plain text; the whole message is in the recipients' chats)."""
    text = " ".join(alert_text(broadcast.text or "").split())
    if len(text) > PREVIEW_LENGTH:
        text = text[: PREVIEW_LENGTH - 1].rstrip() + "…"
    quoted = plain_text(language, "broadcast-preview-quote", text=text) if text else ""
    if broadcast.media_kind:
        media = plain_text(language, "broadcast-preview-media", kind=broadcast.media_kind)
        return f"{media} {quoted}".strip()
    return quoted


@guarded(Role.ADMIN)
async def broadcasts_command(update: Update, context: BotContext) -> None:
    """Lists the latest broadcasts: what each was (kind and the start of its text), its
    audience and counts, telling who never started the bot from who blocked it; running
    ones get a stop button."""
    language = await context.language()
    runtime = context.runtime
    zone = runtime.settings.zone
    async with runtime.sessions() as session:
        listed = await recent_broadcasts(session, limit=10)
    if not listed:
        await message_of(update).reply_text(t(language, "broadcast-list-empty"))
        return
    lines = [t(language, "broadcast-list-heading")]
    stops = []
    for broadcast, progress in listed:
        kind = broadcast.kind if broadcast.kind in KINDS else "other"
        lines.append(
            t(
                language,
                "broadcast-list-item",
                id=broadcast.id,
                kind=t(language, f"broadcast-kind-{kind}"),
                preview=preview(language, broadcast),
                status=_status_label(language, broadcast, zone),
                moment=format_moment(broadcast.created_at, zone, language),
                audience=audience_label(language, broadcast.audience),
                sent=progress.sent,
                total=progress.total,
                failed=progress.failed,
                blocked=progress.blocked,
                not_started=progress.not_started,
            )
        )
        if broadcast.status in (BroadcastStatus.SENDING, BroadcastStatus.SCHEDULED):
            label = t(language, "broadcast-button-stop-one", id=broadcast.id)
            stops.append([_button(label, STOP.pack(BroadcastTap(broadcast.id)))])
    texts = split_text(lines, separator="\n\n")
    for index, text in enumerate(texts):
        last = index == len(texts) - 1
        markup = InlineKeyboardMarkup(stops) if stops and last else None
        await reply_html(message_of(update), text, markup)


@guarded(Role.ADMIN)
async def on_stop(update: Update, context: BotContext) -> None:
    """Cancels a scheduled or running broadcast (messages already sent stay sent)."""
    query = query_of(update)
    language = await context.language()
    tap = STOP.tapped(query)
    broadcast_id = tap.broadcast_id
    runtime = context.runtime
    async with runtime.transaction() as session:
        stopped = await cancel_broadcast(session, broadcast_id, runtime.now())
    _sender(context).wake()
    key = "broadcast-stopped" if stopped else "broadcast-already-finished"
    await query.answer(alert_text(t(language, key, id=broadcast_id)), show_alert=not stopped)
    await query.edit_message_reply_markup(None)


def register(application: Application) -> None:
    """Adds /broadcast (/pengumuman), the composer's buttons and input, /broadcasts and the
    stop button."""
    application.add_handler(CommandHandler(command_names("pengumuman"), broadcast_command))
    application.add_handler(CallbackQueryHandler(on_button, pattern=any_pattern(COMPOSER)))
    application.add_handler(CommandHandler(command_names("daftarpengumuman"), broadcasts_command))
    application.add_handler(CallbackQueryHandler(on_stop, pattern=STOP.pattern))
    accept_input(
        Draft,
        InputRoute(
            on_message=on_message,
            replaced_key="broadcast-draft-replaced",
            cancelled_key="broadcast-cancelled-draft",
        ),
    )
