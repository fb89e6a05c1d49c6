"""``/buka_kembali``: an admin reopens one unit's entries for some days after closing."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.handlers.shared.access import guarded
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.updates import message_of, user_of
from bot.i18n import format_moment, t
from bot.services.core.events import current_edition, unit_by_code
from bot.services.core.roles import Role
from bot.services.entries.submissions import reopen_deadline, reopen_unit
from bot.storage.models import Unit

DEFAULT_REOPEN_DAYS = 3


async def _reply(update: Update, text: str) -> None:
    await message_of(update).reply_text(text)


async def _unit(session, code: str) -> Unit | None:
    edition = await current_edition(session)
    return None if edition is None else await unit_by_code(session, edition, code)


@guarded(Role.ADMIN)
async def reopen(update: Update, context: BotContext) -> None:
    """``/buka_kembali UNIT [HARI]``: an admin lets one unit enter and change drafts for some
    more days after closing; the unit's officers are told (through the outbox, with the
    change)."""
    language = await context.language()
    runtime = context.runtime
    user_id = user_of(update).id
    args = context.args or []
    async with runtime.transaction() as session:
        if len(args) not in (1, 2) or (len(args) == 2 and not args[1].isdigit()):
            await _reply(update, t(language, "reopen-usage"))
            return
        days = int(args[1]) if len(args) == 2 else DEFAULT_REOPEN_DAYS
        if not 1 <= days <= 60:
            await _reply(update, t(language, "reopen-usage"))
            return
        unit = await _unit(session, args[0])
        if unit is None:
            await _reply(update, t(language, "unit-unknown", code=args[0]))
            return
        now = runtime.now()
        zone = runtime.settings.zone
        until = reopen_deadline(now, days, zone)
        officers = await reopen_unit(session, unit, until, user_id, now, zone)
    await _reply(
        update,
        t(
            language,
            "reopen-done",
            unit=unit.name,
            moment=format_moment(until, zone, language),
            officers=len(officers),
        ),
    )


def register(application: Application) -> None:
    """Adds /buka_kembali."""
    application.add_handler(CommandHandler(command_names("buka_kembali"), reopen))
