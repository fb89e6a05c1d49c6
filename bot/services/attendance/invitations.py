"""Invitations and RSVP: sent through the outbox, answered with one tap, reminded, counted.

An invitation (a row of :class:`~bot.storage.models.Invitation`, from the event file) goes to
the invitee's own Telegram account when the file gives it, else to the officers of its unit
(who answer for their Kepala, Sekretaris/Kabag…). A person gets one message per send
whatever the number of seats they answer for (the four roles of their unit, a seat naming
them, a second unit): recipients answering for the same invitations share a message
(``invitation:<ids>``) that names each invitee, with three buttons per invitation: hadir,
diwakilkan (then the delegate's name and jabatan are asked), berhalangan, numbered as the
invitees are when there are several (short words then: Hadir, Wakil, Izin), each seat's
recorded answer marked ✓ (the message is redrawn after each answer). A new answer replaces
the old one. Reminders go to the
invitations sent and not answered, grouped the same way (``invitation-reminder:<ids>:<instant>``).
Nothing is sent or reminded once the event is over (:class:`EventOver`); an invitation whose
recipients never started the bot (Telegram refuses to write first) or blocked it stays unsent
and is reported, to be sent by a later call once one of them has started the bot.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.i18n import Markup, format_day, format_moment, plain_text, t
from bot.services.attendees.agenda import is_over
from bot.services.core.event_view import EventView
from bot.services.shared.outbox import (
    callback_button,
    enqueue,
    in_every_language,
    keyboard,
    reachable,
)
from bot.storage.models import (
    AgendaItem,
    AttendanceRecord,
    Chat,
    Invitation,
    Officer,
    RsvpAnswer,
    RsvpChoice,
    Unit,
)

RSVP_PREFIX = "at:r"
"""Callback data of the answer buttons: ``at:r:<choice>:<invitation id>`` (the handlers'
codec of the same prefix reads it)."""


def rsvp_data(choice: RsvpChoice, invitation_id: int) -> str:
    """Callback data of an answer button."""
    return f"{RSVP_PREFIX}:{choice.value}:{invitation_id}"


def invitee_label(invitation: Invitation, language: str) -> str:
    """Who is invited, as the message and the lists name them: the name when known, with the
    role and the unit or institution ("Kepala — Dinas Sosial")."""
    role = plain_text(language, f"attendance-role-{invitation.role.replace('_', '-')}")
    where = invitation.unit.name if invitation.unit else (invitation.institution or "")
    title = invitation.jabatan or role
    parts = [invitation.name, title, where] if invitation.name else [title, where]
    return " — ".join(part for part in parts if part)


async def open_invitations(session: AsyncSession, event_id: int) -> list[Invitation]:
    """The event's invitations not withdrawn, unit and answer loaded, by key."""
    return list(
        await session.scalars(
            select(Invitation)
            .where(Invitation.event_id == event_id, Invitation.withdrawn.is_(False))
            .options(selectinload(Invitation.unit), selectinload(Invitation.answer))
            .order_by(Invitation.unit_id.is_(None), Invitation.unit_id, Invitation.id)
        )
    )


async def recipients_of(session: AsyncSession, invitation: Invitation) -> list[int]:
    """Who receives an invitation and may answer it: the invitee, else the unit's officers."""
    if invitation.user_id is not None:
        return [invitation.user_id]
    if invitation.unit_id is None:
        return []
    return list(
        await session.scalars(
            select(Officer.user_id)
            .where(Officer.unit_id == invitation.unit_id)
            .order_by(Officer.id)
        )
    )


def _texts(
    event: EventView, invited: Sequence[Invitation], key: str, starts_at: datetime | None
) -> dict[str, str]:
    """The invitation in every language: the event, its day and start time ("Rabu, 7 Desember
    2022, pukul 07.30 WIB": a formal undangan states hari, tanggal, pukul, tempat; the day
    alone when the agenda is empty), the venue and the invitee, or the invitees numbered
    (``<key>-several``) as their buttons are."""
    zone = ZoneInfo(event.timezone)

    def render(language: str) -> str:
        venue = f"{event.venue.name}, {event.venue.city}" if event.venue else ""
        when = (
            format_moment(starts_at, zone, language)
            if starts_at is not None
            else format_day(event.starts_on, language)
        )
        common = dict(event=event.short_title, day=when, venue=venue)
        if len(invited) == 1:
            return t(language, key, invitee=invitee_label(invited[0], language), **common)
        lines = (
            t(language, "attendance-invitee-line", number=number,
              invitee=invitee_label(invitation, language))
            for number, invitation in enumerate(invited, start=1)
        )  # fmt: skip
        return t(language, f"{key}-several", invitees=Markup("\n".join(lines)), **common)

    return in_every_language(render)


