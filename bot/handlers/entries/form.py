"""The guided entry form in the chat: the menu button "📝 Kirim Inovasi", ``/lanjutkan``,
``/batal``, ``/inovasi_saya``, and every answer, button and file of the form.

No conversation state lives in memory: where the officer is comes from the database
(``Officer.current_submission_id``, the entry's cursor ``Submission.cursor`` and the pending
input :class:`FillingEntry`), so after a restart the officer just goes on. The navigation is
the pure state machine of :mod:`bot.services.entries.cursor`. The only in-memory data is
which albums were already answered.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
)

from bot.handlers.entries import buttons, views
from bot.handlers.entries.buttons import (
    EntryAction,
    FieldAction,
    blank_button,
    entry_button,
    field_button,
    from_button,
    new_button,
)
from bot.handlers.evidence.downloads import read_head, wake_downloads
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.menus import button_filter
from bot.handlers.shared.pending_input import InputRoute, accept_input, replaced_notice
from bot.handlers.shared.replies import reply_html
from bot.handlers.shared.text import alert_text, split_text
from bot.handlers.shared.updates import message_of, query_of, tapped_message, user_of
from bot.i18n import Markup, plain_text, t
from bot.runtime import Runtime
from bot.services.core.edition_guard import ensure_unit_open
from bot.services.core.event_file import FormFieldSpec
from bot.services.core.event_view import EditionView, edition_view
from bot.services.core.events import current_edition, current_edition_id
from bot.services.editions.returning import (
    NotAPastEntry,
    PastEntry,
    origin_of,
    past_entries,
    start_from,
)
from bot.services.entries.cursor import (
    Action,
    Answered,
    AtEvidence,
    AtField,
    AtLevel,
    AtSummary,
    Cursor,
    EvidenceDone,
    FormState,
    Jump,
    LevelChosen,
    OpenSummary,
    current,
    step,
    typed_field,
)
from bot.services.entries.form import (
    FieldError,
    check_choice,
    check_file,
    check_long_text,
    count_words,
    field_by_key,
    form_fields,
    parse_text_answer,
    parse_url,
    visible_fields,
)
from bot.services.entries.submissions import (
    EntryError,
    FileInfo,
    FillingEntry,
    active_entry,
    allowed_now,
    answers_of,
    append_paragraph,
    assessment_of,
    award_ranks,
    check_editable,
    check_window,
    check_withdrawable,
    clear_answer,
    cursor_of,
    discard_if_empty,
    editable_entries,
    entry_for_officer,
    entry_problems,
    evidence_key,
    leave_form,
    left_behind,
    load_rest,
    officer_units,
    open_entry,
    remove_file,
    save_answer,
    save_file,
    self_assessment_on,
    set_cursor,
    set_evidence,
    set_level,
    start_entry,
    submit_entry,
    unit_entries,
    withdraw_entry,
)
from bot.services.evidence.content import HEAD_BYTES, check_content
from bot.services.evidence.files import (
    TELEGRAM_DOWNLOAD_LIMIT,
    accepts_images,
    check_evidence_type,
    check_upload,
    download_limit,
)
from bot.services.evidence.names import photo_name, safe_name
from bot.services.judging.results import public_status, results_visible
from bot.services.shared.pending_input import Pending, pending_input, take
from bot.slots import Slot
from bot.storage.models import Submission

logger = logging.getLogger(__name__)

ALBUMS: Slot[set[tuple[int, str]]] = Slot("entries_albums")
"""(chat id, media_group_id) of albums already answered."""

Reply = tuple[str, InlineKeyboardMarkup | None]


# --- the context of one update -------------------------------------------------------------


@dataclass
class Form:
    """What a handler needs about the officer's entry, loaded in one transaction."""

    session: AsyncSession
    language: str
    edition: EditionView
    submission: Submission
    fields: Sequence[FormFieldSpec]
    today: date | None = None
    """The current day in the event's zone, for dates that may not be after today."""
    limit_bytes: int = TELEGRAM_DOWNLOAD_LIMIT
    """Largest file the bot can download (``download_limit``: 20 MB, more self-hosted)."""
    head: bytes | None = None
    """The first bytes of the document the message carries, to check its content (None: no
    document, or its bytes could not be read now)."""

    @property
    def answers(self) -> dict[str, Any]:
        return answers_of(self.submission)

    @property
    def visible(self) -> list[FormFieldSpec]:
        return visible_fields(self.fields, self.answers)

    @property
    def indicator_keys(self) -> list[str]:
        """The self-assessment's indicators (none when the edition asks for none)."""
        if not self_assessment_on(self.edition):
            return []
        return [indicator.key for indicator in self.edition.indicators]

    def cursor(self) -> Cursor:
        """Where the officer is, as shown (:func:`bot.services.entries.cursor.current`)."""
        state = FormState(self.fields, self.answers, self.indicator_keys)
        return current(cursor_of(self.submission), state)

    def move(self, action: Action, now: datetime) -> None:
        """Apply a navigation step (:func:`bot.services.entries.cursor.step`) and store it;
        reads the self-assessment (not loaded with ``answers_only``)."""
        assessed = {
            indicator.key
            for indicator in self.edition.indicators
            if assessment_of(self.submission, indicator) is not None
        }
        state = FormState(self.fields, self.answers, self.indicator_keys, assessed)
        set_cursor(self.submission, step(self.cursor(), action, state), now)

    def indicator_index(self, key: str) -> int:
        """The position of indicator ``key`` in the edition."""
        return [indicator.key for indicator in self.edition.indicators].index(key)


