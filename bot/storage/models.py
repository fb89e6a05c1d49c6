"""SQLAlchemy 2 typed models for the whole IGA domain.

One noun per concept, as everywhere in the project: Edition, Event, Venue, AgendaItem,
Speaker, Unit, Chat, Admin, Officer, Invite, Submission, Answer, Attachment, Indicator,
SelfAssessment, Judge, Score, Award, Subscriber, Star, Reminder, Broadcast, Delivery,
AuditEntry. Every instant is a tz-aware datetime stored in UTC (:class:`UTCDateTime`).
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.storage.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base with the project's constraint naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    __table__: ClassVar[Table]
    """Every model here is a declared table (the ORM types it as any ``FromClause``)."""
    type_annotation_map = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


def _enum(enum_class: type[enum.Enum], name: str) -> Enum:
    """A portable enum column stored as its string values (no native PostgreSQL type)."""
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [member.value for member in members],
    )


# --- the competition and the event -------------------------------------------------------


class Edition(Base):
    """One year's competition (e.g. IGA 2022): its form, indicators, rubric and deadlines.

    ``config`` holds the edition's validated YAML section (form fields, indicators, rubric,
    rank titles, reminder offsets, final-score formula) so each city and year can change them
    without code.
    """

    __tablename__ = "editions"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    year: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    entries_open_at: Mapped[datetime | None]
    entries_close_at: Mapped[datetime | None]
    results_announce_at: Mapped[datetime | None]
    results_announced_at: Mapped[datetime | None]
    judging_closed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    """When the following edition was imported: from then on this edition is read-only
    (:func:`bot.services.core.edition_guard.ensure_open`)."""
    config: Mapped[dict[str, Any]] = mapped_column(default=dict)

    units: Mapped[list[Unit]] = relationship(back_populates="edition", order_by="Unit.code")
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="edition", order_by="Indicator.number"
    )
    awards: Mapped[list[Award]] = relationship(back_populates="edition", order_by="Award.rank")


class Event(Base):
    """The award event: title, organiser, day, participants, legal basis, FAQ."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    edition_id: Mapped[int | None] = mapped_column(ForeignKey("editions.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(Text)
    short_title: Mapped[str] = mapped_column(String(200))
    organiser: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    participants: Mapped[list[Any]] = mapped_column(default=list)
    questions: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """The event file's ``questions`` section (moderators, limits), see
    :class:`bot.services.core.event_file.QuestionsSpec`."""
    evaluation: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """The event file's ``evaluation`` section (the survey, when and to whom), see
    :class:`bot.services.core.event_file.EvaluationSpec`."""
    legal_basis: Mapped[list[Any]] = mapped_column(default=list)
    faq: Mapped[list[Any]] = mapped_column(default=list)
    reminder_offsets: Mapped[list[Any]] = mapped_column(default=list)
    star_reminder_minutes: Mapped[int] = mapped_column(Integer, default=15, server_default="15")
    attendance: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """The event file's ``attendance`` section as JSON (check-in hours, the daftar hadir's
    signatory, RSVP reminder), see :class:`bot.services.core.event_file.AttendanceSpec`."""
    certificates: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """The event file's ``certificates`` section as JSON (``send_at``, ``signatory``), see
    :class:`bot.services.core.event_file.CertificatesSpec`; None: no certificates."""
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    edition: Mapped[Edition | None] = relationship()
    venue: Mapped[Venue | None] = relationship(back_populates="event", uselist=False)
    speakers: Mapped[list[Speaker]] = relationship(back_populates="event", order_by="Speaker.id")
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="event", order_by="AgendaItem.starts_at"
    )


class Venue(Base):
    """Where the event takes place. ``is_example`` marks values not taken from a source."""

    __tablename__ = "venues"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    city: Mapped[str] = mapped_column(String(100))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)

    event: Mapped[Event] = relationship(back_populates="venue")


class Speaker(Base):
    """A narasumber: a person or an institution that speaks at the event."""

    __tablename__ = "speakers"
    __table_args__ = (UniqueConstraint("event_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    institution: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))

    event: Mapped[Event] = relationship(back_populates="speakers")


class AgendaSpeaker(Base):
    """Which speakers appear in which agenda item."""

    __tablename__ = "agenda_speakers"

    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), primary_key=True
    )
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speakers.id", ondelete="CASCADE"), primary_key=True
    )


