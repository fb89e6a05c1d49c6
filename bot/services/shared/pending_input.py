"""The one way the bot waits for a user's next message: a pending input in the database.

Per (chat, user) at most one input is pending at a time, with its kind and a typed payload:
a frozen dataclass registered with :func:`input_kind` (the committee's note, a judge's typed
score, the broadcast being composed, the entry form). Starting a new input replaces the one
pending (:func:`wait_for` returns it, so the caller can tell the user what is no longer
awaited). One slot rather than a stack: a message then has exactly one meaning, and the user
never has to remember what an older question was waiting for.

Consuming is part of the effect's transaction: :func:`take` deletes exactly the row that was
read, and raises :class:`InputGone` when it is gone already (another handling of the same
message, or a newer input), so the effect is rolled back instead of applied twice. The table
survives restarts, so does every pending input.

Payload fields are JSON values (int, str, float, bool, None, lists and dicts of them).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.database import rows_matched
from bot.storage.models import PendingInput

logger = logging.getLogger(__name__)

P = TypeVar("P")

_KINDS: dict[str, type[Any]] = {}
_NAMES: dict[type[Any], str] = {}


def input_kind(name: str) -> Callable[[type[P]], type[P]]:
    """Class decorator: register a frozen dataclass as the payload of input kind ``name``
    (at most 32 characters, unique, e.g. ``"committee.note"``).

    Raises:
        ValueError: The name is taken by another class, or too long.
    """

    def register(cls: type[P]) -> type[P]:
        if len(name) > 32 or _KINDS.get(name, cls) is not cls:
            raise ValueError(f"input kind {name!r} is too long or taken")
        if not dataclasses.is_dataclass(cls):
            raise TypeError(f"{cls!r} is not a dataclass")
        _KINDS[name], _NAMES[cls] = cls, name
        return cls

    return register


def kind_name(payload_class: type[Any]) -> str:
    """The registered name of a payload class.

    Raises:
        KeyError: The class was not registered with :func:`input_kind`.
    """
    return _NAMES[payload_class]


class InputGone(LookupError):
    """The pending input was consumed or replaced since it was read."""


@dataclass(frozen=True)
class Pending:
    """A pending input as read: its row id, whose it is, and its typed payload."""

    id: int
    chat_id: int
    user_id: int
    payload: Any
    started_at: datetime


async def pending_input(session: AsyncSession, chat_id: int, user_id: int) -> Pending | None:
    """The input pending for ``user_id`` in ``chat_id``, or None. A row whose kind is no
    longer known or whose payload no longer fits its class (a newer bot version) is
    treated as nothing pending, and logged."""
    found = await session.execute(_PENDING_OF, {"chat_id": chat_id, "user_id": user_id})
    row = found.first()
    if row is None:
        return None
    cls = _KINDS.get(row.kind)
    try:
        payload = cls(**row.payload) if cls is not None else None
    except TypeError:
        payload = None
    if payload is None:
        logger.warning("Ignoring pending input %s of kind %r: unreadable", row.id, row.kind)
        return None
    return Pending(row.id, chat_id, user_id, payload, row.started_at)


_pending = PendingInput.__table__
_PENDING_OF = select(
    _pending.c.id, _pending.c.kind, _pending.c.payload, _pending.c.started_at
).where(_pending.c.chat_id == bindparam("chat_id"), _pending.c.user_id == bindparam("user_id"))
"""Built once, and read as columns rather than an ORM object: it runs at every message of
every user (129 against 28 µs of CPU, timeit on SQLite)."""


async def wait_for(
    session: AsyncSession, chat_id: int, user_id: int, payload: Any, now: datetime
) -> Pending | None:
    """Wait for the user's next message in the chat as input ``payload`` (an instance of a
    registered kind), replacing what was pending.

    Returns:
        The input it replaced (or the same input, left as it was when it is pending
        already), or None.
    """
    previous = await pending_input(session, chat_id, user_id)
    if previous is not None and previous.payload == payload:
        return previous  # e.g. another button of the entry form: nothing to write
    await session.execute(
        delete(PendingInput).where(PendingInput.chat_id == chat_id, PendingInput.user_id == user_id)
    )
    session.add(
        PendingInput(
            chat_id=chat_id,
            user_id=user_id,
            kind=kind_name(type(payload)),
            payload=dataclasses.asdict(payload),
            started_at=now,
        )
    )
    await session.flush()
    return previous


async def take(session: AsyncSession, pending: Pending) -> None:
    """Consume ``pending`` in the caller's transaction (before or with its effect).

    Raises:
        InputGone: It was consumed or replaced since it was read; the caller's transaction
            should be rolled back (letting the exception out of it does).
    """
    if await rows_matched(session, delete(PendingInput).where(PendingInput.id == pending.id)) != 1:
        raise InputGone(pending.id)


async def keep_waiting(session: AsyncSession, pending: Pending, payload: Any) -> Pending:
    """Go on waiting with a new payload (the next step of a multi-step input).

    Raises:
        InputGone: It was consumed or replaced since it was read.
    """
    matched = await rows_matched(
        session,
        update(PendingInput)
        .where(PendingInput.id == pending.id)
        .values(kind=kind_name(type(payload)), payload=dataclasses.asdict(payload)),
    )
    if matched != 1:
        raise InputGone(pending.id)
    return dataclasses.replace(pending, payload=payload)


async def stop_waiting(
    session: AsyncSession, chat_id: int, user_id: int, kind: type[Any] | None = None
) -> Pending | None:
    """Stop waiting for the user's input in the chat (only of class ``kind``, if given).

    Returns:
        The input dropped, or None when nothing (of that kind) was pending.
    """
    previous = await pending_input(session, chat_id, user_id)
    if previous is None or (kind is not None and not isinstance(previous.payload, kind)):
        return None
    await take(session, previous)
    return previous