async def _edition(session: AsyncSession) -> EditionView | None:
    """The current edition, read now (its results' time changes at run time), as a value."""
    edition = await current_edition(session)
    return None if edition is None else edition_view(edition, indicators=True)


async def _send(message: Message, replies: Sequence[Reply]) -> None:
    for text, markup in replies:
        await reply_html(message, text, markup)


def _zone(context: BotContext):
    return context.runtime.settings.zone


# --- asking ----------------------------------------------------------------------------------


def _ask(form: Form) -> Reply:
    """The message for the entry's current position."""
    cursor = form.cursor()
    language, edition, submission = form.language, form.edition, form.submission
    if isinstance(cursor, AtLevel):
        index = form.indicator_index(cursor.indicator)
        return views.level_question(language, edition, submission, index)
    if isinstance(cursor, AtEvidence):
        index = form.indicator_index(cursor.indicator)
        return views.evidence_question(language, edition, submission, index)
    if isinstance(cursor, AtField):
        spec = field_by_key(form.fields, cursor.key)
        assert spec is not None  # current() shows only fields the form has
        return views.question(language, edition, form.fields, submission, form.answers, spec)
    return _summary(form)


def _summary(form: Form) -> Reply:
    problems = entry_problems(form.edition, form.submission)
    return views.summary(
        form.language,
        form.edition,
        form.fields,
        form.visible,
        form.submission,
        form.answers,
        problems,
        self_assessment_on(form.edition),
    )


# --- entering the form -----------------------------------------------------------------------


async def _not_officer(update: Update, language: str) -> None:
    await message_of(update).reply_text(t(language, "entry-not-officer"))


async def enter_form(update: Update, context: BotContext) -> None:
    """ "📝 Kirim Inovasi" and ``/lanjutkan``: resumes the officer's entry where they stopped;
    with several drafts, lets them choose; with none, the menu button starts a new one (or,
    when the unit already sent one, asks first: a new entry or a look at the one sent) and
    ``/lanjutkan`` says there is nothing to continue and lists the unit's entries."""
    language = await context.language()
    runtime = context.runtime
    user_id = user_of(update).id
    replies: list[Reply] = []
    async with runtime.transaction() as session:
        edition = await _edition(session)
        officers = await officer_units(session, user_id, edition.id) if edition else []
        if edition is None or not officers:
            await _not_officer(update, language)
            return
        now, starts = runtime.now(), _starts(language, edition, officers, runtime)
        if (note := await _left_behind_note(session, language, user_id, edition)) is not None:
            replies.append((note, None))  # then as if nothing was open: 2023's start
        submission = await active_entry(session, user_id, edition.id)
        if submission is not None and not allowed_now(check_editable, edition, submission, now):
            submission = None  # the entry period closed while it was open: not resumed
        if submission is None:
            entries = await unit_entries(session, [o.unit_id for o in officers])
            drafts = [
                entry
                for entry in editable_entries(entries)
                if allowed_now(check_editable, edition, entry, now)
            ]
            if len(drafts) == 1 and not _is_menu(update):
                submission = drafts[0]
            elif drafts:
                replies.append(_chooser(language, drafts, starts))
            elif not _is_menu(update):  # /lanjutkan with nothing to continue: no new entry
                key = "entry-resume-nothing" if starts.officers else "entry-resume-nothing-no-new"
                replies += await _entries_listing(
                    session, language, edition, officers, runtime, t(language, key)
                )
            elif entries:  # sent before: a second entry, or the one sent?
                replies.append(_new_or_open(language, entries, starts))
            elif past := [
                (officer.unit_id, entry)
                for officer in starts.officers
                for entry in await past_entries(session, [officer.unit])
            ]:  # a returning innovation? (issue 19), while a new entry can be started
                replies.append(_returning_offer(language, edition, past, starts.officers))
            else:
                try:
                    submission = await start_entry(session, officers[0], edition, runtime.now())
                except EntryError as error:
                    replies.append((views.entry_error_text(language, error, _zone(context)), None))
        if submission is not None:
            previous = await open_entry(session, user_id, submission, runtime.now())
            replaced = replaced_notice(previous, FillingEntry, language)
            form = Form(session, language, edition, submission, form_fields(edition.config))
            name = views.entry_name(language, submission)
            resume = t(language, "entry-resume", name=name)
            replies.append(("\n\n".join(filter(None, [replaced, resume])), None))
            replies.append(_ask(form))
    await _send(message_of(update), replies)


async def _left_behind_note(
    session: AsyncSession, language: str, user_id: int, edition: EditionView
) -> str | None:
    """When the user's open draft is of an earlier edition (read-only since ``edition`` was
    imported): leaves it (its answers are kept) and says why it is not resumed; else None."""
    stale = await left_behind(session, user_id, edition.id)
    if stale is None:
        return None
    await leave_form(session, user_id)
    return t(
        language,
        "entry-draft-closed",
        name=views.entry_name(language, stale),
        year=str(stale.unit.edition.year),
        current=str(edition.year),
    )


def _is_menu(update: Update) -> bool:
    text = message_of(update).text or ""
    return not text.startswith("/")


@dataclass(frozen=True)
class Starts:
    """Where the officer may start an entry now: the officer rows of the units whose entry
    period is open (a ➕ each), and, when none is, why (the closed or not-yet-open text), so
    that no button is offered that would only be refused."""

    officers: list[Any]
    closed: str | None


