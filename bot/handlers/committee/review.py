"""The committee's tools in Telegram: ``/entries`` (filters, paging, detail with attachments,
verify / return / reject / nominate), ``/judges``, ``/assign`` and ``/audit``.

Every command and button goes through the role guard (:mod:`bot.handlers.shared.access`): a
forged or replayed callback from someone without the role changes nothing.
"""

from __future__ import annotations

import enum
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
)

from bot.handlers.core import command_menu
from bot.handlers.shared.access import Access, requires
from bot.handlers.shared.callback_data import Codec, EditionTap, NoValue, any_pattern, parse_any
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.edition_args import edition_asked, read_only
from bot.handlers.shared.entry_view import entry_texts, files_button, send_files
from bot.handlers.shared.file_store import store_of
from bot.handlers.shared.keyboards import button, keyboard
from bot.handlers.shared.pending_input import InputRoute, accept_input, drop_input, start_waiting
from bot.handlers.shared.replies import edit_html, reply_html
from bot.handlers.shared.text import alert_text, split_text
from bot.handlers.shared.updates import (
    button_message,
    data_of,
    message_of,
    query_of,
    tapped_message,
)
from bot.i18n import Markup, format_moment, plain_text
from bot.services.committee import review as committee
from bot.services.committee.audit_log import audit_names, read_entry
from bot.services.committee.exports import status_label
from bot.services.core import audit
from bot.services.core.edition_guard import ensure_entry_open, ensure_open
from bot.services.core.roles import Role
from bot.services.editions.returning import Origin, origin_of
from bot.services.entries.submission_status import (
    NOTE_LIMIT,
    TRANSITIONS,
    StatusChangeError,
    change_status,
)
from bot.services.entries.submissions import load_entry
from bot.services.judging import scoring as judging
from bot.services.shared.pending_input import Pending, input_kind, take
from bot.storage.models import Judge, Submission, SubmissionStatus

logger = logging.getLogger(__name__)

S = SubmissionStatus
AUDIT_PAGE = 15
"""Audit entries per page of ``/audit``."""


class EntryAction(enum.StrEnum):
    """An action button of the entry detail, as its callback data carries it."""

    VERIFY = "v"
    RETURN = "r"
    REJECT = "x"
    NOMINATE = "n"


ACTIONS: dict[EntryAction, SubmissionStatus] = {
    EntryAction.VERIFY: S.VERIFIED,
    EntryAction.RETURN: S.RETURNED,
    EntryAction.REJECT: S.REJECTED,
    EntryAction.NOMINATE: S.NOMINEE,
}
"""The status each action sets."""
ACTION_LABELS = {
    EntryAction.VERIFY: "entry-button-verify",
    EntryAction.RETURN: "entry-button-return",
    EntryAction.REJECT: "entry-button-reject",
    EntryAction.NOMINATE: "entry-button-nominee",
}
NEEDS_NOTE = (EntryAction.RETURN, EntryAction.REJECT)
"""Actions that wait for the committee's note first."""


@dataclass(frozen=True)
class ActionTap:
    action: EntryAction
    entry_id: int


ACTION = Codec("cm:a", ActionTap)
NOTE_CANCEL = Codec("cm:nc", NoValue)


@input_kind("committee.note")
@dataclass(frozen=True)
class ReviewNote:
    """The admin's next message is the note of a return or a rejection of entry
    ``entry_id`` (``action``: an :class:`EntryAction` value)."""

    action: str
    entry_id: int
    card: int = 0
    """The entry's card (message id) to update once the note is in; 0: none."""


@dataclass(frozen=True)
class FilesTap:
    entry_id: int


FILES = Codec("cm:f", FilesTap)
"""``cm:f:<entry id>``: send the entry's files."""
ASSIGN_ALL = Codec("cm:as:all", EditionTap)
"""``cm:as:all:<edition id>``: every judge of that edition to each of its verified entries
(never the next edition's, imported after the button was sent)."""


