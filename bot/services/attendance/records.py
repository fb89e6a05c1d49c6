"""Who attended the event: :class:`~bot.storage.models.AttendanceRecord` rows, one per person.

Checking in is idempotent per person: the unique constraints on ``(event_id, person_key)`` and
``(event_id, user_id)`` decide, so two taps at the same second or a retried update list nobody
twice; a scan and the committee's check-in by name recognise each other (:func:`same_person`),
and a line of the committee is taken over by a scan only when it alone fits. Certificates are
issued from these rows (:func:`attendees_of`), never to someone without one.

Rules for what a person gives (:func:`check_person`): a name of 1 to 300 characters (any
script, emoji included, kept as typed apart from surrounding spaces), a NIP of exactly 18
digits or none (spaces, dots, dashes, slashes and underscores allowed when typed, as printed
on cards: ``19700101 199503 1 001``, ``1970-0101 1995 03 1 001``), not recorded for someone
else at the same event; jabatan and unit up to 300 characters.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.services.core.event_view import AgendaItemView, EventView
from bot.services.evaluation.survey import invite_late
from bot.services.shared.nip import nip_problem
from bot.storage.models import (
    AttendanceRecord,
    AttendanceRole,
    Event,
    Invitation,
    Judge,
    Officer,
    SessionCheckIn,
    Unit,
)

MAX_TEXT = 300
"""Longest name, jabatan or unit kept (characters)."""


class PersonError(ValueError):
    """What a person gave cannot be recorded. ``field`` is ``name``, ``nip``, ``jabatan`` or
    ``unit``; ``reason`` a catalogue key suffix: ``empty``, ``too-long``; ``digits`` (only
    digits and separators where words belong); ``letters`` (a name without a letter);
    ``nip-digits``; ``nip-char`` (``detail``: the first character that is neither a digit nor
    a separator); ``nip-birth``, ``nip-tmt``, ``nip-sex`` (``detail``: the impossible part,
    :mod:`bot.services.shared.nip`); ``nip-taken`` (``detail``: the name of whoever has
    that NIP at the event)."""

    def __init__(self, field: str, reason: str, detail: str = "") -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Person:
    """Who is checking in, as they confirmed it."""

    name: str
    nip: str | None = None
    jabatan: str = ""
    unit_name: str = ""
    unit_id: int | None = None
    invitation_id: int | None = None
    role: AttendanceRole = AttendanceRole.PARTICIPANT


NUMBER_ONLY = re.compile(r"[\d\s.,\-/_+()]+")
"""A text of digits and separators only: a number (a NIP, a phone) typed where a name, a
jabatan or a unit belongs."""


def clean_text(field: str, value: str | None, *, required: bool = False) -> str:
    """``value`` without surrounding spaces; at most :data:`MAX_TEXT` characters.

    Raises:
        PersonError: ``empty`` while required, ``too-long`` (nothing is cut), ``digits``
            when it is only a number (:data:`NUMBER_ONLY`), which no name, jabatan or unit is,
            or ``letters`` for a name without a letter (emoji or symbols only).
    """
    text = (value or "").strip()
    if required and not text:
        raise PersonError(field, "empty")
    if len(text) > MAX_TEXT:
        raise PersonError(field, "too-long")
    if text and NUMBER_ONLY.fullmatch(text) and any(char.isdigit() for char in text):
        raise PersonError(field, "digits")
    if field == "name" and text and not any(unicodedata.category(c)[0] == "L" for c in text):
        raise PersonError(field, "letters")  # "🌸🌸", "…": no name for the daftar hadir
    return text


NIP_SEPARATORS = re.compile(r"[\s.\-/_\u2010-\u2015]")
"""What people type between a NIP's groups: spaces, dots, dashes (any), slashes, underscores."""


def clean_nip(value: str | None) -> str | None:
    """The NIP's 18 digits (the separators of :data:`NIP_SEPARATORS` are dropped), or None for
    none (``-`` or empty: non-civil-servants have none).

    Raises:
        PersonError: ``nip-char`` for another character (named in ``detail``), ``nip-digits``
            for a count of digits other than 18, ``nip-birth``, ``nip-tmt`` or ``nip-sex``
            for an impossible birth date, appointment month or sex digit
            (:func:`bot.services.shared.nip.nip_problem`; ``detail`` the part as typed).
    """
    text = NIP_SEPARATORS.sub("", (value or "").strip())
    if not text:
        return None
    wrong = next((char for char in text if char not in "0123456789"), None)
    if wrong is not None:
        raise PersonError("nip", "nip-char", wrong)
    if len(text) != 18:
        raise PersonError("nip", "nip-digits")
    problem = nip_problem(text)
    if problem is not None:
        raise PersonError("nip", problem.reason, problem.detail)
    return text