def _starts(
    language: str, edition: EditionView, officers: Sequence[Any], runtime: Runtime
) -> Starts:
    now = runtime.now()
    open_ = [o for o in officers if allowed_now(check_window, edition, o.unit, now)]
    if open_ or not officers:
        return Starts(open_, None)
    try:
        check_window(edition, officers[0].unit, now)
    except EntryError as error:
        return Starts([], views.entry_error_text(language, error, runtime.settings.zone))
    return Starts([], None)  # pragma: no cover - open_ would have held it


def _with_closed(text: str, starts: Starts) -> str:
    return "\n\n".join(filter(None, [text, starts.closed]))


def _chooser(language: str, drafts: Sequence[Submission], starts: Starts) -> Reply:
    rows = [
        [
            views.button(
                f"✏️ {views.short(views.entry_name(language, d), 40)}",
                entry_button(EntryAction.OPEN, d.id),
            )
        ]
        for d in drafts[:10]
    ]
    rows += _new_buttons(language, starts.officers)
    key = "entry-choose" if starts.officers else "entry-choose-no-new"
    return _with_closed(t(language, key), starts), InlineKeyboardMarkup(rows)


def _new_or_open(language: str, entries: Sequence[Submission], starts: Starts) -> Reply:
    """Asks an officer whose unit already sent an entry: open it, or start a new one (only
    while the entry period is open; else why not)."""
    rows = [
        [
            views.button(
                f"📄 {views.short(views.entry_name(language, e), 30)} · "
                + views.status_label(language, e.status),
                entry_button(EntryAction.VIEW, e.id),
            )
        ]
        for e in entries[:10]
    ]
    rows += _new_buttons(language, starts.officers)
    key = "entry-ask-new-or-open" if starts.officers else "entry-ask-open"
    return _with_closed(t(language, key), starts), InlineKeyboardMarkup(rows)


def _new_buttons(language: str, officers: Sequence[Any], *, blank: bool = False) -> list[list[Any]]:
    """A ➕ per officer's unit: ``new`` (the unit's past innovations offered first), or with
    ``blank`` an empty entry (the returning offer's own ➕)."""
    pack = blank_button if blank else new_button
    return [
        [
            views.button(
                plain_text(language, "entry-button-new", unit=views.short(officer.unit.name, 40)),
                pack(officer.unit_id),
            )
        ]
        for officer in officers
    ]


def _returning_offer(
    language: str,
    edition: EditionView,
    past: Sequence[tuple[int, PastEntry]],
    officers: Sequence[Any],
) -> Reply:
    """Offers an officer whose unit entered innovations in past editions to begin this
    year's entry from one of them (``past``: unit id and past entry), or an empty one (a
    ➕ per unit of ``officers``). Every way of starting an entry comes here first when the
    unit has past innovations (📝, ➕ of /inovasi_saya and of the choosers)."""
    rows = [
        [
            views.button(
                plain_text(
                    language,
                    "returning-button",
                    title=views.short(entry.submission.title or "—", 30),
                    year=str(entry.year),
                ),
                from_button(unit_id, entry.submission.id),
            )
        ]
        for unit_id, entry in past[:10]
    ]
    rows += _new_buttons(language, officers, blank=True)
    return t(language, "returning-offer", year=str(edition.year)), InlineKeyboardMarkup(rows)


async def on_cancel(session: AsyncSession, pending: Pending) -> None:
    """``/batal`` in the form: the officer leaves it; the draft and its cursor are kept for
    /lanjutkan, unless nothing was entered yet: an empty draft is not kept."""
    edition_id = await current_edition_id(session)
    submission = await active_entry(session, pending.user_id, edition_id) if edition_id else None
    if submission is not None:
        await discard_if_empty(session, submission)
    await leave_form(session, pending.user_id)


# --- answers typed or sent -------------------------------------------------------------------


async def on_input(update: Update, context: BotContext, pending: Pending) -> bool:
    """Any message of an officer in the form (:class:`FillingEntry`): the answer to the
    current question. When the entry left the form meanwhile (submitted or withdrawn by
    another officer of the unit), the input ends and the message is not taken."""
    message = message_of(update)
    later_in_album = False
    if message.media_group_id is not None:
        seen = ALBUMS.of(context.application)
        key = (message.chat_id, message.media_group_id)
        later_in_album = key in seen  # answered already, unless it is one more file
        seen.add(key)
    language = await context.language()
    runtime = context.runtime
    user_id = user_of(update).id
    cached = await runtime.edition_form()
    head = await _document_head(message, context)  # before the transaction: a network read
    if cached is None:
        async with runtime.transaction() as session:
            await take(session, pending)
        return False
    async with runtime.transaction() as session:
        submission = await active_entry(session, user_id, cached.edition.id, answers_only=True)
        if submission is None:
            # a draft of last year's edition (closed since): say why the message is not taken
            await take(session, pending)
            left = await _left_behind_note(session, language, user_id, cached.edition)
            if left is None:
                return False  # the entry left the form meanwhile: the message is not taken
            reply: Reply | None = (left + "\n\n" + t(language, "entry-draft-closed-hint"), None)
        else:
            form = Form(session, language, cached.edition, submission, cached.fields)
            form.limit_bytes = download_limit(runtime.settings.telegram_api_self_hosted)
            form.head = head
            reply = await _answer(form, message, later_in_album, runtime.now(), _zone(context))
    if reply is None:
        return True  # the album's first item was answered already
    if _is_file(message):
        wake_downloads(context)
    await _send(message, [reply])
    return True


