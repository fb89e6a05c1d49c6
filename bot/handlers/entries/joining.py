"""Officers joining their unit with an invite code (``/daftar KODE`` or the deep link
``t.me/<bot>?start=inv-KODE``), and the committee's ``/undangan UNIT`` (create a code) and
``/buka_kembali UNIT [HARI]`` (reopen entries for one unit after the deadline)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from telegram import CallbackQuery, Update
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.core import private_only, start
from bot.handlers.core.command_menu import refresh_personal_menu
from bot.handlers.shared.access import guarded
from bot.handlers.shared.callback_data import Codec, NoValue
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.keyboards import button, keyboard
from bot.handlers.shared.menus import main_menu
from bot.handlers.shared.replies import edit_html
from bot.handlers.shared.updates import message_of, query_of, user_of
from bot.i18n import plain_text, t
from bot.services.core.events import current_edition, unit_by_code
from bot.services.core.roles import Role
from bot.services.entries.invites import (
    DEFAULT_MAX_USES,
    DEFAULT_VALIDITY,
    InviteError,
    JudgeJoining,
    OtherUnit,
    create_invite,
    format_code,
    normalize_code,
    redeem_invite,
)
from bot.storage.models import Unit

INVITE_PAYLOAD_PREFIX = "inv-"
"""Deep-link payload prefix: ``/start inv-ABCDEFGH`` (Telegram allows A-Z, a-z, 0-9, _ and -
up to 64 characters)."""


@dataclass(frozen=True)
class SwitchTap:
    """Leave the current unit and join the code's unit: the code itself, checked again at
    the tap (an invite's id would let a forged button join any unit)."""

    code: str


@dataclass(frozen=True)
class JudgeTap:
    """A judge joins the code's unit anyway (the code checked again at the tap); ``switch``
    (1) when they also chose to leave their other unit."""

    code: str
    switch: int


SWITCH = Codec("inv:sw", SwitchTap)
JUDGE_JOIN = Codec("inv:jd", JudgeTap)
JUDGE_CANCEL = Codec("inv:jdno", NoValue)
"""A judge does not join: nothing changes."""
KEEP = Codec("inv:keep", NoValue)
"""Stay in the current unit: nothing changes."""
NAME_IN_BUTTON = 40
"""Characters of a unit's name on a button."""


def _short(name: str) -> str:
    return name if len(name) <= NAME_IN_BUTTON else name[: NAME_IN_BUTTON - 1] + "…"


async def _reply(update: Update, text: str) -> None:
    await message_of(update).reply_text(text)


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
    await redeem(update, context, context.arguments[0].removeprefix(INVITE_PAYLOAD_PREFIX))


async def redeem(
    update: Update, context: BotContext, code: str, switch: bool = False, as_judge: bool = False
) -> None:
    """Redeems ``code`` for the user and answers with the unit or the problem. An officer of
    another unit is asked first whether to switch (one account serves one unit): the buttons
    :data:`SWITCH` (``switch``: leave it and join) and :data:`KEEP`. A judge is warned of the
    conflict of interest and asked to confirm (:data:`JUDGE_JOIN`, ``as_judge``)."""
    language = await context.language()
    runtime = context.runtime
    failure: InviteError | None = None
    other: OtherUnit | None = None
    judging: JudgeJoining | None = None
    async with runtime.transaction() as session:
        try:
            officer = await redeem_invite(
                session, user_of(update).id, code, runtime.now(), switch=switch, as_judge=as_judge
            )
            unit = officer.unit.name
        except InviteError as error:  # committed: the failed attempt counts towards the limit
            failure = error
        except OtherUnit as error:  # nothing written
            other = error
        except JudgeJoining as error:  # nothing written
            judging = error
    if failure is not None:
        retry = failure.retry_after
        minutes = math.ceil(retry.total_seconds() / 60) if retry else 0
        await _reply(update, t(language, f"invite-error-{failure.problem.value}", minutes=minutes))
        return
    if other is not None:
        await _ask_switch(update, language, other, normalize_code(code))
        return
    if judging is not None:
        await _ask_judge(update, language, judging, normalize_code(code), switch)
        return
    await message_of(update).reply_text(
        t(language, "invite-switched" if switch else "invite-joined", unit=unit),
        reply_markup=main_menu(language, officer=True),
    )
    # the officer's commands (/lanjutkan, /inovasi_saya, /batal) in their ☰ menu
    await refresh_personal_menu(context.bot, runtime, user_of(update).id)


async def _ask_switch(update: Update, language: str, other: OtherUnit, code: str) -> None:
    current = ", ".join(unit.name for unit in other.current)
    names = {"current": current, "unit": other.unit.name}
    short = {"current": _short(current), "unit": _short(other.unit.name)}
    markup = keyboard(
        [
            [
                button(
                    plain_text(language, "invite-button-switch", **short),
                    SWITCH.pack(SwitchTap(code)),
                )
            ],
            [button(plain_text(language, "invite-button-keep", **short), KEEP.pack(NoValue()))],
        ]
    )
    await message_of(update).reply_text(
        t(language, "invite-switch-ask", **names), reply_markup=markup
    )


async def _ask_judge(
    update: Update, language: str, joining: JudgeJoining, code: str, switch: bool
) -> None:
    """The judge's warning: joining ties them to the unit, whose entries they could then no
    longer judge; join anyway or not."""
    join = plain_text(language, "invite-button-judge-join", unit=_short(joining.unit.name))
    cancel = plain_text(language, "invite-button-judge-cancel")
    markup = keyboard(
        [
            [button(join, JUDGE_JOIN.pack(JudgeTap(code, int(switch))))],
            [button(cancel, JUDGE_CANCEL.pack(NoValue()))],
        ]
    )
    await message_of(update).reply_text(
        t(language, "invite-judge-ask", unit=joining.unit.name, assigned=joining.assigned),
        reply_markup=markup,
    )


async def on_judge_join(update: Update, context: BotContext) -> None:
    """A judge confirms joining: the code is redeemed again (every check made again)."""
    query = query_of(update)
    tap = JUDGE_JOIN.parse(query.data)
    await query.answer()
    await _drop_buttons(query)
    if tap is not None:
        await redeem(update, context, tap.code, switch=bool(tap.switch), as_judge=True)


async def on_judge_cancel(update: Update, context: BotContext) -> None:
    """A judge does not join: nothing changes; said so in place of the question."""
    query = query_of(update)
    await query.answer()
    await edit_html(query, t(await context.language(), "invite-judge-cancelled"), None)


async def on_switch(update: Update, context: BotContext) -> None:
    """ "Ya, pindah": the code is redeemed again, now leaving the other unit (every check of
    the code is made again: it may have expired or been used up meanwhile)."""
    query = query_of(update)
    tap = SWITCH.parse(query.data)
    await query.answer()
    await _drop_buttons(query)
    if tap is not None:
        await redeem(update, context, tap.code, switch=True)


async def on_keep(update: Update, context: BotContext) -> None:
    """ "Tidak, tetap": nothing changes; said so in place of the question."""
    query = query_of(update)
    await query.answer()
    await edit_html(query, t(await context.language(), "invite-switch-kept"), None)


async def _drop_buttons(query: CallbackQuery) -> None:
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest:  # already without buttons (a double tap)
        pass


def register(application: Application) -> None:
    """Adds /daftar, /undangan, the invite deep link of /start and the buttons of the switch
    question and of a judge's warning."""
    start.DEEP_LINK_PREFIXES[INVITE_PAYLOAD_PREFIX] = join_from_link
    private_only.SECRET_PAYLOAD_PREFIXES.add(INVITE_PAYLOAD_PREFIX)
    application.add_handler(CommandHandler(command_names("daftar"), join))
    application.add_handler(CallbackQueryHandler(on_switch, pattern=SWITCH.pattern))
    application.add_handler(CallbackQueryHandler(on_keep, pattern=KEEP.pattern))
    application.add_handler(CallbackQueryHandler(on_judge_join, pattern=JUDGE_JOIN.pattern))
    application.add_handler(CallbackQueryHandler(on_judge_cancel, pattern=JUDGE_CANCEL.pattern))
    application.add_handler(CommandHandler(command_names("undangan"), create_code))


@guarded(Role.ADMIN)
async def create_code(update: Update, context: BotContext) -> None:
    """``/undangan UNIT``: an admin creates an invite code for a unit; the code and its deep
    link are shown once."""
    language = await context.language()
    runtime = context.runtime
    user_id = user_of(update).id
    async with runtime.transaction() as session:
        if len(context.arguments) != 1:
            await _reply(update, t(language, "invite-usage"))
            return
        unit = await _unit(session, context.arguments[0])
        if unit is None:
            await _reply(update, t(language, "unit-unknown", code=context.arguments[0]))
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
