"""Issuing, delivering, revoking and reissuing certificates; the one place deciding who gets
one.

Rules, and where they come from (issue 17, item 4; ``shared/domain.md``, "The event day's
documents"):

- Nothing before the event file's ``event.certificates.send_at``.
- A person's sertifikat only from an attendance record (:func:`bot.services.attendance.
  records.attendees_of`): never for someone who did not check in. Its kind: ``narasumber``
  for a record of that role or whose name or institution is a speaker's of the event file;
  ``judge`` for a record of a judge of the edition (the judges table: their Telegram id, or
  the record's role); else ``participant``. One per record.
- A winning unit's piagam penghargaan (rank title and innovation) only once the winners'
  announcement was made (``Edition.results_announced_at``, set by the announcements
  feature's reveal) and through :func:`bot.services.judging.results.visible_awards`, the
  single home of "may the results be seen"; it goes to the unit's officers in the bot.
- Each certificate is written once per holder (unique ``(event, holder, revision)``) and its
  message once (the outbox's unique key ``certificate:<code>``): running :func:`issue_due`
  again, from two processes or after a crash, sends nothing twice.
- The committee revokes (:func:`revoke`) and reissues (:func:`reissue`: a new code and
  revision, the old one revoked and pointing to it); a revoked certificate that has not yet
  gone out is not sent (its document source answers None).

The document module (fpdf2, segno) is imported where a certificate's PDF or text is made, not
when the bot starts (the report's reasoning: :mod:`bot.handlers.committee.exports`).
"""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import func, literal, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.i18n import LANGUAGES, plain_text, t
from bot.services.attendance.records import attendees_of
from bot.services.certificates.codes import new_code, normalise_code
from bot.services.core import audit
from bot.services.judging.results import visible_awards
from bot.services.judging.scoring import list_judges
from bot.services.shared.outbox import Document, document_source, enqueue
from bot.services.shared.signatory import Signatory
from bot.settings import Settings
from bot.storage.locking import try_transaction_lock
from bot.storage.models import (
    AttendanceRecord,
    AttendanceRole,
    Broadcast,
    Certificate,
    CertificateKind,
    Delivery,
    DeliveryStatus,
    Edition,
    Event,
    Officer,
)

if TYPE_CHECKING:
    from bot.services.certificates.document import CertificateText

MESSAGE_KIND = "certificate"
"""``Broadcast.kind`` of a certificate's message."""
DOCUMENT_PREFIX = "certificate"
"""Prefix of a certificate's document reference in the outbox (``certificate:<code>``)."""
VERIFY_PATH = "/verifikasi/"
"""Path of the public verification page under ``PUBLIC_URL`` (followed by the code)."""
MAX_NAME = 300
"""Longest name a reissue accepts (as a check-in does)."""
ISSUE_LOCK = "certificates:issue"
"""Transaction lock name: one issuing run at a time across processes (PostgreSQL)."""


class CertificateError(Exception):
    """A revocation or reissue that cannot be done (the caller says why, politely)."""


class UnknownCertificate(CertificateError):
    """No certificate has that code."""


class AlreadyRevoked(CertificateError):
    """The certificate was revoked before."""


class AlreadyReplaced(CertificateError):
    """The certificate was reissued before: ``replacement`` is the newer code."""

    def __init__(self, replacement: str) -> None:
        super().__init__(f"replaced by {replacement}")
        self.replacement = replacement


class BadName(CertificateError):
    """A corrected name that is empty or longer than :data:`MAX_NAME` characters."""


@dataclass(frozen=True)
class CertificateSettings:
    """The event file's ``certificates`` section: when they go out and who signs."""

    send_at: datetime
    signatory: Signatory | None


def settings_of(event: Event) -> CertificateSettings | None:
    """The event's certificate settings, or None when the event file asks for none. The
    signatory is the section's own, else the edition's (``edition`` loaded)."""
    section = event.certificates
    if not section:
        return None
    signatory = section.get("signatory") or (
        (event.edition.config or {}).get("signatory") if event.edition else None
    )
    return CertificateSettings(
        send_at=datetime.fromisoformat(section["send_at"]),
        signatory=Signatory.from_config(signatory),
    )


def verify_url(public_url: str, code: str) -> str:
    """The verification page of ``code`` under ``public_url``."""
    return f"{public_url.rstrip('/')}{VERIFY_PATH}{code}"


@dataclass
class IssueReport:
    """What one :func:`issue_due` run did.

    Attributes:
        issued: Certificates written (and their messages) by this run.
        winners_waiting: The piagam wait for the winners' announcement.
        more: More are due than the call's ``limit``: call again.
    """

    issued: list[Certificate]
    winners_waiting: bool = False
    more: bool = False


