"""Check-in at the entrance: the QR code's deep link ``/start h-<payload>`` (see
:mod:`bot.services.attendance.link`).

The first scan asks, one message each, the name, the NIP (18 digits, or the "no NIP"
button), the jabatan and the unit (a button when the user is an officer of a unit), then shows
them to confirm; someone the bot knows already (an earlier check-in, an invitation with their
Telegram id) gets the summary at once and confirms with one tap. A later scan only confirms
that they are checked in. The typed answers wait in one pending input
(``attendance.checkin``), so a restart loses nothing; the record is written with the input's
``take`` (a double tap or a replayed update writes nothing twice; the table's unique
constraint settles two processes).
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import Application, CallbackQueryHandler

from bot.handlers.core.start import DEEP_LINK_PREFIXES
from bot.handlers.shared.callback_data import Codec
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.keyboards import button, keyboard
from bot.handlers.shared.pending_input import (
    InputRoute,
    accept_input,
    pending_of,
    start_waiting,
)
from bot.handlers.shared.replies import reply_html
from bot.handlers.shared.updates import chat_of, message_of, query_of, user_of
from bot.i18n import format_clock_zone, format_day, t, zone_abbreviation
from bot.runtime import Runtime
from bot.services.attendance import link as checkin_link
from bot.services.attendance import records
from bot.services.core.event_view import EventView
from bot.services.shared.nip import format_nip
from bot.services.shared.pending_input import InputGone, Pending, input_kind, keep_waiting, take
from bot.storage.models import AttendanceRole


def checkin_secret(runtime: Runtime) -> bytes:
    """The key of the check-in links (``CHECKIN_SECRET`` or derived from the bot token)."""
    return checkin_link.secret_of(runtime.settings)


class Step(enum.StrEnum):
    """Where the check-in form stands."""

    NAME = "name"
    NIP = "nip"
    JABATAN = "jabatan"
    UNIT = "unit"
    CONFIRM = "confirm"


@input_kind("attendance.checkin")
@dataclass(frozen=True)
class CheckingIn:
    """The check-in form of one person at one event on one day (ISO date)."""

    event_id: int
    day: str
    step: str
    name: str = ""
    nip: str | None = None
    jabatan: str = ""
    unit_name: str = ""
    unit_id: int | None = None
    known_unit: str = ""
    invitation_id: int | None = None
    role: str = AttendanceRole.PARTICIPANT.value
    session_key: str = ""
    """The agenda session whose link was scanned ("" for the event's own)."""


class Action(enum.StrEnum):
    """The form's buttons."""

    CONFIRM = "ok"
    CHANGE = "edit"
    NO_NIP = "nonip"
    KNOWN_UNIT = "unit"
    KEEP = "keep"
    """Keep the step's prefilled value (the name on Telegram, an earlier answer)."""


@dataclass(frozen=True)
class FormTap:
    action: Action


FORM = Codec("at:f", FormTap)


def _confirm_text(language: str, form: CheckingIn) -> str:
    return t(
        language,
        "attendance-checkin-confirm",
        name=form.name,
        nip=format_nip(form.nip) or t(language, "attendance-no-nip"),
        jabatan=form.jabatan,
        unit=form.unit_name,
    )


def _confirm_markup(language: str):
    return keyboard(
        [
            [button(t(language, "attendance-button-confirm"), FORM.pack(FormTap(Action.CONFIRM)))],
            [button(t(language, "attendance-button-change"), FORM.pack(FormTap(Action.CHANGE)))],
        ]
    )


def _keep(label: str) -> list:
    return [button(label, FORM.pack(FormTap(Action.KEEP)))]


def _prompt(language: str, form: CheckingIn):
    """The text and buttons asking for the form's current step: a value known already (the
    name on Telegram, an officer's unit, an answer before "Ubah data") is one tap away."""
    if form.step == Step.NAME:
        if form.name:
            return t(language, "attendance-checkin-ask-name-known"), keyboard([_keep(form.name)])
        return t(language, "attendance-checkin-ask-name"), None
    if form.step == Step.NIP:
        rows = [_keep(format_nip(form.nip))] if form.nip else []
        rows.append(
            [button(t(language, "attendance-button-no-nip"), FORM.pack(FormTap(Action.NO_NIP)))]
        )
        return t(language, "attendance-checkin-ask-nip"), keyboard(rows)
    if form.step == Step.JABATAN:
        if form.jabatan:
            return t(language, "attendance-checkin-ask-jabatan-known"), keyboard(
                [_keep(form.jabatan)]
            )
        return t(language, "attendance-checkin-ask-jabatan"), None
    if form.step == Step.UNIT:
        rows = []
        if form.known_unit:
            rows.append([button(form.known_unit, FORM.pack(FormTap(Action.KNOWN_UNIT)))])
        if form.unit_name and form.unit_name != form.known_unit:
            rows.append(_keep(form.unit_name))
        if not rows:
            return t(language, "attendance-checkin-ask-unit-typed"), None
        return t(language, "attendance-checkin-ask-unit"), keyboard(rows)
    return _confirm_text(language, form), _confirm_markup(language)


def _refusal(language: str, event: EventView, reading: checkin_link.Reading) -> str:
    verdict = reading.verdict
    if verdict is checkin_link.Verdict.OTHER_DAY and reading.day is not None:
        return t(language, "attendance-checkin-other-day", day=format_day(reading.day, language))
    if verdict is checkin_link.Verdict.EARLY:
        day = event.starts_on
        noon = datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo(event.timezone))
        opens = f"{checkin_link.check_in_hours(event)[0]} {zone_abbreviation(noon)}"
        return t(language, "attendance-checkin-early", time=opens)
    if verdict is checkin_link.Verdict.CLOSED:
        return t(language, "attendance-checkin-closed")
    return t(language, "attendance-checkin-forged")


