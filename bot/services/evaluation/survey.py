"""The evaluation survey: sent at the event file's ``evaluation.send_at`` to those checked in
(or every subscriber when nobody checked in, or when the file says ``subscribers``), one
reminder to those who did not finish, answers saved as given, results per question.

The questions are entry-form fields (:class:`~bot.services.core.event_file.FormFieldSpec`
of the kinds in :data:`~bot.services.core.event_file.SURVEY_KINDS`) and are asked with the
entry form's engine: :mod:`bot.services.entries.form` parses and checks each answer and
decides which question comes next (``show_if``), :mod:`bot.services.entries.cursor` keeps
the position (stored in ``EvaluationResponse.cursor``). A rating is an integer 1–5, a choice
its value, texts as typed (trimmed); a skipped optional question is None.

The scheduler (``bot.services.announcements.reminders``, kinds ``evaluation`` and
``evaluation-reminder``) calls :func:`send_invitations` and :func:`send_reminders`; both
write to the outbox in its transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from statistics import mean
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import format_number, plain_text, t
from bot.services.core.event_file import EvaluationSpec, FormFieldSpec, localized, moment_on
from bot.services.core.event_view import EventView
from bot.services.core.events import event_view_by_id
from bot.services.entries.cursor import (
    Answered,
    AtField,
    AtSummary,
    Cursor,
    FormState,
    current,
    from_json,
    start,
    step,
    to_json,
)
from bot.services.entries.form import FieldError, form_problems, visible_fields
from bot.services.shared import outbox
from bot.storage.models import AttendanceRecord, Edition, EvaluationResponse, Event, Subscriber

START_PREFIX = "ev:go"
"""Callback data of the survey's button is ``ev:go:<event id>`` (its codec is
``bot.handlers.evaluation.survey.GO``; written here because the outbox stores buttons as
Bot API JSON)."""

RATINGS = (1, 2, 3, 4, 5)


def survey_of(event: Event | EventView) -> EvaluationSpec | None:
    """The event's survey (the event file's ``evaluation``), or None."""
    return EvaluationSpec.model_validate(event.evaluation) if event.evaluation else None


def start_data(event_id: int) -> str:
    """The survey button's callback data."""
    return f"{START_PREFIX}:{event_id}"


async def recipients(
    session: AsyncSession, event: Event | EventView, spec: EvaluationSpec
) -> list[int]:
    """Who is asked: the private chats of those checked in (``checked_in``), or of every
    subscriber when nobody checked in or the file says ``subscribers``."""
    if spec.audience == "checked_in":
        present = list(
            await session.scalars(
                select(AttendanceRecord.user_id)
                .where(
                    AttendanceRecord.event_id == event.id,
                    AttendanceRecord.user_id.is_not(None),
                )
                .order_by(AttendanceRecord.checked_in_at, AttendanceRecord.id)
            )
        )
        if present:
            return list(dict.fromkeys(user_id for user_id in present if user_id is not None))
    subscribed = await session.scalars(
        select(Subscriber.chat_id)
        .where(Subscriber.active.is_(True), Subscriber.chat_id > 0)
        .group_by(Subscriber.chat_id)
        .order_by(func.min(Subscriber.id))
    )
    return list(subscribed)


def _button(data: str) -> dict[str, dict[str, Any]]:
    return {
        language: outbox.keyboard(
            [[outbox.callback_button(plain_text(language, "evaluation-start-button"), data)]]
        )
        for language in outbox.in_every_language(lambda language: language)
    }


async def _invite(
    session: AsyncSession,
    event: Event | EventView,
    spec: EvaluationSpec,
    chat_ids: Sequence[int],
    now: datetime,
    key: str,
) -> list[int]:
    """One ``EvaluationResponse`` per chat not invited yet and the invitation to those,
    written to the outbox under ``key``; returns the chats invited now."""
    known = set(
        await session.scalars(
            select(EvaluationResponse.chat_id).where(EvaluationResponse.event_id == event.id)
        )
    )
    new = [chat_id for chat_id in dict.fromkeys(chat_ids) if chat_id not in known]
    if not new:
        return []
    for chat_id in new:
        session.add(
            EvaluationResponse(event_id=event.id, chat_id=chat_id, answers={}, invited_at=now)
        )
    await outbox.enqueue(
        session,
        kind="evaluation",
        key=key,
        recipients=new,
        texts=outbox.in_every_language(
            lambda language: t(
                language,
                "evaluation-invitation",
                event=event.short_title,
                count=len(spec.questions),
                intro=localized(spec.intro, language),
            )
        ),
        now=now,
        markups=_button(start_data(event.id)),
    )
    return new


