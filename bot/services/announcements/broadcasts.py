"""Broadcasts: who receives one (:class:`Audience`), creating it with one Delivery row per
recipient (through the outbox, :mod:`bot.services.shared.outbox`), and the bookkeeping the
sender does per delivery of any outbox message (claim, sent, failed, blocked).

The transaction belongs to the caller (nothing here commits). The Telegram side, pacing and
retries live in :mod:`bot.outbox.sender`.

Exactly-once bookkeeping: the sender claims a few deliveries (``last_error`` becomes
:data:`IN_FLIGHT`, committed before any of them is sent), sends each one and commits its
result right after Telegram answers. A pending row still marked :data:`IN_FLIGHT` when the
bot starts means the process died during that attempt: Telegram may or may not have
accepted it (the Bot API has no idempotency key), and it is sent again, so a crash can
duplicate at most the messages that were in flight at that instant, never lose one.

Several sender processes (webhook replicas on one PostgreSQL) share the outbox with leases:
a claim names its process (``Delivery.claimed_by``) and lapses at ``claimed_until`` unless
the process renews it (:func:`renew_claims`) while it holds the row; a row is claimable when
pending and unclaimed or its claim lapsed. A live process's rows are therefore never taken by
another, and a dead one's are sent by another once the lease lapses (each of those it had in
flight may arrive twice, as after a crash of a single process).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator
from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    bindparam,
    case,
    cast,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.core.chats import mark_blocked
from bot.services.core.events import current_edition
from bot.services.shared.outbox import NOTICE_KINDS, reachable, write
from bot.storage.database import rows_matched
from bot.storage.locking import lease_now, lease_until, skip_locked
from bot.storage.models import (
    Broadcast,
    BroadcastStatus,
    Chat,
    Delivery,
    DeliveryStatus,
    Judge,
    Officer,
    Subscriber,
    Unit,
)

IN_FLIGHT = "in flight"
"""``Delivery.last_error`` of a pending delivery whose attempt has started (see module doc)."""

SUBSCRIBER_TOPICS = ("general", "schedule", "results")
"""Topics a subscriber can choose (``Subscriber.topic``)."""

ERROR_MAX = 300
"""Longest ``Delivery.last_error`` kept (the column's size), characters."""

LEASE_SECONDS = 30.0
"""Default life of a claim on a delivery, seconds (renewed while the sender holds it)."""


class AudienceKind(enum.StrEnum):
    """Who a broadcast goes to."""

    SUBSCRIBERS = "subscribers"
    OFFICERS = "officers"
    JUDGES = "judges"
    CHATS = "chats"
    ALL = "all"


class Audience(BaseModel):
    """The recipients of a broadcast, stored as JSON in ``Broadcast.audience``.

    Attributes:
        kind: Which group of chats.
        topic: ``subscribers`` only: ``general``, ``schedule`` or ``results``; None for a
            subscriber of any topic (each chat once).
        unit_codes: ``officers`` only: codes of the Perangkat Daerah (e.g. ``DINSOS``);
            None for the officers of every unit.
        edition_id: ``officers`` and ``judges``: the edition; None for the current one.
        chat_ids: ``chats`` only: explicit chat ids (personal reminders, congratulations).
    """

    model_config = ConfigDict(frozen=True)

    kind: AudienceKind
    topic: str | None = None
    unit_codes: tuple[str, ...] | None = None
    edition_id: int | None = None
    chat_ids: tuple[int, ...] | None = None

    @field_validator("topic")
    @classmethod
    def _known_topic(cls, value: str | None) -> str | None:
        if value is not None and value not in SUBSCRIBER_TOPICS:
            raise ValueError(f"unknown topic {value!r}; one of {SUBSCRIBER_TOPICS}")
        return value

    @classmethod
    def subscribers(cls, topic: str | None = None) -> Audience:
        """Active subscribers of ``topic`` (None: of any topic)."""
        return cls(kind=AudienceKind.SUBSCRIBERS, topic=topic)

    @classmethod
    def officers(
        cls, unit_codes: Sequence[str] | None = None, edition_id: int | None = None
    ) -> Audience:
        """Officers of the given units (None: of every unit)."""
        codes = tuple(unit_codes) if unit_codes is not None else None
        return cls(kind=AudienceKind.OFFICERS, unit_codes=codes, edition_id=edition_id)

    @classmethod
    def judges(cls, edition_id: int | None = None) -> Audience:
        """The panel (tim penilai) of the edition."""
        return cls(kind=AudienceKind.JUDGES, edition_id=edition_id)

    @classmethod
    def chats(cls, chat_ids: Sequence[int]) -> Audience:
        """Exactly these chats."""
        return cls(kind=AudienceKind.CHATS, chat_ids=tuple(chat_ids))

    @classmethod
    def everyone(cls) -> Audience:
        """Every private chat that knows the bot and has not blocked it."""
        return cls(kind=AudienceKind.ALL)

    def to_json(self) -> dict[str, Any]:
        """The JSON stored in ``Broadcast.audience`` (None fields left out)."""
        return self.model_dump(mode="json", exclude_none=True)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Audience:
        """The audience stored by :meth:`to_json`."""
        return cls.model_validate(data)


async def _edition_id(session: AsyncSession, audience: Audience) -> int | None:
    if audience.edition_id is not None:
        return audience.edition_id
    edition = await current_edition(session)
    return edition.id if edition is not None else None


async def resolve_audience(session: AsyncSession, audience: Audience) -> list[int]:
    """The chat ids of the audience now, each once, in a stable order.

    Chats that blocked the bot (``Chat.blocked_at`` set) are left out: they are inactive
    until the user writes again (Telegram answers 403 to them).

    Returns:
        Chat ids (user ids for private chats).
    """
    kind = audience.kind
    if kind is AudienceKind.SUBSCRIBERS:
        query = select(Subscriber.chat_id).where(Subscriber.active.is_(True))
        if audience.topic is not None:
            query = query.where(Subscriber.topic == audience.topic)
    elif kind is AudienceKind.OFFICERS:
        edition_id = await _edition_id(session, audience)
        query = (select(Officer.user_id).join(Unit, Unit.id == Officer.unit_id)).where(
            Unit.edition_id == edition_id
        )
        if audience.unit_codes is not None:
            query = query.where(Unit.code.in_(audience.unit_codes))
    elif kind is AudienceKind.JUDGES:
        edition_id = await _edition_id(session, audience)
        query = select(Judge.user_id).where(Judge.edition_id == edition_id)
    elif kind is AudienceKind.ALL:
        query = select(Chat.id).where(Chat.type == "private")
    else:
        return await reachable(session, audience.chat_ids or ())
    return await reachable(session, sorted(set(await session.scalars(query))))


async def create_broadcast(
    session: AsyncSession,
    *,
    text: str,
    audience: Audience,
    now: datetime,
    created_by: int | None = None,
    kind: str = "manual",
    texts: dict[str, str] | None = None,
    media_kind: str | None = None,
    media_file_id: str | None = None,
    scheduled_at: datetime | None = None,
    key: str | None = None,
) -> Broadcast:
    """Create a broadcast and one pending Delivery per recipient (bulk insert).

    The sender (:mod:`bot.outbox.sender`) delivers it once the caller commits (the commit
    wakes it).

    Args:
        session: The caller's transaction.
        text: HTML ready to send (escape user text first), at most 4096 characters after
            entity parsing, or 1024 with media (Telegram's limits).
        audience: Who receives it, resolved now (:func:`resolve_audience`).
        now: The current instant (aware).
        created_by: Telegram user id of the admin, None for the system.
        kind: ``manual`` or the system's kind (``winners``, ``reminder``…).
        texts: Optional HTML per language (``{"id": …, "en": …}``), chosen by each chat's
            language, else DEFAULT_LANGUAGE, else ``text``.
        media_kind: ``photo`` or ``document`` (``text`` is then the caption), or None.
        media_file_id: Telegram ``file_id`` of the media.
        scheduled_at: When to send (aware); None or a past instant sends now.
        key: Names the logical message (the system's messages, e.g. a reminder's key); when
            a broadcast with this key exists, it is returned and nothing is added.

    Returns:
        The broadcast (flushed, with its id), status SENDING or SCHEDULED.

    Raises:
        ValueError: ``media_kind`` is not photo/document, or it is given without a file id.
    """
    if media_kind not in (None, "photo", "document"):
        raise ValueError(f"unknown media kind {media_kind!r}")
    if (media_kind is None) != (media_file_id is None):
        raise ValueError("media_kind and media_file_id go together")
    if key is not None:
        existing = await session.scalar(select(Broadcast).where(Broadcast.key == key))
        if existing is not None:
            return existing
    later = scheduled_at is not None and scheduled_at > now
    broadcast = Broadcast(
        kind=kind,
        key=key,
        created_by=created_by,
        text=text,
        texts=dict(texts) if texts else None,
        media_kind=media_kind,
        media_file_id=media_file_id,
        audience=audience.to_json(),
        status=BroadcastStatus.SCHEDULED if later else BroadcastStatus.SENDING,
        scheduled_at=scheduled_at,
        created_at=now,
        started_at=None if later else now,
    )
    return await write(session, broadcast, await resolve_audience(session, audience))


def text_for_language(broadcast: Broadcast, language: str | None, default_language: str) -> str:
    """The HTML a recipient gets: its language's text, else the default language's, else
    ``broadcast.text``."""
    texts = broadcast.texts or {}
    return texts.get(language or "") or texts.get(default_language) or broadcast.text


def markup_for_language(
    broadcast: Broadcast, language: str | None, default_language: str
) -> dict[str, Any] | None:
    """The buttons a recipient gets (Bot API JSON): its language's, else the default
    language's; None for a message without buttons."""
    markups = broadcast.markups or {}
    return markups.get(language or "") or markups.get(default_language)


# --- progress and the committee's view ---------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """Where a broadcast stands: counts of its deliveries.

    Attributes:
        broadcast_id: The broadcast.
        status: Its status.
        total: Recipients.
        pending: Not yet answered by Telegram (or not sent because cancelled).
        sent: Accepted by Telegram.
        failed: Given up (chat not found, too many transient errors, bad request).
        blocked: The recipient blocked the bot (403 "bot was blocked by the user").
        not_started: The recipient never started the bot, so Telegram lets no bot write
            first (403 "bot can't initiate conversation with a user"); counted apart from
            ``blocked``: the cure is to ask them to open the bot, not a refusal.
    """

    broadcast_id: int
    status: BroadcastStatus
    total: int
    pending: int
    sent: int
    failed: int
    blocked: int
    not_started: int = 0

    @property
    def finished(self) -> bool:
        """No more deliveries will be attempted (done or cancelled)."""
        return self.status in (BroadcastStatus.DONE, BroadcastStatus.CANCELLED)


NOT_STARTED = "not_started"
"""Key of the blocked deliveries whose recipient never started the bot, in :func:`_counts`."""

CANT_INITIATE = "%initiate conversation%"
"""Telegram's 403 to a user who never started the bot: "Forbidden: bot can't initiate
conversation with a user" (a blocked bot is "Forbidden: bot was blocked by the user")."""


async def _counts(session: AsyncSession, broadcast_ids: list[int]) -> dict[int, dict[str, int]]:
    never_started = and_(
        Delivery.status == DeliveryStatus.BLOCKED, Delivery.last_error.like(CANT_INITIATE)
    )
    kind: ColumnElement[str] = case(
        (never_started, NOT_STARTED), else_=cast(Delivery.status, String)
    )
    rows = await session.execute(
        select(Delivery.broadcast_id, kind, func.count())
        .where(Delivery.broadcast_id.in_(broadcast_ids))
        .group_by(Delivery.broadcast_id, kind)
    )
    counts: dict[int, dict[str, int]] = {i: {} for i in broadcast_ids}
    for broadcast_id, status, count in rows:
        counts[broadcast_id][status] = count
    return counts


def _progress(broadcast: Broadcast, counts: dict[str, int]) -> Progress:
    return Progress(
        broadcast_id=broadcast.id,
        status=broadcast.status,
        total=sum(counts.values()),
        pending=counts.get(DeliveryStatus.PENDING.value, 0),
        sent=counts.get(DeliveryStatus.SENT.value, 0),
        failed=counts.get(DeliveryStatus.FAILED.value, 0),
        blocked=counts.get(DeliveryStatus.BLOCKED.value, 0),
        not_started=counts.get(NOT_STARTED, 0),
    )


async def broadcast_progress(session: AsyncSession, broadcast_id: int) -> Progress | None:
    """The broadcast's counts, or None if there is no such broadcast."""
    broadcast = await session.get(Broadcast, broadcast_id, populate_existing=True)
    if broadcast is None:
        return None
    return _progress(broadcast, (await _counts(session, [broadcast_id]))[broadcast_id])


async def recent_broadcasts(
    session: AsyncSession, limit: int = 10
) -> list[tuple[Broadcast, Progress]]:
    """The latest broadcasts and mass messages, newest first, each with its counts (personal
    notices, :data:`~bot.services.shared.outbox.NOTICE_KINDS`, are left out)."""
    broadcasts = list(
        await session.scalars(
            select(Broadcast)
            .where(Broadcast.kind.not_in(NOTICE_KINDS))
            .order_by(Broadcast.id.desc())
            .limit(limit)
        )
    )
    counts = await _counts(session, [b.id for b in broadcasts])
    return [(b, _progress(b, counts[b.id])) for b in broadcasts]


async def cancel_broadcast(session: AsyncSession, broadcast_id: int, now: datetime) -> bool:
    """Stop a scheduled or running broadcast; pending deliveries stay unsent.

    Messages already handed to Telegram are not recalled; the sender finishes the few in
    flight and starts no new one.

    Returns:
        True if it was cancelled, False if it had already finished (or does not exist).
    """
    matched = await rows_matched(
        session,
        update(Broadcast)
        .where(
            Broadcast.id == broadcast_id,
            Broadcast.status.in_(
                [BroadcastStatus.SCHEDULED, BroadcastStatus.SENDING, BroadcastStatus.DRAFT]
            ),
        )
        .values(status=BroadcastStatus.CANCELLED, finished_at=now),
    )
    return matched == 1


# --- the sender's bookkeeping ------------------------------------------------------------


async def start_due_broadcasts(session: AsyncSession, now: datetime) -> list[int]:
    """Turn scheduled broadcasts whose time has come into sending ones.

    Returns:
        Ids of the broadcasts started.
    """
    ids = list(
        await session.scalars(
            select(Broadcast.id).where(
                Broadcast.status == BroadcastStatus.SCHEDULED, Broadcast.scheduled_at <= now
            )
        )
    )
    if ids:
        await session.execute(
            update(Broadcast)
            .where(Broadcast.id.in_(ids), Broadcast.status == BroadcastStatus.SCHEDULED)
            .values(status=BroadcastStatus.SENDING, started_at=now)
        )
    return ids


async def sending_broadcasts(session: AsyncSession) -> list[Broadcast]:
    """Broadcasts being sent, oldest first."""
    return list(
        await session.scalars(
            select(Broadcast)
            .where(Broadcast.status == BroadcastStatus.SENDING)
            .order_by(Broadcast.id)
            .execution_options(populate_existing=True)
        )
    )


@dataclass
class ClaimedDelivery:
    """A delivery the sender is working on.

    Attributes:
        id: ``Delivery.id``.
        broadcast_id: Its broadcast.
        chat_id: Where it goes (changes when a group became a supergroup).
        language: The chat's language, None if it never chose or is unknown.
        attempts: Attempts Telegram answered so far (429 answers not counted).
    """

    id: int
    broadcast_id: int
    chat_id: int
    language: str | None
    attempts: int


async def claim_deliveries(
    session: AsyncSession,
    broadcast_id: int,
    *,
    after_id: int,
    limit: int,
    owner: str = "",
    lease: float = LEASE_SECONDS,
) -> list[ClaimedDelivery]:
    """Claim the next claimable deliveries of a sending broadcast for ``owner`` until
    ``lease`` seconds from now, and mark them :data:`IN_FLIGHT`.

    Commit before sending them: a crash then leaves them recognisable (see module doc). On
    PostgreSQL the rows are claimed with ``FOR UPDATE SKIP LOCKED``
    (:func:`~bot.storage.locking.skip_locked`): rows another process is claiming are skipped,
    and rows another process claimed (a lease not lapsed) are not claimable.

    Args:
        session: The caller's transaction.
        broadcast_id: The broadcast; nothing is claimed unless its status is SENDING.
        after_id: Only deliveries with a greater id (the sender's cursor).
        limit: Most rows claimed.
        owner: Names the claiming process (at most 64 characters).
        lease: Seconds the claim holds unless renewed (:func:`renew_claims`).

    Returns:
        The claimed deliveries in id order (empty when none is left after ``after_id``).
    """
    query = (
        select(Delivery.id, Delivery.chat_id, Delivery.attempts, Chat.language)
        .join(Broadcast, Broadcast.id == Delivery.broadcast_id)
        .outerjoin(Chat, Chat.id == Delivery.chat_id)
        .where(
            Delivery.broadcast_id == broadcast_id,
            Broadcast.status == BroadcastStatus.SENDING,
            Delivery.status == DeliveryStatus.PENDING,
            Delivery.id > after_id,
            or_(Delivery.claimed_until.is_(None), Delivery.claimed_until <= lease_now(session)),
        )
        .order_by(Delivery.id)
        .limit(limit)
    )
    rows = (await session.execute(skip_locked(query, Delivery))).all()
    if rows:
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_([row.id for row in rows]))
            .values(
                last_error=IN_FLIGHT, claimed_by=owner, claimed_until=lease_until(session, lease)
            )
        )
    return [
        ClaimedDelivery(row.id, broadcast_id, row.chat_id, row.language, row.attempts)
        for row in rows
    ]


