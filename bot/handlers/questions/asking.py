"""Attendees' questions to the narasumber: ``/tanya`` (``/ask``), or "❓ Ajukan pertanyaan" on
a started session's agenda entry, shows the board of the session taking questions; its "❓
Ajukan pertanyaan" (named or anonymous) waits for the question's text, and 👍 votes for an
approved question, once per person.

A plain message is never a question: only the text sent after tapping the ask button is (a
pending input, :mod:`bot.handlers.shared.pending_input`). The moderators get each new
question as a card through the outbox.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.core.start import DEEP_LINKS
from bot.handlers.questions.views import (
    ASK,
    BOARD,
    BOARD_LIMIT,
    MODERATE,
    VOTE,
    Act,
    Mode,
    Moderate,
    board_keyboard,
    board_text,
    card_text,
    sessions_keyboard,
    shown_order,
)
from bot.handlers.shared.callback_data import SESSION_QUESTIONS
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.pending_input import InputRoute, accept_input, start_waiting
from bot.handlers.shared.replies import edit_html
from bot.handlers.shared.text import alert_text
from bot.handlers.shared.updates import message_of, query_of, tapped_message, user_of
from bot.i18n import format_clock, format_clock_zone, plain_text, t
from bot.services.attendees.agenda import agenda_item
from bot.services.core.event_view import AgendaItemView, EventView
from bot.services.questions.asking import (
    EmptyQuestion,
    QuestionGone,
    RateLimited,
    SessionClosed,
    TooLong,
    Voted,
    VoteOutcome,
    ask,
    is_open,
    next_today,
    questions_ahead,
    rules_of,
    sessions_asked_about,
    shown_questions,
    vote,
    votes_of,
)
from bot.services.questions.moderation import moderator_ids
from bot.services.shared import outbox
from bot.services.shared.pending_input import Pending, input_kind, take
from bot.storage.models import Question


@input_kind("questions.ask")
@dataclass(frozen=True)
class AskingQuestion:
    """Waiting for the text of a question to session ``item_id``."""

    item_id: int
    anonymous: bool


async def _board(
    session: AsyncSession,
    item: AgendaItemView,
    event: EventView,
    voter_id: int,
    language: str,
    keep: Sequence[int] = (),
) -> tuple[str, InlineKeyboardMarkup | None]:
    questions = await shown_questions(session, item.id, limit=BOARD_LIMIT)
    voted = await votes_of(session, (q.id for q in questions), voter_id)
    return (
        board_text(item, event, questions, language),
        board_keyboard(item, questions, voted, language, keep),
    )


async def show_board(update: Update, context: BotContext) -> None:
    """``/tanya``: the board of the session taking questions (a choice when several do)."""
    language = await context.language()
    runtime = context.runtime
    event = await runtime.event()
    message = message_of(update)
    if event is None:
        await message.reply_text(t(language, "agenda-no-event"))
        return
    async with runtime.sessions() as session:
        items = await sessions_asked_about(session, event, runtime.now())
        if len(items) == 1:
            text, markup = await _board(session, items[0], event, user_of(update).id, language)
            await message.reply_text(text, reply_markup=markup)
            return
    if not items:
        now = runtime.now()
        coming = next_today(event, now)
        if coming is not None:
            time = format_clock_zone(coming.starts_at, ZoneInfo(event.timezone), language)
            text = t(language, "questions-opens-later", title=coming.title, time=time)
        else:
            text = t(language, "questions-none-open" if questions_ahead(event, now)
                     else "questions-over")  # fmt: skip
        await message.reply_text(text)
        return
    await message.reply_text(
        t(language, "questions-choose-session"),
        reply_markup=sessions_keyboard(items, event, language, moderator=False),
    )


async def _item_of(
    event: EventView | None, session: AsyncSession, item_id: int
) -> AgendaItemView | None:
    item = await agenda_item(session, item_id)
    return item if item is not None and event is not None and item.event_id == event.id else None


async def _tapped_board(
    update: Update, context: BotContext, item_id: int | None
) -> tuple[str, InlineKeyboardMarkup | None] | None:
    """The board of the tapped session, the tap answered; None (the tap answered with an
    alert) when the session is gone."""
    query = query_of(update)
    language = await context.language()
    runtime = context.runtime
    event = await runtime.event()
    async with runtime.sessions() as session:
        item = await _item_of(event, session, item_id) if item_id is not None else None
        if item is None or event is None:
            await query.answer(plain_text(language, "agenda-item-gone"), show_alert=True)
            return None
        board = await _board(session, item, event, query.from_user.id, language)
    await query.answer()
    return board


async def refresh_board(update: Update, context: BotContext) -> None:
    """🔄 or a session chosen from the list: the board, in the same message."""
    choice = BOARD.parse(query_of(update).data)
    board = await _tapped_board(update, context, choice.item if choice else None)
    if board is not None:
        await edit_html(query_of(update), *board)


async def open_from_agenda(update: Update, context: BotContext) -> None:
    """ "❓ Ajukan pertanyaan" on a session's agenda entry: its board, as a new message."""
    query = query_of(update)
    choice = SESSION_QUESTIONS.parse(query.data)
    board = await _tapped_board(update, context, choice.item if choice else None)
    if board is not None:
        text, markup = board
        await tapped_message(query).reply_text(text, reply_markup=markup)