async def send_invitations(session: AsyncSession, event_id: int, now: datetime) -> str | None:
    """Invite the recipients (one ``EvaluationResponse`` each) and write the invitation to
    the outbox. Those who check in later are invited when they check in
    (:func:`invite_late`) or at the reminder (:func:`send_reminders`).

    Returns:
        None when written; else why nothing was sent (no survey, nobody to ask).
    """
    event = await session.get(Event, event_id)
    spec = survey_of(event) if event is not None else None
    if event is None or spec is None:
        return "no survey"
    chat_ids = await recipients(session, event, spec)
    if not await _invite(session, event, spec, chat_ids, now, f"evaluation:{event.id}:survey"):
        return "nobody to ask"
    return None


def sent_at(event: Event | EventView, spec: EvaluationSpec) -> datetime:
    """When the survey goes out (``send_at`` on the event's day, its time zone)."""
    return moment_on(event.starts_on, ZoneInfo(event.timezone), spec.send_at)


async def invite_late(
    session: AsyncSession, event: Event | EventView, chat_id: int, now: datetime
) -> bool:
    """Someone who checks in after the survey went out (``send_at``) is invited at once,
    on the same day (its reminder is planned until that day's end too): the survey's
    audience is everyone checked in, not those present at ``send_at`` only (QA).

    Returns:
        Whether an invitation was written (not before ``send_at``, not twice, not for
        ``audience: subscribers``, not on a later day).
    """
    spec = survey_of(event)
    if spec is None or spec.audience != "checked_in" or chat_id <= 0:
        return False
    send = sent_at(event, spec)
    zone = ZoneInfo(event.timezone)
    if now < send or now.astimezone(zone).date() != send.astimezone(zone).date():
        return False
    key = f"evaluation:{event.id}:survey:{chat_id}"
    return bool(await _invite(session, event, spec, [chat_id], now, key))


async def send_reminders(session: AsyncSession, event_id: int, now: datetime) -> str | None:
    """The one reminder, to those invited who did not finish (``reminded_at`` set).

    Returns:
        None when written; else why nothing was sent.
    """
    event = await session.get(Event, event_id)
    spec = survey_of(event) if event is not None else None
    if event is None or spec is None:
        return "no survey"
    late = []
    if spec.audience == "checked_in":  # checked in since and not invited yet: the survey
        present = await recipients(session, event, spec)
        late = await _invite(
            session, event, spec, present, now, f"evaluation:{event.id}:survey:late"
        )
        await session.flush()
    unfinished = list(
        await session.scalars(
            select(EvaluationResponse).where(
                EvaluationResponse.event_id == event.id,
                EvaluationResponse.finished_at.is_(None),
                EvaluationResponse.reminded_at.is_(None),
                EvaluationResponse.chat_id.not_in(late),
            )
        )
    )
    if not unfinished:
        return None if late else "everyone finished"
    for response in unfinished:
        response.reminded_at = now
    await outbox.enqueue(
        session,
        kind="evaluation",
        key=f"evaluation:{event.id}:reminder",
        recipients=[response.chat_id for response in unfinished],
        texts=outbox.in_every_language(
            lambda language: t(language, "evaluation-reminder", event=event.short_title)
        ),
        now=now,
        markups=_button(start_data(event.id)),
    )
    return None


# --- answering ---------------------------------------------------------------------------


async def response_of(
    session: AsyncSession, event_id: int, chat_id: int
) -> EvaluationResponse | None:
    """The chat's survey of the event (None: not invited)."""
    return await session.scalar(
        select(EvaluationResponse).where(
            EvaluationResponse.event_id == event_id, EvaluationResponse.chat_id == chat_id
        )
    )


def form_state(spec: EvaluationSpec, response: EvaluationResponse) -> FormState:
    """The survey as the form engine reads it."""
    return FormState(fields=spec.questions, answers=dict(response.answers or {}))


def position(spec: EvaluationSpec, response: EvaluationResponse) -> Cursor:
    """Where the person is: a question (``AtField``) or the end (``AtSummary``)."""
    state = form_state(spec, response)
    stored = from_json(response.cursor)
    return start(state) if stored is None else current(stored, state)


def question_number(
    spec: EvaluationSpec, response: EvaluationResponse, key: str
) -> tuple[int, int]:
    """``(number, count)`` of question ``key`` among those asked ("2 dari 4")."""
    asked = [q.key for q in visible_fields(spec.questions, dict(response.answers or {}))]
    if key not in asked:
        asked.append(key)
    return asked.index(key) + 1, len(asked)


