"""What the questions' messages say and their buttons: the attendees' board of a session,
the moderator's queue and a question's card. Pure functions of loaded rows (no Telegram
calls); the button families (:class:`~bot.handlers.shared.callback_data.Codec`) live here so
both sides route the same data."""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.handlers.shared.callback_data import Codec
from bot.handlers.shared.keyboards import button, keyboard
from bot.i18n import Markup, format_time_range, plain_text, t
from bot.services.attendees.agenda import event_zone
from bot.services.core.event_view import AgendaItemView, EventView
from bot.services.questions.moderation import Queue
from bot.storage.models import Question, QuestionStatus

BOARD_LIMIT = 10
"""Most questions listed on a board or a queue (by votes); the screen shows fewer."""
CARD_LIMIT = 10
"""Most waiting questions sent as cards at once by ``/moderasi``."""


class Mode(enum.StrEnum):
    """Whether the question is asked with the asker's name or anonymously."""

    NAMED = "n"
    ANONYMOUS = "a"


@dataclass(frozen=True)
class Ask:
    """ "❓ Ajukan pertanyaan" for a session, named or anonymous."""

    item: int
    mode: Mode


@dataclass(frozen=True)
class Vote:
    """👍 for an approved question (a separate button: a vote is never a question)."""

    question: int


@dataclass(frozen=True)
class Board:
    """Show (or refresh) a session's board."""

    item: int


class Act(enum.StrEnum):
    """What a moderator does to one question."""

    APPROVE = "approve"
    EDIT = "edit"
    HIDE = "hide"
    ANSWER = "answer"


class View(enum.StrEnum):
    """Where a moderator's button is: on a question's card, or on a session's queue (the
    message shown again after the action)."""

    CARD = "c"
    QUEUE = "q"


@dataclass(frozen=True)
class Moderate:
    """A moderator's button on a question."""

    action: Act
    question: int
    view: View = View.CARD


class SessionAct(enum.StrEnum):
    """What a moderator does to a session's questions."""

    QUEUE = "queue"
    CLOSE = "close"
    OPEN = "open"


@dataclass(frozen=True)
class ModerateSession:
    """A moderator's button on a session."""

    action: SessionAct
    item: int


ASK = Codec("qa:ask", Ask)
VOTE = Codec("qa:vote", Vote)
BOARD = Codec("qa:board", Board)
MODERATE = Codec("qm:q", Moderate)
MODERATE_SESSION = Codec("qm:s", ModerateSession)


def asker(question: Question, language: str) -> str:
    """The name shown with a question ("Anonim" when asked anonymously)."""
    return question.asker_name or plain_text(language, "questions-anonymous")


def session_line(item: AgendaItemView, event: EventView, language: str) -> str:
    """The session's title and time ("<b>Title</b> · 09.00–09.30 WIB")."""
    when = format_time_range(item.starts_at, item.ends_at, event_zone(event), language)
    return t(language, "questions-session", title=item.title, time=when)


def board_text(
    item: AgendaItemView, event: EventView, questions: Sequence[Question], language: str
) -> str:
    """The attendees' board: the session and its approved questions by votes."""
    lines = [t(language, "questions-board-title"), session_line(item, event, language), ""]
    if not questions:
        lines.append(t(language, "questions-board-empty"))
    for rank, question in enumerate(questions, start=1):
        key = (
            "questions-line-answered"
            if question.status == QuestionStatus.ANSWERED
            else ("questions-line")
        )
        lines.append(
            t(
                language,
                key,
                rank=rank,
                text=question.text,
                asker=asker(question, language),
                votes=question.votes,
            )
        )
    lines += ["", t(language, "questions-board-how")]
    return "\n".join(lines)


def shown_order(markup: InlineKeyboardMarkup | None) -> list[int]:
    """The questions whose 👍 buttons ``markup`` shows, in their places."""
    if markup is None:
        return []
    votes = (
        VOTE.parse(b.callback_data)
        for row in markup.inline_keyboard
        for b in row
        if isinstance(b.callback_data, str)
    )
    return [vote.question for vote in votes if vote is not None]


