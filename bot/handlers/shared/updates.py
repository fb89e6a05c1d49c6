"""The parts of an update a handler was routed for, typed without ``None``.

python-telegram-bot types every part of an :class:`~telegram.Update` as optional
(``effective_user``, ``effective_message``, ``callback_query``, a tapped button's
``message``…), although a handler's filter guarantees the ones it reads: a
``CallbackQueryHandler`` gets a callback query with data, a ``CommandHandler`` a message with
text and a user. These accessors return the part or raise :class:`MissingUpdatePart`, which
the error handler (:mod:`bot.handlers.core.errors`) answers like any failure: logged, and a
polite apology to the chat. One way to narrow, so handlers need no ``assert`` or ``if``.
"""

from __future__ import annotations

from telegram import (
    CallbackQuery,
    Chat,
    ChatMemberUpdated,
    MaybeInaccessibleMessage,
    Message,
    Update,
    User,
)


class MissingUpdatePart(Exception):
    """The update lacks a part its handler needs: a routing mistake, or a button on a message
    Telegram no longer gives to the bot (older than 48 hours: ``InaccessibleMessage``)."""

    def __init__(self, part: str) -> None:
        super().__init__(f"the update has no {part}")
        self.part = part


def message_of(update: Update) -> Message:
    """The update's message (sent, edited, or the tapped button's, when accessible).

    Raises:
        MissingUpdatePart: None, or the tapped message is no longer accessible.
    """
    message = update.effective_message
    if message is None:
        raise MissingUpdatePart("message")
    return message


def user_of(update: Update) -> User:
    """The user the update comes from.

    Raises:
        MissingUpdatePart: A channel post or another update without a user.
    """
    user = update.effective_user
    if user is None:
        raise MissingUpdatePart("user")
    return user


def chat_of(update: Update) -> Chat:
    """The chat the update happened in.

    Raises:
        MissingUpdatePart: An update without a chat (an inline query, a poll).
    """
    chat = update.effective_chat
    if chat is None:
        raise MissingUpdatePart("chat")
    return chat


def query_of(update: Update) -> CallbackQuery:
    """The tapped button's callback query.

    Raises:
        MissingUpdatePart: The update is not a button tap.
    """
    query = update.callback_query
    if query is None:
        raise MissingUpdatePart("callback query")
    return query


def membership_of(update: Update) -> ChatMemberUpdated:
    """The bot's own membership change in a chat (``my_chat_member``: blocked, restarted,
    removed from a group, added again).

    Raises:
        MissingUpdatePart: The update is of another kind.
    """
    if update.my_chat_member is None:
        raise MissingUpdatePart("my_chat_member")
    return update.my_chat_member


def data_of(query: CallbackQuery) -> str:
    """The callback data of the tapped button (a game's button has none).

    Raises:
        MissingUpdatePart: No data.
    """
    if query.data is None:
        raise MissingUpdatePart("callback data")
    return query.data


def button_message(query: CallbackQuery) -> MaybeInaccessibleMessage:
    """The message that carries the tapped button, perhaps only its chat and id (enough to
    edit or delete it, even when it is older than 48 hours).

    Raises:
        MissingUpdatePart: Telegram did not send it (a button of an inline message).
    """
    if query.message is None:
        raise MissingUpdatePart("message of the tapped button")
    return query.message


def tapped_message(query: CallbackQuery) -> Message:
    """The message that carries the tapped button.

    Raises:
        MissingUpdatePart: Telegram did not send it, or only as an ``InaccessibleMessage``
            (older than 48 hours).
    """
    message = query.message
    if not isinstance(message, Message):
        raise MissingUpdatePart("accessible message of the tapped button")
    return message


def text_of(update: Update) -> str:
    """The text of the update's message (a caption does not count).

    Raises:
        MissingUpdatePart: No message, or a message without text (a photo, a sticker).
    """
    text = message_of(update).text
    if text is None:
        raise MissingUpdatePart("text")
    return text