async def _answer(
    form: Form, message: Message, later_in_album: bool, now: datetime, zone: Any
) -> Reply | None:
    """The reply to the officer's message in the form (the next question, a receipt, or why
    it was not taken); None when nothing is to be said (an album's later item)."""
    session, submission, language = form.session, form.submission, form.language
    if not _answers_suffice(form):
        await load_rest(session, submission)
    form.today = now.astimezone(zone).date()
    if later_in_album and not _takes_files(form):
        return None  # the album's first item was answered already
    long_text = _long_text_open(form)
    try:
        note = await _take_input(form, message, now)
    except FieldError as error:
        if later_in_album:
            return None  # the album's first item was answered already
        return _error_reply(form, error)
    except EntryError as error:
        return (views.entry_error_text(language, error, zone), None)
    markup: InlineKeyboardMarkup | None
    if long_text is not None:  # one more piece: a receipt, not the question again
        text, markup = views.long_text_receipt(
            language, form.fields, submission, form.answers, long_text
        )
    else:
        text, markup = _ask(form)
    if later_in_album:  # one more file of an album: a short line, not the question again
        text, markup = "", None
    return ("\n\n".join(filter(None, [note, text])), markup)


async def _document_head(message: Message, context: BotContext) -> bytes | None:
    """The first bytes of the document ``message`` carries (None without one, for an empty
    or too large one, which the upload checks refuse anyway, or when they cannot be read).
    Photos are not read: Telegram itself makes them JPEG."""
    document = message.document
    limit = download_limit(context.runtime.settings.telegram_api_self_hosted)
    if document is None or document.file_size == 0 or (document.file_size or 0) > limit:
        return None
    return await read_head(context, document.file_id, HEAD_BYTES)


def _error_reply(form: Form, error: FieldError) -> Reply:
    """What a message that answers nothing gets: the error with the question asked again, or
    at the summary only the error and a button to show it (not the whole summary again)."""
    message = views.error_text(form.language, error, form.fields, form.edition.year)
    if isinstance(form.cursor(), AtSummary):
        return views.summary_pointer(form.language, form.submission, message)
    text, markup = _ask(form)
    return message + "\n\n" + text, markup


def _long_text_open(form: Form) -> FormFieldSpec | None:
    """The long-text field whose question is open (a message adds a piece to it), or None."""
    cursor = form.cursor()
    if not isinstance(cursor, AtField):
        return None
    spec = field_by_key(form.fields, cursor.key)
    return spec if spec is not None and spec.kind == "long_text" else None


def _is_file(message: Message) -> bool:
    return bool(message.document or message.photo)


def _takes_files(form: Form) -> bool:
    """Whether the entry's position takes several files (a file field or an indicator's
    evidence), so that every file of an album is kept."""
    cursor = form.cursor()
    if isinstance(cursor, AtEvidence):
        return True
    key = typed_field(cursor)
    spec = field_by_key(form.fields, key) if key is not None else None
    return spec is not None and spec.kind == "file"


def _answers_suffice(form: Form) -> bool:
    """Whether a message at the entry's position reads and writes only its answers: at a
    long text, which stays on its question (the form's most frequent step: one paragraph
    after another). Elsewhere an answer may move on to the self-assessment or the summary,
    or store a file, which read the attachments and the self-assessment."""
    return _long_text_open(form) is not None


async def _take_input(form: Form, message: Message, now) -> str:
    """Store what ``message`` answers at the current position and move on. At the summary
    opened from a question (``AtSummary(opened_from)``), the message answers that question.

    Returns:
        A note to show before the next question ("" if none).

    Raises:
        FieldError: The message does not answer the question; no answer was changed (from
            the summary, the position goes back to the question, asked again after the
            error).
    """
    language, cursor = form.language, form.cursor()
    if isinstance(cursor, AtEvidence):
        return await _take_evidence(form, message, cursor.indicator, now)
    takes_files = _takes_files(form)
    album_note = (
        t(language, "entry-album-first") if message.media_group_id and not takes_files else ""
    )
    key = typed_field(cursor)
    spec = field_by_key(form.fields, key) if key is not None else None
    if spec is None:
        typed = message.text or message.caption
        if isinstance(cursor, AtSummary) and typed:
            raise FieldError("form-error-at-summary", typed=views.short(typed))
        raise FieldError("form-error-use-buttons")
    if isinstance(cursor, AtField):
        return await _take_answer(form, message, spec, album_note, now)
    # the summary was opened from this field's question: the text answers it, and says so
    form.move(Jump(AtField(spec.key)), now)
    note = await _take_answer(form, message, spec, album_note, now)
    saved = t(language, "entry-answer-from-summary", label=views.label_of(spec, language))
    return "\n\n".join(filter(None, [saved, note]))


async def _take_answer(
    form: Form, message: Message, spec: FormFieldSpec, album_note: str, now
) -> str:
    """Store what ``message`` answers to field ``spec`` and move on (see :func:`_take_input`)."""
    language = form.language
    if spec.kind == "file":
        file = _file(message, accepts_images(spec), form.limit_bytes)
        if file is None:
            raise FieldError("form-error-photo" if message.photo else "form-error-want-file")
        check_file(spec, file.file_name, file.mime_type, file.size_bytes)
        check_content(file.file_name, file.mime_type, form.head)
        await save_file(form.session, form.edition, form.submission, spec.key, file, now)
        return t(language, "evidence-file-saved", name=safe_name(file.file_name))
    text = message.text
    if text is None and (message.video or message.video_note or message.animation):
        raise FieldError("evidence-video-link")  # a video is given as a link
    if text is None and spec.kind == "phone" and message.contact is not None:
        text = message.contact.phone_number
    if text is None:
        raise FieldError("form-error-want-text")
    if spec.kind == "long_text":
        await append_paragraph(form.session, form.edition, form.submission, spec, text, now)
        return ""
    value = parse_text_answer(spec, text, form.answers, form.fields, form.today, language)
    await save_answer(
        form.session, form.edition, form.submission, spec.key, value, now, form.fields
    )
    form.move(Answered(spec.key), now)
    if spec.kind == "money":  # said back as read: "1,5 juta" is Rp1.500.000 (QA2 #17)
        return t(language, "entry-money-saved", amount=value)
    return ""


