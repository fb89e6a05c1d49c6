"""Answers to the invitations: the buttons under each invitation (hadir, diwakilkan,
berhalangan) and, for diwakilkan, the delegate's name and jabatan typed in two messages
(pending input ``attendance.delegate``). Only the invitee or an officer of the invited unit
may answer (:func:`bot.services.attendance.invitations.answerable`)."""

from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler

from bot.handlers.shared.callback_data import Codec
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.pending_input import (
    InputRoute,
    accept_input,
    drop_input,
    pending_of,
    start_waiting,
)
from bot.handlers.shared.replies import reply_html
from bot.handlers.shared.text import alert_text
from bot.handlers.shared.updates import message_of, query_of, user_of
from bot.i18n import t
from bot.services.attendance import invitations, records
from bot.services.shared.pending_input import Pending, input_kind, keep_waiting, take
from bot.storage.models import Invitation, RsvpChoice


@dataclass(frozen=True)
class RsvpTap:
    choice: RsvpChoice
    invitation_id: int


RSVP = Codec(invitations.RSVP_PREFIX, RsvpTap)
"""Reads what :func:`bot.services.attendance.invitations.rsvp_data` wrote."""


@input_kind("attendance.delegate")
@dataclass(frozen=True)
class DelegateFor:
    """The delegate of an invitation answered diwakilkan: the name, then the jabatan."""

    invitation_id: int
    name: str = ""
    message_id: int = 0
    """The invitation message whose buttons show the answer once recorded (0: none)."""
    seats: str = ""
    """The invitation ids of that message, comma-separated, in its order."""


async def on_rsvp(update: Update, context: BotContext) -> None:
    """An answer button: record hadir or berhalangan, or ask for the delegate."""
    query = query_of(update)
    tap = RSVP.parse(query.data)
    language = await context.language()
    runtime = context.runtime
    user = user_of(update)
    if tap is None:
        await query.answer()
        return
    notice = dropped = markup = None
    repeated = False
    seat_ids = _seat_ids(query.message)
    async with runtime.transaction() as session:
        try:
            invitation = await invitations.answerable(session, tap.invitation_id, user.id)
        except invitations.NotYours:
            invitation = None
        if invitation is not None:
            label = invitations.invitee_label(invitation, language)
            dropped = await _drop_delegate(session, update, invitation.id, user.id, language)
            if tap.choice is RsvpChoice.DIWAKILKAN:
                asked = DelegateFor(
                    invitation.id, message_id=message_of(update).message_id,
                    seats=",".join(map(str, seat_ids)),
                )  # fmt: skip
                notice = await start_waiting(session, update, asked, runtime.now(), language)
            else:
                repeated = invitation.answer is not None and invitation.answer.choice is tap.choice
                await invitations.answer(
                    session, invitation, tap.choice, user_id=user.id, now=runtime.now()
                )
                markup = await _answered_markup(session, seat_ids, language)
    if invitation is None:
        await query.answer(alert_text(t(language, "attendance-rsvp-not-yours")), show_alert=True)
        return
    if repeated:  # the same answer tapped again: said already, the toast is enough
        await query.answer(alert_text(t(language, "attendance-rsvp-already")))
    else:
        await query.answer()
    message = message_of(update)
    if markup is not None:
        with contextlib.suppress(BadRequest):  # unchanged (the same answer), or too old
            await query.edit_message_reply_markup(markup)
    if repeated and not dropped:
        return
    for text in (dropped, notice):
        if text:
            await reply_html(message, text)
    if tap.choice is RsvpChoice.DIWAKILKAN:
        await reply_html(message, t(language, "attendance-rsvp-ask-delegate-name", invitee=label))
    else:
        await reply_html(
            message, t(language, f"attendance-rsvp-recorded-{tap.choice.value}", invitee=label)
        )


def _seat_ids(message: object) -> list[int]:
    """The invitation ids a message's answer buttons answer, in their order."""
    markup = getattr(message, "reply_markup", None)
    ids: list[int] = []
    for row in markup.inline_keyboard if markup is not None else ():
        for button in row:
            tap = RSVP.parse(button.callback_data) if button.callback_data else None
            if isinstance(tap, RsvpTap) and tap.invitation_id not in ids:
                ids.append(tap.invitation_id)
    return ids