class AgendaItem(Base):
    """One session of the event. ``key`` is stable across edits (it makes the iCalendar UID)."""

    __tablename__ = "agenda_items"
    __table_args__ = (UniqueConstraint("event_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    room: Mapped[str | None] = mapped_column(String(200))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    is_example_time: Mapped[bool] = mapped_column(Boolean, default=False)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)

    event: Mapped[Event] = relationship(back_populates="agenda")
    speakers: Mapped[list[Speaker]] = relationship(secondary="agenda_speakers")


# --- people ------------------------------------------------------------------------------


class Chat(Base):
    """A Telegram chat the bot knows: a private chat (id = user id), a group or a channel.

    ``blocked_at`` is set when Telegram answers 403 (the user blocked the bot) and cleared when
    the user writes again.
    """

    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    type: Mapped[str] = mapped_column(String(16), default="private")
    title: Mapped[str | None] = mapped_column(String(255))
    first_name: Mapped[str | None] = mapped_column(String(255))
    username: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(8))
    blocked_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime | None]


class Admin(Base):
    """A committee admin added at run time (the ones in ADMIN_IDS need no row)."""

    __tablename__ = "admins"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    added_by: Mapped[int | None] = mapped_column(BigInteger)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class Unit(Base):
    """A Perangkat Daerah (dinas, badan, kecamatan, kelurahan, UPTD, puskesmas) entering."""

    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("edition_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    entries_reopened_until: Mapped[datetime | None]
    predecessors: Mapped[list[Any] | None] = mapped_column(JSON)
    """The codes of the previous edition's units this unit continues (the event file's
    ``continues``); None: the unit with the same code, if any."""

    edition: Mapped[Edition] = relationship(back_populates="units")
    officers: Mapped[list[Officer]] = relationship(back_populates="unit")


class Officer(Base):
    """A Telegram user who submits entries for a unit."""

    __tablename__ = "officers"
    __table_args__ = (UniqueConstraint("user_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    invite_id: Mapped[int | None] = mapped_column(ForeignKey("invites.id", ondelete="SET NULL"))
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    current_submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="SET NULL")
    )
    """The entry this officer is filling in right now (None when not in the form)."""

    unit: Mapped[Unit] = relationship(back_populates="officers")


class Invite(Base):
    """An invite code that makes its user an officer of a unit. Only a hash is stored."""

    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime]
    max_uses: Mapped[int] = mapped_column(Integer, default=5)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    unit: Mapped[Unit] = relationship()


class InviteAttempt(Base):
    """A failed invite-code attempt, kept to slow down guessing."""

    __tablename__ = "invite_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, index=True)
    attempted_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- entries -----------------------------------------------------------------------------


class SubmissionStatus(enum.StrEnum):
    """Where an entry stands. Changes go through one service function with its side effects."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    VERIFIED = "verified"
    REJECTED = "rejected"
    NOMINEE = "nominee"
    WINNER = "winner"
    NOT_SELECTED = "not_selected"
    WITHDRAWN = "withdrawn"


class Submission(Base):
    """An innovation entry of a unit. ``number`` (e.g. IGA-2022-007) is given on submit."""

    __tablename__ = "submissions"
    __table_args__ = (
        UniqueConstraint("edition_id", "number"),
        UniqueConstraint("edition_id", "sequence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    title: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[SubmissionStatus] = mapped_column(
        _enum(SubmissionStatus, "submission_status"), default=SubmissionStatus.DRAFT
    )
    sequence: Mapped[int | None] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(32))
    cursor: Mapped[dict[str, Any] | None]
    """Where the officers are in the form (:mod:`bot.services.entries.cursor`, as JSON);
    None once the entry left it."""
    status_note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None]

    unit: Mapped[Unit] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="submission", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="submission",
        cascade="all, delete-orphan",
        order_by="Attachment.id",  # in the order sent (PostgreSQL keeps no order by itself)
    )
    assessments: Mapped[list[SelfAssessment]] = relationship(
        back_populates="submission", cascade="all, delete-orphan"
    )


class EntryOrigin(Base):
    """An entry started from an entry of a past edition (a returning innovation): its answers
    were copied and its documents linked when it was started."""

    __tablename__ = "entry_origins"

    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Answer(Base):
    """One form field's answer, saved the moment it is given. ``value`` is JSON."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("submission_id", "field_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    field_key: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    submission: Mapped[Submission] = relationship(back_populates="answers")


