"""The committee's side of the event day (admins, checked at the moment of use):

- ``/kehadiran``: RSVP answers and check-ins per unit against the invitations, with buttons to
  send the invitations, remind those who have not answered, get the entrance's QR poster and
  the daftar hadir;
- ``/catat_hadir Nama; Jabatan; Unit kerja; NIP``: check someone in by name (a guest without a
  phone); a name that matches an invitation takes its unit and role;
- ``/daftar_hadir`` (PDF) and ``/daftar_hadir xlsx``.

The documents module (fpdf2, segno) is imported at the first use, as ``/laporan`` does.
"""

from __future__ import annotations

import asyncio
import enum
import unicodedata
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.attendance.checkin import checkin_secret
from bot.handlers.shared.access import Access, requires
from bot.handlers.shared.callback_data import Codec
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.keyboards import button, keyboard
from bot.handlers.shared.text import alert_text, split_text
from bot.handlers.shared.updates import message_of, query_of, user_of
from bot.i18n import format_clock_zone, format_day
from bot.services.attendance import invitations, records
from bot.services.attendance import link as checkin_link
from bot.services.attendees.agenda import is_over
from bot.services.core.event_view import EventView
from bot.services.core.events import current_event_view, event_view_by_id
from bot.services.core.roles import Role
from bot.storage.models import AttendanceRole, Invitation


class Tool(enum.StrEnum):
    """The buttons under ``/kehadiran``."""

    SEND = "send"
    REMIND = "remind"
    POSTER = "poster"
    PDF = "pdf"
    XLSX = "xlsx"
    SEND_NOW = "send-now"
    """The confirmation's "yes" (a mass send never goes out on one tap)."""
    REMIND_NOW = "remind-now"
    CANCEL = "cancel"


@dataclass(frozen=True)
class ToolTap:
    """A tool of the event ``event`` (its id): a button keeps acting on the event it was
    sent for, also once the next edition's event has become the current one."""

    tool: Tool
    event: int


TOOLS = Codec("at:c", ToolTap)

LIST_WORDS_XLSX = ("xlsx", "excel")
"""``/daftar_hadir xlsx``: the workbook instead of the PDF."""


async def _event(access: Access) -> EventView | None:
    """The current event, its venue loaded (in the handler's transaction), or None."""
    return await current_event_view(access.session, access.now)


def _tools_markup(access: Access, event: EventView):
    """The tools; sending and reminding only while the event is not over."""
    rows = [[Tool.POSTER], [Tool.PDF, Tool.XLSX]]
    if not is_over(event, access.now):
        rows.insert(0, [Tool.SEND, Tool.REMIND])
    return keyboard(
        [[button(access.t(f"attendance-button-{tool.value}"), TOOLS.pack(ToolTap(tool, event.id)))
          for tool in row] for row in rows]
    )  # fmt: skip


@requires(Role.ADMIN)
async def summary_command(update: Update, context: BotContext, access: Access) -> None:
    """``/kehadiran``: the counts per unit and the tools."""
    event = await _event(access)
    if event is None:
        await message_of(update).reply_text(access.t("attendance-checkin-no-event"))
        return
    lines = await invitations.counts_per_unit(access.session, event.id)
    names = ("invited", "hadir", "diwakilkan", "berhalangan", "unanswered", "present")
    totals = {name: sum(getattr(line, name) for line in lines) for name in names}
    parts = [access.t("attendance-summary-header", event=event.short_title, **totals)]
    for line in lines:
        unit = line.unit or access.t("attendance-summary-others")
        parts.append(access.t("attendance-summary-line", unit=unit, invited=line.invited,
                              hadir=line.hadir, diwakilkan=line.diwakilkan,
                              berhalangan=line.berhalangan, unanswered=line.unanswered,
                              present=line.present))  # fmt: skip
    texts = split_text(parts)
    message = message_of(update)
    for index, text in enumerate(texts):
        markup = _tools_markup(access, event) if index == len(texts) - 1 else None
        await message.reply_text(text, reply_markup=markup)


async def _send_list(
    update: Update, access: Access, event: EventView, as_xlsx: bool, key: str | None = None
) -> None:
    from bot.services.attendance import documents  # see the module's docstring

    try:
        listing = await records.listing(access.session, event, key)
    except records.UnknownSession:
        keys = ", ".join(checkin_link.sessions_of(event)) or "-"
        await message_of(update).reply_text(
            access.t("attendance-unknown-session", key=key, keys=keys)
        )
        return
    # in a worker thread: a list of 1,000 people takes seconds of CPU (docs/benchmarks.md),
    # and the other chats must not wait for it
    content, name = await asyncio.to_thread(
        documents.build_listing, event, listing, as_xlsx=as_xlsx
    )
    title = event.short_title if listing.item is None else listing.item.title
    caption = access.t("attendance-list-caption", event=title, present=len(listing.records))
    await message_of(update).reply_document(content, filename=name, caption=caption)