async def _answered_markup(
    session: AsyncSession, seat_ids: list[int], language: str
) -> InlineKeyboardMarkup | None:
    """The message's buttons redrawn with each seat's recorded answer marked (QA2 #9: the
    message never showed which seats were answered)."""
    if not seat_ids:
        return None
    rows = invitations.answer_keyboard(await invitations.seats(session, seat_ids), language)
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b["text"], callback_data=b["callback_data"]) for b in row]
            for row in rows["inline_keyboard"]
        ]
    )


async def _drop_delegate(
    session: AsyncSession, update: Update, tapped: int, user_id: int, language: str
) -> str | None:
    """Any answer button ends a delegate input still pending, so typed text never lands on
    a seat other than the one that asked for it, nor overwrites a seat answered by tap (QA2
    #8: in a message of several seats, tapping another row is the natural next step).

    Returns:
        What to tell the user when the pending delegate was another seat's (its input is
        dropped, its answer unchanged); None when nothing was pending or it was this seat's
        (the tap is the new answer)."""
    pending = await pending_of(session, update, DelegateFor)
    if pending is None:
        return None
    await drop_input(session, update, DelegateFor)
    if pending.payload.invitation_id == tapped:
        return None
    try:
        other = await invitations.answerable(session, pending.payload.invitation_id, user_id)
    except invitations.NotYours:
        return None
    return t(
        language,
        "attendance-rsvp-delegate-dropped",
        invitee=invitations.invitee_label(other, language),
        answered="yes" if other.answer is not None else "no",
    )


async def on_delegate(update: Update, context: BotContext, pending: Pending) -> bool:
    """The delegate's name, then their jabatan; the answer is recorded with the second."""
    message = message_of(update)
    language = await context.language()
    runtime = context.runtime
    state: DelegateFor = pending.payload
    typed = message.text or ""
    field = "jabatan" if state.name else "name"
    try:
        value = records.clean_text(field, typed, required=True)
    except records.PersonError as error:
        await reply_html(
            message,
            t(language, f"attendance-error-{field}-{error.reason}", length=len(typed.strip())),
        )
        return True
    invitation: Invitation | None = None  # stays None when it is not theirs to answer
    markup: InlineKeyboardMarkup | None = None
    async with runtime.transaction() as session:
        if not state.name:
            await keep_waiting(session, pending, dataclasses.replace(state, name=value))
        else:
            await take(session, pending)
            with contextlib.suppress(invitations.NotYours):
                invitation = await invitations.answerable(
                    session, state.invitation_id, user_of(update).id
                )
            if invitation is not None:
                await invitations.answer(
                    session, invitation, RsvpChoice.DIWAKILKAN,
                    user_id=user_of(update).id, now=runtime.now(),
                    delegate_name=state.name, delegate_jabatan=value,
                )  # fmt: skip
                seat_ids = [int(part) for part in state.seats.split(",") if part]
                markup = await _answered_markup(session, seat_ids, language)
    if not state.name:
        await reply_html(message, t(language, "attendance-rsvp-ask-delegate-jabatan", name=value))
    elif invitation is None:
        await reply_html(message, t(language, "attendance-rsvp-not-yours"))
    else:
        if markup is not None and state.message_id:
            with contextlib.suppress(BadRequest):  # the message is gone, or too old to edit
                await context.bot.edit_message_reply_markup(
                    message.chat_id, state.message_id, reply_markup=markup
                )
        label = invitations.invitee_label(invitation, language)
        await reply_html(
            message,
            t(language, "attendance-rsvp-recorded-diwakilkan", invitee=label, name=state.name,
              jabatan=value),
        )  # fmt: skip
    return True


def register(application: Application) -> None:
    """Adds the answer buttons and the delegate's typed name and jabatan."""
    application.add_handler(CallbackQueryHandler(on_rsvp, pattern=RSVP.pattern))
    accept_input(
        DelegateFor,
        InputRoute(
            on_message=on_delegate,
            replaced_key="attendance-delegate-replaced",
            cancelled_key="attendance-delegate-cancelled",
        ),
    )
