"""The moderator's side of the questions: ``/moderasi`` (``/moderate``) shows a session's
queue (waiting questions as cards, the approved ones by votes), and the buttons approve,
correct (✏️, then the corrected text), hide, mark answered, close and reopen.

Moderators are the admins and the event file's ``questions.moderators``, checked at every
command, tap and corrected text by the shared guard (:data:`MODERATOR`) before anything is
written: a refusal is answered and audited (``access.denied``) as every other. Every action
is audited by :mod:`bot.services.questions.moderation`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.questions.views import (
    CARD_LIMIT,
    MODERATE,
    MODERATE_SESSION,
    Act,
    SessionAct,
    View,
    card_keyboard,
    card_text,
    queue_keyboard,
    queue_text,
    sessions_keyboard,
)
from bot.handlers.shared.access import Requirement, guarded, has_role_or_refuse
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.pending_input import InputRoute, accept_input, start_waiting
from bot.handlers.shared.replies import edit_html
from bot.handlers.shared.updates import message_of, query_of, tapped_message, user_of
from bot.i18n import plain_text, t
from bot.runtime import Runtime
from bot.services.attendees.agenda import agenda_item
from bot.services.core.event_view import AgendaItemView, EventView
from bot.services.questions.asking import (
    EmptyQuestion,
    QuestionGone,
    TooLong,
    closed_item_ids,
    open_sessions,
    preferred,
    question_sessions,
    questions_ahead,
    rules_of,
)
from bot.services.questions.moderation import (
    is_moderator,
    moderate,
    question_in,
    queue,
    set_closed,
)
from bot.services.shared.pending_input import Pending, input_kind, take
from bot.storage.models import Question


@input_kind("questions.edit")
@dataclass(frozen=True)
class EditingQuestion:
    """Waiting for the corrected text of question ``question_id``."""

    question_id: int


async def _moderates(session: AsyncSession, runtime: Runtime, user_id: int) -> bool:
    event = await runtime.event()
    return event is not None and await is_moderator(
        session, event, user_id, runtime.settings.admin_ids
    )


MODERATOR = Requirement("moderator", _moderates, refusal="questions-moderators-only")
"""The admins and the event file's ``questions.moderators``, checked at every command, tap
and corrected text by the shared guard (refused politely, audited as ``moderator``)."""


async def _moderated_event(runtime: Runtime) -> EventView:
    """The event the guard (:data:`MODERATOR`) found the user moderating.

    Raises:
        LookupError: No event is on any more (another import since the guard's check).
    """
    event = await runtime.event()
    if event is None:
        raise LookupError("no event is on")
    return event


async def _item_of(session: AsyncSession, question: Question) -> AgendaItemView:
    """The session a question was asked in.

    Raises:
        LookupError: None (the foreign key deletes a session's questions with it).
    """
    item = await agenda_item(session, question.agenda_item_id)
    if item is None:
        raise LookupError(f"agenda item {question.agenda_item_id} of question {question.id}")
    return item


async def _queue_view(
    session: AsyncSession, item: AgendaItemView, event: EventView, language: str
) -> tuple[str, InlineKeyboardMarkup | None, list[Question]]:
    shown = await queue(session, item.id)
    closed = item.id in await closed_item_ids(session, [item.id])
    return (
        queue_text(item, event, shown, closed, language),
        queue_keyboard(item, shown, closed, language),
        shown.pending[:CARD_LIMIT],
    )


@guarded(MODERATOR)
async def moderation_command(update: Update, context: BotContext) -> None:
    """``/moderasi``: the queue of the session on now (or the latest started), or a choice of
    the sessions that have started."""
    runtime = context.runtime
    language = await context.language()
    event = await _moderated_event(runtime)
    message = message_of(update)
    now = runtime.now()
    async with runtime.transaction() as session:
        started = question_sessions(event, now)
        open_items = preferred(await open_sessions(session, event, now), now)
        if len(open_items) != 1:
            markup = sessions_keyboard(started[:10], event, language, moderator=True)
            key = (
                "questions-moderate-choose"
                if started
                else "questions-moderate-none"
                if questions_ahead(event, now)
                else "questions-moderate-over"
            )
            await message.reply_text(t(language, key), reply_markup=markup)
            return
        item = await agenda_item(session, open_items[0].id)
        if item is None:  # read in this transaction just now
            raise LookupError(f"agenda item {open_items[0].id}")
        text, markup, cards = await _queue_view(session, item, event, language)
    await message.reply_text(text, reply_markup=markup)
    for question in cards:
        await message.reply_text(
            card_text(question, item, language),
            reply_markup=card_keyboard(question, language),
        )


@guarded(MODERATOR)
async def session_button(update: Update, context: BotContext) -> None:
    """A session's queue (🔄, or chosen from the list), 🔒 close, 🔓 reopen."""
    query = query_of(update)
    runtime = context.runtime
    language = await context.language()
    event = await _moderated_event(runtime)
    choice = MODERATE_SESSION.parse(query.data)
    now = runtime.now()
    async with runtime.transaction() as session:
        item = await agenda_item(session, choice.item) if choice else None
        if choice is None or item is None or item.event_id != event.id:
            await query.answer(plain_text(language, "agenda-item-gone"), show_alert=True)
            return
        answer = ""
        if choice.action != SessionAct.QUEUE:
            closing = choice.action == SessionAct.CLOSE
            await set_closed(session, item, closed=closing, actor_id=query.from_user.id, now=now)
            answer = plain_text(
                language, "questions-closed-done" if closing else "questions-opened-done"
            )
        text, markup, cards = await _queue_view(session, item, event, language)
    await query.answer(answer)
    await edit_html(query, text, markup)
    if choice.action == SessionAct.QUEUE:
        for question in cards:
            await tapped_message(query).reply_text(
                card_text(question, item, language),
                reply_markup=card_keyboard(question, language),
            )


@guarded(MODERATOR)
async def question_button(update: Update, context: BotContext) -> None:
    """✅ approve, ✔️ answered, 🙈 hide, ✏️ correct (waits for the corrected text)."""
    query = query_of(update)
    runtime = context.runtime
    language = await context.language()
    event = await _moderated_event(runtime)
    choice = MODERATE.parse(query.data)
    now = runtime.now()
    notice = None
    async with runtime.transaction() as session:
        question = await question_in(session, event, choice.question) if choice else None
        if choice is None or question is None:
            await query.answer(plain_text(language, "questions-gone"), show_alert=True)
            return
        item = await _item_of(session, question)
        if choice.action == Act.EDIT:
            if question.status.value not in ("pending", "approved"):
                await query.answer(plain_text(language, "questions-gone"), show_alert=True)
                return
            notice = await start_waiting(
                session, update, EditingQuestion(question.id), now, language
            )
        else:
            try:
                question = await moderate(
                    session,
                    event,
                    question.id,
                    choice.action.value,
                    actor_id=query.from_user.id,
                    now=now,
                )
            except QuestionGone:
                await query.answer(plain_text(language, "questions-gone"), show_alert=True)
                return
        if choice.view == View.QUEUE:
            text, markup, _ = await _queue_view(session, item, event, language)
        else:
            text, markup = card_text(question, item, language), card_keyboard(question, language)
    if choice.action == Act.EDIT:
        await query.answer()
        prompt = t(
            language,
            "questions-edit-prompt",
            id=question.id,
            text=question.text,
            limit=rules_of(event).max_length,
        )
        await tapped_message(query).reply_text(
            "\n\n".join(part for part in (notice, prompt) if part)
        )
        return
    await query.answer(
        plain_text(language, f"questions-done-{choice.action.value}", id=question.id)
    )
    await edit_html(query, text, markup)


async def on_corrected_text(update: Update, context: BotContext, pending: Pending) -> bool:
    """The corrected text of a question (✏️): saved and audited, the card sent again."""
    message = message_of(update)
    runtime = context.runtime
    if not await has_role_or_refuse(update, context, MODERATOR):
        return True  # no longer a moderator: refused, nothing written
    language = await context.language()
    if message.text is None:
        await message.reply_text(t(language, "questions-text-only"))
        return True
    event = await _moderated_event(runtime)
    payload: EditingQuestion = pending.payload
    now = runtime.now()
    markup = None
    async with runtime.transaction() as session:
        try:
            question = await moderate(
                session,
                event,
                payload.question_id,
                "edit",
                actor_id=user_of(update).id,
                now=now,
                text=message.text,
            )
        except TooLong as exc:
            reply = t(language, "questions-too-long", length=exc.length, limit=exc.limit)
        except EmptyQuestion:
            reply = t(language, "questions-empty")
        except QuestionGone:
            await take(session, pending)
            reply = t(language, "questions-gone")
        else:
            await take(session, pending)
            item = await _item_of(session, question)
            reply = "\n\n".join(
                [
                    t(language, "questions-done-edit", id=question.id),
                    card_text(question, item, language),
                ]
            )
            markup = card_keyboard(question, language)
    await message.reply_text(reply, reply_markup=markup)
    return True


def register(application: Application) -> None:
    """Adds ``/moderasi`` (``/moderate``), the moderator's buttons and the correction input."""
    application.add_handler(CommandHandler(command_names("moderasi"), moderation_command))
    application.add_handler(CallbackQueryHandler(question_button, pattern=MODERATE.pattern))
    application.add_handler(CallbackQueryHandler(session_button, pattern=MODERATE_SESSION.pattern))
    accept_input(
        EditingQuestion,
        InputRoute(
            on_message=on_corrected_text,
            replaced_key="questions-edit-replaced",
            cancelled_key="questions-edit-cancelled",
        ),
    )