async def _take_evidence(form: Form, message: Message, key: str, now) -> str:
    """An indicator's evidence: a file (document or photo) is added and the question stays
    for more; a link is kept and the form moves on. Returns the note to show."""
    indicator = form.edition.indicators[form.indicator_index(key)]
    file = _file(message, True, form.limit_bytes)
    if file is not None:
        check_evidence_type(file.file_name, file.mime_type)
        check_content(file.file_name, file.mime_type, form.head)
        await set_evidence(form.session, form.edition, form.submission, indicator, now, file=file)
        return t(form.language, "evidence-file-saved", name=safe_name(file.file_name))
    if message.text is not None:
        try:
            url = parse_url(message.text)
        except FieldError:
            raise FieldError("form-error-evidence-url") from None
        await set_evidence(form.session, form.edition, form.submission, indicator, now, url=url)
    else:
        raise FieldError("form-error-evidence-url")
    form.move(EvidenceDone(key), now)
    return ""


def _file(message: Message, images: bool, limit_bytes: int) -> FileInfo | None:
    """The file a message carries: a document, or a photo at its largest size where
    ``images`` are accepted (named ``foto-<id>.jpg``; Telegram sends photos as JPEG).

    Raises:
        FieldError: An empty file, one over the download limit, or a video (evidence on
            video is a link).
    """
    if message.video or message.video_note or message.animation:
        raise FieldError("evidence-video-link")
    if message.document is not None:
        document = message.document
        file = FileInfo(
            document.file_id,
            document.file_unique_id,
            document.file_name,
            document.mime_type,
            document.file_size,
        )
    elif message.photo and images:
        largest = max(
            message.photo, key=lambda size: (size.width * size.height, size.file_size or 0)
        )
        name = photo_name(largest.file_unique_id)
        file = FileInfo(
            largest.file_id, largest.file_unique_id, name, "image/jpeg", largest.file_size
        )
    else:
        return None
    check_upload(file.file_name, file.size_bytes, limit_bytes)
    return file


async def on_edited(update: Update, context: BotContext) -> None:
    """An officer edited a message they sent: says that edits are not applied and how to
    change an answer."""
    language = await context.language()
    await message_of(update).reply_text(t(language, "entry-edit-ignored"))


# --- buttons ---------------------------------------------------------------------------------


async def on_button(update: Update, context: BotContext) -> None:
    """Every button of the form (``entry:<action>:<entry id>[:<index>[:<value>]]``); the
    officer's right to the entry is checked on each tap."""
    query = query_of(update)
    tap = buttons.parse(query.data)
    if tap is None:
        await query.answer()  # forged or garbled data
        return
    action, numbers = buttons.action_and_numbers(tap)
    language = await context.language()
    runtime = context.runtime
    user_id = user_of(update).id
    replies: list[Reply] = []
    changed = False
    alert = None
    cached = await runtime.edition_form()
    if cached is None:
        await query.answer()
        return
    edition = cached.edition
    async with runtime.transaction() as session:
        try:
            if action in ("new", "blank", "from"):
                replies = await _new_entry(session, update, language, cached, tap, runtime)
            elif action in ("confirm", "withdrawok"):
                replies, changed = await _finish(
                    session, language, action, user_id, numbers[0], runtime
                )
            else:
                submission = await entry_for_officer(session, user_id, numbers[0])
                form = Form(session, language, edition, submission, cached.fields)
                replies, alert = await _act(form, action, numbers[1:], update, runtime.now())
        except EntryError as error:
            replies = [(views.entry_error_text(language, error, _zone(context)), None)]
        except FieldError as error:
            alert = views.error_text(language, error, cached.fields, edition.year)
    await query.answer(text=alert_text(alert) if alert else None, show_alert=bool(alert))
    if action in ("confirm", "withdrawok", "withdrawno", "review"):
        await _drop_buttons(tapped_message(query))
    if action == "toggle" and alert is None and len(replies) == 1:
        await _show_buttons(tapped_message(query), replies[0])
    else:
        await _send(tapped_message(query), replies)


async def _drop_buttons(message: Message | None) -> None:
    if message is None:
        return
    try:
        await message.edit_reply_markup(None)
    except BadRequest:  # already without buttons (a double tap)
        pass


async def _show_buttons(message: Message | None, reply: Reply) -> None:
    """Show a multiple choice's new ticks by editing the tapped question in place (no new copy
    of the question per tap; its text too, so an error shown above it goes once an option is
    tapped); sends ``reply`` if that message cannot be edited."""
    if message is None:
        return
    try:
        await message.edit_text(reply[0], reply_markup=reply[1])
    except BadRequest as error:
        if "not modified" not in str(error).lower():  # same ticks already shown: fine
            await _send(message, [reply])