async def start_question(update: Update, context: BotContext) -> None:
    """ "❓ Ajukan pertanyaan": wait for the question's text (named or anonymous)."""
    query = query_of(update)
    language = await context.language()
    choice = ASK.parse(query.data)
    runtime = context.runtime
    event = await runtime.event()
    now = runtime.now()
    async with runtime.transaction() as session:
        item = await _item_of(event, session, choice.item) if choice else None
        if choice is None or item is None or event is None:
            await query.answer(plain_text(language, "agenda-item-gone"), show_alert=True)
            return
        if not await is_open(session, event, item.id, now):
            await query.answer(plain_text(language, "questions-closed"), show_alert=True)
            return
        anonymous = choice.mode == Mode.ANONYMOUS
        notice = await start_waiting(
            session, update, AskingQuestion(item.id, anonymous), now, language
        )
    await query.answer()
    limit = rules_of(event).max_length
    key = "questions-type-anonymous" if anonymous else "questions-type-named"
    text = t(language, key, title=item.title, limit=limit, name=query.from_user.full_name)
    await tapped_message(query).reply_text("\n\n".join(part for part in (notice, text) if part))


async def on_question_text(update: Update, context: BotContext, pending: Pending) -> bool:
    """The question's text after the ask button: recorded for the moderator, who gets it as
    a card. Too long, empty or not text: said politely, still waiting; the limits per person
    and a closed session: said, no longer waiting."""
    message = message_of(update)
    language = await context.language()
    runtime = context.runtime
    if message.text is None:
        await message.reply_text(t(language, "questions-text-only"))
        return True
    payload: AskingQuestion = pending.payload
    event = await runtime.event()
    now = runtime.now()
    user = user_of(update)
    reply: str
    async with runtime.transaction() as session:
        item = await _item_of(event, session, payload.item_id)
        if item is None or event is None:
            await take(session, pending)
            reply = t(language, "agenda-item-gone")
        else:
            try:
                question = await ask(
                    session,
                    event,
                    item,
                    asker_id=user.id,
                    asker_name=None if payload.anonymous else user.full_name[:255],
                    text=message.text,
                    now=now,
                )
            except TooLong as exc:
                reply = t(language, "questions-too-long", length=exc.length, limit=exc.limit)
            except EmptyQuestion:
                reply = t(language, "questions-empty")
            except SessionClosed:
                await take(session, pending)
                reply = t(language, "questions-closed")
            except RateLimited as exc:
                await take(session, pending)
                reply = _rate_limited(exc, event, language, "questions-rate-limited")
            else:
                await take(session, pending)
                await _tell_moderators(session, context, event, item, question, now)
                reply = t(language, "questions-received")
    await message.reply_text(reply)
    return True