@requires(Role.ADMIN)
async def list_command(update: Update, context: BotContext, access: Access) -> None:
    """``/daftar_hadir [xlsx] [SESI]``: the event's daftar hadir (PDF, or Excel), or that of
    the agenda session ``SESI`` (a key of ``attendance.sessions``)."""
    event = await _event(access)
    if event is None:
        await message_of(update).reply_text(access.t("attendance-checkin-no-event"))
        return
    words = [word.lower() for word in context.args or []]
    as_xlsx = any(word in LIST_WORDS_XLSX for word in words)
    keys = [word for word in words if word not in LIST_WORDS_XLSX]
    await _send_list(update, access, event, as_xlsx, keys[0] if keys else None)


def _same_name(left: str, right: str) -> bool:
    def normal(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text).casefold().split())

    return normal(left) == normal(right)


@requires(Role.ADMIN)
async def manual_command(update: Update, context: BotContext, access: Access) -> None:
    """``/catat_hadir Nama; Jabatan; Unit kerja; NIP``: check a guest in by name."""
    message = message_of(update)
    event = await _event(access)
    if event is None:
        await message.reply_text(access.t("attendance-checkin-no-event"))
        return
    text = (message.text or "").split(maxsplit=1)
    parts = [part.strip() for part in text[1].split(";")] if len(text) > 1 else []
    if not parts or not parts[0]:
        await message.reply_text(access.t("attendance-manual-usage"))
        return
    parts += [""] * (4 - len(parts))
    name, jabatan, unit_name, nip = parts[0], parts[1], parts[2], ";".join(parts[3:]).strip(";")
    person = records.Person(name=name, nip=nip, jabatan=jabatan, unit_name=unit_name,
                            role=AttendanceRole.GUEST)  # fmt: skip
    for invitation in await invitations.open_invitations(access.session, event.id):
        if invitation.name and _same_name(invitation.name, name):
            person = await _from_invitation(access, invitation, person)
            break
    try:
        result = await records.check_in(access.session, event.id, person, now=access.now,
                                        user_id=None, by=user_of(update).id,
                                        method="committee")  # fmt: skip
    except records.Namesakes as error:
        reply = access.t("attendance-manual-namesakes", name=name, count=int(error.detail))
        await message.reply_text(reply)
        return
    except records.PersonError as error:
        typed = {"name": name, "nip": nip, "jabatan": jabatan, "unit": unit_name}[error.field]
        if error.field == "nip":
            # the committee's command has no "Tidak memiliki NIP" button: drop the 4th field
            reply = access.t(f"attendance-manual-{error.reason}", char=error.detail,
                             name=error.detail, part=error.detail,
                             count=sum(c.isdigit() for c in typed))  # fmt: skip
        else:
            reply = access.t(f"attendance-error-{error.field}-{error.reason}",
                             length=len(typed.strip()))  # fmt: skip
        await message.reply_text(reply)
        return
    present = await records.count_present(access.session, event.id)
    zone = ZoneInfo(event.timezone)
    if result.created:
        reply = access.t("attendance-manual-done", name=result.record.name, number=present,
                         present=present)  # fmt: skip
        if result.namesakes:
            reply += "\n" + access.t("attendance-manual-namesake-note", count=result.namesakes)
    else:
        moment = format_clock_zone(result.record.checked_in_at, zone, access.language)
        reply = access.t("attendance-manual-already", name=result.record.name, time=moment)
    await message.reply_text(reply)


async def _from_invitation(
    access: Access, invitation: Invitation, typed: records.Person
) -> records.Person:
    role = {"narasumber": AttendanceRole.NARASUMBER, "guest": AttendanceRole.GUEST}.get(
        invitation.role, AttendanceRole.PARTICIPANT
    )
    unit = invitation.unit.name if invitation.unit else (invitation.institution or "")
    return records.Person(
        name=typed.name,
        nip=typed.nip or invitation.nip,
        jabatan=typed.jabatan or invitation.jabatan or "",
        unit_name=typed.unit_name or unit,
        unit_id=invitation.unit_id,
        invitation_id=invitation.id,
        role=role,
    )