async def renew_claims(session: AsyncSession, owner: str, lease: float) -> set[int]:
    """Extend every claim ``owner`` still holds on a pending delivery to ``lease`` seconds
    from now (a lapsed claim no other process took is renewed too).

    Returns:
        The ids renewed: a row the owner thinks it holds and that is missing was taken by
        another process after the claim lapsed (or is finished), and must not be sent.
    """
    result = await session.execute(
        update(Delivery)
        .where(Delivery.claimed_by == owner, Delivery.status == DeliveryStatus.PENDING)
        .values(claimed_until=lease_until(session, lease))
        .returning(Delivery.id)
    )
    return set(result.scalars())


async def release_claims(session: AsyncSession, owner: str | None) -> int:
    """Give back ``owner``'s claims on pending deliveries (a sender stopping), or every claim
    (``owner`` None: a process that knows it is the only sender, at start), so they are
    claimable at once instead of when their leases lapse.

    Returns:
        How many claims were released.
    """
    query = update(Delivery).where(
        Delivery.status == DeliveryStatus.PENDING, Delivery.claimed_by.is_not(None)
    )
    if owner is not None:
        query = query.where(Delivery.claimed_by == owner)
    return await rows_matched(session, query.values(claimed_by=None, claimed_until=None))


async def mark_in_flight(session: AsyncSession, delivery_id: int) -> None:
    """Mark one pending delivery :data:`IN_FLIGHT` again before a retry."""
    await session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.status == DeliveryStatus.PENDING)
        .values(last_error=IN_FLIGHT)
    )


