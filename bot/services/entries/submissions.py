"""Innovation entries: drafts saved answer by answer, attachments, the self-assessment, the
deadline, submitting with a registration number, withdrawing and resubmitting.

Every answer is written in the caller's transaction the moment it is given, and the position
in the form (``Submission.cursor``, a :mod:`bot.services.entries.cursor` position) and the
entry an officer is filling in (``Officer.current_submission_id``, with the pending input
:class:`FillingEntry` that routes the officer's messages to the form) are kept in the database
too, so a restart of the bot (even a kill) loses nothing and the officer continues where they
stopped.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, raiseload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from bot.i18n import format_moment, t
from bot.services.core.edition_guard import ensure_entry_open, ensure_open
from bot.services.core.event_file import FormFieldSpec
from bot.services.core.event_view import EditionView, IndicatorView, edition_view
from bot.services.entries.cursor import AtField, Cursor, FormState, from_json, start, to_json
from bot.services.entries.form import FieldError, append_long_text, form_fields, form_problems
from bot.services.entries.submission_status import StatusChange, change_status
from bot.services.shared.outbox import enqueue, in_every_language
from bot.services.shared.pending_input import Pending, input_kind, stop_waiting, wait_for
from bot.storage.database import rows_matched
from bot.storage.models import (
    Answer,
    Attachment,
    AuditEntry,
    Award,
    Edition,
    Indicator,
    Officer,
    SelfAssessment,
    Submission,
    SubmissionStatus,
    Unit,
)

S = SubmissionStatus

EDITABLE = frozenset({S.DRAFT, S.RETURNED})
"""Statuses in which the officers may change an entry."""


@input_kind("entries.form")
@dataclass(frozen=True)
class FillingEntry:
    """The officer's next message answers the current question of entry ``submission_id``
    (where its cursor is). The form is filled in the officer's private chat, whose id is the
    officer's user id (Telegram's rule for private chats)."""

    submission_id: int


SEQUENCE_ATTEMPTS = 5
"""How often a submit retries when another entry took the same sequence number at once."""


class EntryProblem(enum.StrEnum):
    """Why an action on an entry was refused."""

    NOT_OFFICER = "not_officer"
    NOT_FOUND = "not_found"
    NOT_YET_OPEN = "not_yet_open"
    CLOSED = "closed"
    NOT_EDITABLE = "not_editable"
    INCOMPLETE = "incomplete"


class EntryError(Exception):
    """An action on an entry was refused.

    Attributes:
        problem: Why.
        moment: The opening or closing instant for ``NOT_YET_OPEN`` / ``CLOSED`` (aware).
        year: The edition's year for ``NOT_YET_OPEN`` / ``CLOSED`` (two editions may run at
            once: the text says which).
        status: The entry's status for ``NOT_EDITABLE``.
        problems: What is missing for ``INCOMPLETE``: ``(key, FieldError)`` pairs, where key
            is a form field's key or ``#indicator:<key>``.
    """

    def __init__(
        self,
        problem: EntryProblem,
        *,
        moment: datetime | None = None,
        status: SubmissionStatus | None = None,
        problems: Sequence[tuple[str, FieldError]] = (),
        year: int | None = None,
    ) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.moment = moment
        self.year = year
        self.status = status
        self.problems = list(problems)


def _entry_options() -> list[Any]:
    return [
        selectinload(Submission.unit),
        selectinload(Submission.answers),
        selectinload(Submission.attachments),
        selectinload(Submission.assessments).selectinload(SelfAssessment.indicator),
    ]


def answers_of(submission: Submission) -> dict[str, Any]:
    """The entry's answers by field key (loaded with the entry)."""
    return {answer.field_key: answer.value for answer in submission.answers}


def registration_number(prefix: str, year: int, sequence: int) -> str:
    """The registration number shown to people: ``IGA-2022-007``."""
    return f"{prefix}-{year}-{sequence:03d}"


# --- officers and their entries ------------------------------------------------------------


async def officer_units(session: AsyncSession, user_id: int, edition_id: int) -> list[Officer]:
    """The user's officer rows in the edition (with their units), by unit code."""
    rows = await session.scalars(
        select(Officer)
        .join(Unit, Officer.unit_id == Unit.id)
        .where(Officer.user_id == user_id, Unit.edition_id == edition_id)
        .options(selectinload(Officer.unit))
        .order_by(Unit.code)
    )
    return list(rows)