async def on_checkin_link(update: Update, context: BotContext) -> None:
    """``/start h-…``: check the payload, then confirm, start the form or show the summary."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or chat_of(update).type != ChatType.PRIVATE:
        return
    language = await context.language()
    runtime = context.runtime
    event = await runtime.event()
    if event is None:
        await reply_html(message, t(language, "attendance-checkin-no-event"))
        return
    now = runtime.now()
    payload = context.arguments[0] if context.arguments else ""
    reading = checkin_link.read_payload(checkin_secret(runtime), event, payload, now)
    if reading.verdict is not checkin_link.Verdict.VALID or reading.day is None:
        await reply_html(message, _refusal(language, event, reading))
        return
    zone = ZoneInfo(event.timezone)
    attended = None
    async with runtime.transaction() as session:
        record = await records.find_record(session, event.id, user_id=user.id)
        item = (
            await records.session_item(session, event, reading.session) if reading.session else None
        )
        if record is not None and item is not None:
            attended = await records.check_in_session(session, record, item.id, now)
        if record is None:
            known = await records.known_person(session, event, user.id, user.full_name)
            person = known.person
            form = CheckingIn(
                event_id=event.id,
                day=reading.day.isoformat(),
                step=Step.CONFIRM if known.complete else Step.NAME,
                name=person.name,
                nip=person.nip,
                jabatan=person.jabatan,
                unit_name=person.unit_name,
                unit_id=person.unit_id,
                known_unit=person.unit_name if person.unit_id else "",
                invitation_id=person.invitation_id,
                role=person.role.value,
                session_key=item.key if item is not None else "",
            )
            notice = await start_waiting(session, update, form, now, language)
    if attended is not None and record is not None and item is not None:
        row, created = attended
        key = "attendance-session-done" if created else "attendance-session-already"
        time = format_clock_zone(row.checked_in_at, zone, language)
        await reply_html(message, t(language, key, name=record.name, session=item.title, time=time))
        return
    if record is not None:
        text = t(
            language,
            "attendance-checkin-already",
            name=record.name,
            time=format_clock_zone(record.checked_in_at, zone, language),
        )
        await reply_html(message, text)
        return
    if notice:
        await reply_html(message, notice)
    text, markup = _prompt(language, form)
    await reply_html(message, text, markup)


def _error_text(language: str, error: records.PersonError, typed: str) -> str:
    """The polite refusal of what was typed (shared with the committee's /catat_hadir, whose
    NIP texts say to drop the field instead of pressing the form's button)."""
    if error.reason == "nip-digits":
        digits = sum(char.isdigit() for char in typed)
        return t(language, "attendance-error-nip-digits", count=digits)
    if error.reason == "nip-char":
        return t(language, "attendance-error-nip-char", char=error.detail)
    if error.reason == "nip-taken":
        return t(language, "attendance-error-nip-taken", name=error.detail)
    if error.reason in ("nip-birth", "nip-tmt", "nip-sex"):
        return t(language, f"attendance-error-{error.reason}", part=error.detail)
    field = {"name": "name", "jabatan": "jabatan", "unit": "unit"}[error.field]
    return t(language, f"attendance-error-{field}-{error.reason}", length=len(typed.strip()))


def _next_step(form: CheckingIn) -> CheckingIn:
    order = [Step.NAME, Step.NIP, Step.JABATAN, Step.UNIT, Step.CONFIRM]
    return dataclasses.replace(form, step=order[order.index(Step(form.step)) + 1])


async def on_typed(update: Update, context: BotContext, pending: Pending) -> bool:
    """A message while the form waits: the answer to its current step."""
    message = message_of(update)
    form: CheckingIn = pending.payload
    language = await context.language()
    typed = message.text or ""
    if not message.text:
        text, markup = _prompt(language, form)
        await reply_html(message, text, markup)
        return True
    try:
        if form.step == Step.NAME:
            form = dataclasses.replace(form, name=records.clean_text("name", typed, required=True))
        elif form.step == Step.NIP:
            nip = records.clean_nip(typed)
            async with context.runtime.transaction() as session:
                typed_so_far = records.Person(name=form.name, nip=nip)
                holder = await records.nip_taken(
                    session, form.event_id, typed_so_far, user_of(update).id
                )
            if holder is not None:
                raise records.PersonError("nip", "nip-taken", holder.name)
            form = dataclasses.replace(form, nip=nip)
        elif form.step == Step.JABATAN:
            form = dataclasses.replace(
                form, jabatan=records.clean_text("jabatan", typed, required=True)
            )
        elif form.step == Step.UNIT:
            unit_name = records.clean_text("unit", typed, required=True)
            unit_id = form.unit_id if unit_name == form.known_unit else None
            form = dataclasses.replace(form, unit_name=unit_name, unit_id=unit_id)
        else:
            text, markup = _prompt(language, form)
            await reply_html(message, text, markup)
            return True
    except records.PersonError as error:
        # the step's buttons again ("Tidak memiliki NIP", the known unit): the text names them
        await reply_html(message, _error_text(language, error, typed), _prompt(language, form)[1])
        return True  # still waiting for this step; nothing else changed
    form = _next_step(form)
    async with context.runtime.transaction() as session:
        await keep_waiting(session, pending, form)
    text, markup = _prompt(language, form)
    await reply_html(message, text, markup)
    return True


def _person(form: CheckingIn) -> records.Person:
    """Who the form says is checking in."""
    return records.Person(
        name=form.name, nip=form.nip, jabatan=form.jabatan, unit_name=form.unit_name,
        unit_id=form.unit_id, invitation_id=form.invitation_id, role=AttendanceRole(form.role),
    )  # fmt: skip


def _kept(form: CheckingIn) -> bool:
    """Whether the form's current step has a value to keep (its "keep" button)."""
    value = {Step.NAME: form.name, Step.NIP: form.nip, Step.JABATAN: form.jabatan,
             Step.UNIT: form.unit_name}.get(Step(form.step))  # fmt: skip
    return bool(value)


async def on_form_button(update: Update, context: BotContext) -> None:
    """The form's buttons: confirm (check in), change, no NIP, the known unit."""
    query = query_of(update)
    tap = FORM.parse(query.data)
    language = await context.language()
    runtime = context.runtime
    message = message_of(update)
    if tap is None:
        await query.answer()
        return
    now = runtime.now()
    done = item = earlier = refused = None
    stale = False
    # read before the transaction: on SQLite a second session inside it would wait for the
    # turn the transaction holds
    event = await runtime.event()
    async with runtime.transaction() as session:
        pending = await pending_of(session, update, CheckingIn)
        form: CheckingIn | None = pending.payload if pending else None
        if (
            pending is None
            or form is None
            or event is None
            or event.id != form.event_id
            or date.fromisoformat(form.day) != now.astimezone(ZoneInfo(event.timezone)).date()
        ):
            stale = True
            if form is None and event is not None:
                # a second tap on "Benar, saya hadir" (the first took the form): they are in
                earlier = await records.find_record(session, event.id, user_id=user_of(update).id)
        elif (
            tap.action is Action.CONFIRM
            and form.step == Step.CONFIRM
            and (
                holder := await records.nip_taken(
                    session, form.event_id, _person(form), user_of(update).id
                )
            )
        ):
            # someone else checked in with this NIP since it was typed: ask it again
            refused = records.PersonError("nip", "nip-taken", holder.name)
            form = dataclasses.replace(form, step=Step.NIP)
            await keep_waiting(session, pending, form)
        elif tap.action is Action.CONFIRM and form.step == Step.CONFIRM:
            try:
                await take(session, pending)
            except InputGone:
                stale = True
            else:
                result = await records.check_in(
                    session, form.event_id, _person(form), now=now, user_id=user_of(update).id,
                    by=user_of(update).id, method="qr",
                )  # fmt: skip
                done = (result, await records.count_present(session, form.event_id))
                item = (
                    await records.session_item(session, event, form.session_key)
                    if form.session_key
                    else None
                )
                if item is not None:
                    await records.check_in_session(session, result.record, item.id, now)
        elif tap.action is Action.CHANGE:
            form = dataclasses.replace(form, step=Step.NAME)
            await keep_waiting(session, pending, form)
        elif tap.action is Action.NO_NIP and form.step == Step.NIP:
            form = _next_step(dataclasses.replace(form, nip=None))
            await keep_waiting(session, pending, form)
        elif tap.action is Action.KNOWN_UNIT and form.step == Step.UNIT and form.known_unit:
            form = _next_step(dataclasses.replace(form, unit_name=form.known_unit))
            await keep_waiting(session, pending, form)
        elif tap.action is Action.KEEP and _kept(form):
            form = _next_step(form)
            await keep_waiting(session, pending, form)
    await query.answer()
    if earlier is not None and event is not None:
        zone = ZoneInfo(event.timezone)
        text = t(language, "attendance-checkin-already", name=earlier.name,
                 time=format_clock_zone(earlier.checked_in_at, zone, language))  # fmt: skip
        await reply_html(message, text)
        return
    if refused is not None and form is not None:
        await reply_html(message, _error_text(language, refused, ""), _prompt(language, form)[1])
        return
    if stale or form is None or event is None:
        await reply_html(message, t(language, "attendance-checkin-stale"))
        return
    if done is not None:
        result, present = done
        zone = ZoneInfo(event.timezone)
        key = "attendance-checkin-done" if result.created else "attendance-checkin-already"
        text = t(language, key, name=result.record.name, number=present,
                 time=format_clock_zone(result.record.checked_in_at, zone, language))  # fmt: skip
        if item is not None:
            clock_text = format_clock_zone(now, zone, language)
            text += "\n" + t(language, "attendance-session-done", name=result.record.name,
                             session=item.title, time=clock_text)  # fmt: skip
        await reply_html(message, text)
        return
    text, markup = _prompt(language, form)
    await reply_html(message, text, markup)


def register(application: Application) -> None:
    """Adds the check-in deep link, the form's buttons and its typed answers."""
    DEEP_LINK_PREFIXES[checkin_link.PREFIX] = on_checkin_link
    application.add_handler(CallbackQueryHandler(on_form_button, pattern=FORM.pattern))
    accept_input(
        CheckingIn,
        InputRoute(
            on_message=on_typed,
            replaced_key="attendance-checkin-replaced",
            cancelled_key="attendance-checkin-cancelled",
        ),
    )
