"""The evaluation survey in the chat: "📝 Isi evaluasi" (from the invitation or the reminder)
opens the question the person is at; ratings and choices are buttons (or typed), texts are
typed; optional questions can be skipped; the last answer thanks them. ``/evaluasi``
(``/evaluation``) gives the committee a short summary (the workbook has the sheet).

The questions, the order and the checks are the entry form's engine
(:mod:`bot.services.evaluation.survey`); a typed answer goes to the question shown through a
pending input (``evaluation.answer``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.shared.access import Access, requires
from bot.handlers.shared.callback_data import Codec
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.keyboards import button, keyboard
from bot.handlers.shared.pending_input import (
    InputRoute,
    accept_input,
    drop_input,
    start_waiting,
)
from bot.handlers.shared.replies import edit_html
from bot.handlers.shared.text import alert_text
from bot.handlers.shared.updates import button_message, message_of, query_of, tapped_message
from bot.i18n import date_examples, format_clock_zone, plain_text, t
from bot.services.attendance.records import count_present
from bot.services.core.event_file import EvaluationSpec, FormFieldSpec, localized
from bot.services.core.event_view import EventView
from bot.services.core.roles import Role
from bot.services.entries.cursor import AtField
from bot.services.entries.form import (
    FieldError,
    append_long_text,
    check_long_text,
    count_words,
    parse_choice_text,
    parse_short_text,
)
from bot.services.evaluation.survey import (
    RATINGS,
    START_PREFIX,
    average_text,
    counts_text,
    parse_rating,
    position,
    question_number,
    record_answer,
    response_of,
    results,
    sent_at,
    survey_of,
)
from bot.services.shared.pending_input import Pending, input_kind, take
from bot.storage.models import EvaluationResponse, Event


@dataclass(frozen=True)
class Go:
    """ "📝 Isi evaluasi": open the survey of event ``event``."""

    event: int


@dataclass(frozen=True)
class Pick:
    """A rating (1–5) or a choice (its index) for question ``question`` (its index)."""

    response: int
    question: int
    value: int


@dataclass(frozen=True)
class At:
    """A question's "Lewati" (skip) or, for a multiple choice, "Lanjut"."""

    response: int
    question: int


GO = Codec(START_PREFIX, Go)
PICK = Codec("ev:p", Pick)
TOGGLE = Codec("ev:t", Pick)
NEXT = Codec("ev:n", At)
SKIP = Codec("ev:s", At)
CLEAR = Codec("ev:c", At)


@input_kind("evaluation.answer")
@dataclass(frozen=True)
class SurveyAnswer:
    """Waiting for a typed answer to the question response ``response_id`` is at."""

    response_id: int