def _attempted(delivery_id: int, **values: Any) -> Any:
    return (
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(attempts=Delivery.attempts + 1, **values)
    )


_DELIVERIES = Delivery.__table__
_MARK_SENT = (
    update(_DELIVERIES)
    .where(_DELIVERIES.c.id == bindparam("b_id"))
    .values(
        status=DeliveryStatus.SENT,
        attempts=_DELIVERIES.c.attempts + 1,
        message_id=bindparam("b_message_id"),
        sent_at=bindparam("b_sent_at"),
        last_error=None,
    )
)
"""One delivery accepted by Telegram (Core statement, built once, run with many rows)."""


async def mark_sent(
    session: AsyncSession, delivery_id: int, *, message_id: int, now: datetime
) -> None:
    """Record that Telegram accepted the message (commit at once: see module doc)."""
    await mark_sent_many(session, [(delivery_id, message_id)], now=now)


async def mark_sent_many(
    session: AsyncSession, sent: Sequence[tuple[int, int]], *, now: datetime
) -> None:
    """Record that Telegram accepted several messages, in one statement run for every row
    (an executemany: one database round trip however many rows).

    Args:
        session: The caller's transaction (commit at once: see module doc).
        sent: ``(delivery id, Telegram message_id)`` pairs.
        now: When they were recorded (aware), kept as ``sent_at``.
    """
    if sent:
        await session.execute(
            _MARK_SENT,
            [
                {"b_id": delivery_id, "b_message_id": message_id, "b_sent_at": now}
                for delivery_id, message_id in sent
            ],
        )