async def nip_holder(
    session: AsyncSession, event_id: int, nip: str | None
) -> AttendanceRecord | None:
    """The record at the event that already carries ``nip`` (None for none or no NIP)."""
    if not nip:
        return None
    return await session.scalar(
        select(AttendanceRecord)
        .where(AttendanceRecord.event_id == event_id, AttendanceRecord.nip == nip)
        .order_by(AttendanceRecord.id)
        .limit(1)
    )


def check_person(person: Person) -> Person:
    """``person`` with its texts cleaned, or :class:`PersonError`."""
    return Person(
        name=clean_text("name", person.name, required=True),
        nip=clean_nip(person.nip),
        jabatan=clean_text("jabatan", person.jabatan),
        unit_name=clean_text("unit", person.unit_name),
        unit_id=person.unit_id,
        invitation_id=person.invitation_id,
        role=person.role,
    )


def name_key(person: Person) -> str:
    """``person_key`` of someone checked in by name: a hash of the name, NIP, jabatan and unit
    (:func:`normal_text`), so the same line typed twice ("budi  santoso" and "Budi Santoso")
    is one record and two guests of one name with different jabatan are two."""
    parts = (person.name, person.nip or "", person.jabatan, person.unit_name)
    digest = hashlib.sha256("|".join(normal_text(part) for part in parts).encode()).hexdigest()
    return f"n:{digest[:64]}"


def user_key(user_id: int) -> str:
    """``person_key`` of someone who checked in with their own Telegram account."""
    return f"u:{user_id}"


def normal_text(text: str | None) -> str:
    """``text`` compared as people mean it: Unicode NFKC, case folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


def same_person(record: AttendanceRecord, person: Person) -> bool:
    """Whether ``record`` can be ``person``: the same name and nothing telling them apart. Two
    NIPs settle it; otherwise a jabatan or unit given on both sides must agree (two guests
    named "Budi" with different jabatan are two people)."""
    if normal_text(record.name) != normal_text(person.name):
        return False
    if record.nip and person.nip:
        return record.nip == person.nip
    pairs = ((record.jabatan, person.jabatan), (record.unit_name, person.unit_name))
    return all(not left or not right or normal_text(left) == normal_text(right)
               for left, right in pairs)  # fmt: skip


async def matching_records(
    session: AsyncSession, event_id: int, person: Person
) -> tuple[list[AttendanceRecord], int]:
    """The event's records that can be ``person`` (:func:`same_person`; those with the same NIP
    first and alone when there are any) and how many records carry the name at all."""
    wanted = normal_text(person.name)
    named = [
        record
        for record in await session.scalars(
            select(AttendanceRecord)
            .where(AttendanceRecord.event_id == event_id)
            .order_by(AttendanceRecord.id)
        )
        if normal_text(record.name) == wanted
    ]
    fitting = [record for record in named if same_person(record, person)]
    by_nip = [record for record in fitting if person.nip and record.nip == person.nip]
    return (by_nip or fitting), len(named)


async def nip_taken(
    session: AsyncSession, event_id: int, person: Person, user_id: int | None
) -> AttendanceRecord | None:
    """The record of someone else carrying ``person``'s NIP, or None: their own record, or a
    line of the same name and NIP that one side recorded by name (the committee's line they
    claim, or their own check-in the committee records again), is not someone else's."""
    holder = await nip_holder(session, event_id, person.nip)
    if holder is None or (user_id is not None and holder.user_id == user_id):
        return None
    if (holder.user_id is None or user_id is None) and same_person(holder, person):
        return None
    return holder


@dataclass(frozen=True)
class CheckIn:
    """The outcome of a check-in: the person's record and whether this call made it (False:
    they were already checked in, the record is the earlier one); ``namesakes``: how many
    other people of the same name were recorded before a new record (0 otherwise)."""

    record: AttendanceRecord
    created: bool
    namesakes: int = 0


