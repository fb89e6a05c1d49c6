"""Behaviour in group chats: brief public answers, personal things in the private chat.

With Telegram's group privacy mode on (the default) the bot only receives commands in groups,
so every feature that should work there has a command. Anything personal (subscriptions,
reminders, language) is not done in a group: the bot answers with a button that opens the
private chat on the matching deep link (``https://t.me/<bot>?start=<payload>``).
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType

from bot.handlers.shared.context import BotContext
from bot.handlers.shared.text import alert_text
from bot.handlers.shared.updates import message_of
from bot.i18n import plain_text, t


def in_group(update: Update) -> bool:
    """Whether the update comes from a group or supergroup."""
    chat = update.effective_chat
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


def private_link(context: BotContext, payload: str | None) -> str:
    """The deep link opening the private chat with ``/start <payload>`` (None: just open it)."""
    link = f"https://t.me/{context.bot.username}"
    return link if payload is None else f"{link}?start={payload}"


async def redirect_to_private(
    update: Update, context: BotContext, payload: str | None, *, key: str = "group-private-only"
) -> None:
    """Says in the group that this is done in the private chat (catalogue text ``key``),
    with a button opening it; a tapped button is answered with an alert to the tapper only,
    so nothing at all is posted to the group; in the language of the member it answers
    (QA2 #4: an English member got the pointer in Indonesian)."""
    user = update.effective_user
    language = await (context.user_language(user.id) if user else context.language())
    if update.callback_query is not None:
        await update.callback_query.answer(alert_text(t(language, key)), show_alert=True)
        return
    button = InlineKeyboardButton(
        plain_text(language, "group-open-private"), url=private_link(context, payload)
    )
    await message_of(update).reply_text(
        t(language, key),
        reply_markup=InlineKeyboardMarkup([[button]]),
    )