async def unit_entries(session: AsyncSession, unit_ids: Collection[int]) -> list[Submission]:
    """The entries of the units, newest first, with answers, attachments and assessments.
    Empty drafts (:func:`is_empty`) are left out: there is nothing in them to show."""
    if not unit_ids:
        return []
    rows = await session.scalars(
        select(Submission)
        .where(Submission.unit_id.in_(list(unit_ids)))
        .options(*_entry_options())
        .order_by(Submission.created_at.desc(), Submission.id.desc())
    )
    return [entry for entry in rows if not is_empty(entry)]


def is_empty(submission: Submission) -> bool:
    """A draft with nothing in it yet: no answer, file or self-assessment (``answers``,
    ``attachments`` and ``assessments`` loaded)."""
    return (
        submission.status is S.DRAFT
        and not submission.answers
        and not submission.attachments
        and not submission.assessments
    )


async def discard_if_empty(session: AsyncSession, submission: Submission) -> bool:
    """Delete ``submission`` if it is an empty draft (an officer started an entry and left
    it before answering anything), so no "(inovasi tanpa nama)" is kept.

    Returns:
        Whether it was deleted.
    """
    await load_rest(session, submission)
    if not is_empty(submission):
        return False
    await session.execute(
        update(Officer)
        .where(Officer.current_submission_id == submission.id)
        .values(current_submission_id=None)
    )
    await session.delete(submission)
    await session.flush()
    return True


async def load_entry(session: AsyncSession, submission_id: int) -> Submission | None:
    """The entry with answers, attachments, assessments and unit, or None."""
    return await session.scalar(
        select(Submission)
        .where(Submission.id == submission_id)
        .options(*_entry_options())
        .execution_options(populate_existing=True)
    )


async def assigned_entry(session: AsyncSession, submission_id: int) -> Submission:
    """:func:`load_entry` for an entry known to exist (assigned to a judge, read a moment ago
    in the same transaction).

    Raises:
        LookupError: No such entry.
    """
    submission = await load_entry(session, submission_id)
    if submission is None:
        raise LookupError(f"entry {submission_id}")
    return submission


async def entry_for_officer(session: AsyncSession, user_id: int, submission_id: int) -> Submission:
    """The entry ``submission_id`` if ``user_id`` is an officer of its unit (checked now).

    Raises:
        EntryError: ``NOT_FOUND``: no such entry, or the user is not one of its officers.
    """
    submission = await load_entry(session, submission_id)
    if submission is None or not await _is_officer(session, user_id, submission.unit_id):
        raise EntryError(EntryProblem.NOT_FOUND)
    return submission


async def _locked_entry_for_officer(
    session: AsyncSession, user_id: int, submission_id: int, now: datetime
) -> Submission:
    """The entry, write-locked (an UPDATE of ``updated_at``, which also takes SQLite's write
    lock) and read after the lock, once ``user_id`` is found to be an officer of its unit:
    a refused officer writes nothing (issue 13).

    Raises:
        EntryError: ``NOT_FOUND``, as :func:`entry_for_officer`.
    """
    unit_id = await session.scalar(select(Submission.unit_id).where(Submission.id == submission_id))
    if unit_id is None or not await _is_officer(session, user_id, unit_id):
        raise EntryError(EntryProblem.NOT_FOUND)
    await session.execute(
        update(Submission).where(Submission.id == submission_id).values(updated_at=now)
    )
    return await entry_for_officer(session, user_id, submission_id)


async def _is_officer(session: AsyncSession, user_id: int, unit_id: int) -> bool:
    found = await session.scalar(
        select(Officer.id).where(Officer.user_id == user_id, Officer.unit_id == unit_id)
    )
    return found is not None


def _active_entry_statement(*options: Any) -> Any:
    return (
        select(Submission)
        .join(Officer, Officer.current_submission_id == Submission.id)
        .join(Unit, Unit.id == Submission.unit_id)
        .where(Officer.user_id == bindparam("user_id"), Unit.edition_id == bindparam("edition_id"))
        .options(*options)
    )


_ACTIVE_ENTRY = _active_entry_statement(*_entry_options()).execution_options(populate_existing=True)
_ACTIVE_ENTRY_ANSWERS = _active_entry_statement(
    joinedload(Submission.unit),
    joinedload(Submission.answers),
    raiseload(Submission.attachments),
    raiseload(Submission.assessments),
)
"""Built once: building a statement with its options costs as much CPU as a small query."""