class Namesakes(PersonError):
    """Several records of the event fit a name the committee typed: which one is meant is not
    known (``detail``: how many). More of jabatan, unit or NIP tells them apart."""

    def __init__(self, count: int) -> None:
        super().__init__("name", "namesakes", str(count))


async def find_record(
    session: AsyncSession, event_id: int, *, user_id: int | None = None, key: str | None = None
) -> AttendanceRecord | None:
    """The record of a Telegram user, or of a ``person_key``, at the event."""
    query = select(AttendanceRecord).where(AttendanceRecord.event_id == event_id)
    if user_id is not None:
        query = query.where(AttendanceRecord.user_id == user_id)
    elif key is not None:
        query = query.where(AttendanceRecord.person_key == key)
    else:
        return None
    return await session.scalar(query)


async def check_in(
    session: AsyncSession,
    event_id: int,
    person: Person,
    *,
    now: datetime,
    user_id: int | None,
    by: int | None,
    method: str = "qr",
) -> CheckIn:
    """Record ``person`` as present at ``now``, once.

    Args:
        session: The caller's transaction (a savepoint guards the insert).
        event_id: The event.
        person: What they confirmed; checked with :func:`check_person`.
        now: The check-in time (aware).
        user_id: Their Telegram id (None for someone the committee checks in by name).
        by: Who recorded it (themself, or the committee member).
        method: ``qr`` or ``committee``.

    Returns:
        The record and whether it is new. Someone already recorded is recognised
        (:func:`same_person`), never recorded twice: a user's own record; for the committee,
        the one record that fits the name, whoever made it; for a scan, the one line the
        committee recorded by name that fits (it becomes theirs, its blanks filled in). A
        committee line that does not fit, or one of several that fit, is never taken: the
        person gets their own record.

    Raises:
        PersonError: Bad name, NIP, jabatan or unit, or (``nip-taken``) a NIP already recorded
            for someone else at the event: a NIP is one person's (nothing is written).
        Namesakes: The committee typed a name that fits several records (nothing written).
    """
    person = check_person(person)
    fitting, named = await matching_records(session, event_id, person)
    if user_id is not None:
        existing = await find_record(session, event_id, user_id=user_id)
        lines = [record for record in fitting if record.user_id is None]
        if existing is None and len(lines) == 1:
            existing = await _claim(session, lines[0], person, user_id)
            if existing is not None:
                await _survey_if_late(session, event_id, user_id, now)
        key = user_key(user_id)
    else:
        if len(fitting) > 1:
            raise Namesakes(len(fitting))
        existing = fitting[0] if fitting else None
        key = name_key(person)
    if existing is not None:
        return CheckIn(existing, False)
    holder = await nip_taken(session, event_id, person, user_id)
    if holder is not None:
        raise PersonError("nip", "nip-taken", holder.name)
    record = AttendanceRecord(
        event_id=event_id,
        person_key=key,
        user_id=user_id,
        name=person.name,
        nip=person.nip,
        jabatan=person.jabatan,
        unit_name=person.unit_name,
        unit_id=person.unit_id,
        invitation_id=person.invitation_id,
        role=person.role,
        method=method,
        checked_in_at=now,
        checked_in_by=by,
    )
    try:
        async with session.begin_nested():
            session.add(record)
    except IntegrityError:
        # another tap of the same person won the race (the savepoint's rollback expunged
        # ours): theirs is the record
        winner = await find_record(session, event_id, key=key)
        if winner is None:
            raise
        return CheckIn(winner, False)
    if user_id is not None:
        await _survey_if_late(session, event_id, user_id, now)
    return CheckIn(record, True, named)


async def _claim(
    session: AsyncSession, record: AttendanceRecord, person: Person, user_id: int
) -> AttendanceRecord | None:
    """The committee's line ``record`` made ``user_id``'s, what it left blank filled in from
    what they confirmed (the name and the check-in time stay as recorded); None when someone
    else claimed it first (the update only takes a line still without a user)."""
    claimed = await session.execute(
        update(AttendanceRecord)
        .where(AttendanceRecord.id == record.id, AttendanceRecord.user_id.is_(None))
        .values(
            user_id=user_id,
            nip=record.nip or person.nip,
            jabatan=record.jabatan or person.jabatan,
            unit_name=record.unit_name or person.unit_name,
            unit_id=record.unit_id or person.unit_id,
            invitation_id=record.invitation_id or person.invitation_id,
        )
        .execution_options(synchronize_session=False)
    )
    if getattr(claimed, "rowcount", 0) != 1:
        return None
    await session.refresh(record)
    return record