def parse_rating(text: str) -> int:
    """A rating typed as a digit 1–5.

    Raises:
        FieldError: ``evaluation-error-rating``.
    """
    value = text.strip()
    if value not in {str(r) for r in RATINGS}:
        raise FieldError("evaluation-error-rating")
    return int(value)


def record_answer(
    spec: EvaluationSpec,
    response: EvaluationResponse,
    key: str,
    value: Any,
    now: datetime,
    *,
    move_on: bool = True,
) -> Cursor:
    """Save ``value`` as the answer to question ``key`` (None: skipped) and, with
    ``move_on``, go to the next question or the end (then ``finished_at`` is set).

    Returns:
        The new position.
    """
    answers = dict(response.answers or {})
    answers[key] = value
    response.answers = answers  # a new dict: the JSON column notices the change
    cursor: Cursor = AtField(key)
    if move_on:
        state = form_state(spec, response)
        cursor = step(AtField(key), Answered(key), state)
        if isinstance(cursor, AtSummary) and not form_problems(spec.questions, answers):
            response.finished_at = response.finished_at or now
    response.cursor = to_json(cursor)
    return cursor


def question(spec: EvaluationSpec, key: str) -> FormFieldSpec | None:
    """The survey's question ``key``."""
    return next((q for q in spec.questions if q.key == key), None)


# --- results -----------------------------------------------------------------------------


@dataclass
class QuestionResult:
    """One question's answers: how many, the average (ratings), counts per value (ratings
    and choices, in order), the texts (text questions)."""

    key: str
    label: str
    kind: str
    answered: int = 0
    average: float | None = None
    counts: list[tuple[str, int]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


@dataclass
class Results:
    """The survey's results: invited, finished, per question."""

    invited: int
    finished: int
    questions: list[QuestionResult]


def _result(spec_question: FormFieldSpec, values: Sequence[Any], language: str) -> QuestionResult:
    given = [v for v in values if v is not None and v != [] and v != ""]
    result = QuestionResult(
        spec_question.key,
        localized(spec_question.label, language),
        spec_question.kind,
        answered=len(given),
    )
    if spec_question.kind == "rating":
        ratings = [int(v) for v in given if isinstance(v, int)]
        result.average = mean(ratings) if ratings else None
        counted = Counter(ratings)
        result.counts = [(str(r), counted[r]) for r in RATINGS]
    elif spec_question.kind in ("single_choice", "multiple_choice"):
        chosen = Counter(item for v in given for item in (v if isinstance(v, list) else [v]))
        result.counts = [
            (localized(choice.label, language), chosen[choice.value])
            for choice in spec_question.choices
        ]
    else:
        result.texts = [str(v) for v in given]
    return result


async def results(session: AsyncSession, event: EventView, language: str) -> Results | None:
    """The survey's results (None without a survey)."""
    spec = survey_of(event)
    if spec is None:
        return None
    responses = list(
        await session.scalars(
            select(EvaluationResponse)
            .where(EvaluationResponse.event_id == event.id)
            .order_by(EvaluationResponse.id)
        )
    )
    return Results(
        invited=len(responses),
        finished=sum(1 for r in responses if r.finished_at is not None),
        questions=[
            _result(q, [(r.answers or {}).get(q.key) for r in responses], language)
            for q in spec.questions
        ],
    )


def counts_text(result: QuestionResult, language: str) -> str:
    """ "5: 10 · 4: 3 · …" (ratings and choices)."""
    return " · ".join(f"{label}: {count}" for label, count in result.counts)


def average_text(result: QuestionResult, language: str) -> str:
    """The average as "4,3" (Indonesian), or "—"."""
    if result.average is None:
        return "—"
    return format_number(round(result.average, 2), language)


async def evaluation_rows(
    session: AsyncSession, edition: Edition, language: str, chunk: int
) -> AsyncIterator[list[list[Any]]]:
    """The workbook's evaluation sheet, one row per question (question, kind, answers,
    average, counts), then one row per text answer; the edition's event's survey; in
    chunks of at most ``chunk`` rows."""
    event_id = await session.scalar(
        select(Event.id).where(Event.edition_id == edition.id).order_by(Event.starts_on.desc())
    )
    event = None if event_id is None else await event_view_by_id(session, event_id)
    found = await results(session, event, language) if event is not None else None
    if found is None:
        return
    rows: list[list[Any]] = []
    for result in found.questions:
        rows.append(
            [
                result.label,
                plain_text(language, f"evaluation-kind-{result.kind}"),
                result.answered,
                round(result.average, 2) if result.average is not None else None,
                counts_text(result, language),
            ]
        )
    for result in found.questions:
        rows.extend([result.label, "", None, None, text] for text in result.texts)
    for first in range(0, len(rows), chunk):
        yield rows[first : first + chunk]
