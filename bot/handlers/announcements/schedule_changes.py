"""/muat_ulang: the committee reloads the event file, and attendees hear what changed.

How schedule-change news works: the committee edits EVENT_CONFIG and sends ``/muat_ulang``
to the bot (admins only, checked at the moment of use). The bot imports the file in one
transaction, which also writes each agenda change to the audit log (``agenda.change``) and to
the outbox one message per recipient with what changed (before and after of title, time, room
and speakers; cancelled sessions stated as cancelled): subscribers of schedule news get every
change, and whoever starred a session gets that session's change. It answers the admin with
what it found; the outbox's sender delivers the notices (paced, resumed after a crash).

``iga-bot event import`` (the command line) is for setting the event up: it writes the same
rows but sends nothing, since it runs outside the bot. A change imported that way is not
reported again by a later ``/muat_ulang`` (the database already has it), so once attendees
use the bot, reload through the bot.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.handlers.shared.access import guarded
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.text import TEXT_BUDGET, split_text
from bot.handlers.shared.updates import message_of, user_of
from bot.i18n import LANGUAGES, Markup, format_day, format_time_range, t
from bot.services.announcements.schedule_changes import (
    changed_fields,
    is_news,
    plan_schedule_notices,
    record_schedule_changes,
)
from bot.services.attendees.agenda import event_zone
from bot.services.core.event_file import (
    NIP_PATTERN,
    EventFileError,
    EventFileSyntaxError,
    Problem,
    load_event_file,
)
from bot.services.core.event_import import AgendaChange, AgendaSnapshot
from bot.services.core.event_view import EventView
from bot.services.core.events import event_view_by_id
from bot.services.core.roles import Role
from bot.services.editions.succession import EditionRefused, Refusal, import_edition
from bot.services.shared.outbox import Texts, enqueue

logger = logging.getLogger(__name__)


def _when(snapshot: AgendaSnapshot, event: EventView, language: str) -> Markup:
    zone = event_zone(event)
    text = t(
        language,
        "schedule-when",
        day=format_day(snapshot.starts_at.astimezone(zone), language),
        time=format_time_range(snapshot.starts_at, snapshot.ends_at, zone, language),
    )
    return Markup(text)


def _speakers(snapshot: AgendaSnapshot, language: str) -> str:
    return ", ".join(snapshot.speakers) or t(language, "schedule-none")


def change_block(change: AgendaChange, event: EventView, language: str) -> str:
    """One change as HTML: cancelled, added (or restored), or each changed field before and
    after."""
    before, after = change.before, change.after
    if after.cancelled:
        shown = before or after
        return t(
            language, "schedule-cancelled", title=shown.title, when=_when(shown, event, language)
        )
    if before is None or before.cancelled:
        lines = [
            t(
                language,
                "schedule-added" if before is None else "schedule-restored",
                title=after.title,
                when=_when(after, event, language),
            )
        ]
        if after.room:
            lines.append(t(language, "agenda-item-room", room=after.room))
        if after.speakers:
            lines.append(t(language, "agenda-item-speakers", speakers=_speakers(after, language)))
        return "\n".join(lines)
    lines = [t(language, "schedule-changed", title=after.title)]
    none = t(language, "schedule-none")
    values = {
        "title": (before.title, after.title),
        "time": (_when(before, event, language), _when(after, event, language)),
        "room": (before.room or none, after.room or none),
        "speakers": (_speakers(before, language), _speakers(after, language)),
    }
    for name in changed_fields(change):
        old, new = values[name]
        lines.append(t(language, f"schedule-field-{name}", before=old, after=new))
    return "\n".join(lines)


def notice_texts(changes: Sequence[AgendaChange], event: EventView) -> list[Texts]:
    """The messages telling ``changes``, each in every language and within Telegram's 4096
    characters: the changes are grouped so that each group fits one message in every language
    (a single change longer than that is cut between its lines)."""
    titles = {language: t(language, "schedule-title", event=event.short_title)
              for language in LANGUAGES}  # fmt: skip
    groups: list[dict[str, list[str]]] = []
    for change in changes:
        blocks = {language: change_block(change, event, language) for language in LANGUAGES}
        last = groups[-1] if groups else None
        if last is not None and all(
            len("\n\n".join([titles[language], *last[language], blocks[language]])) <= TEXT_BUDGET
            for language in LANGUAGES
        ):
            for language in LANGUAGES:
                last[language].append(blocks[language])
        else:
            groups.append({language: [blocks[language]] for language in LANGUAGES})
    messages: list[Texts] = []
    for group in groups:
        parts = {language: split_text([titles[language], *group[language]], separator="\n\n")
                 for language in LANGUAGES}  # fmt: skip
        for index in range(max(len(texts) for texts in parts.values())):
            messages.append(
                {language: texts[index] for language, texts in parts.items() if index < len(texts)}
            )
    return messages


async def write_schedule_notices(
    session: AsyncSession, event: EventView, changes: Sequence[AgendaChange], now: datetime
) -> None:
    """Write the notices of ``changes`` (an import's news) to the outbox, in the import's
    transaction: recipients told the same changes share the messages
    (:func:`~bot.services.schedule_changes.plan_schedule_notices` says who hears what)."""
    audiences: dict[str, tuple[tuple[AgendaChange, ...], list[int]]] = {}
    for notice in await plan_schedule_notices(session, changes):
        ids = ",".join(str(change.agenda_item_id) for change in notice.changes)
        audiences.setdefault(ids, (notice.changes, []))[1].append(notice.chat_id)
    for ids, (told, chat_ids) in audiences.items():
        digest = hashlib.sha1(ids.encode(), usedforsecurity=False).hexdigest()[:16]
        for part, texts in enumerate(notice_texts(told, event)):
            await enqueue(
                session,
                kind="schedule",
                key=f"schedule:{now.isoformat()}:{digest}:{part}",
                recipients=chat_ids,
                texts=texts,
                now=now,
            )


def refusal_text(refusal: Refusal, path: str, language: str) -> str:
    """Why EVENT_CONFIG (``path``) cannot be reloaded, in ``language``, with the fix: most
    often it still names last year's file after the next edition was imported (issue 19)."""
    fields = ", ".join(refusal.fields)
    return t(
        language,
        f"reload-{refusal.kind}",
        path=path,
        code=refusal.code,
        year=str(refusal.year),
        current=str(refusal.current),
        fields=fields,
    )


PROBLEM_KEYS: dict[str, str] = {
    "missing": "missing",
    "extra_forbidden": "unknown-field",
    "string_type": "text",
    "int_type": "whole-number",
    "int_parsing": "whole-number",
    "int_from_float": "whole-number",
    "float_type": "number",
    "float_parsing": "number",
    "decimal_type": "number",
    "decimal_parsing": "number",
    "bool_type": "yes-no",
    "bool_parsing": "yes-no",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "date_written": "date",
    "datetime_type": "moment",
    "datetime_parsing": "moment",
    "datetime_from_date_parsing": "moment",
    "timezone_aware": "zone-missing",
    "unknown_zone": "unknown-zone",
    "time_of_day": "time-of-day",
    "literal_error": "one-of",
    "enum": "one-of",
    "string_pattern_mismatch": "pattern",
    "string_too_short": "text-too-short",
    "string_too_long": "text-too-long",
    "too_short": "list-too-short",
    "too_long": "list-too-long",
    "greater_than_equal": "at-least",
    "less_than_equal": "at-most",
    "greater_than": "more-than",
    "less_than": "less-than",
    "dict_type": "section",
    "model_type": "section",
    "model_attributes_type": "section",
    "list_type": "list",
}
"""pydantic's error types (and the event file's own) → ``reload-problem-<key>``; any other
kind is said by ``reload-problem-other`` with the English detail, still naming the field."""

PATTERN_KEYS = {
    r"^[a-z0-9][a-z0-9_-]{0,63}$": "pattern-key",
    r"^[A-Z0-9][A-Z0-9_-]{0,31}$": "pattern-unit-code",
    r"^[A-Z0-9-]{1,16}$": "pattern-prefix",
    NIP_PATTERN: "pattern-nip",
}
"""The patterns of the event file, each said in words instead of as a regular expression."""


def problem_text(problem: Problem, language: str) -> str:
    """One problem of the event file in ``language``: the field's path and what is wrong
    with it (pydantic's English never reaches the admin but as the fallback's detail)."""
    context = dict(problem.context)
    name = PROBLEM_KEYS.get(problem.kind)
    if name == "pattern":
        name = PATTERN_KEYS.get(str(context.get("pattern")), name)
    if name == "one-of" and language != "en":
        context["expected"] = str(context.get("expected", "")).replace("' or '", "' atau '")
    if name is None:
        detail = problem.text.removeprefix(f"{problem.path}: ") if problem.path else problem.text
        context, name = {"detail": detail}, "other"
    context.setdefault("value", "")
    said = Markup(t(language, f"reload-problem-{name}", **context))
    if not problem.path:
        return t(language, "reload-problem-unlocated", problem=said)
    return t(language, "reload-problem", path=problem.path, problem=said)


def invalid_text(error: EventFileError, language: str) -> str:
    """The event file's problems, each said in ``language`` with its field, as many as fit
    in a message (the rest counted)."""
    lines: list[str] = []
    budget = TEXT_BUDGET - 600
    for index, problem in enumerate(error.details):
        line = problem_text(problem, language)
        if sum(len(kept) + 1 for kept in lines) + len(line) > budget:
            lines.append(t(language, "reload-problem-more", count=len(error.details) - index))
            break
        lines.append(line)
    return t(language, "reload-invalid", problems=Markup("\n".join(lines)))


def syntax_text(error: EventFileSyntaxError, language: str) -> str:
    """The event file is not YAML: where (line and column) and that line, in ``language``;
    the parser's own explanation is English, so it stays in the log."""
    if error.line is None:
        return t(language, "reload-not-yaml-somewhere")
    return t(
        language,
        "reload-not-yaml",
        line=error.line,
        column=error.column or 1,
        excerpt=error.excerpt[: TEXT_BUDGET // 2] or " ",
    )


@guarded(Role.ADMIN)
async def reload_event(update: Update, context: BotContext) -> None:
    """Reloads the event file (admins only), reports the changes and tells the attendees."""
    language = await context.language()
    runtime = context.runtime
    user_id = user_of(update).id
    message = message_of(update)
    now = runtime.now()
    try:
        spec = load_event_file(runtime.settings.event_config)
        async with runtime.transaction() as session:
            _, report = await import_edition(session, spec, now, actor_id=user_id)
            await record_schedule_changes(session, report.agenda_changes, user_id, now)
            news = [change for change in report.agenda_changes if is_news(change)]
            event = await event_view_by_id(session, report.event_id)
            if news and event is not None:
                await write_schedule_notices(session, event, news, now)
    except EditionRefused as exc:  # the file of another edition: say which, and the fix
        text = refusal_text(exc.refusal, str(runtime.settings.event_config), language)
        await message.reply_text(text)
        return
    except EventFileSyntaxError as exc:  # not YAML: where, in the admin's words
        logger.info("/muat_ulang: %s", exc)
        await message.reply_text(syntax_text(exc, language))
        return
    except EventFileError as exc:  # invalid, or not importable here (nothing was written)
        logger.info("/muat_ulang: %s", exc)
        await message.reply_text(invalid_text(exc, language))
        return
    runtime.forget_event()
    await message.reply_text(
        t(
            language,
            "reload-done",
            created=report.created,
            updated=report.updated,
            changes=len(news),
        ),
    )


def register(application: Application) -> None:
    """Adds /muat_ulang (also /reload), for admins."""
    application.add_handler(CommandHandler(command_names("muat_ulang"), reload_event))
