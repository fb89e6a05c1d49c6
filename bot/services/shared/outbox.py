"""The outbox: every message the bot sends on its own initiative is written here, in the
transaction of the change that causes it, and delivered by the one sender
(:mod:`bot.outbox.sender`): paced, resumed after a crash, each recipient once.

A message is a :class:`~bot.storage.models.Broadcast` row (what is said, once: its ``kind``,
a unique ``key`` naming the logical message, its HTML in every catalogue language, buttons per
language) and one :class:`~bot.storage.models.Delivery` row per recipient (unique per message
and chat). Texts are rendered when written, in every language (:func:`in_every_language`); the
sender gives each recipient the text of its chat's language at send time. Buttons are stored
as Bot API JSON (:func:`callback_button`, :func:`url_button`, :func:`keyboard`), so nothing
here imports ``telegram``.

A message may carry a document made for it at send time (``document=`` of :func:`enqueue`,
e.g. a certificate's PDF): the message stores a reference (``certificate:<code>``), and the
sender asks the source registered for its prefix (:func:`document_source`) for the bytes just
before sending; a source that answers None (the document was withdrawn meanwhile) fails the
delivery instead of sending it.

The caller owns the transaction (nothing here commits). Committing a transaction that wrote
to the outbox wakes the sender of this process (:data:`WRITTEN` in ``session.info``, read by
the sender's ``after_commit`` hook); another process's sender finds the rows within its poll
interval.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import LANGUAGES, plain_text
from bot.settings import Settings
from bot.storage.models import Broadcast, BroadcastStatus, Chat, Delivery, DeliveryStatus

WRITTEN = "outbox_written"
"""``session.info`` flag: this transaction wrote outbox rows (the sender wakes on commit)."""

NOTICE_KINDS = frozenset(
    {
        "status",
        "new-entry",
        "reopen",
        "review-reopen",
        "schedule",
        "star",
        "question",
        "certificate",
    }
)
"""Kinds of personal notices: sent like any message, but not listed by ``/broadcasts``
(which shows the committee's broadcasts and the mass messages)."""

Texts = dict[str, str]
"""HTML per language code (``{"id": …, "en": …}``)."""
Button = dict[str, Any]
"""A Bot API ``InlineKeyboardButton`` as JSON."""


RENDERED = "rendered"
"""``Broadcast.media_kind`` of a message whose document is made at send time
(``media_file_id`` holds its reference, ``<prefix>:<id>``)."""


@dataclass(frozen=True)
class Document:
    """A file to send with a message: its name as the recipient sees it and its bytes."""

    file_name: str
    content: bytes


DocumentSource = Callable[[AsyncSession, str, Settings], Awaitable[Document | None]]
"""Makes the document of a reference (the part after the prefix): ``(session, id,
settings)`` → the document, or None when it was withdrawn and must not be sent."""

_SOURCES: dict[str, DocumentSource] = {}


def document_source(prefix: str) -> Callable[[DocumentSource], DocumentSource]:
    """Decorator: ``source`` makes the documents referenced ``<prefix>:<id>`` (registered
    when its module is imported, as the feature's handlers do)."""

    def register(source: DocumentSource) -> DocumentSource:
        _SOURCES[prefix] = source
        return source

    return register


async def make_document(
    session: AsyncSession, reference: str, settings: Settings
) -> Document | None:
    """The document of ``reference`` (``<prefix>:<id>``), or None when withdrawn.

    Raises:
        KeyError: No source is registered for the prefix.
    """
    prefix, _, identifier = reference.partition(":")
    return await _SOURCES[prefix](session, identifier, settings)


Rendered = TypeVar("Rendered")


def in_every_language(render: Callable[[str], Rendered]) -> dict[str, Rendered]:
    """``render(language)`` for every catalogue language (texts, or keyboards)."""
    return {language: render(language) for language in LANGUAGES}


def callback_button(text: str, data: str) -> Button:
    """A button that sends ``data`` back (at most 64 bytes, Telegram's limit)."""
    if len(data.encode()) > 64:
        raise ValueError(f"callback data longer than 64 bytes: {data!r}")
    return {"text": text, "callback_data": data}


def url_button(text: str, url: str) -> Button:
    """A button that opens ``url``."""
    return {"text": text, "url": url}


def web_app_button(text: str, url: str) -> Button:
    """A button that opens the Mini App at ``url`` (private chats only, Telegram's rule)."""
    return {"text": text, "web_app": {"url": url}}


def keyboard(rows: Sequence[Sequence[Button]]) -> dict[str, Any]:
    """A Bot API ``InlineKeyboardMarkup`` as JSON."""
    return {"inline_keyboard": [list(row) for row in rows]}


def button_in_every_language(label_key: str, data: str) -> dict[str, dict[str, Any]]:
    """The buttons of a message with one callback button (``data``), labelled by the
    catalogue's ``label_key`` in every language (``markups`` of :func:`enqueue`)."""
    return in_every_language(
        lambda language: keyboard([[callback_button(plain_text(language, label_key), data)]])
    )


async def reachable(session: AsyncSession, chat_ids: Iterable[int]) -> list[int]:
    """``chat_ids`` without duplicates and without the chats that blocked the bot
    (``Chat.blocked_at``; Telegram answers 403 to them), in the given order."""
    wanted = list(dict.fromkeys(chat_ids))
    blocked: set[int] = set()
    for start in range(0, len(wanted), 5000):  # stay under the drivers' parameter limits
        part = wanted[start : start + 5000]
        blocked.update(
            await session.scalars(
                select(Chat.id).where(Chat.id.in_(part), Chat.blocked_at.is_not(None))
            )
        )
    return [chat_id for chat_id in wanted if chat_id not in blocked]


async def write(session: AsyncSession, message: Broadcast, recipients: Sequence[int]) -> Broadcast:
    """Add ``message`` and one pending delivery per recipient (bulk insert).

    Args:
        session: The caller's transaction.
        message: A new, unsaved row.
        recipients: Chat ids, each once (see :func:`reachable`).

    Returns:
        ``message``, flushed (with its id).
    """
    session.add(message)
    await session.flush()
    if recipients:
        await session.execute(
            insert(Delivery),
            [
                {
                    "broadcast_id": message.id,
                    "chat_id": chat_id,
                    "status": DeliveryStatus.PENDING,
                    "attempts": 0,
                }
                for chat_id in recipients
            ],
        )
        session.info[WRITTEN] = True
    return message


async def enqueue(
    session: AsyncSession,
    *,
    kind: str,
    key: str,
    recipients: Iterable[int],
    texts: Mapping[str, str],
    now: datetime,
    markups: Mapping[str, dict[str, Any]] | None = None,
    document: str | None = None,
) -> Broadcast | None:
    """Write one logical message for ``recipients``, to be sent at once.

    Args:
        session: The transaction of the change that causes the message.
        kind: What it is (``status``, ``reminder``…; see :data:`NOTICE_KINDS`).
        key: Names the logical message, unique (``status:<audit id>``, a reminder's key):
            a second write of the same key adds nothing.
        recipients: Chat ids; duplicates and chats that blocked the bot are left out.
        texts: HTML per language (:func:`in_every_language`), within Telegram's 4096
            characters after entity parsing.
        now: The current instant (aware).
        markups: Buttons per language (:func:`keyboard`), or None.
        document: The reference (``<prefix>:<id>``, see :func:`document_source`) of a
            document made at send time; ``texts`` are then its caption (at most 1024
            characters after entity parsing).

    Returns:
        The message, or None when there is no recipient or the key was written before.
    """
    chat_ids = await reachable(session, recipients)
    if not chat_ids:
        return None
    if await session.scalar(select(Broadcast.id).where(Broadcast.key == key)) is not None:
        return None
    message = Broadcast(
        kind=kind,
        key=key,
        text=next(iter(texts.values())),
        texts=dict(texts),
        markups=dict(markups) if markups else None,
        media_kind=RENDERED if document else None,
        media_file_id=document,
        audience={"kind": "chats", "chat_ids": chat_ids},
        status=BroadcastStatus.SENDING,
        created_at=now,
        started_at=now,
    )
    return await write(session, message, chat_ids)