async def _new_entry(session, update, language, cached, tap, runtime) -> list[Reply]:
    """A new entry for the unit ``numbers[0]``, begun from the past entry ``numbers[1]`` when
    given (a returning innovation); ➕ (``new``) of a unit with past innovations offers them
    first (:func:`_returning_offer`), its ➕ there (``blank``) starts an empty one."""
    _, numbers = buttons.action_and_numbers(tap)
    edition, user_id, unit_id = cached.edition, update.effective_user.id, numbers[0]
    officer = next(
        (o for o in await officer_units(session, user_id, edition.id) if o.unit_id == unit_id),
        None,
    )
    if officer is None:
        await ensure_unit_open(session, unit_id)  # a button of last year's unit: closed
        return [(t(language, "entry-not-officer"), None)]
    if isinstance(tap, buttons.NewTap):
        past = await past_entries(session, [officer.unit])
        if past:
            return [_returning_offer(language, edition, [(unit_id, e) for e in past], [officer])]
    previous = await pending_input(session, user_id, user_id)
    notes: list[Reply] = []
    if len(numbers) > 1:
        try:
            submission = await start_from(session, officer, edition, numbers[1], runtime.now())
        except NotAPastEntry:
            return [(t(language, "returning-not-offered"), None)]
        origin = await origin_of(session, submission)
        if origin is not None:  # it is: started from a past entry
            notes.append((t(language, "returning-started", title=origin.title or "—",
                            year=str(origin.year), new_year=str(edition.year)), None))  # fmt: skip
    else:
        submission = await start_entry(session, officer, edition, runtime.now())
    replaced = replaced_notice(previous, FillingEntry, language)
    form = Form(session, language, edition, submission, cached.fields)
    return ([(replaced, None)] if replaced else []) + notes + [_ask(form)]


QUESTION_ACTIONS = frozenset(
    ("pick", "toggle", "next", "skip", "level", "noevidence", "clear", "clearok", "unfile",
     "showtext")
)  # fmt: skip
"""The buttons of a question's message: they act on the question asked, so only while the
officer is in that entry's form. Summary and list buttons (open, edit, indicator…) bring the
officer into the form on purpose and show where."""


async def _in_form(session: AsyncSession, update: Update, submission: Submission) -> bool:
    """Whether the officer is filling ``submission`` in now: after ``/batal`` (or another
    entry opened since) an old question's button must not reopen the form silently (QA #2)."""
    user_id = user_of(update).id
    pending = await pending_input(session, user_id, user_id)
    return pending is not None and pending.payload == FillingEntry(submission.id)


async def _act(
    form: Form, action: str, args: list[int], update: Update, now
) -> tuple[list[Reply], str | None]:
    """A button acting on an entry the user may change; returns the replies and an alert.
    Every button but "withdraw" (and its "withdrawno") brings the officer into the entry's
    form."""
    submission, language = form.submission, form.language
    if action == "withdraw":  # asked only when it can be done now; else why not
        check_withdrawable(form.edition, submission, now)
        sid = submission.id
        markup = InlineKeyboardMarkup(
            [
                [
                    views.button(
                        t(language, "entry-button-withdraw-yes"),
                        entry_button(EntryAction.WITHDRAW_OK, sid),
                    )
                ],
                [
                    views.button(
                        t(language, "entry-button-withdraw-no"),
                        entry_button(EntryAction.WITHDRAW_NO, sid),
                    )
                ],
            ]
        )
        name = views.entry_name(language, submission)
        return [(t(language, "entry-withdraw-ask", name=name), markup)], None
    if action == "withdrawno":  # the irreversible step declined: nothing changes
        name = views.entry_name(language, submission)
        return [(t(language, "entry-withdraw-kept", name=name), None)], None
    if action == "view":  # the unit's entry as sent, to read (any status)
        return _entry_pages(form), None
    if action in QUESTION_ACTIONS and not await _in_form(form.session, update, submission):
        return [], t(language, "entry-button-left-form")
    check_editable(form.edition, submission, now)  # e.g. a draft once the period closed
    previous = await open_entry(form.session, user_of(update).id, submission, now)
    replaced = replaced_notice(previous, FillingEntry, language)
    replies, alert = await _act_in_form(form, action, args, now)
    return ([(replaced, None)] if replaced else []) + replies, alert