async def active_entry(
    session: AsyncSession, user_id: int, edition_id: int, *, answers_only: bool = False
) -> Submission | None:
    """The entry the user is filling in (set by :func:`open_entry`), if it is of the edition
    ``edition_id`` (the one open for entries) and still editable. A draft of an earlier
    edition left open in the form is not active (that edition is read-only once the next
    one is imported; :func:`left_behind` finds it, to say so).

    Args:
        answers_only: Load the entry with its unit and answers only, in one query (the
            form's hot path: a typed answer); its attachments and self-assessment are not
            loaded, and reading them raises ``InvalidRequestError`` until :func:`load_rest`;
            call it first in the transaction (objects already in the session are not
            read again). Else they are loaded too, as by :func:`load_entry`.
    """
    statement = _ACTIVE_ENTRY_ANSWERS if answers_only else _ACTIVE_ENTRY
    result = await session.execute(statement, {"user_id": user_id, "edition_id": edition_id})
    submission = result.unique().scalars().first()
    if submission is None or submission.status not in EDITABLE:
        return None
    return submission


async def left_behind(session: AsyncSession, user_id: int, edition_id: int) -> Submission | None:
    """The editable entry the user had open in the form that belongs to another edition than
    ``edition_id`` (a draft of last year's edition, closed when this one was imported), with
    its unit and edition loaded; None when there is none. The form explains it instead of
    resuming it (it can no longer change)."""
    return await session.scalar(
        select(Submission)
        .join(Officer, Officer.current_submission_id == Submission.id)
        .join(Unit, Unit.id == Submission.unit_id)
        .where(
            Officer.user_id == user_id,
            Unit.edition_id != edition_id,
            Submission.status.in_(list(EDITABLE)),
        )
        .options(selectinload(Submission.unit).selectinload(Unit.edition))
        .limit(1)
    )


async def load_rest(session: AsyncSession, submission: Submission) -> None:
    """Load the attachments and self-assessment of an entry read with ``answers_only``
    (:func:`active_entry`); pending changes are flushed first."""
    await session.flush()
    await session.scalar(
        select(Submission)
        .where(Submission.id == submission.id)
        .options(
            selectinload(Submission.attachments),
            selectinload(Submission.assessments).selectinload(SelfAssessment.indicator),
        )
    )


async def open_entry(
    session: AsyncSession, user_id: int, submission: Submission, now: datetime
) -> Pending | None:
    """Make ``submission`` the entry the user is filling in (one at a time), and wait for
    their messages as its answers (:class:`FillingEntry`).

    Returns:
        The input this replaced (see :func:`bot.services.shared.pending_input.wait_for`).
    """
    await session.execute(
        update(Officer).where(Officer.user_id == user_id).values(current_submission_id=None)
    )
    await session.execute(
        update(Officer)
        .where(Officer.user_id == user_id, Officer.unit_id == submission.unit_id)
        .values(current_submission_id=submission.id)
    )
    return await wait_for(session, user_id, user_id, FillingEntry(submission.id), now)


async def leave_form(session: AsyncSession, user_id: int) -> None:
    """The user leaves the form (``/batal``); the entry and its position are kept."""
    await session.execute(
        update(Officer).where(Officer.user_id == user_id).values(current_submission_id=None)
    )
    await stop_waiting(session, user_id, user_id, FillingEntry)


async def _close_form(session: AsyncSession, submission: Submission) -> None:
    """The entry left the form (submitted, withdrawn): none of its officers fills it in."""
    filling = await session.scalars(
        select(Officer.user_id).where(Officer.current_submission_id == submission.id)
    )
    for user_id in set(filling):
        await leave_form(session, user_id)


def editable_entries(entries: Sequence[Submission]) -> list[Submission]:
    """The entries that can still be changed (drafts and entries returned for revision),
    most recently changed first."""
    found = [entry for entry in entries if entry.status in EDITABLE]
    return sorted(found, key=lambda entry: (entry.updated_at, entry.id), reverse=True)


# --- the deadline ----------------------------------------------------------------------------


def check_window(edition: EditionView, unit: Unit, now: datetime) -> None:
    """Check that the unit may enter now: between the edition's ``entries_open_at`` and
    ``entries_close_at``, or before the unit's ``entries_reopened_until`` (the committee
    reopened it).

    Raises:
        EntryError: ``NOT_YET_OPEN`` or ``CLOSED`` with the moment.
    """
    if unit.entries_reopened_until is not None and now <= unit.entries_reopened_until:
        return
    if edition.entries_open_at is not None and now < edition.entries_open_at:
        raise EntryError(
            EntryProblem.NOT_YET_OPEN, moment=edition.entries_open_at, year=edition.year
        )
    if edition.entries_close_at is not None and now > edition.entries_close_at:
        raise EntryError(EntryProblem.CLOSED, moment=edition.entries_close_at, year=edition.year)