def answer_keyboard(invited: Sequence[Invitation], language: str) -> dict:
    """A row of the three answers per invitation, numbered with short words when there are
    several, so three fit a row at 360 px ("n · Berhalangan" was cut to "n · Berhala…"); a
    single invitation has its answers in full words, one a row ("Unable to attend" fits no
    third of a row). Each seat's recorded answer is marked, so the message shows what is
    answered (``answer`` loaded)."""

    def label(choice: RsvpChoice, number: int, invitation: Invitation) -> str:
        if len(invited) == 1:
            text = plain_text(language, f"attendance-rsvp-{choice.value}")
        else:
            text = plain_text(
                language, "attendance-rsvp-numbered", number=number,
                choice=plain_text(language, f"attendance-rsvp-short-{choice.value}"),
            )  # fmt: skip
        if invitation.answer is not None and invitation.answer.choice is choice:
            return plain_text(language, "attendance-rsvp-chosen", label=text)
        return text

    rows = [
        [
            callback_button(label(choice, number, invitation), rsvp_data(choice, invitation.id))
            for choice in RsvpChoice
        ]
        for number, invitation in enumerate(invited, start=1)
    ]
    if len(invited) == 1:  # the full words, one a row: "Unable to attend" fits no third
        rows = [[button] for button in rows[0]]
    return keyboard(rows)


def _buttons(invited: Sequence[Invitation]) -> dict[str, dict]:
    """The answer buttons in every language."""
    return in_every_language(lambda language: answer_keyboard(invited, language))


async def seats(session: AsyncSession, invitation_ids: Sequence[int]) -> list[Invitation]:
    """The invitations of one message, in its order, unit and answer loaded (to redraw its
    buttons after an answer)."""
    rows = await session.scalars(
        select(Invitation)
        .where(Invitation.id.in_(invitation_ids))
        .options(selectinload(Invitation.unit), selectinload(Invitation.answer))
    )
    found = {invitation.id: invitation for invitation in rows}
    return [found[id_] for id_ in invitation_ids if id_ in found]


def _message_key(prefix: str, invited: Sequence[Invitation], suffix: str = "") -> str:
    """The outbox key of one message for these invitations (unique, within the column's 128
    characters: the ids, or their digest when too many)."""
    ids = "-".join(str(invitation.id) for invitation in invited)
    key = f"{prefix}:{ids}{suffix}"
    if len(key) > 128:
        key = f"{prefix}:h{hashlib.sha256(ids.encode()).hexdigest()[:40]}{suffix}"
    return key


@dataclass
class Sending:
    """What a send or a reminder did (or, planned, would do): invitations queued in the
    outbox (delivered by the sender afterwards, paced), the chats they go to, and invitations
    with nobody reachable (no officer of the unit has joined the bot, no Telegram id in the
    file, or none of them has started the bot or all blocked it)."""

    written: int = 0
    recipients: int = 0
    unreachable: list[Invitation] = field(default_factory=list)


class EventOver(Exception):
    """The event has ended: invitations and reminders are no longer sent."""


async def _started(session: AsyncSession, chat_ids: list[int]) -> list[int]:
    """``chat_ids`` (in order) that started the bot (a ``chats`` row) and did not block it."""
    if not chat_ids:
        return []
    known = set(await session.scalars(select(Chat.id).where(Chat.id.in_(chat_ids))))
    return [chat_id for chat_id in await reachable(session, chat_ids) if chat_id in known]


async def _write(
    session: AsyncSession,
    event: EventView,
    now: datetime,
    *,
    wanted: Callable[[Invitation], bool],
    key: Callable[[Sequence[Invitation]], str],
    text_key: str,
    mark: str,
    dry_run: bool = False,
) -> Sending:
    """One message per group of recipients answering for the same invitations, so each
    person gets one, whatever the seats they answer for (one message per invitation gave an
    officer the four roles of their unit as four invitations)."""
    if is_over(event, now):
        raise EventOver(event.id)
    result = Sending()
    starts_at = await session.scalar(
        select(func.min(AgendaItem.starts_at)).where(AgendaItem.event_id == event.id)
    )
    seats: dict[int, list[Invitation]] = {}  # chat → the invitations it answers for
    for invitation in await open_invitations(session, event.id):
        if not wanted(invitation):
            continue
        recipients = await _started(session, await recipients_of(session, invitation))
        if not recipients:
            result.unreachable.append(invitation)
            continue
        for chat_id in recipients:
            seats.setdefault(chat_id, []).append(invitation)
    result.recipients = len(seats)
    messages: dict[tuple[int, ...], list[int]] = {}  # invitation ids → their recipients
    invited: dict[tuple[int, ...], list[Invitation]] = {}
    for chat_id, chat_seats in seats.items():
        ids = tuple(invitation.id for invitation in chat_seats)
        messages.setdefault(ids, []).append(chat_id)
        invited[ids] = chat_seats
    written: dict[int, Invitation] = {}
    for ids, chat_ids in messages.items():
        if dry_run:
            written.update((invitation.id, invitation) for invitation in invited[ids])
            continue
        message = await enqueue(
            session,
            kind="invitation",
            key=key(invited[ids]),
            recipients=chat_ids,
            texts=_texts(event, invited[ids], text_key, starts_at),
            markups=_buttons(invited[ids]),
            now=now,
        )
        if message is not None:
            written.update((invitation.id, invitation) for invitation in invited[ids])
        for invitation in invited[ids]:  # a key written before: sent then
            setattr(invitation, mark, now)
    result.written = len(written)
    return result


