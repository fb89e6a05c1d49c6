"""/start and /help."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import Application, CommandHandler, MessageHandler

from bot.handlers.core.command_menu import listed_language, refresh_personal_menu
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.menus import button_filter, main_menu_for
from bot.handlers.shared.updates import chat_of, message_of, user_of
from bot.i18n import format_day, t
from bot.services.core.chats import chat_language
from bot.services.core.events import current_edition_id
from bot.services.core.roles import Role, may_hold_a_role, roles_of
from bot.slots import Slot

DEEP_LINKS: dict[str, Callable[[Update, BotContext], Awaitable[None]]] = {}
"""Answers of ``/start <payload>`` deep links (``agenda``, ``venue``…), added by the features."""

DEEP_LINK_PREFIXES: dict[str, Callable[[Update, BotContext], Awaitable[None]]] = {}
"""Answers of deep links whose payload starts with a prefix (``inv-<code>``: an invite)."""

AFTER_WELCOME: dict[str, Callable[[Update, BotContext, str], Awaitable[None]]] = {}
"""What features add under the welcome of a private chat, by name (``subscribe``: the
subscription offer), called with the update, the context and the chat's language."""


MENU_CHECKED: Slot[dict[int, float]] = Slot("menu_checked_at")
"""When /start last checked each user's command menu (``time.monotonic()``)."""
MENU_CHECK_SECONDS = 600.0
"""How often /start checks at most whether its user's committee command menu needs setting
(an admin added with the CLI gets it on their first /start, or on a /start after this)."""


async def start(update: Update, context: BotContext) -> None:
    """Greets the user and names the current event: title, day and date, venue.

    A deep link (``/start agenda``) opens the matching answer instead.
    """
    if context.args and context.args[0] in DEEP_LINKS:
        await DEEP_LINKS[context.args[0]](update, context)
        return
    for prefix, answer in DEEP_LINK_PREFIXES.items():
        if context.args and context.args[0].startswith(prefix):
            await answer(update, context)
            return
    language = await context.language()
    name = update.effective_user.first_name if update.effective_user else ""
    event = await context.runtime.event()
    group = chat_of(update).type != ChatType.PRIVATE
    if event is None:
        text = t(language, "start-welcome-no-event", name=name)
    else:
        venue = f"{event.venue.name}, {event.venue.city}" if event.venue else ""
        text = t(
            language,
            "start-welcome-group" if group else "start-welcome",
            name=name,
            event=event.short_title,
            day=format_day(event.starts_on, language),
            venue=venue,
        )
    menu = await main_menu_for(update, context, language)
    await message_of(update).reply_text(text, reply_markup=menu)
    if group:
        return
    for offer in AFTER_WELCOME.values():
        await offer(update, context, language)
    user_id = user_of(update).id
    menu_checked = MENU_CHECKED.setdefault(context.application, dict)
    checked = menu_checked.get(user_id)
    if checked is not None and time.monotonic() - checked < MENU_CHECK_SECONDS:
        return  # a user who taps /start again and again costs no query
    menu_checked[user_id] = time.monotonic()
    runtime = context.runtime
    async with runtime.sessions() as session:
        has_role = await may_hold_a_role(session, user_id, admin_ids=runtime.settings.admin_ids)
        chosen = await chat_language(session, user_id)
    app_language = user_of(update).language_code or ""
    listed = listed_language(app_language, runtime.settings.default_language)
    # e.g. an admin added with the CLI, whose menu waited for them to write; an attendee
    # whose chosen language is not their app's list's gets the list again (new commands)
    if has_role or (chosen is not None and chosen != listed):
        await refresh_personal_menu(
            context.bot, runtime, user_id, clear=False, app_language=app_language
        )


HELP_SECTIONS = (
    (Role.PUBLIC, "help-text"),
    (Role.OFFICER, "help-officer"),
    (Role.JUDGE, "help-judge"),
    (Role.ADMIN, "help-admin"),
)
"""The help's sections, each shown to the users holding its role."""


async def help_command(update: Update, context: BotContext) -> None:
    """Lists what the bot can do for this user: the attendee's commands, then, in the private
    chat, those of the roles they hold now (officer, judge, admin)."""
    language = await context.language()
    held = frozenset({Role.PUBLIC})
    user, chat = update.effective_user, update.effective_chat
    if user is not None and chat is not None and chat.type == ChatType.PRIVATE:
        runtime = context.runtime
        async with runtime.sessions() as session:
            roles = await roles_of(
                session,
                user.id,
                admin_ids=runtime.settings.admin_ids,
                edition_id=await current_edition_id(session),
            )
        held = roles.roles
    sections = [t(language, key) for role, key in HELP_SECTIONS if role in held]
    text = "\n\n".join([*sections, t(language, "help-footer")])
    await message_of(update).reply_text(text)


def register(application: Application) -> None:
    """Adds /start and /help."""
    application.add_handler(CommandHandler(command_names("start"), start))
    application.add_handler(CommandHandler(command_names("help"), help_command))
    application.add_handler(MessageHandler(button_filter("menu-help"), help_command))