def check_editable(edition: EditionView, submission: Submission, now: datetime) -> None:
    """Check that the officers may change ``submission`` now.

    A draft follows the deadline (:func:`check_window`). An entry returned for revision may be
    changed and resubmitted after closing: the committee's return reopens that entry.

    Raises:
        EntryError: ``NOT_EDITABLE`` (submitted, verified, withdrawn…), ``NOT_YET_OPEN`` or
            ``CLOSED``.
    """
    if submission.status not in EDITABLE:
        raise EntryError(EntryProblem.NOT_EDITABLE, status=submission.status)
    if submission.status is S.DRAFT:
        check_window(edition, submission.unit, now)


def check_withdrawable(edition: EditionView, submission: Submission, now: datetime) -> None:
    """Check that the officers may withdraw ``submission`` now: a draft or a submitted entry
    before the deadline (or the unit's reopening), an entry returned for revision any time.

    Raises:
        EntryError: ``NOT_EDITABLE`` (already judged or withdrawn), ``NOT_YET_OPEN`` or
            ``CLOSED``.
    """
    if submission.status not in (S.DRAFT, S.SUBMITTED, S.RETURNED):
        raise EntryError(EntryProblem.NOT_EDITABLE, status=submission.status)
    if submission.status is not S.RETURNED:
        check_window(edition, submission.unit, now)


def allowed_now(check: Callable[..., None], *args: Any) -> bool:
    """Whether ``check`` (:func:`check_window`, :func:`check_editable`,
    :func:`check_withdrawable`) passes for ``args``: a button is offered only for what can
    be done now."""
    try:
        check(*args)
    except EntryError:
        return False
    return True


async def start_entry(
    session: AsyncSession, officer: Officer, edition: EditionView, now: datetime
) -> Submission:
    """A new draft entry for the officer's unit, opened for the officer at the first field.

    Raises:
        EntryError: Entries are not open for the unit now.
    """
    await ensure_open(session, edition)
    check_window(edition, officer.unit, now)
    fields = form_fields(edition.config)
    submission = Submission(
        edition_id=edition.id,
        unit_id=officer.unit_id,
        status=S.DRAFT,
        created_by=officer.user_id,
        created_at=now,
        updated_at=now,
        cursor=to_json(start(FormState(fields, {}))),
    )
    submission.unit = officer.unit
    submission.answers, submission.attachments, submission.assessments = [], [], []
    session.add(submission)
    await session.flush()
    await open_entry(session, officer.user_id, submission, now)
    return submission


def set_cursor(submission: Submission, cursor: Cursor, now: datetime) -> None:
    """Remember where the officer is in the form."""
    submission.cursor = to_json(cursor)
    submission.updated_at = now


def cursor_of(submission: Submission) -> Cursor | None:
    """Where the officers are in the entry's form (None once it left the form: submitted,
    withdrawn)."""
    return from_json(submission.cursor)


# --- answers -------------------------------------------------------------------------------


def title_field(fields: Sequence[FormFieldSpec]) -> str | None:
    """The key of the field that names the entry (its first short text): its answer is
    ``Submission.title``."""
    return next((spec.key for spec in fields if spec.kind == "short_text"), None)


async def save_answer(
    session: AsyncSession,
    edition: EditionView,
    submission: Submission,
    key: str,
    value: Any,
    now: datetime,
    fields: Sequence[FormFieldSpec] | None = None,
) -> None:
    """Store the answer to field ``key`` (replacing an earlier one), in the caller's
    transaction. The answer to the form's first short text field is also the entry's title.

    Args:
        value: A JSON value as parsed by :mod:`bot.services.entries.form`; ``None`` for a skipped
            optional field.
        fields: The edition's form if the caller has it parsed already (else it is parsed
            from ``edition.config``).

    Raises:
        EntryError: The entry cannot be changed now (:func:`check_editable`).
    """
    await ensure_entry_open(session, submission)
    check_editable(edition, submission, now)
    existing = next((a for a in submission.answers if a.field_key == key), None)
    if existing is None:
        submission.answers.append(
            Answer(submission_id=submission.id, field_key=key, value=value, updated_at=now)
        )
    else:
        existing.value = value
        existing.updated_at = now
    if key == title_field(fields if fields is not None else form_fields(edition.config)):
        submission.title = value[:300] if isinstance(value, str) else None
    submission.updated_at = now
    await session.flush()


_entries, _answers = Submission.__table__, Answer.__table__
_LOCK_EDITABLE = (
    update(_entries)
    .where(_entries.c.id == bindparam("entry"), _entries.c.status.in_(list(EDITABLE)))
    .values(cursor=bindparam("cursor"), updated_at=bindparam("now"))
)
_WRITE_ANSWER = (
    update(_answers)
    .where(_answers.c.id == bindparam("answer"))
    .values(value=bindparam("text"), updated_at=bindparam("now"))
)