def _question_view(
    spec: EvaluationSpec, response: EvaluationResponse, index: int, language: str
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The question's text and its buttons."""
    spec_q = spec.questions[index]
    number, count = question_number(spec, response, spec_q.key)
    lines = [
        t(language, "evaluation-question", number=number, count=count),
        t(language, "evaluation-label", label=localized(spec_q.label, language)),
    ]
    if spec_q.help:
        lines.append(t(language, "evaluation-field-help", help=localized(spec_q.help, language)))
    lines.append(t(language, f"evaluation-help-{spec_q.kind}"))
    if not spec_q.required:
        lines.append(t(language, "evaluation-optional"))
    rows: list[list[InlineKeyboardButton]] = []
    if spec_q.kind == "rating":
        rows.append([button(str(r), PICK.pack(Pick(response.id, index, r))) for r in RATINGS])
    elif spec_q.kind == "single_choice":
        rows += [
            [button(localized(c.label, language), PICK.pack(Pick(response.id, index, n)))]
            for n, c in enumerate(spec_q.choices)
        ]
    elif spec_q.kind == "multiple_choice":
        chosen = (response.answers or {}).get(spec_q.key) or []
        rows += [
            [
                button(
                    ("☑️ " if c.value in chosen else "⬜ ") + localized(c.label, language),
                    TOGGLE.pack(Pick(response.id, index, n)),
                )
            ]
            for n, c in enumerate(spec_q.choices)
        ]
        if chosen:
            rows.append(
                [
                    button(
                        plain_text(language, "evaluation-next-button"),
                        NEXT.pack(At(response.id, index)),
                    )
                ]
            )
    elif spec_q.kind == "long_text" and (response.answers or {}).get(spec_q.key):
        rows.append(
            [
                button(
                    plain_text(language, "evaluation-done-button"),
                    NEXT.pack(At(response.id, index)),
                ),
                button(
                    plain_text(language, "evaluation-clear-button"),
                    CLEAR.pack(At(response.id, index)),
                ),
            ]
        )
    typed = spec_q.kind == "long_text" and (response.answers or {}).get(spec_q.key)
    if not spec_q.required and not typed:  # typed pieces are dropped by "Ketik ulang" only
        rows.append(
            [
                button(
                    plain_text(language, "evaluation-skip-button"),
                    SKIP.pack(At(response.id, index)),
                )
            ]
        )
    return "\n".join(lines), keyboard(rows)


def _index(spec: EvaluationSpec, key: str) -> int:
    return next(n for n, q in enumerate(spec.questions) if q.key == key)


async def _current(
    context: BotContext,
    update: Update,
    spec: EvaluationSpec,
    response: EvaluationResponse,
    session: AsyncSession,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """What to show now: the question the person is at (and wait for its typed answer), or
    the thanks at the end."""
    language = await context.language()
    at = position(spec, response)
    if isinstance(at, AtField):
        await start_waiting(
            session, update, SurveyAnswer(response.id), context.runtime.now(), language
        )
        return _question_view(spec, response, _index(spec, at.key), language)
    await drop_input(session, update, SurveyAnswer)
    return t(language, "evaluation-thanks"), None


async def _survey(
    context: BotContext, session: AsyncSession, event_id: int, chat_id: int
) -> tuple[EvaluationSpec | None, EvaluationResponse | None]:
    event = await session.get(Event, event_id)
    spec = survey_of(event) if event is not None else None
    response = await response_of(session, event_id, chat_id) if spec is not None else None
    return spec, response


async def open_survey(update: Update, context: BotContext) -> None:
    """ "📝 Isi evaluasi": the question the person is at, as a new message."""
    query = query_of(update)
    language = await context.language()
    choice = GO.tapped(query)
    async with context.runtime.transaction() as session:
        spec, response = await _survey(
            context, session, choice.event, button_message(query).chat.id
        )
        if spec is None or response is None:
            await query.answer(plain_text(language, "evaluation-not-invited"), show_alert=True)
            return
        if response.finished_at is not None:
            await query.answer(plain_text(language, "evaluation-already-finished"), show_alert=True)
            return
        text, markup = await _current(context, update, spec, response, session)
    await query.answer()
    await tapped_message(query).reply_text(text, reply_markup=markup)


Act = Callable[[EvaluationSpec, EvaluationResponse, FormFieldSpec, Any, datetime], str]
"""What a question's button does: ``(spec, response, question, tapped value, now)``; returns
the tap's short answer."""


async def _tapped(update: Update, context: BotContext, codec: Codec[Any], act: Act) -> None:
    """A question's button: ``act(spec, response, question)`` saves. A tap that answers the
    question leaves that message showing the question and the answer given, without buttons,
    and the next question (or the thanks) comes as a new message: edited in place, the next
    question's buttons would sit where the person's finger is, and a double tap would answer
    a question they never saw (QA). A tap that stays on the question (a tick of a multiple
    choice) edits it in place. A tap on a question no longer open is refused
    (``evaluation-stale``); the callback data names the question."""
    query = query_of(update)
    language = await context.language()
    choice = codec.tapped(query)
    now = context.runtime.now()
    async with context.runtime.transaction() as session:
        response = await session.get(EvaluationResponse, choice.response)
        if response is None or response.chat_id != button_message(query).chat.id:
            await query.answer(plain_text(language, "evaluation-not-invited"), show_alert=True)
            return
        spec, _ = await _survey(context, session, response.event_id, response.chat_id)
        at = position(spec, response) if spec is not None else None
        if (
            spec is None
            or not isinstance(at, AtField)
            or choice.question >= len(spec.questions)
            or spec.questions[choice.question].key != at.key
        ):
            await query.answer(plain_text(language, "evaluation-stale"), show_alert=True)
            return
        spec_q = spec.questions[choice.question]
        asked, _ = _question_view(spec, response, choice.question, language)
        try:
            answer = act(spec, response, spec_q, choice, now)
        except FieldError as error:  # e.g. a long text over its maximum: it stays, as typed
            # t, not plain_text: the figures in Indonesian form; an alert is plain text
            said = t(language, error.key, **date_examples(now.year, language), **error.details)
            await query.answer(alert_text(said), show_alert=True)
            return
        moved = position(spec, response) != at
        text, markup = await _current(context, update, spec, response, session)
        given = _answer_line(spec_q, (response.answers or {}).get(spec_q.key), language)
    await query.answer(answer)
    if not moved:
        await edit_html(query, text, markup)
        return
    await edit_html(query, asked + "\n" + given, None)
    await tapped_message(query).reply_text(text, reply_markup=markup)


def _answer_line(spec_q: FormFieldSpec, value: object, language: str) -> str:
    """The answer given, as shown under an answered question ("✅ Jawaban: 5")."""
    if value is None or value == []:
        return t(language, "evaluation-skipped")
    if spec_q.kind == "long_text":  # in full it may not fit one message with the question
        return t(language, "evaluation-answered-text", words=count_words(str(value)))
    if spec_q.kind in ("single_choice", "multiple_choice"):
        labels: dict[object, str] = {c.value: localized(c.label, language) for c in spec_q.choices}
        values = value if isinstance(value, list) else [value]
        value = ", ".join(labels.get(v, str(v)) for v in values)
    return t(language, "evaluation-answered", answer=str(value))


def _pick(
    spec: EvaluationSpec,
    response: EvaluationResponse,
    spec_q: FormFieldSpec,
    choice: Pick,
    now: datetime,
) -> str:
    if spec_q.kind == "rating":
        value: object = choice.value if choice.value in RATINGS else None
    elif spec_q.kind == "single_choice" and choice.value < len(spec_q.choices):
        value = spec_q.choices[choice.value].value
    else:
        value = None
    if value is None:
        return ""
    record_answer(spec, response, spec_q.key, value, now)
    return "✅"


def _toggle(
    spec: EvaluationSpec,
    response: EvaluationResponse,
    spec_q: FormFieldSpec,
    choice: Pick,
    now: datetime,
) -> str:
    if spec_q.kind != "multiple_choice" or choice.value >= len(spec_q.choices):
        return ""
    chosen = set((response.answers or {}).get(spec_q.key) or [])
    chosen ^= {spec_q.choices[choice.value].value}
    ordered = [c.value for c in spec_q.choices if c.value in chosen]
    record_answer(spec, response, spec_q.key, ordered or None, now, move_on=False)
    return ""


def _next(
    spec: EvaluationSpec,
    response: EvaluationResponse,
    spec_q: FormFieldSpec,
    choice: At,
    now: datetime,
) -> str:
    chosen = (response.answers or {}).get(spec_q.key)
    if spec_q.kind == "long_text" and chosen:
        check_long_text(spec_q, chosen)  # FieldError: the text stays, the question too
    if chosen:
        record_answer(spec, response, spec_q.key, chosen, now)
    return ""


def _skip(
    spec: EvaluationSpec,
    response: EvaluationResponse,
    spec_q: FormFieldSpec,
    choice: At,
    now: datetime,
) -> str:
    if not spec_q.required:
        record_answer(spec, response, spec_q.key, None, now)
    return ""


def _clear(
    spec: EvaluationSpec,
    response: EvaluationResponse,
    spec_q: FormFieldSpec,
    choice: At,
    now: datetime,
) -> str:
    answers = dict(response.answers or {})
    answers.pop(spec_q.key, None)
    response.answers = answers
    return ""


async def clear(update: Update, context: BotContext) -> None:
    """ "Ketik ulang" on a long text: its pieces so far are dropped, the question stays."""
    await _tapped(update, context, CLEAR, _clear)


async def pick(update: Update, context: BotContext) -> None:
    """A rating or a choice tapped."""
    await _tapped(update, context, PICK, _pick)


async def toggle(update: Update, context: BotContext) -> None:
    """A choice of a multiple choice ticked or unticked."""
    await _tapped(update, context, TOGGLE, _toggle)


async def next_question(update: Update, context: BotContext) -> None:
    """ "Lanjut" after a multiple choice."""
    await _tapped(update, context, NEXT, _next)


async def skip(update: Update, context: BotContext) -> None:
    """ "Lewati" on an optional question."""
    await _tapped(update, context, SKIP, _skip)


def _parse_typed(spec_q: FormFieldSpec, text: str) -> object:
    if spec_q.kind == "rating":
        return parse_rating(text)
    if spec_q.kind in ("single_choice", "multiple_choice"):
        return parse_choice_text(spec_q, text)
    return parse_short_text(spec_q, text)


async def on_typed_answer(update: Update, context: BotContext, pending: Pending) -> bool:
    """A typed answer to the question shown: saved as given when it is valid (else the
    reason with the question's buttons again, and the question stays), then the next
    question. A long text follows the entry form's rule: each message is one more piece
    (Telegram cuts a long text into several messages), joined with a blank line, and the
    question stays until "Selesai" (which checks the length): nothing typed is cut or lost."""
    message = message_of(update)
    language = await context.language()
    if message.text is None:
        await message.reply_text(t(language, "evaluation-text-only"))
        return True
    now = context.runtime.now()
    reply: str
    markup = None
    async with context.runtime.transaction() as session:
        response = await session.get(EvaluationResponse, pending.payload.response_id)
        spec, _ = (
            await _survey(context, session, response.event_id, response.chat_id)
            if response is not None
            else (None, None)
        )
        at = position(spec, response) if spec is not None and response is not None else None
        if response is None or spec is None or not isinstance(at, AtField):
            await take(session, pending)
            return False
        index = _index(spec, at.key)
        spec_q = spec.questions[index]
        if spec_q.kind == "long_text":
            so_far = (response.answers or {}).get(spec_q.key)
            value = append_long_text(so_far, message.text)
            record_answer(spec, response, spec_q.key, value, now, move_on=False)
            _, markup = _question_view(spec, response, index, language)
            reply = t(language, "evaluation-long-saved", words=count_words(value))
        else:
            try:
                parsed = _parse_typed(spec_q, message.text)
            except FieldError as error:
                _, markup = _question_view(spec, response, index, language)
                reply = t(language, error.key, **date_examples(now.year, language), **error.details)
            else:
                record_answer(spec, response, spec_q.key, parsed, now)
                reply, markup = await _current(context, update, spec, response, session)
    await message.reply_text(reply, reply_markup=markup)
    return True


async def _not_sent_yet(access: Access, event: EventView) -> str:
    """Why nobody is invited: before the send time with people checked in, when and to how
    many it goes ("pukul 14.30 WIB kepada 2 orang"; QA #23), else that nobody checked in."""
    spec = survey_of(event)
    present = await count_present(access.session, event.id)
    if spec is None or not present or access.now >= sent_at(event, spec):
        return access.t("evaluation-summary-nobody")
    zone = ZoneInfo(event.timezone)
    at = format_clock_zone(sent_at(event, spec), zone, access.language)
    return access.t("evaluation-summary-waiting", time=at, present=present)


@requires(Role.ADMIN)
async def summary(update: Update, context: BotContext, access: Access) -> None:
    """``/evaluasi``: invited, finished, and each question's average or counts."""
    event = await context.runtime.event()
    language = access.language
    found = await results(access.session, event, language) if event is not None else None
    if event is None or found is None:
        await message_of(update).reply_text(t(language, "evaluation-none"))
        return
    lines = [
        t(language, "evaluation-summary-title", event=event.short_title),
        t(language, "evaluation-summary-counts", invited=found.invited, finished=found.finished),
    ]
    if not found.invited:  # not silent: those who check in today still get it
        lines.append(await _not_sent_yet(access, event))
    for result in found.questions:
        if result.kind == "rating":
            key, detail = "evaluation-summary-rating", average_text(result, language)
        elif result.counts:
            key, detail = "evaluation-summary-choice", counts_text(result, language)
        else:
            key, detail = "evaluation-summary-text", ""
        lines.append(t(language, key, label=result.label, detail=detail, answers=result.answered))
    lines.append(t(language, "evaluation-summary-workbook"))
    await message_of(update).reply_text("\n".join(lines))


def register(application: Application) -> None:
    """Adds the survey's buttons, its typed answers and ``/evaluasi``."""
    application.add_handler(CallbackQueryHandler(open_survey, pattern=GO.pattern))
    application.add_handler(CallbackQueryHandler(pick, pattern=PICK.pattern))
    application.add_handler(CallbackQueryHandler(toggle, pattern=TOGGLE.pattern))
    application.add_handler(CallbackQueryHandler(next_question, pattern=NEXT.pattern))
    application.add_handler(CallbackQueryHandler(skip, pattern=SKIP.pattern))
    application.add_handler(CallbackQueryHandler(clear, pattern=CLEAR.pattern))
    application.add_handler(CommandHandler(command_names("evaluasi"), summary))
    accept_input(
        SurveyAnswer,
        InputRoute(
            on_message=on_typed_answer,
            replaced_key="evaluation-input-replaced",
            cancelled_key="evaluation-input-cancelled",
        ),
    )
