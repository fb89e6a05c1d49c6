"""Replies of several messages (a long list cut to Telegram's 4096 characters), and a reply
that does not read back what Telegram echoes."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import (
    CallbackQuery,
    ForceReply,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.handlers.shared.text import plain_of

ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply
"""Any keyboard a message can carry (Bot API ``reply_markup``)."""


async def reply_texts(message: Message, texts: Sequence[str]) -> None:
    """Sends ``texts`` in order as HTML replies to ``message``.

    Telegram allows about one message a second to a chat with a short burst (Bot API FAQ); a
    part answered with 429 is sent again after ``retry_after`` by the bot's rate limiter
    (:class:`bot.flood_control.RetryOnFloodControl`).

    Raises:
        telegram.error.RetryAfter: Telegram asked to wait longer than the limiter waits.
    """
    for text in texts:
        await message.reply_text(text)


async def reply_html(message: Message, text: str, markup: ReplyMarkup | None = None) -> None:
    """Sends ``text`` (HTML) with ``markup`` to ``message``'s chat, like
    ``message.reply_text(text, reply_markup=markup)`` but without turning
    Telegram's answer (the sent message, keyboard included) into a
    :class:`~telegram.Message`: python-telegram-bot's parsing of it was 40 % of a form step's
    CPU. For replies whose sent message is not needed afterwards, in private chats (no forum
    topic to follow).

    It goes through ``Bot.do_api_request`` (public), which makes the request every
    ``Bot.send_*`` method makes (the rate limiter, the update ledger's commit before the
    reply, errors mapped to ``TelegramError``) and returns Telegram's answer unparsed; it
    skips the bot's ``Defaults`` (:data:`bot.app.DEFAULTS`), so the parse mode is named here.

    Raises:
        telegram.error.TelegramError: As ``reply_text``.
    """
    data = {"chat_id": message.chat_id, "text": text, "parse_mode": ParseMode.HTML}
    if markup is not None:
        data["reply_markup"] = markup
    await message.get_bot().do_api_request("sendMessage", api_kwargs=data)


async def edit_html(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Edits the tapped message to ``text`` (HTML) with ``markup``. An edit that changes
    nothing (a second tap, a refresh with the same figures) is not an error: it is not sent
    when the tapped message, as Telegram gives it with the tap, already reads ``text`` with
    ``markup`` (a change of formatting alone is not seen there), and Telegram's refusal
    "message is not modified" (a tap sent before an earlier edit arrived) is ignored.

    Raises:
        telegram.error.BadRequest: Any other refusal.
    """
    tapped = query.message
    if (
        isinstance(tapped, Message)
        and tapped.text == plain_of(text)
        and tapped.reply_markup == markup
    ):
        return
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in exc.message:
            raise