async def send_invitations(
    session: AsyncSession, event: EventView, now: datetime, *, dry_run: bool = False
) -> Sending:
    """Write the invitations not sent yet to the outbox (each once: its key), in the caller's
    transaction; ``dry_run``: only count what would be written (the committee's
    confirmation). Invitations nobody can receive yet stay unsent, to be sent by a later
    call.

    Raises:
        EventOver: The event has ended.
    """
    return await _write(
        session, event, now,
        wanted=lambda invitation: invitation.sent_at is None,
        key=lambda invited: _message_key("invitation", invited),
        text_key="attendance-invitation",
        mark="sent_at",
        dry_run=dry_run,
    )  # fmt: skip


async def remind_unanswered(
    session: AsyncSession, event: EventView, now: datetime, *, dry_run: bool = False
) -> Sending:
    """Write a reminder for each invitation sent and not answered (to its recipients now);
    one per invitation and instant, so a double tap writes it once. ``dry_run`` as for
    :func:`send_invitations`.

    Raises:
        EventOver: The event has ended.
    """
    return await _write(
        session, event, now,
        wanted=lambda invitation: invitation.sent_at is not None and invitation.answer is None,
        key=lambda invited: _message_key("invitation-reminder", invited, f":{now.isoformat()}"),
        text_key="attendance-invitation-reminder",
        mark="reminded_at",
        dry_run=dry_run,
    )  # fmt: skip


class NotYours(LookupError):
    """The user may not answer this invitation (not the invitee, not an officer of its
    unit), or it no longer exists or was withdrawn."""


async def answerable(session: AsyncSession, invitation_id: int, user_id: int) -> Invitation:
    """The invitation if ``user_id`` may answer it.

    Raises:
        NotYours: Otherwise.
    """
    invitation = await session.scalar(
        select(Invitation)
        .where(Invitation.id == invitation_id)
        .options(selectinload(Invitation.unit), selectinload(Invitation.answer))
    )
    if invitation is None or invitation.withdrawn:
        raise NotYours(invitation_id)
    if user_id not in await recipients_of(session, invitation):
        raise NotYours(invitation_id)
    return invitation


async def answer(
    session: AsyncSession,
    invitation: Invitation,
    choice: RsvpChoice,
    *,
    user_id: int,
    now: datetime,
    delegate_name: str | None = None,
    delegate_jabatan: str | None = None,
) -> RsvpAnswer:
    """Record (or replace) the answer to ``invitation``; the delegate only for
    ``diwakilkan``."""
    row = invitation.answer
    if choice is not RsvpChoice.DIWAKILKAN:
        delegate_name = delegate_jabatan = None
    if row is None:
        row = RsvpAnswer(invitation_id=invitation.id, choice=choice, answered_by=user_id,
                         answered_at=now, delegate_name=delegate_name,
                         delegate_jabatan=delegate_jabatan)  # fmt: skip
        session.add(row)
        invitation.answer = row
    else:
        row.choice, row.answered_by, row.answered_at = choice, user_id, now
        row.delegate_name, row.delegate_jabatan = delegate_name, delegate_jabatan
    await session.flush()
    return row


@dataclass
class UnitCount:
    """One line of the committee's counts: a unit (or "narasumber and guests", ``unit`` None)
    with its invitations by answer and the people checked in."""

    unit: str | None
    invited: int = 0
    hadir: int = 0
    diwakilkan: int = 0
    berhalangan: int = 0
    unanswered: int = 0
    present: int = 0


async def counts_per_unit(session: AsyncSession, event_id: int) -> list[UnitCount]:
    """RSVP answers and check-ins per unit, units by name, then the others (narasumber,
    guests, anybody checked in without a unit)."""
    lines: dict[int | None, UnitCount] = {}
    for invitation in await open_invitations(session, event_id):
        name = invitation.unit.name if invitation.unit else None
        line = lines.setdefault(invitation.unit_id, UnitCount(name))
        line.invited += 1
        if invitation.answer is None:
            line.unanswered += 1
        else:
            setattr(
                line,
                invitation.answer.choice.value,
                getattr(line, invitation.answer.choice.value) + 1,
            )
    rows = await session.execute(
        select(AttendanceRecord.unit_id, Unit.name)
        .outerjoin(Unit, Unit.id == AttendanceRecord.unit_id)
        .where(AttendanceRecord.event_id == event_id)
    )
    for unit_id, unit_name in rows:
        lines.setdefault(unit_id, UnitCount(unit_name)).present += 1
    ordered = sorted((line for key, line in lines.items() if key is not None),
                     key=lambda line: line.unit or "")  # fmt: skip
    if None in lines:
        ordered.append(lines[None])
    return ordered