# --- /entries: list, filters, paging -------------------------------------------------------


@dataclass(frozen=True)
class ListTap:
    """A page of ``/entries`` of edition ``edition``: ``status`` ("all" or a status's
    value), ``unit`` (0: every unit) and ``page``."""

    edition: int
    status: str
    unit: int
    page: int


@dataclass(frozen=True)
class StatusFilterTap:
    """Choose the status to list, keeping unit ``unit``."""

    edition: int
    unit: int


@dataclass(frozen=True)
class UnitFilterTap:
    """Choose the unit to list, keeping ``status``."""

    edition: int
    status: str


LIST = Codec("cm:l", ListTap)
STATUS_FILTER = Codec("cm:fs", StatusFilterTap)
UNIT_FILTER = Codec("cm:fu", UnitFilterTap)
"""The list's buttons carry their edition: after the next edition's import, an older list's
page or filter is explained instead of listing the new edition's entries under the old one's
unit."""
LEGACY_LIST = r"^cm:(l:[a-z_]+:\d+:\d+|fs:\d+|fu:[a-z_]+)$"
"""The same buttons without their edition (sent by an older version of the bot)."""


def _list_data(access: Access, status: str, unit_id: int, page: int) -> str:
    return LIST.pack(ListTap(access.edition.id, status, unit_id, page))


async def _page(access: Access, status: str, unit_id: int, page: int) -> Any:
    return await committee.entries_page(
        access.session,
        access.edition.id,
        status=S(status) if status != "all" else None,
        unit_id=unit_id or None,
        page=page,
    )


def _heading(access: Access, status: str, unit_id: int, total: int) -> list[str]:
    """The list's first lines: how many, the filters, and the edition (its year, issue 19)."""
    unit_name = access.t("entries-filter-all")
    if unit_id:
        unit = next((u for u in access.edition.units if u.id == unit_id), None)
        unit_name = unit.name if unit else str(unit_id)
    shown = status_label(access.language, S(status)) if status != "all" else None
    return [
        access.t(
            "entries-header",
            count=total,
            status=shown or access.t("entries-filter-all"),
            unit=unit_name,
        ),
        access.t("edition-heading", name=access.edition.name),
    ]


def _line(access: Access, entry: Submission) -> str:
    return access.t(
        "entries-line",
        number=entry.number or "—",
        unit=entry.unit.name,
        title=entry.title or "—",
        status=status_label(access.language, entry.status),
    )