async def append_paragraph(
    session: AsyncSession,
    edition: EditionView,
    submission: Submission,
    spec: FormFieldSpec,
    text: str,
    now: datetime,
) -> str:
    """Append a message to the answer to long-text field ``spec`` and keep the entry at that
    field, in the caller's transaction (:func:`bot.services.entries.form.append_long_text`): the
    form's most frequent step, one paragraph after another.

    When the field has an answer already and nothing else is pending in the session, this
    writes with two prepared UPDATEs instead of the ORM's unit of work (which cost about a
    fifth of the step's Python calls, profiled with ``bench/throughput.py --scenario form``):
    first the entry's row, only while it is editable (the row stays locked until the commit,
    as in :func:`submit_entry`), then the answer; the loaded objects are given the written
    values. Else it is :func:`save_answer` (the first paragraph, the answer from the summary).

    Returns:
        The answer as saved.

    Raises:
        EntryError: The entry cannot be changed now (:func:`check_editable`), or stopped
            being editable since it was read (``NOT_EDITABLE``); nothing was written.
    """
    await ensure_entry_open(session, submission)
    check_editable(edition, submission, now)
    existing = next((a for a in submission.answers if a.field_key == spec.key), None)
    value = append_long_text(existing.value if existing is not None else None, text)
    at_field = AtField(spec.key)
    if existing is None or session.dirty or session.new:
        set_cursor(submission, at_field, now)
        await save_answer(session, edition, submission, spec.key, value, now)
        return value
    now_editable = {"entry": submission.id, "cursor": to_json(at_field), "now": now}
    if await rows_matched(session, _LOCK_EDITABLE, now_editable) != 1:
        status = await session.scalar(
            select(Submission.status).where(Submission.id == submission.id)
        )
        raise EntryError(EntryProblem.NOT_EDITABLE, status=status)
    await session.execute(_WRITE_ANSWER, {"answer": existing.id, "text": value, "now": now})
    set_committed_value(existing, "value", value)
    set_committed_value(existing, "updated_at", now)
    set_committed_value(submission, "cursor", to_json(at_field))
    set_committed_value(submission, "updated_at", now)
    return value


async def clear_answer(
    session: AsyncSession, edition: EditionView, submission: Submission, key: str, now: datetime
) -> None:
    """Remove the answer to ``key`` (the officer asked to start that field again).

    Raises:
        EntryError: The entry cannot be changed now.
    """
    await ensure_entry_open(session, submission)
    check_editable(edition, submission, now)
    existing = next((a for a in submission.answers if a.field_key == key), None)
    if existing is not None:
        submission.answers.remove(existing)
        await session.delete(existing)
    submission.updated_at = now
    await session.flush()


@dataclass(frozen=True)
class FileInfo:
    """A Telegram document or photo as the services keep it (sizes in bytes)."""

    file_id: str
    file_unique_id: str
    file_name: str | None
    mime_type: str | None
    size_bytes: int | None


async def save_file(
    session: AsyncSession,
    edition: EditionView,
    submission: Submission,
    key: str,
    file: FileInfo,
    now: datetime,
) -> Attachment:
    """Add ``file`` to the files of field ``key`` (a field takes several). The answer's value
    lists them all: ``{"files": [{"attachment_id", "file_name"}, …]}``. The file is recorded
    ``pending``; the download job then keeps its bytes in the file store.

    Raises:
        EntryError: The entry cannot be changed now.
    """
    await ensure_entry_open(session, submission)
    check_editable(edition, submission, now)
    attachment = await _add_attachment(session, submission, key, file, now)
    await _save_file_answer(session, edition, submission, key, now)
    return attachment


async def _save_file_answer(
    session: AsyncSession, edition: EditionView, submission: Submission, key: str, now: datetime
) -> None:
    files = [{"attachment_id": a.id, "file_name": a.file_name} for a in files_of(submission, key)]
    if files:
        await save_answer(session, edition, submission, key, {"files": files}, now)
    else:
        await clear_answer(session, edition, submission, key, now)


def files_of(submission: Submission, key: str) -> list[Attachment]:
    """The files of field or evidence slot ``key``, in the order they were sent."""
    return sorted(
        (a for a in submission.attachments if a.field_key == key),
        key=lambda a: (a.created_at, a.id or 0),
    )


async def _add_attachment(
    session: AsyncSession, submission: Submission, key: str, file: FileInfo, now: datetime
) -> Attachment:
    attachment = Attachment(
        submission_id=submission.id,
        field_key=key,
        file_id=file.file_id,
        file_unique_id=file.file_unique_id,
        file_name=file.file_name,
        mime_type=file.mime_type,
        size_bytes=file.size_bytes,
        created_at=now,
    )
    submission.attachments.append(attachment)
    await session.flush()
    return attachment