def board_keyboard(
    item: AgendaItemView,
    questions: Sequence[Question],
    voted: Collection[int],
    language: str,
    keep: Sequence[int] = (),
) -> InlineKeyboardMarkup | None:
    """ "❓ Ajukan pertanyaan" (named, anonymous) and one 👍 button per approved question.

    ``keep``: the questions in the order the tapped board showed their buttons (see
    :func:`shown_order`): a board edited in place after a vote keeps each button where it
    was, with its new rank and count, so a double tap hits the same question again (counted
    once) and not the one the votes moved under the finger; the text follows the votes."""
    rows: list[list[InlineKeyboardButton]] = [
        [button(plain_text(language, "questions-ask-button"), ASK.pack(Ask(item.id, Mode.NAMED)))],
        [
            button(
                plain_text(language, "questions-ask-anonymous-button"),
                ASK.pack(Ask(item.id, Mode.ANONYMOUS)),
            )
        ],
    ]
    votable = [
        (rank, question)
        for rank, question in enumerate(questions, start=1)
        if question.status == QuestionStatus.APPROVED
    ]
    places = {question_id: place for place, question_id in enumerate(keep)}
    votable.sort(key=lambda ranked: places.get(ranked[1].id, len(places) + ranked[0]))
    for start in range(0, len(votable), 4):
        rows.append(
            [
                button(
                    plain_text(
                        language,
                        "questions-vote-button-done"
                        if question.id in voted
                        else ("questions-vote-button"),
                        rank=rank,
                        votes=question.votes,
                    ),
                    VOTE.pack(Vote(question.id)),
                )
                for rank, question in votable[start : start + 4]
            ]
        )
    rows.append(
        [button(plain_text(language, "questions-refresh-button"), BOARD.pack(Board(item.id)))]
    )
    return keyboard(rows)


def status_text(question: Question, language: str) -> str:
    """A question's status as the moderator reads it."""
    return t(language, f"questions-status-{question.status.value}", votes=question.votes)


def card_text(question: Question, item: AgendaItemView, language: str) -> str:
    """A question as the moderator's card: number, session, text, asker, status."""
    return t(
        language,
        "questions-card",
        id=question.id,
        session=item.title,
        text=question.text,
        asker=asker(question, language),
        status=Markup(status_text(question, language)),
    )


def card_keyboard(question: Question, language: str) -> InlineKeyboardMarkup | None:
    """The moderator's buttons for a question in its status (none once hidden)."""
    acts = {
        QuestionStatus.PENDING: (Act.APPROVE, Act.EDIT, Act.HIDE),
        QuestionStatus.APPROVED: (Act.ANSWER, Act.EDIT, Act.HIDE),
        QuestionStatus.ANSWERED: (Act.HIDE,),
        QuestionStatus.HIDDEN: (),
    }[question.status]
    return keyboard(
        [
            [
                button(
                    plain_text(language, f"questions-act-{act.value}"),
                    MODERATE.pack(Moderate(act, question.id)),
                )
                for act in acts
            ]
        ]
    )


def queue_text(
    item: AgendaItemView, event: EventView, queue: Queue, closed: bool, language: str
) -> str:
    """The moderator's view of a session: counts, then the approved questions by votes."""
    lines = [
        t(language, "questions-queue-title"),
        session_line(item, event, language),
        t(
            language,
            "questions-queue-counts",
            pending=len(queue.pending),
            approved=len(queue.approved),
            answered=len(queue.answered),
        ),
        t(language, "questions-queue-closed" if closed else "questions-queue-open"),
        "",
    ]
    if not queue.approved:
        lines.append(t(language, "questions-queue-none-approved"))
    for rank, question in enumerate(queue.approved[:BOARD_LIMIT], start=1):
        lines.append(
            t(
                language,
                "questions-queue-line",
                rank=rank,
                id=question.id,
                text=question.text,
                asker=asker(question, language),
                votes=question.votes,
            )
        )
    return "\n".join(lines)


def queue_keyboard(
    item: AgendaItemView, queue: Queue, closed: bool, language: str
) -> InlineKeyboardMarkup | None:
    """Per approved question (by votes): answered, hide; then close or reopen, refresh."""
    rows = [
        [
            button(
                plain_text(language, "questions-act-answer-numbered", id=question.id),
                MODERATE.pack(Moderate(Act.ANSWER, question.id, View.QUEUE)),
            ),
            button(
                plain_text(language, "questions-act-hide-numbered", id=question.id),
                MODERATE.pack(Moderate(Act.HIDE, question.id, View.QUEUE)),
            ),
        ]
        for question in queue.approved[:BOARD_LIMIT]
    ]
    toggle = SessionAct.OPEN if closed else SessionAct.CLOSE
    rows.append(
        [
            button(
                plain_text(language, f"questions-session-{toggle.value}-button"),
                MODERATE_SESSION.pack(ModerateSession(toggle, item.id)),
            ),
            button(
                plain_text(language, "questions-refresh-button"),
                MODERATE_SESSION.pack(ModerateSession(SessionAct.QUEUE, item.id)),
            ),
        ]
    )
    return keyboard(rows)


def sessions_keyboard(
    items: Sequence[AgendaItemView], event: EventView, language: str, *, moderator: bool
) -> InlineKeyboardMarkup | None:
    """One button per session (to choose which board or queue to open)."""
    zone = event_zone(event)
    rows = []
    for item in items:
        when = format_time_range(item.starts_at, item.ends_at, zone, language)
        label = f"{when} {item.title}"
        label = label if len(label) <= 48 else label[:47].rstrip() + "…"
        data = (
            MODERATE_SESSION.pack(ModerateSession(SessionAct.QUEUE, item.id))
            if moderator
            else BOARD.pack(Board(item.id))
        )
        rows.append([button(label, data)])
    return keyboard(rows)