async def _entries_view(
    access: Access, status: str, unit_id: int, page: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    result = await _page(access, status, unit_id, page)
    lines = _heading(access, status, unit_id, result.total)
    rows = []
    if not result.entries:
        lines.append(access.t("entries-empty"))
    for entry in result.entries:
        lines.append(_line(access, entry))
        label = f"{entry.number or entry.id} · {(entry.title or '—')[:40]}"
        rows.append([button(label, f"cm:e:{entry.id}")])
    lines.append(access.t("entries-page", page=result.page + 1, pages=result.pages))
    nav = []
    if result.page > 0:
        nav.append(
            button(
                access.t("entries-button-prev"),
                _list_data(access, status, unit_id, result.page - 1),
            )
        )
    if result.page + 1 < result.pages:
        nav.append(
            button(
                access.t("entries-button-next"),
                _list_data(access, status, unit_id, result.page + 1),
            )
        )
    if nav:
        rows.append(nav)
    rows.append(
        [
            button(
                access.t("entries-button-status"),
                STATUS_FILTER.pack(StatusFilterTap(access.edition.id, unit_id)),
            ),
            button(
                access.t("entries-button-unit"),
                UNIT_FILTER.pack(UnitFilterTap(access.edition.id, status)),
            ),
        ]
    )
    return "\n".join(lines), InlineKeyboardMarkup(rows)


def _parse_filters(access: Access, args: Sequence[str]) -> tuple[str, int, list[str]]:
    """The status and unit asked for, and the words that are neither (answered with the
    usage, never ignored)."""
    status, unit_id, unknown = "all", 0, []
    values = {s.value for s in S}
    codes = {unit.code: unit.id for unit in access.edition.units}
    for arg in args:
        if arg.lower() in values:
            status = arg.lower()
        elif arg.upper() in codes:
            unit_id = codes[arg.upper()]
        else:
            unknown.append(arg)
    return status, unit_id, unknown


async def _archived_entries(access: Access, status: str, unit_id: int) -> list[str]:
    """A closed edition's entries for reading: every page at once, with no button (its
    entries can no longer change; its page and filter buttons would be refused as another
    edition's), and where its files are (/ekspor, /laporan with the year)."""
    found: list[str] = []
    page, pages, total = 0, 1, 0
    while page < pages:
        result = await _page(access, status, unit_id, page)
        found += [_line(access, entry) for entry in result.entries]
        pages, total, page = result.pages, result.total, page + 1
    lines = _heading(access, status, unit_id, total) + (found or [access.t("entries-empty")])
    lines.append(access.t("entries-read-only", year=str(access.edition.year)))
    return split_text(lines)


def _usage(access: Access, word: str) -> str:
    statuses = ", ".join(s.value for s in S if s is not S.DRAFT)
    codes = ", ".join(sorted(unit.code for unit in access.edition.units))
    year = str(access.edition.year - 1)  # a past edition, read with its year
    return access.t("entries-usage", word=word, statuses=statuses, codes=codes, year=year)


@requires(Role.ADMIN)
async def entries_command(update: Update, context: BotContext, access: Access) -> None:
    """Lists the entries: ``/entries [status] [UNIT_CODE] [year]``, with filter and page
    buttons; a past edition's (a year) for reading only; a word it does not know is answered
    with the usage, and nothing is listed."""
    asked, args = await edition_asked(update, access, list(context.args or []))
    if asked is None:
        return
    access = asked
    status, unit_id, unknown = _parse_filters(access, args)
    message = message_of(update)
    if unknown:
        await reply_html(message, _usage(access, unknown[0]))
        return
    if read_only(access):
        for text in await _archived_entries(access, status, unit_id):
            await reply_html(message, text)
        return
    text, markup = await _entries_view(access, status, unit_id, 0)
    await message.reply_text(text, reply_markup=markup)


async def _refused_list(update: Update, access: Access, edition_id: int | None) -> bool:
    """Whether a list button of edition ``edition_id`` (another edition than the current
    one) was answered with why it no longer lists."""
    refusal = await access.edition_refusal(edition_id, viewing=True)
    if refusal is not None:
        await query_of(update).answer(alert_text(refusal), show_alert=True)
    return refusal is not None


@requires(Role.ADMIN)
async def on_list(update: Update, context: BotContext, access: Access) -> None:
    """Shows another page or filter of the list, in place; a list of another edition is
    explained."""
    query = query_of(update)
    tap = LIST.parse(query.data)
    if await _refused_list(update, access, tap.edition if tap is not None else None):
        return
    assert tap is not None
    status = tap.status if tap.status in {s.value for s in S} else "all"
    text, markup = await _entries_view(access, status, tap.unit, tap.page)
    await query.answer()
    await edit_html(query, text, markup)


@requires(Role.ADMIN)
async def on_filter(update: Update, context: BotContext, access: Access) -> None:
    """Offers the statuses (``cm:fs``) or the units with entries (``cm:fu``) to filter by;
    a filter of another edition's list is explained."""
    query = query_of(update)
    tap = parse_any(query.data, (STATUS_FILTER, UNIT_FILTER))
    if await _refused_list(update, access, tap.edition if tap is not None else None):
        return
    all_label = access.t("entries-button-all")
    if isinstance(tap, StatusFilterTap):
        choices = [("all", all_label)] + [
            (s.value, status_label(access.language, s)) for s in S if s is not S.DRAFT
        ]
        rows = [[button(label, _list_data(access, value, tap.unit, 0))] for value, label in choices]
        text = access.t("entries-choose-status")
    else:
        assert isinstance(tap, UnitFilterTap)
        kept = tap.status
        units = await committee.units_with_entries(access.session, access.edition.id)
        rows = [[button(all_label, _list_data(access, kept, 0, 0))]] + [
            [button(unit.name[:60], _list_data(access, kept, unit.id, 0))] for unit in units
        ]
        text = access.t("entries-choose-unit")
    await query.answer()
    await edit_html(query, text, InlineKeyboardMarkup(rows))


# --- the detail view and the actions -------------------------------------------------------


def action_buttons(access: Access, entry_id: int, status: SubmissionStatus) -> list[list[Any]]:
    """The action buttons allowed from ``status`` (the transition table decides)."""
    allowed = [
        button(access.t(ACTION_LABELS[action]), ACTION.pack(ActionTap(action, entry_id)))
        for action, target in ACTIONS.items()
        if target in TRANSITIONS[status]
    ]
    return [allowed[:2], allowed[2:]]


def entry_card(access: Access, entry: Submission) -> tuple[str, InlineKeyboardMarkup | None]:
    """The last message of an entry's view: its number, title and status (with the
    committee's note), the files button, and only the actions possible from its status now.
    Edited in place after each action."""
    text = access.t(
        "entry-card",
        number=entry.number or "—",
        title=entry.title or "—",
        status=status_label(access.language, entry.status),
    )
    if entry.status_note:
        text += "\n" + access.t("entry-detail-note", note=entry.status_note)
    files = files_button(access.language, entry, FILES.pack(FilesTap(entry.id)))
    return text, keyboard([files, *action_buttons(access, entry.id, entry.status)])


async def _entry_of_edition(access: Access, entry_id: int) -> Submission | None:
    entry = await load_entry(access.session, entry_id)
    return entry if entry is not None and entry.edition_id == access.edition.id else None


@requires(Role.ADMIN)
async def on_detail(update: Update, context: BotContext, access: Access) -> None:
    """Shows the whole entry, then its card (status, files button, actions) last."""
    query = query_of(update)
    entry = await _entry_of_edition(access, int(data_of(query).split(":")[2]))
    origin = await origin_of(access.session, entry) if entry is not None else None
    await query.answer()
    if entry is None:
        await tapped_message(query).reply_text(access.t("entry-not-found"))
        return
    for text in entry_texts(access.language, access.edition, entry, access.runtime.settings.zone):
        await reply_html(tapped_message(query), text)
    if origin is not None:  # a returning innovation (issue 19): the committee decides
        await reply_html(tapped_message(query), returning_note(access, origin), None)
    await reply_html(tapped_message(query), *entry_card(access, entry))


def returning_note(access: Access, origin: Origin) -> str:
    """Where a returning entry comes from, whether it won, and the edition's "not entered
    before" rule as a warning (:func:`bot.services.editions.returning.origin_of`)."""
    lines = [
        access.t(
            "returning-note",
            year=str(origin.year),
            number=origin.number or "—",
            title=origin.title or "—",
        )
    ]
    if origin.award:
        lines.append(access.t("returning-note-won", award=origin.award, year=str(origin.year)))
    if origin.rule:
        lines.append(access.t("returning-rule", year=str(access.edition.year)))
    return "\n".join(lines)


@requires(Role.ADMIN)
async def on_files(update: Update, context: BotContext, access: Access) -> None:
    """Sends the entry's files (``cm:f:<id>``), as albums."""
    query = query_of(update)
    tap = FILES.tapped(query)
    entry = await _entry_of_edition(access, tap.entry_id)
    if entry is None:
        await query.answer(alert_text(access.t("entry-not-found")), show_alert=True)
        return
    await query.answer()
    await send_files(
        context.bot,
        button_message(query).chat.id,
        access.language,
        access.edition,
        entry,
        store_of(context),
    )


async def _show_card(
    context: BotContext, access: Access, chat_id: int, message_id: int, entry_id: int
) -> None:
    """Edit an entry's card to its current status and actions."""
    entry = await _entry_of_edition(access, entry_id)
    if entry is None:
        return
    text, markup = entry_card(access, entry)
    try:
        await context.bot.edit_message_text(text, chat_id, message_id, reply_markup=markup)
    except BadRequest as error:  # unchanged (a double tap), or too old to edit
        logger.info("Entry card %s not edited: %s", message_id, error)


async def _apply(
    access: Access, entry_id: int, target: SubmissionStatus, note: str | None
) -> tuple[str, bool]:
    """Change the entry's status (its officers' notices go to the outbox with the change);
    returns the admin's reply and whether it was done (False: not found, or no longer
    allowed from its status)."""
    await ensure_entry_open(access.session, entry_id)  # an older edition's: closed
    entry = await _entry_of_edition(access, entry_id)
    if entry is None:
        return access.t("entry-not-found"), False
    try:
        change = await change_status(
            access.session,
            entry,
            target,
            actor_id=access.roles.user_id,
            now=access.now,
            note=note,
        )
    except StatusChangeError:
        return (
            access.t(
                "entry-action-not-allowed",
                number=entry.number or "—",
                status=status_label(access.language, entry.status),
            ),
            False,
        )
    text = access.t(
        "entry-action-done",
        number=entry.number or "—",
        status=status_label(access.language, target),
        officers=len(set(change.officer_ids)),
    )
    return text, True


@requires(Role.ADMIN)
async def on_action(update: Update, context: BotContext, access: Access) -> None:
    """Verifies or nominates at once; for return and reject, asks for the note first. The
    card is then edited to the entry's new status; a button that no longer applies (an older
    copy of the card) is explained in an alert."""
    query = query_of(update)
    tap = ACTION.tapped(query)
    await ensure_entry_open(access.session, tap.entry_id)  # an older edition's: closed
    chat_id, card_id = button_message(query).chat.id, button_message(query).message_id
    target = ACTIONS[tap.action]
    entry = await _entry_of_edition(access, tap.entry_id)
    if entry is None:
        await query.answer(alert_text(access.t("entry-not-found")), show_alert=True)
        return
    if target not in TRANSITIONS[entry.status]:
        refusal = access.t(
            "entry-action-not-allowed",
            number=entry.number or "—",
            status=status_label(access.language, entry.status),
        )
        await query.answer(alert_text(refusal), show_alert=True)
        await _show_card(context, access, chat_id, card_id, entry.id)
        return
    if tap.action in NEEDS_NOTE:
        note = ReviewNote(tap.action.value, entry.id, card_id)
        replaced = await start_waiting(access.session, update, note, access.now, access.language)
        await query.answer()
        if replaced is not None:
            await tapped_message(query).reply_text(replaced)
        key = (
            "entry-ask-note-return" if tap.action is EntryAction.RETURN else "entry-ask-note-reject"
        )
        cancel = button(access.t("entry-button-cancel"), NOTE_CANCEL.pack(NoValue()))
        await tapped_message(query).reply_text(
            access.t(key, number=entry.number or "—"),
            reply_markup=InlineKeyboardMarkup([[cancel]]),
        )
        return
    text, done = await _apply(access, entry.id, target, None)
    await query.answer(alert_text(text), show_alert=not done)
    await _show_card(context, access, chat_id, card_id, entry.id)


async def on_note(update: Update, context: BotContext, pending: Pending) -> bool:
    """The admin's message while a return or rejection waits for its note
    (:class:`ReviewNote`); the officers' notices go to the outbox with the change."""
    await _take_note(update, context, pending)
    return True


@requires(Role.ADMIN)
async def _take_note(update: Update, context: BotContext, access: Access, pending: Pending) -> None:
    message = message_of(update)
    if message.text is None:
        await message.reply_text(access.t("entry-note-text-only"))
        return  # still waiting for the note
    note = message.text.strip()
    if len(note) > NOTE_LIMIT:
        await message.reply_text(
            access.t("entry-note-too-long", length=len(note), limit=NOTE_LIMIT)
        )
        return
    await take(access.session, pending)
    action = EntryAction(pending.payload.action)
    entry_id = pending.payload.entry_id
    text, _ = await _apply(access, entry_id, ACTIONS[action], note)
    await message_of(update).reply_text(text)
    if pending.payload.card:
        await _show_card(context, access, message.chat.id, pending.payload.card, entry_id)


@requires(Role.ADMIN)
async def on_note_cancel(update: Update, context: BotContext, access: Access) -> None:
    """Drops the pending note; nothing changes."""
    await drop_input(access.session, update, ReviewNote)
    await query_of(update).answer()
    await edit_html(query_of(update), access.t("entry-note-cancelled"), None)


# --- /judges and /assign ---------------------------------------------------------------------


async def _judges_view(access: Access) -> tuple[str, InlineKeyboardMarkup | None]:
    judges = await judging.list_judges(access.session, access.edition.id)
    units = {unit.id: unit.name for unit in access.edition.units}
    lines = [access.t("judges-header", count=len(judges))]
    rows = []
    for judge in judges:
        unit = access.t("judges-unit", unit=units[judge.unit_id]) if judge.unit_id else ""
        lines.append(
            access.t("judges-line", name=judge.name, user=str(judge.user_id), unit=Markup(unit))
        )
        rows.append(
            [
                button(
                    plain_text(access.language, "judges-button-remove", name=judge.name[:40]),
                    f"cm:jd:{judge.id}",
                )
            ]
        )
    if not judges:
        lines.append(access.t("judges-empty"))
    lines.append("")
    lines.append(access.t("judges-usage"))
    return "\n".join(lines), keyboard(rows)


JUDGE_ADD = re.compile(r"^(?:add|tambah)\s+(\d{1,15})\s+(\S+)\s+(.+)$", re.IGNORECASE | re.DOTALL)


@requires(Role.ADMIN)
async def judges_command(update: Update, context: BotContext, access: Access) -> None:
    """Lists the panel; ``/judges add ID UNIT|- Name`` adds (or updates) a judge."""
    message = message_of(update)
    args = " ".join(context.args or [])
    if args:
        match = JUDGE_ADD.match(args)
        if match is None:
            await message.reply_text(access.t("judges-usage"))
            return
        user_id, unit_code, name = match.groups()
        try:
            judge = await judging.add_judge(
                access.session,
                access.edition,
                user_id=int(user_id),
                name=name,
                unit_code=None if unit_code == "-" else unit_code,
                actor_id=access.roles.user_id,
                now=access.now,
            )
        except judging.JudgingError as error:
            await message.reply_text(access.t(f"judging-error-{error.code}"))
            return
        await message.reply_text(access.t("judges-added", name=judge.name))
        await command_menu.refresh_personal_menu(context.bot, access.runtime, judge.user_id)
    text, markup = await _judges_view(access)
    await message.reply_text(text, reply_markup=markup)


@requires(Role.ADMIN)
async def on_judge_remove(update: Update, context: BotContext, access: Access) -> None:
    """Removes a judge (with their assignments and scores)."""
    query = query_of(update)
    judge_id = int(data_of(query).split(":")[2])
    judge = await access.session.get(Judge, judge_id)
    if judge is not None:
        await ensure_open(access.session, judge.edition_id)  # an older edition's: closed
    if judge is not None and judge.edition_id == access.edition.id:
        await judging.remove_judge(
            access.session, judge_id, actor_id=access.roles.user_id, now=access.now
        )
        await command_menu.refresh_personal_menu(context.bot, access.runtime, judge.user_id)
    await query.answer(alert_text(access.t("judges-removed")))
    text, markup = await _judges_view(access)
    await edit_html(query, text, markup)


@requires(Role.ADMIN)
async def assign_command(update: Update, context: BotContext, access: Access) -> None:
    """Offers: every judge to every verified entry, or a chosen set per judge."""
    judges = await judging.list_judges(access.session, access.edition.id)
    entries = await judging.judgeable_entries(access.session, access.edition.id)
    if not judges or not entries:
        await message_of(update).reply_text(access.t("assign-nothing"))
        return
    everyone = ASSIGN_ALL.pack(EditionTap(access.edition.id))
    rows = [[button(access.t("assign-button-all"), everyone)]]
    for judge in judges:
        label = plain_text(access.language, "assign-button-judge", name=judge.name[:40])
        rows.append([button(label, f"cm:as:j:{judge.id}")])
    await message_of(update).reply_text(
        access.t("assign-header", entries=len(entries), judges=len(judges)),
        reply_markup=InlineKeyboardMarkup(rows),
    )


async def _judge_entries_view(
    access: Access, judge: Any
) -> tuple[str, InlineKeyboardMarkup | None]:
    entries = await judging.judgeable_entries(access.session, access.edition.id)
    assigned = await judging.assigned_ids(access.session, judge.id)
    ties = await judging.ties_of(access.session, judge)
    rows = []
    for entry in entries:
        mark = "🚫" if ties.conflict(entry) else "✅" if entry.id in assigned else "▫️"
        label = f"{mark} {entry.number or entry.id} · {(entry.title or '—')[:36]}"
        rows.append([button(label, f"cm:as:t:{judge.id}:{entry.id}")])
    return access.t("assign-judge-header", name=judge.name), keyboard(rows)


@requires(Role.ADMIN)
async def on_assign(update: Update, context: BotContext, access: Access) -> None:
    """``cm:as:all:<edition>`` assigns everyone; ``cm:as:j:<judge>`` lists entries for one
    judge; ``cm:as:t:<judge>:<entry>`` toggles one assignment. A button of another edition
    than the current one (a closed edition's judge) is explained and changes nothing."""
    query = query_of(update)
    parts = data_of(query).split(":")
    try:
        if parts[2] == "all":
            tap = ASSIGN_ALL.parse(query.data)
            refusal = await access.edition_refusal(tap.edition if tap is not None else None)
            if refusal is not None:
                await query.answer(alert_text(refusal), show_alert=True)
                return
            report = await judging.assign(
                access.session,
                access.edition,
                judge_ids=None,
                submission_ids=None,
                actor_id=access.roles.user_id,
                now=access.now,
            )
            await query.answer()
            await tapped_message(query).reply_text(
                access.t(
                    "assign-done",
                    added=len(report.added),
                    existing=len(report.existing),
                    conflicts=len(report.conflicts),
                )
            )
            return
        judge = await access.session.get(Judge, int(parts[3]))
        if judge is None:
            await query.answer(alert_text(access.t("entry-not-found")), show_alert=True)
            return
        refusal = await access.edition_refusal(judge.edition_id)
        if refusal is not None:  # a judge of a closed edition
            await query.answer(alert_text(refusal), show_alert=True)
            return
        if parts[2] == "t":
            entry_id = int(parts[4])
            if entry_id in await judging.assigned_ids(access.session, judge.id):
                await judging.unassign(
                    access.session,
                    access.edition,
                    judge.id,
                    entry_id,
                    actor_id=access.roles.user_id,
                    now=access.now,
                )
            else:
                report = await judging.assign(
                    access.session,
                    access.edition,
                    judge_ids=[judge.id],
                    submission_ids=[entry_id],
                    actor_id=access.roles.user_id,
                    now=access.now,
                )
                if report.conflicts:
                    await query.answer(
                        alert_text(access.t("judging-error-conflict")), show_alert=True
                    )
                    return
        await query.answer()
        text, markup = await _judge_entries_view(access, judge)
        if parts[2] == "t":
            await edit_html(query, text, markup)
        else:
            await tapped_message(query).reply_text(text, reply_markup=markup)
    except judging.JudgingError as error:
        await query.answer(alert_text(access.t(f"judging-error-{error.code}")), show_alert=True)


# --- /audit ----------------------------------------------------------------------------------


async def _audit_view(access: Access, page: int) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of the audit log, newest first: when, who by name, what, on what (the
    changes themselves are in the workbook's audit sheet, ``/export``)."""
    total = await audit.count_entries(access.session)
    pages = max(1, -(-total // AUDIT_PAGE))
    page = min(max(page, 0), pages - 1)
    entries = await audit.list_entries(access.session, limit=AUDIT_PAGE, offset=page * AUDIT_PAGE)
    zone = access.runtime.settings.zone
    names = await audit_names(
        access.session,
        access.edition,
        [e.actor_id for e in entries if e.actor_id is not None],
        access.language,
    )
    lines = [access.t("audit-header", page=page + 1, pages=pages)]
    if not entries:
        lines.append(access.t("audit-empty"))
    for entry in entries:
        line = read_entry(access.language, zone, names, entry)
        lines.append(
            access.t(
                "audit-line",
                moment=format_moment(entry.at, zone, access.language),
                actor=line.actor,
                action=line.action,
                subject=line.subject,
            )
        )
    nav = []
    if page > 0:
        nav.append(button(access.t("entries-button-prev"), f"cm:au:{page - 1}"))
    if page + 1 < pages:
        nav.append(button(access.t("entries-button-next"), f"cm:au:{page + 1}"))
    return "\n".join(lines), keyboard([nav])


@requires(Role.ADMIN)
async def audit_command(update: Update, context: BotContext, access: Access) -> None:
    """Lists the audit log, newest first, with paging."""
    text, markup = await _audit_view(access, 0)
    await message_of(update).reply_text(text, reply_markup=markup)


@requires(Role.ADMIN)
async def on_audit_page(update: Update, context: BotContext, access: Access) -> None:
    """Shows another page of the audit log."""
    query = query_of(update)
    text, markup = await _audit_view(access, int(data_of(query).split(":")[2]))
    await query.answer()
    await edit_html(query, text, markup)


def register(application: Application) -> None:
    """Adds /entries, /judges, /assign, /audit and their buttons."""
    application.add_handler(CommandHandler(command_names("inovasi"), entries_command))
    application.add_handler(CommandHandler(command_names("penilai"), judges_command))
    application.add_handler(CommandHandler(command_names("tugaskan"), assign_command))
    application.add_handler(CommandHandler(command_names("audit"), audit_command))
    callbacks = (
        (LIST.pattern, on_list),
        (LEGACY_LIST, on_list),
        (any_pattern((STATUS_FILTER, UNIT_FILTER)), on_filter),
        (r"^cm:e:\d+$", on_detail),
        (FILES.pattern, on_files),
        (ACTION.pattern, on_action),
        (NOTE_CANCEL.pattern, on_note_cancel),
        (r"^cm:jd:\d+$", on_judge_remove),
        (r"^cm:as:(all|all:\d+|j:\d+|t:\d+:\d+)$", on_assign),
        (r"^cm:au:\d+$", on_audit_page),
    )
    for pattern, callback in callbacks:
        application.add_handler(CallbackQueryHandler(callback, pattern=pattern))
    accept_input(
        ReviewNote,
        InputRoute(
            on_message=on_note,
            replaced_key="entry-note-replaced",
            cancelled_key="entry-note-cancelled",
        ),
    )