async def remove_file(
    session: AsyncSession,
    edition: EditionView,
    submission: Submission,
    attachment_id: int,
    now: datetime,
) -> Attachment | None:
    """Take a file off the entry before submission (its field's answer or its indicator's
    evidence follow). The bytes already kept stay in the file store: only the committee's
    purge deletes stored files.

    Returns:
        The removed attachment, or None if the entry has no such file (a stale button).

    Raises:
        EntryError: The entry cannot be changed now.
    """
    await ensure_entry_open(session, submission)
    check_editable(edition, submission, now)
    attachment = next((a for a in submission.attachments if a.id == attachment_id), None)
    if attachment is None:
        return None
    submission.attachments.remove(attachment)
    await session.delete(attachment)
    await session.flush()
    key = attachment.field_key
    if key.startswith(INDICATOR_SLOT):
        for assessment in submission.assessments:
            if assessment.attachment_id == attachment_id:
                remaining = files_of(submission, key)
                assessment.attachment_id = remaining[-1].id if remaining else None
                assessment.updated_at = now
    else:
        await _save_file_answer(session, edition, submission, key, now)
    submission.updated_at = now
    await session.flush()
    return attachment


# --- self-assessment -----------------------------------------------------------------------


INDICATOR_SLOT = "#indicator:"
"""Prefix of the attachment slots of indicators' evidence (``Attachment.field_key``)."""


def evidence_key(indicator: Indicator | IndicatorView) -> str:
    """The attachment slot of an indicator's evidence (``Attachment.field_key``)."""
    return f"{INDICATOR_SLOT}{indicator.key}"[:64]


def evidence_indicator(
    edition: Edition | EditionView, field_key: str
) -> Indicator | IndicatorView | None:
    """The indicator whose evidence slot ``field_key`` is, or None for a form field's file."""
    if not field_key.startswith(INDICATOR_SLOT):
        return None
    return next((i for i in edition.indicators if evidence_key(i) == field_key), None)


def assessment_of(
    submission: Submission, indicator: Indicator | IndicatorView
) -> SelfAssessment | None:
    """The entry's self-assessment of ``indicator``, or None."""
    return next((a for a in submission.assessments if a.indicator_id == indicator.id), None)


async def set_level(
    session: AsyncSession,
    edition: EditionView,
    submission: Submission,
    indicator: IndicatorView,
    level: int,
    now: datetime,
) -> SelfAssessment:
    """The officer's level (1–3) for ``indicator``; keeps evidence given earlier.

    Raises:
        ValueError: ``level`` is not 1, 2 or 3.
        EntryError: The entry cannot be changed now.
    """
    await ensure_entry_open(session, submission)
    if level not in (1, 2, 3):
        raise ValueError(f"level must be 1, 2 or 3, not {level}")
    check_editable(edition, submission, now)
    assessment = assessment_of(submission, indicator)
    if assessment is None:
        assessment = SelfAssessment(
            submission_id=submission.id, indicator_id=indicator.id, level=level, updated_at=now
        )
        submission.assessments.append(assessment)
    else:
        assessment.level = level
        assessment.updated_at = now
    submission.updated_at = now
    await session.flush()
    return assessment


async def set_evidence(
    session: AsyncSession,
    edition: EditionView,
    submission: Submission,
    indicator: IndicatorView,
    now: datetime,
    *,
    url: str | None = None,
    file: FileInfo | None = None,
) -> SelfAssessment:
    """Evidence (data dukung) for an indicator already given a level: a file is added to its
    files (an indicator takes several; ``attachment_id`` is the latest), a link replaces the
    earlier link.

    Raises:
        LookupError: No level was chosen for the indicator yet.
        EntryError: The entry cannot be changed now.
    """
    await ensure_entry_open(session, submission)
    check_editable(edition, submission, now)
    assessment = assessment_of(submission, indicator)
    if assessment is None:
        raise LookupError(f"no level for indicator {indicator.key}")
    if file is not None:
        attachment = await _add_attachment(session, submission, evidence_key(indicator), file, now)
        assessment.attachment_id = attachment.id
    else:
        assessment.evidence_url = url
    assessment.updated_at = now
    submission.updated_at = now
    await session.flush()
    return assessment


def has_evidence(assessment: SelfAssessment | None) -> bool:
    """Whether the assessment has a link or a file as evidence."""
    return assessment is not None and bool(assessment.evidence_url or assessment.attachment_id)