async def _survey_if_late(
    session: AsyncSession, event_id: int, user_id: int, now: datetime
) -> None:
    """A check-in after the evaluation survey went out gets it now (its audience is
    everyone checked in; :func:`bot.services.evaluation.survey.invite_late`)."""
    event = await session.get(Event, event_id)
    if event is not None:
        await invite_late(session, event, user_id, now)


async def attendees_of(
    session: AsyncSession, event_id: int, role: AttendanceRole | None = None
) -> list[AttendanceRecord]:
    """The event's records in check-in order (the daftar hadir's order), optionally of one
    role; ``unit`` and ``invitation`` loaded."""
    query = (
        select(AttendanceRecord)
        .where(AttendanceRecord.event_id == event_id)
        .options(selectinload(AttendanceRecord.unit), selectinload(AttendanceRecord.invitation))
        .order_by(AttendanceRecord.checked_in_at, AttendanceRecord.id)
    )
    if role is not None:
        query = query.where(AttendanceRecord.role == role)
    return list(await session.scalars(query))


async def count_present(session: AsyncSession, event_id: int) -> int:
    """How many people are checked in."""
    return (
        await session.scalar(
            select(func.count())
            .select_from(AttendanceRecord)
            .where(AttendanceRecord.event_id == event_id)
        )
    ) or 0


async def invitation_of_user(
    session: AsyncSession, event_id: int, user_id: int
) -> Invitation | None:
    """The invitation naming this Telegram user, if the event file gives their id."""
    return await session.scalar(
        select(Invitation)
        .where(Invitation.event_id == event_id, Invitation.user_id == user_id)
        .where(Invitation.withdrawn.is_(False))
        .options(selectinload(Invitation.unit))
        .order_by(Invitation.id)
        .limit(1)
    )


@dataclass(frozen=True)
class Known:
    """What the bot knows of someone before they check in: from their earlier check-in (any
    event), the invitation naming their Telegram id, the edition's judges, the unit they are
    an officer of. ``complete`` when nothing needs typing (one tap confirms)."""

    person: Person
    complete: bool


async def _named_in_unit(
    session: AsyncSession, event_id: int, unit_id: int, name: str
) -> Invitation | None:
    """The unit's invitation that names ``name`` (the event file's names where known), so an
    officer listed by name is known without their Telegram id in the file."""
    if not name.strip():
        return None
    rows = await session.scalars(
        select(Invitation)
        .where(Invitation.event_id == event_id, Invitation.unit_id == unit_id)
        .where(Invitation.withdrawn.is_(False), Invitation.name.is_not(None))
        .options(selectinload(Invitation.unit))
        .order_by(Invitation.id)
    )
    wanted = normal_text(name)
    return next((row for row in rows if normal_text(row.name or "") == wanted), None)