def _folded(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


def _person_kind(
    record: AttendanceRecord, judge_ids: set[int], speakers: dict[str, str]
) -> tuple[CertificateKind, str]:
    """The kind of a checked-in person's sertifikat and its detail line."""
    invitation = record.invitation
    institution = (invitation.institution if invitation else None) or ""
    speaker_institution = speakers.get(_folded(record.name)) or speakers.get(_folded(institution))
    if record.role == AttendanceRole.NARASUMBER or speaker_institution is not None:
        detail = speaker_institution or institution or record.unit_name
        return CertificateKind.NARASUMBER, detail
    unit = record.unit_name or (record.unit.name if record.unit else "")
    detail = " — ".join(part for part in (record.jabatan, unit) if part)
    if record.role == AttendanceRole.JUDGE or (record.user_id or 0) in judge_ids:
        return CertificateKind.JUDGE, detail
    return CertificateKind.PARTICIPANT, detail


def _caption(language: str, certificate: Certificate, event: Event, url: str) -> str:
    return t(
        language,
        f"certificate-caption-{certificate.kind.value}",
        name=certificate.name,
        event=event.short_title,
        rank=certificate.rank_title or "",
        code=certificate.code,
        url=url,
    )


async def _deliver(
    session: AsyncSession,
    certificate: Certificate,
    event: Event,
    public_url: str,
    now: datetime,
    replaces: str | None = None,
) -> None:
    """Write the certificate's message (its PDF made at send time) to the outbox, once; a
    reissued one says which code it ``replaces`` and that the old code is void, so the
    holder does not take it for a copy of the first."""
    url = verify_url(public_url, certificate.code)

    def caption(language: str) -> str:
        text = _caption(language, certificate, event, url)
        if replaces:
            text += "\n" + t(language, "certificate-caption-replaces", old=replaces)
        return text

    await enqueue(
        session,
        kind=MESSAGE_KIND,
        key=f"{MESSAGE_KIND}:{certificate.code}",
        recipients=certificate.chat_ids,
        texts={language: caption(language) for language in LANGUAGES},
        now=now,
        document=f"{DOCUMENT_PREFIX}:{certificate.code}",
    )


def _new(
    event: Event,
    *,
    kind: CertificateKind,
    holder: str,
    name: str,
    detail: str,
    chat_ids: Sequence[int],
    now: datetime,
    rank_title: str | None = None,
    revision: int = 1,
    issued_by: int | None = None,
) -> Certificate:
    """A new certificate with a fresh code (not yet added: 80 random bits make a code
    already taken practically impossible, and the unique constraint would refuse it)."""
    return Certificate(
        code=new_code(),
        event_id=event.id,
        kind=kind,
        holder=holder,
        revision=revision,
        name=name,
        detail=detail,
        rank_title=rank_title,
        chat_ids=list(dict.fromkeys(chat_ids)),
        issued_at=now,
        issued_by=issued_by,
    )


async def issue_due(
    session: AsyncSession,
    event: Event,
    now: datetime,
    public_url: str,
    *,
    limit: int | None = None,
) -> IssueReport:
    """Issue the certificates due at ``now`` and not yet issued, each with its message.

    Args:
        session: The caller's transaction (run it again after a failure: nothing twice).
        event: The event, with ``edition`` and ``speakers`` loaded (``current_event``).
        now: The current instant (aware).
        public_url: ``PUBLIC_URL``, the verification page's address.
        limit: Most certificates written by this call (None: all): a caller issuing
            hundreds commits every ``limit`` and calls again, so no transaction holds the
            database (SQLite's one writer) for long.

    Returns:
        What was issued (``more``: the limit was reached); nothing before ``send_at`` or
        without a ``certificates`` section.
    """
    report = IssueReport(issued=[])
    settings = settings_of(event)
    if settings is None or now < settings.send_at:
        return report
    if not await try_transaction_lock(session, ISSUE_LOCK):
        return report
    issued = set(
        await session.scalars(select(Certificate.holder).where(Certificate.event_id == event.id))
    )
    edition = event.edition
    judge_ids = (
        {judge.user_id for judge in await list_judges(session, edition.id)} if edition else set()
    )
    speakers: dict[str, str] = {}
    for speaker in event.speakers:
        speakers[_folded(speaker.name)] = speaker.institution
        speakers[_folded(speaker.institution)] = speaker.institution
    wanted: list[Certificate] = []
    for record in await attendees_of(session, event.id):
        holder = f"attendance:{record.id}"
        if holder in issued:
            continue
        kind, detail = _person_kind(record, judge_ids, speakers)
        wanted.append(
            _new(
                event,
                kind=kind,
                holder=holder,
                name=record.name,
                detail=detail,
                chat_ids=[record.user_id] if record.user_id else [],
                now=now,
            )
        )
    if edition is not None:
        piagam = await _piagam(session, event, edition, issued, now)
        report.winners_waiting = piagam is None
        wanted += piagam or []
    if limit is not None and len(wanted) > limit:
        wanted, report.more = wanted[:limit], True
    session.add_all(wanted)
    await session.flush()
    for certificate in wanted:
        await _deliver(session, certificate, event, public_url, now)
    report.issued = wanted
    return report


async def certificate_events(session: AsyncSession) -> list[Event]:
    """The events whose file has a ``certificates`` section, latest first, with ``edition``
    and ``speakers`` loaded (last year's event keeps issuing while the next is imported)."""
    events = await session.scalars(
        select(Event)
        .options(selectinload(Event.edition), selectinload(Event.speakers))
        .order_by(Event.starts_on.desc(), Event.id.desc())
    )
    return [event for event in events if event.certificates]


async def coming_send_times(session: AsyncSession, now: datetime) -> list[datetime]:
    """The ``send_at`` of every event with certificates still to come after ``now``,
    earliest first (the sandbox's "next scheduled moment")."""
    times = [settings_of(event) for event in await certificate_events(session)]
    return sorted(s.send_at for s in times if s is not None and s.send_at > now)


async def issue_all_due(
    session: AsyncSession, now: datetime, public_url: str, *, limit: int | None = None
) -> IssueReport:
    """:func:`issue_due` for every event with certificates, at most ``limit`` in all; one
    report for all."""
    report = IssueReport(issued=[])
    for event in await certificate_events(session):
        left = None if limit is None else limit - len(report.issued)
        if left is not None and left <= 0:
            report.more = True
            break
        one = await issue_due(session, event, now, public_url, limit=left)
        report.issued += one.issued
        report.winners_waiting = report.winners_waiting or one.winners_waiting
        report.more = report.more or one.more
    return report


async def _piagam(
    session: AsyncSession, event: Event, edition: Edition, issued: set[str], now: datetime
) -> list[Certificate] | None:
    """The winners' piagam not yet issued, once the announcement was made; None while it
    was not."""
    if edition.results_announced_at is None or edition.results_announced_at > now:
        return None
    wanted = []
    for award in await visible_awards(session, edition, now, viewer_is_admin=False):
        holder = f"award:{award.id}"
        if holder in issued:
            continue
        officers = await session.scalars(
            select(Officer.user_id).where(Officer.unit_id == award.unit_id).order_by(Officer.id)
        )
        wanted.append(
            _new(
                event,
                kind=CertificateKind.WINNER,
                holder=holder,
                name=award.unit.name,
                detail=award.innovation,
                rank_title=award.title,
                chat_ids=list(officers),
                now=now,
            )
        )
    return wanted


# --- finding, revoking, reissuing ----------------------------------------------------------


async def find_certificate(session: AsyncSession, code: str) -> Certificate | None:
    """The certificate with the code written in ``code`` (read leniently, see
    :func:`~bot.services.certificates.codes.normalise_code`), or None."""
    printed = normalise_code(code)
    if printed is None:
        return None
    return await session.scalar(select(Certificate).where(Certificate.code == printed))


async def latest_certificates(session: AsyncSession, limit: int) -> list[Certificate]:
    """The ``limit`` newest certificates, newest first."""
    return list(
        await session.scalars(select(Certificate).order_by(Certificate.id.desc()).limit(limit))
    )


async def event_zones(
    session: AsyncSession, certificates: Sequence[Certificate]
) -> dict[int, ZoneInfo]:
    """The time zone of each certificate's event, by event id (its dates are shown there)."""
    ids = {certificate.event_id for certificate in certificates}
    if not ids:
        return {}
    events = await session.scalars(select(Event).where(Event.id.in_(ids)))
    return {event.id: ZoneInfo(event.timezone) for event in events}


SEARCH_LIMIT = 30
"""Most certificates a search by name lists."""


async def search_certificates(session: AsyncSession, text: str) -> list[Certificate]:
    """Certificates whose holder's name contains ``text`` (any case, spacing and Unicode
    form), the newest issue first, at most :data:`SEARCH_LIMIT` (e.g. to find the code of a
    guest the committee checked in by name, who has no chat with the bot)."""
    wanted = _folded(text)
    if not wanted:
        return []
    rows = await session.scalars(select(Certificate).order_by(Certificate.id.desc()))
    return [row for row in rows if wanted in _folded(row.name)][:SEARCH_LIMIT]


async def _replacement_code(session: AsyncSession, certificate: Certificate) -> str:
    newer = await session.get(Certificate, certificate.replaced_by_id)
    return newer.code if newer else ""


async def revoke(
    session: AsyncSession, code: str, *, actor_id: int, reason: str, now: datetime
) -> Certificate:
    """Revoke a certificate (its verification page then says so; not sent if still
    waiting). Audited (``certificate.revoke``).

    Raises:
        UnknownCertificate: No such code.
        AlreadyRevoked: Revoked before.
    """
    certificate = await find_certificate(session, code)
    if certificate is None:
        raise UnknownCertificate(code)
    if certificate.revoked_at is not None:
        raise AlreadyRevoked(certificate.code)
    certificate.revoked_at = now
    certificate.revoked_by = actor_id
    certificate.revoke_reason = reason.strip()[:MAX_NAME] or None
    audit.record(
        session,
        now=now,
        actor_id=actor_id,
        action="certificate.revoke",
        entity="certificate",
        entity_id=certificate.code,
        after={"reason": certificate.revoke_reason},
    )
    return certificate


async def reissue(
    session: AsyncSession,
    code: str,
    *,
    actor_id: int,
    now: datetime,
    public_url: str,
    name: str | None = None,
) -> tuple[Certificate, Certificate]:
    """Replace a certificate by a new one (new code, next revision; the name corrected when
    ``name`` is given), revoke the old one and send the new one to the same chats. Audited
    (``certificate.reissue``).

    Returns:
        The old and the new certificate.

    Raises:
        UnknownCertificate: No such code.
        AlreadyReplaced: It was reissued before (reissue the newer one).
        BadName: ``name`` is empty or too long (nothing changed).
    """
    old = await find_certificate(session, code)
    if old is None:
        raise UnknownCertificate(code)
    if old.replaced_by_id is not None:
        raise AlreadyReplaced(await _replacement_code(session, old))
    if name is not None:
        name = name.strip()
        if not name or len(name) > MAX_NAME:
            raise BadName(name)
    event = await session.scalar(
        select(Event).where(Event.id == old.event_id).options(selectinload(Event.edition))
    )
    if event is None:  # the event was deleted under it (cascade): nothing to reissue
        raise UnknownCertificate(code)
    latest = await session.scalar(
        select(func.max(Certificate.revision)).where(
            Certificate.event_id == old.event_id, Certificate.holder == old.holder
        )
    )
    new = _new(
        event,
        kind=old.kind,
        holder=old.holder,
        name=name or old.name,
        detail=old.detail,
        rank_title=old.rank_title,
        chat_ids=old.chat_ids,
        now=now,
        revision=(latest or old.revision) + 1,
        issued_by=actor_id,
    )
    try:
        async with session.begin_nested():
            session.add(new)
            await session.flush()
    except IntegrityError:  # another reissue of the same holder won meanwhile
        raise AlreadyReplaced("") from None
    if old.revoked_at is None:
        old.revoked_at = now
        old.revoked_by = actor_id
    old.replaced_by_id = new.id
    audit.record(
        session,
        now=now,
        actor_id=actor_id,
        action="certificate.reissue",
        entity="certificate",
        entity_id=old.code,
        before={"code": old.code, "name": old.name},
        after={"code": new.code, "name": new.name},
    )
    await _deliver(session, new, event, public_url, now, replaces=old.code)
    return old, new


# --- what the committee sees --------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """Counts of the event's certificates: valid ones by kind, revoked ones, and messages
    sent, waiting and not delivered (blocked or failed)."""

    by_kind: dict[CertificateKind, int]
    revoked: int
    sent: int
    waiting: int
    undelivered: int


async def summary(session: AsyncSession, event_id: int) -> Summary:
    """The event's certificates in figures (see :class:`Summary`)."""
    rows = await session.execute(
        select(Certificate.kind, Certificate.revoked_at.is_(None), func.count())
        .where(Certificate.event_id == event_id)
        .group_by(Certificate.kind, Certificate.revoked_at.is_(None))
    )
    by_kind = dict.fromkeys(CertificateKind, 0)
    revoked = 0
    for kind, valid, count in rows:
        if valid:
            by_kind[CertificateKind(kind)] += count
        else:
            revoked += count
    statuses = dict(
        (
            await session.execute(
                select(Delivery.status, func.count())
                .join(Broadcast, Broadcast.id == Delivery.broadcast_id)
                .join(Certificate, Broadcast.key == literal(f"{MESSAGE_KIND}:") + Certificate.code)
                .where(Broadcast.kind == MESSAGE_KIND, Certificate.event_id == event_id)
                .group_by(Delivery.status)
            )
        ).all()
    )
    return Summary(
        by_kind=by_kind,
        revoked=revoked,
        sent=statuses.get(DeliveryStatus.SENT, 0),
        waiting=statuses.get(DeliveryStatus.PENDING, 0),
        undelivered=statuses.get(DeliveryStatus.FAILED, 0)
        + statuses.get(DeliveryStatus.BLOCKED, 0),
    )


# --- the document -------------------------------------------------------------------------


async def certificate_text(
    session: AsyncSession, certificate: Certificate, public_url: str
) -> CertificateText:
    """What the certificate's PDF says (event, venue and signatory read now)."""
    from bot.services.certificates.document import CertificateText  # see the module's docstring

    event = await session.scalar(
        select(Event)
        .where(Event.id == certificate.event_id)
        .options(selectinload(Event.venue), selectinload(Event.edition))
    )
    if event is None:
        raise UnknownCertificate(certificate.code)
    settings = settings_of(event)
    venue = event.venue
    place = ", ".join(part for part in ((venue.name, venue.city) if venue else ()) if part)
    zone = ZoneInfo(event.timezone)
    signed_on = (settings.send_at if settings else certificate.issued_at).astimezone(zone).date()
    return CertificateText(
        kind=certificate.kind.value,
        code=certificate.code,
        name=certificate.name,
        detail=certificate.detail,
        rank_title=certificate.rank_title,
        event_title=event.title,
        organiser=event.organiser,
        event_day=event.starts_on,
        place=place,
        signed_on=signed_on,
        signatory=settings.signatory if settings else None,
        verify_url=verify_url(public_url, certificate.code),
    )


def file_name(certificate: Certificate) -> str:
    """The PDF's file name: ``Sertifikat-K7Q2-M9XD-3HTP-8WZC.pdf`` (``Piagam-…`` for a
    winner); no user text, so nothing to clean."""
    word = plain_text("id", f"certificate-file-{certificate.kind.value}")
    return f"{word}-{certificate.code}.pdf"


async def certificate_pdf(
    session: AsyncSession, certificate: Certificate, public_url: str
) -> Document:
    """The certificate's PDF, made in a worker thread (fpdf2 is CPU-bound: about 50 ms)."""
    from bot.services.certificates.document import render_certificate  # see the module's docstring

    text = await certificate_text(session, certificate, public_url)
    content = await asyncio.to_thread(render_certificate, text)
    return Document(file_name=file_name(certificate), content=content)


@dataclass(frozen=True)
class Copy:
    """A certificate sent again to its holder: the PDF and the caption it first went with."""

    document: Document
    caption: str


async def copies_for(
    session: AsyncSession, user_id: int, language: str, public_url: str
) -> list[Copy]:
    """The valid certificates of Telegram user ``user_id``, each as first sent (the same code,
    so the same document): those of their own attendance records, whoever's chat they went
    to (a committee line they claimed after the issuing), and the piagam sent to them as
    their unit's officer; revoked ones never (a reissue's newer code instead), the oldest
    event first. Empty without ``PUBLIC_URL`` (no document without its verification page)."""
    if not public_url:
        return []
    records = select(AttendanceRecord.id).where(AttendanceRecord.user_id == user_id)
    holders = [f"attendance:{record_id}" for record_id in await session.scalars(records)]
    rows = await session.scalars(
        select(Certificate)
        .where(Certificate.revoked_at.is_(None))
        .where(Certificate.holder.in_(holders) | (Certificate.kind == CertificateKind.WINNER))
        .order_by(Certificate.event_id, Certificate.id)
    )
    mine = [row for row in rows if row.holder in holders or user_id in (row.chat_ids or [])]
    events = {event.id: event for event in await session.scalars(
        select(Event).where(Event.id.in_({row.event_id for row in mine}))
    )}  # fmt: skip
    return [
        Copy(
            await certificate_pdf(session, certificate, public_url),
            _caption(
                language,
                certificate,
                events[certificate.event_id],
                verify_url(public_url, certificate.code),
            ),
        )  # fmt: skip
        for certificate in mine
    ]


@document_source(DOCUMENT_PREFIX)
async def _document(session: AsyncSession, code: str, settings: Settings) -> Document | None:
    """The outbox's source of certificate PDFs: None for a revoked or unknown code."""
    certificate = await find_certificate(session, code)
    if certificate is None or certificate.revoked_at is not None or not settings.public_url:
        return None
    return await certificate_pdf(session, certificate, settings.public_url)