async def _act_in_form(
    form: Form, action: str, args: list[int], now
) -> tuple[list[Reply], str | None]:
    session, edition, submission = form.session, form.edition, form.submission
    language = form.language
    if action == "open":
        return [_ask(form)], None
    if action == "summary":
        form.move(OpenSummary(), now)
        return [_summary(form)], None
    if action == "indicators":
        return [views.indicator_overview(language, edition, submission)], None
    if action == "review":
        problems = entry_problems(edition, submission)
        if problems:
            labels = _problem_lines(form, problems)
            text = t(language, "entry-review-blocked") + "\n" + labels
            return [(text, None), _summary(form)], None
        pages = views.full_entry(
            language, edition, form.visible, submission, form.answers, self_assessment_on(edition)
        )
        confirm = InlineKeyboardMarkup(
            [
                [
                    views.button(
                        t(language, "entry-button-confirm"),
                        entry_button(EntryAction.CONFIRM, submission.id),
                    )
                ],
                [
                    views.button(
                        t(language, "entry-button-summary"),
                        entry_button(EntryAction.SUMMARY, submission.id),
                    )
                ],
            ]
        )
        return [(page, None) for page in pages[:-1]] + [
            (pages[-1] + "\n\n" + t(language, "entry-review-confirm"), confirm)
        ], None
    if action == "unfile":
        if not _removable_now(form, args[0]):
            return [], t(language, "entry-button-stale")
        removed = await remove_file(session, edition, submission, args[0], now)
        if removed is None:
            return [_ask(form)], t(language, "evidence-file-gone")
        note = t(language, "evidence-file-removed", name=safe_name(removed.file_name))
        text, markup = _ask(form)
        return [(note + "\n\n" + text, markup)], None
    if action in ("indicator", "level", "noevidence"):
        index = args[0]
        if not 0 <= index < len(edition.indicators):
            return [], None
        indicator = edition.indicators[index]
        if action == "indicator":
            form.move(Jump(AtLevel(indicator.key)), now)
        elif action == "level":  # its question, or its evidence's (a level corrected)
            asked = form.cursor() in (AtLevel(indicator.key), AtEvidence(indicator.key))
            if args[1] not in (1, 2, 3) or not asked:
                return [], t(language, "entry-button-stale")
            await set_level(session, edition, submission, indicator, args[1], now)
            form.move(LevelChosen(indicator.key), now)
        else:
            form.move(EvidenceDone(indicator.key), now)
        return [_ask(form)], None
    index = args[0]
    if not 0 <= index < len(form.fields):
        return [], None
    spec = form.fields[index]
    if action == "edit":
        form.move(Jump(AtField(spec.key)), now)
        return [_ask(form)], None
    if cursor_of(submission) != AtField(spec.key):
        return [], t(language, "entry-button-stale")
    answers = form.answers
    if action in ("pick", "toggle") and not 0 <= args[1] < len(spec.choices or ()):
        return [], t(language, "entry-button-stale")
    if action == "pick":
        picked = check_choice(spec, spec.choices[args[1]].value)
        await save_answer(session, edition, submission, spec.key, picked, now, form.fields)
        form.move(Answered(spec.key), now)
    elif action == "toggle":
        chosen = set(answers.get(spec.key) or [])
        chosen ^= {spec.choices[args[1]].value}
        ticked = [c.value for c in spec.choices if c.value in chosen]
        await save_answer(session, edition, submission, spec.key, ticked, now, form.fields)
    elif action == "next":
        value = answers.get(spec.key)
        if spec.kind == "long_text":
            if value is None and not spec.required:
                raise FieldError("form-error-empty")
            check_long_text(spec, value or "")
        elif not value and spec.required:
            raise FieldError("form-error-required")
        elif spec.key not in answers:
            await save_answer(session, edition, submission, spec.key, [], now, form.fields)
        form.move(Answered(spec.key), now)
    elif action == "skip" and not spec.required:
        await save_answer(session, edition, submission, spec.key, None, now, form.fields)
        form.move(Answered(spec.key), now)
    elif action == "clear":  # asks first: the text may be hours of work
        return [_clear_question(form, spec, index)], None
    elif action == "clearok":
        await clear_answer(session, edition, submission, spec.key, now)
    elif action == "showtext" and spec.kind == "long_text":
        return _saved_text(form, spec), None
    return [_ask(form)], None


def _removable_now(form: Form, attachment_id: int) -> bool:
    """Whether a file's 🗑 may act: only the question now asked removes its own files, so an
    old question's button, tapped while scrolling back, deletes nothing (a file already gone
    counts as removable: :func:`remove_file` says so)."""
    attachment = next((a for a in form.submission.attachments if a.id == attachment_id), None)
    if attachment is None:
        return True
    cursor = form.cursor()
    if isinstance(cursor, AtField):
        return attachment.field_key == cursor.key
    if isinstance(cursor, AtEvidence):
        indicator = form.edition.indicators[form.indicator_index(cursor.indicator)]
        return attachment.field_key == evidence_key(indicator)
    return False


def _entry_pages(form: Form) -> list[Reply]:
    """The whole entry with its status, as messages within Telegram's limit."""
    submission = form.submission
    status = t(
        form.language,
        "entry-view-status",
        status=views.status_label(form.language, submission.status),
        number=submission.number or "—",
    )
    pages = views.full_entry(
        form.language,
        form.edition,
        form.visible,
        submission,
        form.answers,
        self_assessment_on(form.edition),
    )
    replies: list[Reply] = [(status, None)]
    return replies + [(page, None) for page in pages]


def _clear_question(form: Form, spec: FormFieldSpec, index: int) -> Reply:
    """ "Hapus seluruh teks …?" with the word count, and Yes / No (back to the question)."""
    sid, language = form.submission.id, form.language
    words = count_words(form.answers.get(spec.key) or "")
    text = t(language, "entry-clear-ask", label=views.label_of(spec, language), words=words)
    yes, no = t(language, "entry-button-clear-yes"), t(language, "entry-button-clear-no")
    markup = InlineKeyboardMarkup(
        [
            [views.button(yes, field_button(FieldAction.CLEAR_OK, sid, index))],
            [views.button(no, field_button(FieldAction.EDIT, sid, index))],
        ]
    )
    return text, markup


def _saved_text(form: Form, spec: FormFieldSpec) -> list[Reply]:
    """The saved answer of a long text, whole, to copy and correct (split across messages
    at word boundaries, never cut), the question's buttons under its last part: the officer
    goes on from there without scrolling back above a long text (QA3 #13)."""
    value = form.answers.get(spec.key) or ""
    continued = t(form.language, "text-continued")
    replies: list[Reply] = [
        (text, None) for text in split_text([html.escape(value)], continued=continued)
    ]
    if replies:
        last_part, _ = replies[-1]
        buttons = views.question_buttons(
            form.language, form.fields, form.submission, form.answers, spec
        )
        replies[-1] = (last_part, buttons)
    return replies