@dataclass(frozen=True)
class AssessmentScore:
    """The running self-assessment score.

    Attributes:
        score: Σ weight × chosen level over the indicators assessed so far.
        maximum: Σ weight × 3 over all indicators.
        assessed: Indicators with a level.
        total: All indicators.
        lacking: Mandatory indicators still without a level or without evidence, in order.
        evidenced: Indicators with a level and evidence (a file or a link).
    """

    score: float
    maximum: float
    assessed: int
    total: int
    lacking: list[Indicator | IndicatorView] = field(default_factory=list)
    evidenced: int = 0


def assessment_score(
    indicators: Sequence[Indicator] | Sequence[IndicatorView], submission: Submission
) -> AssessmentScore:
    """The running score of the entry's self-assessment (IID rule: weight × level)."""
    score, assessed, evidenced, lacking = 0.0, 0, 0, []
    for indicator in indicators:
        assessment = assessment_of(submission, indicator)
        if assessment is not None:
            score += indicator.weight * assessment.level
            assessed += 1
            evidenced += has_evidence(assessment)
        if indicator.mandatory and not has_evidence(assessment):
            lacking.append(indicator)
    maximum = sum(indicator.weight * 3 for indicator in indicators)
    return AssessmentScore(score, maximum, assessed, len(indicators), lacking, evidenced)


def self_assessment_on(edition: Edition | EditionView) -> bool:
    """Whether the edition asks for a self-assessment (``edition.self_assessment``)."""
    return bool(edition.config.get("self_assessment", False)) and bool(edition.indicators)


def entry_problems(edition: EditionView, submission: Submission) -> list[tuple[str, FieldError]]:
    """Everything that keeps the entry from being submitted: the form's problems
    (:func:`bot.services.entries.form.form_problems`) and, when the self-assessment is on, each
    mandatory indicator without a level or evidence (key ``#indicator:<key>``)."""
    problems = form_problems(form_fields(edition.config), answers_of(submission))
    if self_assessment_on(edition):
        for indicator in assessment_score(edition.indicators, submission).lacking:
            problems.append((evidence_key(indicator), FieldError("form-error-evidence")))
    return problems


# --- submit, withdraw, reopen ----------------------------------------------------------------


@dataclass(frozen=True)
class SubmitResult:
    """The outcome of a confirm.

    Attributes:
        submission: The entry, with its number.
        change: The status change, or None when the entry had already been submitted (a
            double tap, a repeated update, another officer confirming at the same time).
    """

    submission: Submission
    change: StatusChange | None


async def submit_entry(
    session: AsyncSession,
    user_id: int,
    submission_id: int,
    now: datetime,
    *,
    admin_ids: Collection[int] = (),
    workspace_url: str | None = None,
) -> SubmitResult:
    """Submit an entry: check it is complete, give it the next registration number of the
    edition (kept on resubmission after a return) and the status submitted.

    Safe against repeats: once the officer is checked, the entry's row is write-locked (an
    UPDATE, which also takes SQLite's write lock) before it is read, so a second confirm of the
    same entry waits, then finds it submitted and returns it unchanged. Two entries confirmed
    at once may compute the same next sequence on PostgreSQL; the (edition_id, sequence)
    unique constraint refuses the second, which retries in a savepoint.

    Args:
        session: The caller's transaction; call this before reading the entry in it.
        user_id: The officer confirming (checked to be an officer of the entry's unit).
        submission_id: The entry.
        now: The current instant (aware).
        admin_ids: ADMIN_IDS: with the ``admins`` rows, the committee alerted of the entry
            (an outbox message, sent once the caller commits).
        workspace_url: The workspace's address when it is on: the alert's button opens the
            entry there (else in the chat).

    Raises:
        EntryError: ``NOT_FOUND``, ``NOT_EDITABLE`` (withdrawn…), ``CLOSED``/``NOT_YET_OPEN``
            for a draft outside the entry period, or ``INCOMPLETE`` with the problems.
    """
    await ensure_entry_open(session, submission_id)
    submission = await _locked_entry_for_officer(session, user_id, submission_id, now)
    if submission.status is S.SUBMITTED:
        return SubmitResult(submission, None)
    edition = await _edition(session, submission.edition_id)
    check_editable(edition, submission, now)
    problems = entry_problems(edition, submission)
    if problems:
        raise EntryError(EntryProblem.INCOMPLETE, problems=problems)
    if submission.sequence is None:
        await _assign_number(session, edition, submission)
    change = await change_status(
        session,
        submission,
        S.SUBMITTED,
        actor_id=user_id,
        now=now,
        admin_ids=admin_ids,
        workspace_url=workspace_url,
    )
    submission.cursor = None
    await _close_form(session, submission)
    await session.flush()
    return SubmitResult(submission, change)