async def mark_failed(session: AsyncSession, delivery_id: int, error: str) -> None:
    """Give up on a delivery (chat not found, a bad request, too many transient errors)."""
    await session.execute(
        _attempted(delivery_id, status=DeliveryStatus.FAILED, last_error=error[:ERROR_MAX])
    )


async def mark_delivery_blocked(
    session: AsyncSession, delivery_id: int, chat_id: int, error: str, now: datetime
) -> None:
    """Telegram answered 403: the delivery is ``blocked`` and so is the chat (its
    subscriptions become inactive until the user writes again)."""
    await session.execute(
        _attempted(delivery_id, status=DeliveryStatus.BLOCKED, last_error=error[:ERROR_MAX])
    )
    await mark_blocked(session, chat_id, now)


async def note_transient_error(session: AsyncSession, delivery_id: int, error: str) -> None:
    """Count a failed attempt that will be retried (5xx, network error, timeout)."""
    await session.execute(_attempted(delivery_id, last_error=error[:ERROR_MAX]))


async def record_chat_migration(
    session: AsyncSession, delivery_id: int, old_chat_id: int, new_chat_id: int
) -> bool:
    """A group became a supergroup (Telegram's ``migrate_to_chat_id``): the delivery goes to
    the new chat, and so do the group's subscriptions and its chat row's settings.

    Args:
        session: The caller's transaction.
        delivery_id: The delivery that met the migration.
        old_chat_id: The group's id.
        new_chat_id: The supergroup's id.

    Returns:
        True if the delivery now goes to the supergroup; False if the broadcast already has
        a delivery for it (this one is then ``failed``, so the supergroup gets one copy).
    """
    old = await session.get(Chat, old_chat_id)
    if old is not None and await session.get(Chat, new_chat_id) is None:
        session.add(
            Chat(
                id=new_chat_id,
                type="supergroup",
                title=old.title,
                language=old.language,
                created_at=old.created_at,
            )
        )
    moved_topics = select(Subscriber.topic).where(Subscriber.chat_id == new_chat_id)
    await session.execute(
        update(Subscriber)
        .where(Subscriber.chat_id == old_chat_id, Subscriber.topic.not_in(moved_topics))
        .values(chat_id=new_chat_id)
    )
    await session.execute(delete(Subscriber).where(Subscriber.chat_id == old_chat_id))
    taken = await session.scalar(
        select(Delivery.id).where(
            Delivery.broadcast_id
            == select(Delivery.broadcast_id).where(Delivery.id == delivery_id).scalar_subquery(),
            Delivery.chat_id == new_chat_id,
        )
    )
    if taken is not None:
        await session.execute(
            _attempted(
                delivery_id,
                status=DeliveryStatus.FAILED,
                last_error=f"group became {new_chat_id}, which receives it already",
            )
        )
        return False
    await session.execute(
        update(Delivery).where(Delivery.id == delivery_id).values(chat_id=new_chat_id)
    )
    return True