def _problem_lines(form: Form, problems: Sequence[tuple[str, FieldError]]) -> Markup:
    names = {f.key: views.label_of(f, form.language) for f in form.fields}
    for indicator in form.edition.indicators:
        names[evidence_key(indicator)] = f"{indicator.number}. {indicator.name}"
    lines = [
        "• " + t(form.language, "entry-problem", label=names.get(key, key))
        + " " + views.error_text(form.language, error, form.fields, form.edition.year)
        for key, error in problems
    ]  # fmt: skip
    return Markup("\n".join(lines))


async def _finish(
    session: AsyncSession,
    language: str,
    action: str,
    user_id: int,
    submission_id: int,
    runtime: Runtime,
) -> tuple[list[Reply], bool]:
    """Confirm (submit) or withdraw; returns the replies and whether the status changed (the
    other officers' and the committee's notices are in the outbox with the change)."""
    now = runtime.now()
    zone = runtime.settings.zone
    if action == "withdrawok":
        change = await withdraw_entry(session, user_id, submission_id, now)
        name = views.entry_name(language, change.submission)
        return [(t(language, "entry-withdrawn", name=name), None)], True
    settings = runtime.settings
    result = await submit_entry(
        session,
        user_id,
        submission_id,
        now,
        admin_ids=settings.admin_ids,
        workspace_url=settings.workspace_url,
    )
    submission = result.submission
    name = views.entry_name(language, submission)
    if result.change is None:
        text = t(language, "entry-already-submitted", name=name, number=submission.number)
        return [(text, None)], False
    receipt = t(
        language,
        "entry-receipt",
        name=name,
        number=submission.number,
        unit=submission.unit.name,
        moment=views.moment_text(now, zone, language),
    )
    return [(receipt, None)], True


# --- the unit's entries ----------------------------------------------------------------------


async def my_entries(update: Update, context: BotContext) -> None:
    """``/inovasi_saya``: the unit's entries with their status, and what can be done."""
    language = await context.language()
    runtime = context.runtime
    user_id = user_of(update).id
    async with runtime.sessions() as session:
        edition = await _edition(session)
        officers = await officer_units(session, user_id, edition.id) if edition else []
        if edition is None or not officers:
            await _not_officer(update, language)
            return
        replies = await _entries_listing(session, language, edition, officers, runtime)
    await _send(message_of(update), replies)


async def _entries_listing(
    session: AsyncSession,
    language: str,
    edition: EditionView,
    officers: Sequence[Any],
    runtime: Runtime,
    intro: str | None = None,
) -> list[Reply]:
    """The units' entries with their status (results hidden until announced), a button to
    continue or withdraw each where allowed, and one to start a new entry per unit; after
    ``intro`` if given. Several messages when the committee's notes make it long, the buttons
    on the last."""
    entries = await unit_entries(session, [o.unit_id for o in officers])
    now = runtime.now()
    starts = _starts(language, edition, officers, runtime)
    ranks = await award_ranks(session, [e.id for e in entries])
    if not results_visible(edition, now):
        ranks = {}
    zone = runtime.settings.zone
    blocks = [
        views.entry_status_block(
            language, e, ranks.get(e.id), zone, public_status(e.status, edition, now)
        )
        for e in entries
    ]
    rows = []
    for number, entry in enumerate(entries, start=1):
        row = []  # only what can be done now (the entry period may have closed)
        if allowed_now(check_editable, edition, entry, now):
            row.append(views.button(f"✏️ {number}", entry_button(EntryAction.OPEN, entry.id)))
        if allowed_now(check_withdrawable, edition, entry, now):
            row.append(views.button(f"↩️ {number}", entry_button(EntryAction.WITHDRAW, entry.id)))
        if row:
            rows.append(row)
    rows += _new_buttons(language, starts.officers)
    year_line = t(language, "edition-heading", name=edition.name)  # which year (issue 19)
    if blocks:
        numbered = [f"{n}. {block}" for n, block in enumerate(blocks, start=1)]
        shown = {b.text[:2] for row in rows for b in row}
        legend = "; ".join(
            t(language, f"entry-list-action-{action}")
            for action, mark in (("open", "✏️"), ("withdraw", "↩️"))
            if mark[:2] in shown
        )  # only the buttons the listing shows are explained
        heading = t(language, "entry-list") + "\n" + year_line
        parts = [heading, *numbered, *filter(None, [legend, starts.closed])]
    elif starts.officers:
        parts = [year_line + "\n" + t(language, "entry-list-empty")]
    else:
        parts = [year_line + "\n" + (starts.closed or "")]
    texts = split_text([intro, *parts] if intro else parts, separator="\n\n")
    markup = InlineKeyboardMarkup(rows) if rows else None  # none after the close: nothing to do
    return [(text, None) for text in texts[:-1]] + [(texts[-1], markup)]


def register(application: Application) -> None:
    """Adds the form's commands, the menu button, the buttons and the answers."""
    ALBUMS.put(application, set())
    application.add_handler(CommandHandler(command_names("lanjutkan"), enter_form))
    application.add_handler(CommandHandler(command_names("inovasi_saya"), my_entries))
    application.add_handler(MessageHandler(button_filter("menu-submit"), enter_form))
    # every entry: tap, so that forged or garbled data is answered too (buttons.parse reads it)
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^entry:"))
    accept_input(
        FillingEntry,
        InputRoute(
            on_message=on_input,
            replaced_key="entry-form-paused",
            cancelled_key="entry-cancelled",
            on_cancel=on_cancel,
            on_edited=on_edited,
        ),
    )
