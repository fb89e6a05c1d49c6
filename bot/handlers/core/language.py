"""/bahasa: choose Indonesian or English; every later text comes in that language."""

from __future__ import annotations

import contextlib

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.core.command_menu import refresh_personal_menu
from bot.handlers.core.start import DEEP_LINKS
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext, chat_info, remember_language
from bot.handlers.shared.menus import main_menu_for
from bot.handlers.shared.updates import chat_of, message_of, query_of, user_of
from bot.i18n import LANGUAGES, plain_text, t
from bot.services.core.chats import set_chat_language, touch_chat

CALLBACK_PATTERN = r"^language:(id|en)$"


async def choose_language(update: Update, context: BotContext) -> None:
    """Offers the languages as buttons (``/bahasa en`` switches at once)."""
    if context.args and context.args[0].lower() in LANGUAGES:
        await _switch(update, context, context.args[0].lower())
        return
    language = await context.language()
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    plain_text(language, f"language-name-{code}"),
                    callback_data=f"language:{code}",
                )
                for code in LANGUAGES
            ]
        ]
    )
    await message_of(update).reply_text(t(language, "language-choose"), reply_markup=keyboard)


async def language_chosen(update: Update, context: BotContext) -> None:
    """Stores the tapped language and confirms in it, with the menu in that language."""
    query = query_of(update)
    await query.answer()
    if isinstance(query.message, Message) and query.message.reply_markup is not None:
        # a double tap finds the buttons already gone ("message is not modified")
        with contextlib.suppress(BadRequest):
            await query.edit_message_reply_markup(None)
    await _switch(update, context, context.matched(1))


async def _switch(update: Update, context: BotContext, language: str) -> None:
    runtime = context.runtime
    chat = chat_of(update)
    async with runtime.transaction() as session:
        await touch_chat(session, chat_info(chat), runtime.now())
        await set_chat_language(session, chat.id, language)
    remember_language(context, language)
    await context.bot.send_message(
        chat.id,
        t(language, "language-changed", name=plain_text(language, f"language-name-{language}")),
        reply_markup=await main_menu_for(update, context, language),
    )
    if chat.type == ChatType.PRIVATE:  # the ☰ list follows (its own, or the default's again)
        await refresh_personal_menu(
            context.bot,
            runtime,
            chat.id,
            app_language=user_of(update).language_code or "",
        )


def register(application: Application) -> None:
    """Adds /bahasa (/language), its buttons and the ``/start bahasa`` deep link."""
    application.add_handler(CommandHandler(command_names("bahasa"), choose_language))
    application.add_handler(CallbackQueryHandler(language_chosen, pattern=CALLBACK_PATTERN))
    DEEP_LINKS["bahasa"] = choose_language
