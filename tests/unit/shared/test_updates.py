"""The typed accessors of an update's parts: the part when it is there, MissingUpdatePart when
not (a button on a message older than 48 hours, an update of another kind)."""

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from telegram import CallbackQuery, Chat, InaccessibleMessage, Message, Update, User

from bot.handlers.shared.callback_data import Codec
from bot.handlers.shared.updates import (
    MissingUpdatePart,
    button_message,
    chat_of,
    data_of,
    membership_of,
    message_of,
    query_of,
    tapped_message,
    text_of,
    user_of,
)

WHEN = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
USER = User(7, "Siti", is_bot=False)
CHAT = Chat(7, Chat.PRIVATE)


@dataclass(frozen=True)
class Tap:
    entry_id: int


TAP = Codec("ts:t", Tap)


def _tap(data: str | None, message: Message | InaccessibleMessage | None) -> Update:
    query = CallbackQuery("q1", USER, "instance", message=message, data=data)
    return Update(1, callback_query=query)


def test_a_message_gives_its_parts() -> None:
    message = Message(5, WHEN, CHAT, from_user=USER, text="/start")
    update = Update(1, message=message)
    assert message_of(update) is message
    assert user_of(update) is USER
    assert chat_of(update) is CHAT
    assert text_of(update) == "/start"
    with pytest.raises(MissingUpdatePart, match="callback query"):
        query_of(update)
    with pytest.raises(MissingUpdatePart, match="my_chat_member"):
        membership_of(update)


def test_a_photo_has_no_text() -> None:
    update = Update(1, message=Message(5, WHEN, CHAT, from_user=USER, caption="foto"))
    with pytest.raises(MissingUpdatePart, match="text"):
        text_of(update)


def test_a_tap_gives_its_query_data_and_message() -> None:
    message = Message(5, WHEN, CHAT, from_user=USER, text="kartu")
    update = _tap("ts:t:12", message)
    query = query_of(update)
    assert data_of(query) == "ts:t:12"
    assert tapped_message(query) is message
    assert button_message(query) is message
    assert TAP.tapped(query) == Tap(12)


def test_a_tap_on_an_old_message_has_its_chat_and_id_only() -> None:
    old = InaccessibleMessage(CHAT, 5)
    query = query_of(_tap("ts:t:12", old))
    assert button_message(query).chat.id == CHAT.id
    with pytest.raises(MissingUpdatePart, match="accessible message"):
        tapped_message(query)


def test_a_tap_without_data_or_of_another_family_is_refused() -> None:
    message = Message(5, WHEN, CHAT, from_user=USER, text="kartu")
    with pytest.raises(MissingUpdatePart, match="callback data"):
        data_of(query_of(_tap(None, message)))
    with pytest.raises(MissingUpdatePart, match="ts:t"):
        TAP.tapped(query_of(_tap("xx:t:12", message)))


def test_an_update_without_user_or_chat() -> None:
    update = Update(1)
    for accessor, part in ((user_of, "user"), (chat_of, "chat"), (message_of, "message")):
        with pytest.raises(MissingUpdatePart, match=part):
            accessor(update)