MASS_SENDS = {
    Tool.SEND: (invitations.send_invitations, False, "send"),
    Tool.REMIND: (invitations.remind_unanswered, False, "remind"),
    Tool.SEND_NOW: (invitations.send_invitations, True, "send"),
    Tool.REMIND_NOW: (invitations.remind_unanswered, True, "remind"),
}
"""A mass send's tool: the service, whether it is the confirmed tap, the texts' name."""


def _unreachable_lines(access: Access, unreachable: list[Invitation]) -> list[str]:
    """Who cannot be reached, per unit or institution with the count of its invitations."""
    counts: dict[str, int] = {}
    for invitation in unreachable:
        where = invitation.unit.name if invitation.unit else None
        where = where or invitation.name or invitation.institution or invitation.key
        counts[where] = counts.get(where, 0) + 1
    return [access.t("attendance-unreachable-line", where=where, count=count)
            for where, count in counts.items()]  # fmt: skip


async def _mass_send(message, access: Access, event: EventView, tool: Tool) -> None:
    """Invitations or reminders: first the plan and a confirmation, then, confirmed, the
    outbox; refused politely once the event is over."""
    service, confirmed, name = MASS_SENDS[tool]
    try:
        done = await service(access.session, event, access.now, dry_run=not confirmed)
    except invitations.EventOver:
        await message.reply_text(access.t("attendance-send-over"))
        return
    numbers = {"count": done.written, "recipients": done.recipients,
               "unreachable": len(done.unreachable)}  # fmt: skip
    if done.written == 0:
        key = f"attendance-{name}-nothing"
    else:
        key = f"attendance-{name}-{'queued' if confirmed else 'confirm'}"
    parts = [access.t(key, **numbers)]
    if done.unreachable:
        parts.append(access.t("attendance-unreachable-header", unreachable=len(done.unreachable)))
        parts.extend(_unreachable_lines(access, done.unreachable))
    texts = split_text(parts)
    markup = None
    if not confirmed and done.written:
        now_tool = Tool.SEND_NOW if name == "send" else Tool.REMIND_NOW
        markup = keyboard([
            [button(access.t(f"attendance-button-{name}-now"),
                    TOOLS.pack(ToolTap(now_tool, event.id)))],
            [button(access.t("attendance-button-cancel"),
                    TOOLS.pack(ToolTap(Tool.CANCEL, event.id)))],
        ])  # fmt: skip
    for index, text in enumerate(texts):
        last = index == len(texts) - 1
        await message.reply_text(text, reply_markup=markup if last else None)


@requires(Role.ADMIN)
async def on_tool(update: Update, context: BotContext, access: Access) -> None:
    """A button under ``/kehadiran``, acting on the event it was sent for (a mass send of
    an event that is over is refused politely by the service)."""
    query = query_of(update)
    tap = TOOLS.parse(query.data)
    event = await event_view_by_id(access.session, tap.event) if tap is not None else None
    if tap is None or event is None:  # from an older version of the bot, or the event is gone
        await query.answer(alert_text(access.t("edition-button-outdated")), show_alert=True)
        return
    await query.answer()
    message = message_of(update)
    if tap.tool in MASS_SENDS:
        await _mass_send(message, access, event, tap.tool)
    elif tap.tool is Tool.CANCEL:
        await message.reply_text(access.t("attendance-send-cancelled"))
    elif tap.tool is Tool.POSTER:
        from bot.services.attendance import documents  # see the module's docstring

        day = checkin_link.link_day(event, access.now)
        payload = checkin_link.payload_for(checkin_secret(access.runtime), event, day)
        link = checkin_link.link_for(context.bot.username, payload)
        poster = await asyncio.to_thread(
            documents.build_poster, event, link, day, language=access.language
        )
        await message.reply_document(
            poster,
            filename=f"poster-daftar-hadir-{event.slug}-{day.isoformat()}.pdf",
            caption=access.t(
                "attendance-poster-caption", day=format_day(day, access.language), link=link
            ),  # fmt: skip
        )
    else:
        await _send_list(update, access, event, tap.tool is Tool.XLSX)


def register(application: Application) -> None:
    """Adds /kehadiran, /catat_hadir, /daftar_hadir and the /kehadiran buttons."""
    application.add_handler(CommandHandler(command_names("kehadiran"), summary_command))
    application.add_handler(CommandHandler(command_names("catat_hadir"), manual_command))
    application.add_handler(CommandHandler(command_names("daftar_hadir"), list_command))
    application.add_handler(CallbackQueryHandler(on_tool, pattern=TOOLS.pattern))
    application.add_handler(CallbackQueryHandler(on_tool, pattern=r"^at:c:[a-z-]+\Z"))