def _rate_limited(exc: RateLimited, event: EventView, language: str, key: str) -> str:
    return plain_text(
        language, key, time=format_clock(exc.retry_at, ZoneInfo(event.timezone), language)
    )


async def _tell_moderators(
    session: AsyncSession,
    context: BotContext,
    event: EventView,
    item: AgendaItemView,
    question: Question,
    now: datetime,
) -> None:
    """The new question's card with approve / edit / hide, to every moderator (outbox)."""
    recipients = await moderator_ids(session, event, context.runtime.settings.admin_ids)
    buttons = {
        language: outbox.keyboard(
            [
                [
                    outbox.callback_button(
                        plain_text(language, f"questions-act-{act.value}"),
                        MODERATE.pack(Moderate(act, question.id)),
                    )
                    for act in (Act.APPROVE, Act.EDIT, Act.HIDE)
                ]
            ]
        )
        for language in outbox.in_every_language(lambda language: language)
    }
    await outbox.enqueue(
        session,
        kind="question",
        key=f"question:{question.id}",
        recipients=recipients,
        texts=outbox.in_every_language(lambda language: card_text(question, item, language)),
        now=now,
        markups=buttons,
    )


async def vote_for(update: Update, context: BotContext) -> None:
    """👍: one vote per person per question; the board shows the new counts."""
    query = query_of(update)
    language = await context.language()
    choice = VOTE.parse(query.data)
    runtime = context.runtime
    event = await runtime.event()
    now = runtime.now()
    if choice is None or event is None:
        await query.answer(plain_text(language, "questions-gone"), show_alert=True)
        return
    async with runtime.transaction() as session:
        voted: Voted | None
        try:
            voted = await vote(
                session, event, choice.question, voter_id=query.from_user.id, now=now
            )
        except QuestionGone:
            answer, alert = plain_text(language, "questions-gone"), True
            voted = None
        except SessionClosed:
            answer, alert = plain_text(language, "questions-closed"), True
            voted = None
        except RateLimited as exc:
            answer = _rate_limited(exc, event, language, "questions-votes-rate-limited")
            alert, voted = True, None
        else:
            key = (
                "questions-vote-counted"
                if voted.outcome == VoteOutcome.COUNTED
                else "questions-vote-already"
            )
            answer, alert = plain_text(language, key), False
        board = None
        if voted is not None:
            item = await _item_of(event, session, voted.question.agenda_item_id)
            if item is not None:
                keep = shown_order(tapped_message(query).reply_markup)  # buttons stay in place
                board = await _board(session, item, event, query.from_user.id, language, keep)
    await query.answer(alert_text(answer), show_alert=alert)
    if board is not None:
        await edit_html(query, *board)


def register(application: Application) -> None:
    """Adds ``/tanya`` (``/ask``), the ask, vote and board buttons and the question's input."""
    application.add_handler(CommandHandler(command_names("tanya"), show_board))
    application.add_handler(CallbackQueryHandler(start_question, pattern=ASK.pattern))
    application.add_handler(CallbackQueryHandler(vote_for, pattern=VOTE.pattern))
    application.add_handler(CallbackQueryHandler(refresh_board, pattern=BOARD.pattern))
    application.add_handler(
        CallbackQueryHandler(open_from_agenda, pattern=SESSION_QUESTIONS.pattern)
    )
    DEEP_LINKS["tanya"] = show_board
    accept_input(
        AskingQuestion,
        InputRoute(
            on_message=on_question_text,
            replaced_key="questions-input-replaced",
            cancelled_key="questions-input-cancelled",
        ),
    )