async def finish_if_complete(session: AsyncSession, broadcast_id: int, now: datetime) -> bool:
    """Mark a sending broadcast DONE when none of its deliveries is pending.

    Returns:
        True if it is now done.
    """
    pending = await session.scalar(
        select(func.count())
        .select_from(Delivery)
        .where(Delivery.broadcast_id == broadcast_id, Delivery.status == DeliveryStatus.PENDING)
    )
    if pending:
        return False
    matched = await rows_matched(
        session,
        update(Broadcast)
        .where(Broadcast.id == broadcast_id, Broadcast.status == BroadcastStatus.SENDING)
        .values(status=BroadcastStatus.DONE, finished_at=now),
    )
    return matched == 1


async def in_doubt_deliveries(session: AsyncSession) -> int:
    """Pending deliveries of sending broadcasts left :data:`IN_FLIGHT` by a previous run
    (each may have been delivered already; see the module doc)."""
    return (
        await session.scalar(
            select(func.count())
            .select_from(Delivery)
            .join(Broadcast, Broadcast.id == Delivery.broadcast_id)
            .where(
                Broadcast.status == BroadcastStatus.SENDING,
                Delivery.status == DeliveryStatus.PENDING,
                Delivery.last_error == IN_FLIGHT,
            )
        )
        or 0
    )