async def _assign_number(
    session: AsyncSession, edition: EditionView, submission: Submission
) -> None:
    prefix = edition.config.get("number_prefix", "IGA")
    for _attempt in range(SEQUENCE_ATTEMPTS):
        last = await session.scalar(
            select(func.max(Submission.sequence)).where(Submission.edition_id == edition.id)
        )
        sequence = (last or 0) + 1
        number = registration_number(prefix, edition.year, sequence)
        try:
            async with session.begin_nested():
                await session.execute(
                    update(Submission)
                    .where(Submission.id == submission.id)
                    .values(sequence=sequence, number=number)
                )
        except IntegrityError:
            continue
        submission.sequence, submission.number = sequence, number
        return
    raise RuntimeError("could not give the entry a registration number")


async def _edition(session: AsyncSession, edition_id: int) -> EditionView:
    edition = await session.scalar(
        select(Edition).where(Edition.id == edition_id).options(selectinload(Edition.indicators))
    )
    assert edition is not None
    return edition_view(edition, indicators=True)


async def withdraw_entry(
    session: AsyncSession, user_id: int, submission_id: int, now: datetime
) -> StatusChange:
    """The unit withdraws its entry. Before the deadline (or the unit's reopening) for drafts
    and submitted entries; any time for an entry returned for revision.

    Raises:
        EntryError: ``NOT_FOUND``, ``NOT_EDITABLE`` (already judged or withdrawn), ``CLOSED``.
    """
    await ensure_entry_open(session, submission_id)
    submission = await _locked_entry_for_officer(session, user_id, submission_id, now)
    check_withdrawable(await _edition(session, submission.edition_id), submission, now)
    change = await change_status(session, submission, S.WITHDRAWN, actor_id=user_id, now=now)
    submission.cursor = None
    await _close_form(session, submission)
    return change


def reopen_deadline(now: datetime, days: int, zone: ZoneInfo) -> datetime:
    """When a reopening of ``days`` days ends: the end (23.59) of the day ``days`` after
    ``now`` in the event's time zone, like the edition's own closing time, rather than the
    minute of the committee's command.

    Args:
        now: The current instant (aware).
        days: Days granted (the committee's /buka_kembali takes 1 to 60).
        zone: The event's time zone (WIB for Kota Blitar).
    """
    last_day = (now.astimezone(zone) + timedelta(days=days)).date()
    return datetime.combine(last_day, time(23, 59), tzinfo=zone)


async def has_editable_entry(session: AsyncSession, unit_id: int) -> bool:
    """Whether the unit has an entry its officers can continue (a draft, or one returned
    for revision)."""
    found = await session.scalar(
        select(Submission.id)
        .where(Submission.unit_id == unit_id, Submission.status.in_(list(EDITABLE)))
        .limit(1)
    )
    return found is not None


async def reopen_unit(
    session: AsyncSession,
    unit: Unit,
    until: datetime,
    actor_id: int | None,
    now: datetime,
    zone: ZoneInfo,
) -> list[int]:
    """The committee lets one unit enter and change drafts until ``until`` (after closing),
    audited; the unit's officers are told in the outbox (to continue their draft, or to start
    an entry when the unit has none it can change), with ``until`` shown in ``zone``.

    Returns:
        The Telegram user ids of the unit's officers.
    """
    await ensure_open(session, unit.edition_id)
    before = unit.entries_reopened_until
    unit.entries_reopened_until = until
    audit = AuditEntry(
        at=now,
        actor_id=actor_id,
        action="unit.reopen",
        entity="unit",
        entity_id=unit.code,
        before={"entries_reopened_until": before.isoformat() if before else None},
        after={"entries_reopened_until": until.isoformat()},
    )
    session.add(audit)
    await session.flush()
    officers = list(
        await session.scalars(select(Officer.user_id).where(Officer.unit_id == unit.id))
    )
    key = (
        "reopen-officer-notice-continue"
        if await has_editable_entry(session, unit.id)
        else "reopen-officer-notice-new"
    )
    await enqueue(
        session,
        kind="reopen",
        key=f"reopen:{audit.id}",
        recipients=officers,
        texts=in_every_language(
            lambda language: t(
                language, key, unit=unit.name, moment=format_moment(until, zone, language)
            )
        ),
        now=now,
    )
    return officers


async def award_ranks(session: AsyncSession, submission_ids: Collection[int]) -> dict[int, str]:
    """The award title (Juara I…) of each winning entry among ``submission_ids``."""
    if not submission_ids:
        return {}
    rows = await session.execute(
        select(Award.submission_id, Award.title).where(
            Award.submission_id.in_(list(submission_ids))
        )
    )
    return {submission_id: title for submission_id, title in rows if submission_id is not None}
