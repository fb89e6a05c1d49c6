"""Officers joining their unit with an invite code (``/daftar KODE`` or the deep link
``t.me/<bot>?start=inv-KODE``), and the committee's ``/undangan UNIT`` (create a code) and
``/buka_kembali UNIT [HARI]`` (reopen entries for one unit after the deadline)."""

from __future__ import annotations

import math

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler

from bot.handlers.core import start
from bot.handlers.core.command_menu import refresh_personal_menu
from bot.handlers.shared.access import guarded
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.menus import main_menu
from bot.i18n import t
from bot.services.core.events import current_edition, unit_by_code
from bot.services.core.roles import Role
from bot.services.entries.invites import (
    DEFAULT_MAX_USES,
    DEFAULT_VALIDITY,
    InviteError,
    create_invite,
    format_code,
    redeem_invite,
)
from bot.storage.models import Unit

INVITE_PAYLOAD_PREFIX = "inv-"
"""Deep-link payload prefix: ``/start inv-ABCDEFGH`` (Telegram allows A-Z, a-z, 0-9, _ and -
up to 64 characters)."""


async def _reply(update: Update, text: str) -> None:
    await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML)


async def _unit(session, code: str) -> Unit | None:
    edition = await current_edition(session)
    return None if edition is None else await unit_by_code(session, edition, code)


async def join(update: Update, context: BotContext) -> None:
    """``/daftar KODE``: makes the user an officer of the code's unit, or says why not."""
    language = await context.language()
    if not context.args:
        await _reply(update, t(language, "invite-ask-code"))
        return
    await redeem(update, context, "".join(context.args))


async def join_from_link(update: Update, context: BotContext) -> None:
    """``/start inv-KODE`` (the invite deep link): as ``/daftar KODE``."""
    await redeem(update, context, context.args[0].removeprefix(INVITE_PAYLOAD_PREFIX))


async def redeem(update: Update, context: BotContext, code: str) -> None:
    """Redeems ``code`` for the user and answers with the unit or the problem."""
    language = await context.language()
    runtime = context.runtime
    failure: InviteError | None = None
    async with runtime.transaction() as session:
        try:
            officer = await redeem_invite(session, update.effective_user.id, code, runtime.now())
            unit = officer.unit.name
        except InviteError as error:  # committed: the failed attempt counts towards the limit
            failure = error
    if failure is not None:
        retry = failure.retry_after
        minutes = math.ceil(retry.total_seconds() / 60) if retry else 0
        await _reply(update, t(language, f"invite-error-{failure.problem.value}", minutes=minutes))
        return
    await update.effective_message.reply_text(
        t(language, "invite-joined", unit=unit),
        parse_mode=ParseMode.HTML,
        reply_markup=main_menu(language, officer=True),
    )
    # the officer's commands (/lanjutkan, /inovasi_saya, /batal) in their ☰ menu
    await refresh_personal_menu(context.bot, runtime, update.effective_user.id)


def register(application: Application) -> None:
    """Adds /daftar, /undangan and the invite deep link of /start."""
    start.DEEP_LINK_PREFIXES[INVITE_PAYLOAD_PREFIX] = join_from_link
    application.add_handler(CommandHandler(command_names("daftar"), join))
    application.add_handler(CommandHandler(command_names("undangan"), create_code))


@guarded(Role.ADMIN)
async def create_code(update: Update, context: BotContext) -> None:
    """``/undangan UNIT``: an admin creates an invite code for a unit; the code and its deep
    link are shown once."""
    language = await context.language()
    runtime = context.runtime
    user_id = update.effective_user.id
    async with runtime.transaction() as session:
        if len(context.args or []) != 1:
            await _reply(update, t(language, "invite-usage"))
            return
        unit = await _unit(session, context.args[0])
        if unit is None:
            await _reply(update, t(language, "unit-unknown", code=context.args[0]))
            return
        code = await create_invite(session, unit, runtime.now(), created_by=user_id)
    link = f"https://t.me/{context.bot.username}?start={INVITE_PAYLOAD_PREFIX}{code}"
    await _reply(
        update,
        t(
            language,
            "invite-created",
            unit=unit.name,
            code=format_code(code),
            link=link,
            days=DEFAULT_VALIDITY.days,
            uses=DEFAULT_MAX_USES,
        ),
    )
