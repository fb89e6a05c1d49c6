"""Waiting for a user's next message, the Telegram side of
:mod:`bot.services.shared.pending_input`: each feature registers what it does with a message
for its kind of input (:func:`accept_input`); :func:`dispatch` gives a message to exactly the
one input pending for its user in its chat; :func:`start_waiting` starts an input and says
what it replaced; :func:`cancel_input` is ``/batal`` and ``/cancel`` for any input.

Only private chats wait for input. Commands and the main menu's buttons are never input:
they keep their meaning while an input is pending (the input stays pending). The last
handler of group 0 (:mod:`bot.handlers.core.fallback`) calls :func:`dispatch`, so a message
that a pending input takes gets no "not understood", and one no input takes does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.constants import ChatType

from bot.handlers.shared.context import BotContext
from bot.i18n import t
from bot.services.shared.pending_input import (
    InputGone,
    Pending,
    pending_input,
    stop_waiting,
    wait_for,
)

OnMessage = Callable[[Update, BotContext, Pending], Awaitable[bool]]
"""Handles a message for a pending input; True when it took the message (False: the input
no longer applies and the message is answered as if nothing were pending). To consume the
input it calls :func:`bot.services.shared.pending_input.take` in its effect's transaction."""
OnCancel = Callable[[AsyncSession, Pending], Awaitable[None]]
"""What else ``/batal`` undoes for a kind, in the transaction that drops the input."""


@dataclass(frozen=True)
class InputRoute:
    """What a feature does with its kind of input.

    Attributes:
        on_message: Handles a new message (text, photo, document, contact…).
        replaced_key: Catalogue text telling the user this input is no longer awaited
            (another kind of input replaced it).
        cancelled_key: Catalogue text answering ``/batal``.
        on_cancel: More to undo on ``/batal``, in the same transaction.
        on_edited: Handles an edited message (default: edits are not input, ignored).
    """

    on_message: OnMessage
    replaced_key: str
    cancelled_key: str
    on_cancel: OnCancel | None = None
    on_edited: Callable[[Update, BotContext], Awaitable[None]] | None = None


_ROUTES: dict[type[Any], InputRoute] = {}


def accept_input(kind: type[Any], route: InputRoute) -> None:
    """Register how messages for inputs of payload class ``kind`` are handled (at
    ``register(application)`` time)."""
    _ROUTES[kind] = route


def _route_of(pending: Pending | None) -> InputRoute | None:
    return _ROUTES.get(type(pending.payload)) if pending is not None else None


def _private_user(update: Update) -> tuple[int, int] | None:
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None or chat.type != ChatType.PRIVATE:
        return None
    return chat.id, user.id


async def dispatch(update: Update, context: BotContext) -> bool:
    """Give a private message (not a command) to the input pending for its user in its chat.

    Returns:
        True when a pending input took it; False when none is pending (or it no longer
        applies), and the caller answers it.
    """
    who = _private_user(update)
    if who is None:
        return False
    async with context.runtime.transaction() as session:  # the input's own joins it
        pending = await pending_input(session, *who)
    route = _route_of(pending)
    if pending is None or route is None:
        return False
    if update.edited_message is not None:
        if route.on_edited is not None:
            await route.on_edited(update, context)
        return True
    try:
        return await route.on_message(update, context, pending)
    except InputGone:
        return True  # taken already by another handling of the same message: nothing done


async def start_waiting(
    session: AsyncSession, update: Update, payload: Any, now: datetime, language: str
) -> str | None:
    """Wait for the user's next message in this chat as input ``payload`` (in the caller's
    transaction), replacing what was pending.

    Returns:
        A notice to show when another kind of input was waiting (it is no longer); None
        otherwise: a new input of the same kind (another criterion to score) is what the
        user just asked for.
    """
    who = _private_user(update)
    if who is None:
        return None
    return replaced_notice(await wait_for(session, *who, payload, now), type(payload), language)


def replaced_notice(previous: Pending | None, kind: type[Any], language: str) -> str | None:
    """What to tell the user when input ``previous`` gave way to a new one of class ``kind``:
    the previous kind's ``replaced_key`` text, or None when nothing of another kind was
    pending (a new criterion to score replacing the last is what the user just asked for)."""
    route = _route_of(previous)
    if previous is None or route is None or isinstance(previous.payload, kind):
        return None
    return t(language, route.replaced_key)


async def pending_of(session: AsyncSession, update: Update, kind: type[Any]) -> Pending | None:
    """The user's pending input in this chat if it is of class ``kind`` (a button of a
    multi-step input reads its state), else None."""
    who = _private_user(update)
    pending = await pending_input(session, *who) if who is not None else None
    return pending if pending is not None and isinstance(pending.payload, kind) else None


async def drop_input(session: AsyncSession, update: Update, kind: type[Any]) -> bool:
    """Stop waiting for the user's input of class ``kind`` in this chat (a cancel button, a
    step that leaves it), in the caller's transaction; another kind stays pending.

    Returns:
        Whether such an input was pending.
    """
    who = _private_user(update)
    return who is not None and await stop_waiting(session, *who, kind) is not None


async def cancel_input(update: Update, context: BotContext) -> str | None:
    """``/batal`` and ``/cancel``: drop whatever input is pending and undo what its kind says.

    Returns:
        The answer to send (the kind's ``cancelled_key``), or None when nothing was pending.
    """
    who = _private_user(update)
    if who is None:
        return None
    async with context.runtime.transaction() as session:
        dropped = await stop_waiting(session, *who)
        route = _route_of(dropped)
        if dropped is not None and route is not None and route.on_cancel is not None:
            await route.on_cancel(session, dropped)
    if route is None:
        return None
    return t(await context.language(), route.cancelled_key)