class FileState(enum.StrEnum):
    """Where an attachment's bytes are: still only at Telegram (``pending``, the download job
    will fetch them), in the file store (``stored``), given up after every retry
    (``failed``), or deleted by the committee's purge (``purged``)."""

    PENDING = "pending"
    STORED = "stored"
    FAILED = "failed"
    PURGED = "purged"


class Attachment(Base):
    """A file attached to an entry: a form field's file or an indicator's evidence; several
    per field or indicator. Recorded when it arrives; its bytes are then downloaded into the
    file store by the download job (``state``, ``attempts``, ``next_attempt_at``) and kept
    under ``sha256``."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_state_next_attempt", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    field_key: Mapped[str] = mapped_column(String(64))
    file_id: Mapped[str] = mapped_column(String(255))
    file_unique_id: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str | None] = mapped_column(String(255))
    mime_type: Mapped[str | None] = mapped_column(String(100))
    size_bytes: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    state: Mapped[FileState] = mapped_column(
        _enum(FileState, "file_state"), default=FileState.PENDING
    )
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(300))
    stored_at: Mapped[datetime | None]

    submission: Mapped[Submission] = relationship(back_populates="attachments")


class Indicator(Base):
    """An indicator of the Indeks Inovasi Daerah: weight, three levels, required evidence."""

    __tablename__ = "indicators"
    __table_args__ = (UniqueConstraint("edition_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    number: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    weight: Mapped[float] = mapped_column(Float)
    mandatory: Mapped[bool] = mapped_column(Boolean, default=False)
    evidence: Mapped[str] = mapped_column(Text, default="")
    levels: Mapped[list[Any]] = mapped_column(default=list)

    edition: Mapped[Edition] = relationship(back_populates="indicators")


class SelfAssessment(Base):
    """An officer's chosen level for one indicator, with evidence; judges may validate it."""

    __tablename__ = "self_assessments"
    __table_args__ = (UniqueConstraint("submission_id", "indicator_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    level: Mapped[int]
    evidence_url: Mapped[str | None] = mapped_column(String(500))
    attachment_id: Mapped[int | None] = mapped_column(
        ForeignKey("attachments.id", ondelete="SET NULL")
    )
    validated_level: Mapped[int | None]
    """The panel's validated level: the lower median of the judges' own levels
    (:class:`LevelValidation`), None while no judge validated it."""
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    submission: Mapped[Submission] = relationship(back_populates="assessments")
    indicator: Mapped[Indicator] = relationship()


# --- judging and results -----------------------------------------------------------------


class Judge(Base):
    """A member of the panel (tim penilai) for one edition."""

    __tablename__ = "judges"
    __table_args__ = (UniqueConstraint("edition_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigInteger)
    name: Mapped[str] = mapped_column(String(200))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))


class JudgeAssignment(Base):
    """Which judge scores which entry."""

    __tablename__ = "judge_assignments"

    judge_id: Mapped[int] = mapped_column(
        ForeignKey("judges.id", ondelete="CASCADE"), primary_key=True
    )
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True
    )


class Score(Base):
    """One judge's score of one entry on one rubric criterion (0–100)."""

    __tablename__ = "scores"
    __table_args__ = (UniqueConstraint("judge_id", "submission_id", "criterion_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id", ondelete="CASCADE"))
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    criterion_key: Mapped[str] = mapped_column(String(64))
    value: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class LevelValidation(Base):
    """One judge's validated level of one self-assessed indicator of an entry (their own check
    of the evidence; another judge's is not theirs to see or change). The panel's level, the
    one that counts, is kept in :attr:`SelfAssessment.validated_level`
    (:func:`bot.services.judging.scoring.panel_level`)."""

    __tablename__ = "level_validations"
    __table_args__ = (UniqueConstraint("judge_id", "submission_id", "indicator_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id", ondelete="CASCADE"))
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    level: Mapped[int]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class JudgeReview(Base):
    """A judge's comment on an entry and whether they submitted their scoring of it (the
    scores themselves are :class:`Score` rows). Saved as the judge types."""

    __tablename__ = "judge_reviews"
    __table_args__ = (UniqueConstraint("judge_id", "submission_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id", ondelete="CASCADE"))
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    comment: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Award(Base):
    """A result of an edition (Juara I…), private to admins until the announcement time.

    ``submission_id`` is set for entries made through the bot; results of past editions that
    were imported from the event file name the unit and the innovation directly.
    """

    __tablename__ = "awards"
    __table_args__ = (UniqueConstraint("edition_id", "rank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    rank: Mapped[int]
    title: Mapped[str] = mapped_column(String(64))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    innovation: Mapped[str] = mapped_column(String(300))
    submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="SET NULL")
    )

    edition: Mapped[Edition] = relationship(back_populates="awards")
    unit: Mapped[Unit] = relationship()


# --- the event day: invitations, RSVP, attendance ------------------------------------------


class AttendanceRole(enum.StrEnum):
    """In which capacity someone attended (decides the certificate they get)."""

    PARTICIPANT = "participant"
    JUDGE = "judge"
    NARASUMBER = "narasumber"
    GUEST = "guest"


class Invitation(Base):
    """One invited seat at the event, from the event file's ``attendance`` section: a unit's
    role (``kepala``, ``sekretaris``, ``kasubag_program``, ``tim_teknis``) or a named
    narasumber or guest. ``key`` is stable across imports (``dinsos-kepala``, a narasumber's
    key). The invitation goes to the unit's officers, or to ``user_id`` when the invitee's
    own Telegram id is known; ``sent_at``/``reminded_at`` record the outbox writes.
    """

    __tablename__ = "invitations"
    __table_args__ = (UniqueConstraint("event_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    institution: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    nip: Mapped[str | None] = mapped_column(String(18))
    jabatan: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]

    unit: Mapped[Unit | None] = relationship()
    answer: Mapped[RsvpAnswer | None] = relationship(back_populates="invitation", uselist=False)


class RsvpChoice(enum.StrEnum):
    """An invitee's answer."""

    HADIR = "hadir"
    DIWAKILKAN = "diwakilkan"
    BERHALANGAN = "berhalangan"


class RsvpAnswer(Base):
    """The current answer to an invitation (a new answer replaces it); ``diwakilkan`` names
    the delegate who comes instead."""

    __tablename__ = "rsvp_answers"

    invitation_id: Mapped[int] = mapped_column(
        ForeignKey("invitations.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    choice: Mapped[RsvpChoice] = mapped_column(_enum(RsvpChoice, "rsvp_choice"))
    delegate_name: Mapped[str | None] = mapped_column(Text)
    delegate_jabatan: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[int] = mapped_column(BigInteger)
    answered_at: Mapped[datetime]

    invitation: Mapped[Invitation] = relationship(back_populates="answer")


class AttendanceRecord(Base):
    """One person present at the event: a line of the daftar hadir, and what certificates
    are issued from.

    ``person_key`` makes "nobody listed twice" a constraint: ``u:<telegram user id>`` for
    someone who scanned the check-in link, ``n:<hash of the normalised name and NIP>`` for a
    guest the committee checked in by name (``user_id`` None). ``checked_in_by`` is the user
    who recorded it (the person themself, or a committee member); ``method`` is ``qr`` or
    ``committee``.
    """

    __tablename__ = "attendance_records"
    __table_args__ = (
        UniqueConstraint("event_id", "person_key"),
        UniqueConstraint("event_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    person_key: Mapped[str] = mapped_column(String(80))
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    name: Mapped[str] = mapped_column(Text)
    nip: Mapped[str | None] = mapped_column(String(18))
    jabatan: Mapped[str] = mapped_column(Text, default="")
    unit_name: Mapped[str] = mapped_column(Text, default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    invitation_id: Mapped[int | None] = mapped_column(
        ForeignKey("invitations.id", ondelete="SET NULL")
    )
    role: Mapped[AttendanceRole] = mapped_column(
        _enum(AttendanceRole, "attendance_role"), default=AttendanceRole.PARTICIPANT
    )
    method: Mapped[str] = mapped_column(String(16), default="qr")
    checked_in_at: Mapped[datetime] = mapped_column(index=True)
    checked_in_by: Mapped[int | None] = mapped_column(BigInteger)

    unit: Mapped[Unit | None] = relationship()
    invitation: Mapped[Invitation | None] = relationship()


class CertificateKind(enum.StrEnum):
    """What a certificate is for: a sertifikat for a participant, a judge or a narasumber
    (each checked in), or a winning unit's piagam penghargaan."""

    PARTICIPANT = "participant"
    JUDGE = "judge"
    NARASUMBER = "narasumber"
    WINNER = "winner"


class Certificate(Base):
    """One issued certificate (see :mod:`bot.services.certificates.issuing`).

    ``holder`` names whom it is for, stably: ``attendance:<record id>`` for a person who
    checked in, ``award:<award id>`` for a winning unit's piagam; ``revision`` counts the
    reissues for that holder (1 first). ``code`` is the unguessable public code printed on it
    and in its QR (the verification page's address). What it says (name, detail, rank title)
    is kept as issued; a correction is a reissue (a new row and code; the old one revoked and
    pointing to it with ``replaced_by_id``).
    """

    __tablename__ = "certificates"
    __table_args__ = (UniqueConstraint("event_id", "holder", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    kind: Mapped[CertificateKind] = mapped_column(_enum(CertificateKind, "certificate_kind"))
    holder: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text, default="")
    rank_title: Mapped[str | None] = mapped_column(String(64))
    chat_ids: Mapped[list[Any]] = mapped_column(default=list)
    issued_at: Mapped[datetime]
    issued_by: Mapped[int | None] = mapped_column(BigInteger)
    revoked_at: Mapped[datetime | None]
    revoked_by: Mapped[int | None] = mapped_column(BigInteger)
    revoke_reason: Mapped[str | None] = mapped_column(Text)
    replaced_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificates.id", ondelete="SET NULL")
    )


class SessionCheckIn(Base):
    """Someone present at one agenda session that checks in separately (the event file's
    ``attendance.sessions``): a line of that session's daftar hadir. The person's
    :class:`AttendanceRecord` says who they are; each person once per session."""

    __tablename__ = "session_check_ins"
    __table_args__ = (UniqueConstraint("record_id", "agenda_item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("attendance_records.id", ondelete="CASCADE"))
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    checked_in_at: Mapped[datetime]

    record: Mapped[AttendanceRecord] = relationship()


# --- audience and messaging --------------------------------------------------------------


class Subscriber(Base):
    """A chat subscribed to one topic (general, schedule, results)."""

    __tablename__ = "subscribers"
    __table_args__ = (UniqueConstraint("chat_id", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    topic: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Star(Base):
    """An agenda item a user asked to be reminded of ("Ingatkan saya")."""

    __tablename__ = "stars"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Reminder(Base):
    """A durable scheduled job: a reminder, the winners' announcement, a scheduled broadcast.

    ``key`` is the stable JobQueue job id. A job claims its row (``claimed_at``) and records
    ``sent_at`` in the same transaction, so nothing is sent twice.
    """

    __tablename__ = "reminders"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    due_at: Mapped[datetime] = mapped_column(index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    dropped_at: Mapped[datetime | None]


class BroadcastStatus(enum.StrEnum):
    """Life of a broadcast."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    DONE = "done"
    CANCELLED = "cancelled"


class Broadcast(Base):
    """One message of the outbox (:mod:`bot.services.shared.outbox`): a committee's
    broadcast, or a message the bot sends on its own; one :class:`Delivery` row per recipient.

    ``kind`` is ``manual`` for the committee's own, or the system's (``winners``,
    ``reminder``, ``status``, ``schedule``…). ``key`` names the logical message (unique; None
    for the committee's broadcasts). ``text`` is HTML ready to send; ``texts`` optionally
    holds one text per language (``{"id": …, "en": …}``), chosen by each recipient's language;
    ``markups`` the buttons per language (Bot API ``InlineKeyboardMarkup`` JSON).
    """

    __tablename__ = "broadcasts"
    __table_args__ = (Index("ix_broadcasts_key", "key", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), default="manual")
    key: Mapped[str | None] = mapped_column(String(128))
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
    texts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    markups: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    media_kind: Mapped[str | None] = mapped_column(String(16))
    media_file_id: Mapped[str | None] = mapped_column(String(255))
    audience: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[BroadcastStatus] = mapped_column(
        _enum(BroadcastStatus, "broadcast_status"), default=BroadcastStatus.DRAFT
    )
    scheduled_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class DeliveryStatus(enum.StrEnum):
    """Where one recipient's copy of a broadcast stands."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    BLOCKED = "blocked"


class Delivery(Base):
    """One recipient of one broadcast."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("broadcast_id", "chat_id"),
        Index("ix_deliveries_broadcast_status", "broadcast_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    broadcast_id: Mapped[int] = mapped_column(ForeignKey("broadcasts.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[DeliveryStatus] = mapped_column(
        _enum(DeliveryStatus, "delivery_status"), default=DeliveryStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(300))
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    sent_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    """The sender process working on it (a lease, see ``claim_deliveries``), or None."""
    claimed_until: Mapped[datetime | None]
    """When that claim lapses unless renewed (the database's clock on PostgreSQL)."""


class CacheVersion(Base):
    """A counter of changes to something bot processes cache (see
    :mod:`bot.services.shared.cache_versions`)."""

    __tablename__ = "cache_versions"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


class AuditEntry(Base):
    """Who did what, when, with the values before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class PendingInput(Base):
    """The typed input the bot waits for from one user in one chat: at most one at a time
    (a new one replaces it), kept across restarts (see :mod:`bot.services.shared.pending_input`).

    ``kind`` names the registered payload class; ``payload`` holds its fields as JSON.
    """

    __tablename__ = "pending_inputs"
    __table_args__ = (
        UniqueConstraint("chat_id", "user_id"),
        {"sqlite_autoincrement": True},  # an id is never reused: it identifies what was read
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    started_at: Mapped[datetime]


class HandledUpdate(Base):
    """A Telegram update whose handling wrote to the database, recorded in the same
    transaction as what it wrote (see :mod:`bot.update_ledger`).

    After a crash Telegram sends again the updates the bot had not confirmed; one with a row
    here already took effect: it is answered again with ``replies`` (the Bot API calls made
    after its commit that can be made again, each recorded before it went out,
    ``{"method", "params"}`` each), not applied again. Rows older
    than :data:`bot.update_ledger.TRUST_DAYS` are deleted (Telegram's ids restart at random
    after a week without updates).
    """

    __tablename__ = "handled_updates"

    bot_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    handled_at: Mapped[datetime] = mapped_column(index=True)
    replies: Mapped[list[Any] | None]


class ParkedUpdate(Base):
    """An update fetched by long polling and still being handled when the bot had to confirm
    it to Telegram to fetch newer ones (e.g. its chat waits out a 429): kept here until
    handled, and handled after a restart if the process died first
    (:class:`bot.update_processing.PollingInbox`)."""

    __tablename__ = "parked_updates"

    bot_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    payload: Mapped[dict[str, Any]]


# --- the event day: questions to the narasumber, the evaluation ----------------------------


class QuestionStatus(enum.StrEnum):
    """Where a question stands: sent and waiting for the moderator, approved (shown and
    voted on), answered, or hidden (never shown anywhere again)."""

    PENDING = "pending"
    APPROVED = "approved"
    ANSWERED = "answered"
    HIDDEN = "hidden"


class Question(Base):
    """A question to the narasumber of one session (agenda item).

    ``asker_name`` is None when the attendee asked anonymously (the asker's id is kept for the
    rate limits and is never shown). ``text`` is what is shown (a moderator may correct typos,
    audited); ``original_text`` is what the attendee sent, as sent. ``votes`` counts the
    :class:`QuestionVote` rows (kept beside them to order the queue in one query).
    """

    __tablename__ = "questions"
    __table_args__ = (Index("ix_questions_item_status", "agenda_item_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"))
    asker_id: Mapped[int] = mapped_column(BigInteger, index=True)
    asker_name: Mapped[str | None] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    original_text: Mapped[str] = mapped_column(Text)
    status: Mapped[QuestionStatus] = mapped_column(
        _enum(QuestionStatus, "question_status"), default=QuestionStatus.PENDING
    )
    votes: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    approved_at: Mapped[datetime | None]
    answered_at: Mapped[datetime | None]

    agenda_item: Mapped[AgendaItem] = relationship()


class QuestionVote(Base):
    """One person's vote for one question: the primary key makes it once per person."""

    __tablename__ = "question_votes"

    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )
    voter_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    created_at: Mapped[datetime] = mapped_column(index=True)


class QuestionSession(Base):
    """A session whose questions the moderator closed (``closed_at``); questions are open
    from the session's start until then. Reopening clears ``closed_at``."""

    __tablename__ = "question_sessions"

    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[int | None] = mapped_column(BigInteger)


class EvaluationResponse(Base):
    """One attendee's evaluation survey: invited when the survey was sent, the answers as
    given (question key → value), where they are in it (``cursor``), finished or not, and
    whether the one reminder went out."""

    __tablename__ = "evaluation_responses"
    __table_args__ = (UniqueConstraint("event_id", "chat_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    cursor: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    invited_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]