async def known_person(
    session: AsyncSession, event: EventView, user_id: int, telegram_name: str = ""
) -> Known:
    """Prefill for the check-in of ``user_id`` at ``event`` (see :class:`Known`).

    ``telegram_name`` (the user's name on Telegram) finds an officer's invitation that names
    them, and is offered as the name (one tap at the name step) when nothing better is known;
    it alone never makes the prefill ``complete``.
    """
    name, nip, jabatan, unit_name = "", None, "", ""
    unit_id: int | None = None
    invitation_id: int | None = None
    role = AttendanceRole.PARTICIPANT
    earlier = await session.scalar(
        select(AttendanceRecord)
        .where(AttendanceRecord.user_id == user_id)
        .order_by(AttendanceRecord.checked_in_at.desc())
        .limit(1)
    )
    if earlier is not None:
        name, nip, jabatan, unit_name = (
            earlier.name,
            earlier.nip,
            earlier.jabatan,
            earlier.unit_name,
        )
        unit_id = earlier.unit_id if earlier.event_id == event.id else None
    invitation = await invitation_of_user(session, event.id, user_id)
    if invitation is not None:
        invitation_id = invitation.id
        name = name or invitation.name or ""
        nip = nip or invitation.nip
        jabatan = jabatan or invitation.jabatan or ""
        if invitation.unit is not None:
            unit_id, unit_name = invitation.unit.id, unit_name or invitation.unit.name
        else:
            unit_name = unit_name or invitation.institution or ""
        if invitation.role == "narasumber":
            role = AttendanceRole.NARASUMBER
        elif invitation.role == "guest":
            role = AttendanceRole.GUEST
    if event.edition_id is not None:
        judge = await session.scalar(
            select(Judge).where(Judge.edition_id == event.edition_id, Judge.user_id == user_id)
        )
        if judge is not None:
            role = AttendanceRole.JUDGE
            name = name or judge.name
        if unit_id is None:
            unit = await session.scalar(
                select(Unit)
                .join(Officer, Officer.unit_id == Unit.id)
                .where(Officer.user_id == user_id, Unit.edition_id == event.edition_id)
                .order_by(Officer.id)
                .limit(1)
            )
            if unit is not None:
                unit_id, unit_name = unit.id, unit_name or unit.name
    if invitation_id is None and unit_id is not None and not (name and jabatan):
        named = await _named_in_unit(session, event.id, unit_id, telegram_name)
        if named is not None:
            invitation_id = named.id
            name = name or named.name or ""
            nip = nip or named.nip
            jabatan = jabatan or named.jabatan or ""
    complete = bool(name and jabatan and unit_name)
    person = Person(name=name or telegram_name.strip(), nip=nip, jabatan=jabatan,
                    unit_name=unit_name, unit_id=unit_id, invitation_id=invitation_id,
                    role=role)  # fmt: skip
    return Known(person, complete)


async def session_item(session: AsyncSession, event: EventView, key: str) -> AgendaItemView | None:
    """The agenda item ``key`` of ``event`` if it checks in separately."""
    if key not in ((event.attendance or {}).get("sessions") or []):
        return None
    return next((item for item in event.agenda if item.key == key), None)


async def check_in_session(
    session: AsyncSession, record: AttendanceRecord, agenda_item_id: int, now: datetime
) -> tuple[SessionCheckIn, bool]:
    """Record ``record``'s person present at the session, once (a savepoint and the unique
    constraint settle two taps); returns the row and whether this call made it."""
    query = select(SessionCheckIn).where(
        SessionCheckIn.record_id == record.id, SessionCheckIn.agenda_item_id == agenda_item_id
    )
    existing = await session.scalar(query)
    if existing is not None:
        return existing, False
    row = SessionCheckIn(record_id=record.id, agenda_item_id=agenda_item_id, checked_in_at=now)
    try:
        async with session.begin_nested():
            session.add(row)
    except IntegrityError:
        winner = await session.scalar(query)
        if winner is None:
            raise
        return winner, False
    return row, True


async def session_attendees(
    session: AsyncSession, agenda_item_id: int
) -> list[tuple[AttendanceRecord, datetime]]:
    """The people present at a session with their session check-in time, in that order."""
    rows = await session.execute(
        select(AttendanceRecord, SessionCheckIn.checked_in_at)
        .join(SessionCheckIn, SessionCheckIn.record_id == AttendanceRecord.id)
        .where(SessionCheckIn.agenda_item_id == agenda_item_id)
        .order_by(SessionCheckIn.checked_in_at, SessionCheckIn.id)
    )
    return [(record, moment) for record, moment in rows]


@dataclass(frozen=True)
class Listing:
    """What a daftar hadir lists: the records in order, the time per row, and the agenda
    session (None: the whole event)."""

    records: list[AttendanceRecord]
    times: list[datetime]
    item: AgendaItemView | None = None


class UnknownSession(LookupError):
    """No agenda session with that key checks in separately."""


async def listing(session: AsyncSession, event: EventView, key: str | None = None) -> Listing:
    """The daftar hadir of the event, or of its session ``key``.

    Raises:
        UnknownSession: ``key`` is not one of ``attendance.sessions``.
    """
    if not key:
        people = await attendees_of(session, event.id)
        return Listing(people, [record.checked_in_at for record in people])
    item = await session_item(session, event, key)
    if item is None:
        raise UnknownSession(key)
    rows = await session_attendees(session, item.id)
    return Listing([record for record, _ in rows], [moment for _, moment in rows], item)
