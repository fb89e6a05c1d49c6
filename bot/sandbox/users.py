"""What simulated users do: write, tap buttons, send files and albums, edit, share,
block and unblock the bot, make groups. Each action stores the message(s) as Telegram
would and queues the update(s) the bot gets, following Telegram's delivery rules
(group privacy mode, my_chat_member on block/unblock, migration service messages).
"""

from __future__ import annotations

import copy
from typing import Any

from . import errors
from .entities import detect_entities
from .state import STICKER_WEBP, STICKERS, CallbackRecord, Chat, StoredMessage, User, World


class ControlError(Exception):
    """A control API request that cannot be done (HTTP ``status``, message for the caller)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def get_user(world: World, user_id: int) -> User:
    """Returns the user or raises ControlError 404."""
    user = world.users.get(int(user_id))
    if user is None:
        raise ControlError(404, f"no user {user_id}")
    return user


def get_chat(world: World, chat_id: int) -> Chat:
    """Returns the chat or raises ControlError 404."""
    chat = world.chats.get(int(chat_id))
    if chat is None:
        raise ControlError(404, f"no chat {chat_id}")
    return chat


def user_chat(world: World, user: User, chat_id: int | None) -> Chat:
    """Returns the chat a user acts in (default: the private chat with the bot).

    Raises:
        ControlError: the chat is unknown, migrated, or the user is not a member.
    """
    chat = get_chat(world, user.id if chat_id is None else chat_id)
    if chat.migrated_to is not None:
        raise ControlError(409, f"group {chat.id} was migrated to {chat.migrated_to}")
    if chat.type == "private" and chat.id != user.id:
        raise ControlError(403, "a user can only act in their own private chat")
    if chat.type != "private" and user.id not in chat.member_ids:
        raise ControlError(403, f"user {user.id} is not a member of chat {chat.id}")
    return chat


def _member_update(world: World, chat: Chat, user: User, old: str, new: str) -> int | None:
    bot = world.bot_user()

    def member(status: str) -> dict[str, Any]:
        # Bot API ChatMemberBanned always carries until_date (0: banned forever)
        return {"status": status, "user": bot, **({"until_date": 0} if status == "kicked" else {})}

    return world.push_update(
        "my_chat_member",
        {
            "chat": world.chat_api(chat),
            "from": user.to_api(),
            "date": int(world.config.wall_clock()),
            "old_chat_member": member(old),
            "new_chat_member": member(new),
        },
    )


async def block(world: World, user: User) -> dict[str, Any]:
    """The user blocks the bot: sends then answer 403, the bot gets my_chat_member
    (member -> kicked), as Telegram does."""
    if user.blocked:
        return {"update_id": None, "blocked": True}
    user.blocked = True
    update_id = _member_update(world, world.chats[user.id], user, "member", "kicked")
    await world.notify()
    return {"update_id": update_id, "blocked": True}


async def unblock(world: World, user: User) -> dict[str, Any]:
    """The user unblocks (restarts) the bot: my_chat_member (kicked -> member)."""
    if not user.blocked:
        return {"update_id": None, "blocked": False}
    user.blocked = False
    update_id = _member_update(world, world.chats[user.id], user, "kicked", "member")
    await world.notify()
    return {"update_id": update_id, "blocked": False}


def _delivered(world: World, chat: Chat, stored: StoredMessage) -> bool:
    """Telegram privacy mode: in groups the bot gets commands meant for it and replies
    to its own messages (core.telegram.org/bots/features#privacy-mode)."""
    if chat.type == "private" or not world.config.group_privacy:
        return True
    api = stored.api
    reply = api.get("reply_to_message")
    if reply and (reply.get("from") or {}).get("id") == world.bot_id:
        return True
    text = api.get("text") or api.get("caption") or ""
    for entity in api.get("entities") or api.get("caption_entities") or []:
        if entity["type"] == "bot_command" and entity["offset"] == 0:
            command = text[: entity["length"]]
            if "@" not in command:
                return True
            return command.split("@", 1)[1].lower() == world.config.bot_username.lower()
    return False


async def _user_message(
    world: World, user: User, chat: Chat, reply_to: int | None = None, **content: Any
) -> dict[str, Any]:
    """Stores a message from a user and queues the update if Telegram would deliver it."""
    if chat.type == "private":
        if user.blocked:
            await unblock(world, user)
        user.started = True
    quoted = None
    if reply_to is not None:
        target = world.live_message(chat.id, int(reply_to))
        if target is None:
            raise ControlError(404, f"no message {reply_to} in chat {chat.id}")
        quoted = {k: v for k, v in target.api.items() if k != "reply_to_message"}
    stored = world.add_message(chat, user.to_api(), False, reply_to_message=quoted, **content)
    update_id = None
    if _delivered(world, chat, stored):
        update_id = world.push_update("message", copy.deepcopy(stored.api))
    await world.notify()
    return {"chat_id": chat.id, "message_id": stored.message_id, "update_id": update_id}


def _check_length(world: World, text: str, limit: int, error: str) -> None:
    """Telegram refuses a message text over 4,096 characters and a caption over 1,024 (its
    apps split a longer text into several messages); the same limits as the bot's."""
    if world.config.limits.enforce and len(text) > limit:
        raise ControlError(400, error)


async def send_text(
    world: World, user: User, chat: Chat, text: str, reply_to: int | None = None
) -> dict[str, Any]:
    """The user writes ``text``; ``/cmd`` and ``/cmd@bot`` get a bot_command entity.

    Raises:
        ControlError: 400 when the text is empty or longer than Telegram allows
            ("Bad Request: message is too long").
    """
    if not text.strip():
        raise ControlError(400, "text is empty")
    _check_length(world, text, world.config.limits.text_max, errors.TEXT_TOO_LONG)
    entities = detect_entities(text, [])
    return await _user_message(world, user, chat, reply_to, text=text, entities=entities)


def find_button(
    world: World, chat: Chat, *, message_id: int | None, text: str | None, data: str | None
) -> tuple[StoredMessage, dict[str, Any]] | None:
    """Finds an inline button by text or callback_data, on ``message_id`` or on the latest
    bot message that has it."""
    if message_id is not None:
        candidates = [world.live_message(chat.id, int(message_id))]
    else:
        candidates = [m for _, m in sorted(chat.messages.items(), reverse=True) if m.from_bot]
    for stored in candidates:
        if stored is None or stored.deleted:
            continue
        for row in (stored.api.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                if text is not None and button.get("text") == text:
                    return stored, button
                if data is not None and button.get("callback_data") == data:
                    return stored, button
    return None


def _reply_buttons(chat: Chat) -> list[str]:
    rows = (chat.reply_keyboard or {}).get("keyboard", [])
    return [b if isinstance(b, str) else b.get("text", "") for row in rows for b in row]


def available_buttons(world: World, chat: Chat) -> list[str]:
    """Returns the labels the user can tap now: inline buttons of recent bot messages and
    the reply keyboard (for error messages)."""
    labels: list[str] = []
    for _, stored in sorted(chat.messages.items(), reverse=True):
        if stored.from_bot and not stored.deleted:
            for row in (stored.api.get("reply_markup") or {}).get("inline_keyboard", []):
                labels.extend(b.get("text", "") for b in row)
    return labels + [f"[keyboard] {label}" for label in _reply_buttons(chat)]


async def tap(
    world: World,
    user: User,
    chat: Chat,
    *,
    message_id: int | None = None,
    text: str | None = None,
    data: str | None = None,
) -> dict[str, Any]:
    """Taps an inline button (callback_query update with a fresh id), or presses a reply
    keyboard button with that text (sends the text as a message).

    Returns:
        {"kind": "callback", "query_id", "update_id", "message_id"} or
        {"kind": "message", ...send_text result} or {"kind": "url", "url"}.
    """
    found = find_button(world, chat, message_id=message_id, text=text, data=data)
    if found is None:
        if text is not None and message_id is None and text in _reply_buttons(chat):
            result = await send_text(world, user, chat, text)
            if (chat.reply_keyboard or {}).get("one_time_keyboard"):
                chat.reply_keyboard = None
            return {"kind": "message", **result}
        wanted = f"text {text!r}" if text is not None else f"callback_data {data!r}"
        raise ControlError(
            404,
            f"no button with {wanted} in chat {chat.id}; "
            f"available: {available_buttons(world, chat)}",
        )
    stored, button = found
    if "callback_data" not in button:
        if "url" in button:
            return {"kind": "url", "url": button["url"], "message_id": stored.message_id}
        raise ControlError(400, f"button {button.get('text')!r} has no callback_data")
    return await press_callback(world, user, chat, stored, button["callback_data"])


async def press_callback(
    world: World, user: User, chat: Chat, stored: StoredMessage, data: str
) -> dict[str, Any]:
    """A callback_query update with ``data`` on the bot message ``stored``, as a tap sends
    it; tests call it directly to forge data no button carries (a tampered client).

    Returns:
        {"kind": "callback", "query_id", "update_id", "chat_id", "message_id"}.
    """
    query_id = str(4_000_000_000_000_000 + next(world.callback_ids))
    world.callbacks[query_id] = CallbackRecord(
        query_id, user.id, chat.id, stored.message_id, data, world.config.clock()
    )
    update_id = world.push_update(
        "callback_query",
        {
            "id": query_id,
            "from": user.to_api(),
            "message": copy.deepcopy(stored.api),
            "chat_instance": str(abs(chat.id) * 7 + 1),
            "data": data,
        },
    )
    await world.notify()
    return {
        "kind": "callback",
        "query_id": query_id,
        "update_id": update_id,
        "chat_id": chat.id,
        "message_id": stored.message_id,
    }


async def send_file(
    world: World,
    user: User,
    chat: Chat,
    kind: str,
    data: bytes,
    file_name: str | None,
    mime_type: str | None,
    caption: str | None = None,
    media_group_id: str | None = None,
) -> dict[str, Any]:
    """The user sends a document, a photo or a video (kept, downloadable by the bot).

    Raises:
        ControlError: 400 for another kind, or a caption over 1,024 characters.
    """
    if kind not in ("document", "photo", "video"):
        raise ControlError(400, "kind must be document, photo or video")
    if caption:
        _check_length(world, caption, world.config.limits.caption_max, errors.CAPTION_TOO_LONG)
    stored = world.store_file(data, file_name, mime_type, kind)
    media = {"photo": stored.photo, "video": stored.video}.get(kind, stored.document)()
    caption_entities = detect_entities(caption, []) if caption else None
    content: dict[str, Any] = {kind: media}
    result = await _user_message(
        world,
        user,
        chat,
        caption=caption or None,
        caption_entities=caption_entities,
        media_group_id=media_group_id,
        **content,
    )
    return {**result, "file_id": stored.file_id}


async def send_sticker(world: World, user: User, chat: Chat, key: str) -> dict[str, Any]:
    """The user sends one of the built-in stickers (:data:`~bot.sandbox.state.STICKERS`):
    a message with a Bot API ``Sticker``, as Telegram delivers a sticker from a set.

    Raises:
        ControlError: 400 for an unknown sticker key.
    """
    emoji = STICKERS.get(key)
    if emoji is None:
        raise ControlError(400, f"unknown sticker {key!r}; built-in: {sorted(STICKERS)}")
    stored = world.store_file(STICKER_WEBP, f"{key}.webp", "image/webp", "sticker")
    result = await _user_message(world, user, chat, sticker=stored.sticker(emoji))
    return {**result, "file_id": stored.file_id}


async def send_album(
    world: World, user: User, chat: Chat, items: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The user sends an album: one message and one update per item, one media_group_id.

    Args:
        items: {"kind", "data" (bytes), "file_name", "mime_type", "caption"} each.
    """
    if not 2 <= len(items) <= 10:
        raise ControlError(400, "an album has 2-10 items")
    group_id = str(next(world.media_group_ids))
    return [
        await send_file(
            world,
            user,
            chat,
            item.get("kind", "photo"),
            item["data"],
            item.get("file_name"),
            item.get("mime_type"),
            item.get("caption"),
            group_id,
        )
        for item in items
    ]


async def edit(world: World, user: User, chat: Chat, message_id: int, text: str) -> dict[str, Any]:
    """The user edits an earlier text message: an edited_message update."""
    stored = world.live_message(chat.id, int(message_id))
    if stored is None or (stored.api.get("from") or {}).get("id") != user.id:
        raise ControlError(404, f"user {user.id} has no message {message_id} in chat {chat.id}")
    if "text" not in stored.api:
        raise ControlError(400, "only text messages can be edited here")
    api = stored.api
    stored.edits.append(
        {
            "date": api.get("edit_date", api["date"]),
            "text": api.get("text"),
            "entities": api.get("entities"),
            "caption": None,
            "reply_markup": None,
        }
    )
    api["text"] = text
    api["entities"] = detect_entities(text, [])
    if not api["entities"]:
        api.pop("entities")
    api["edit_date"] = int(world.config.wall_clock())
    chat.version += 1
    update_id = None
    if _delivered(world, chat, stored):
        update_id = world.push_update("edited_message", copy.deepcopy(api))
    await world.notify()
    return {"chat_id": chat.id, "message_id": stored.message_id, "update_id": update_id}


async def share_location(
    world: World, user: User, chat: Chat, latitude: float, longitude: float
) -> dict[str, Any]:
    """The user shares a location."""
    location = {"latitude": float(latitude), "longitude": float(longitude)}
    return await _user_message(world, user, chat, location=location)


async def share_contact(
    world: World,
    user: User,
    chat: Chat,
    phone_number: str,
    first_name: str,
    last_name: str | None = None,
    user_id: int | None = None,
) -> dict[str, Any]:
    """The user shares a contact (their own when ``user_id`` is their id)."""
    contact: dict[str, Any] = {"phone_number": phone_number, "first_name": first_name}
    if last_name:
        contact["last_name"] = last_name
    if user_id:
        contact["user_id"] = int(user_id)
    return await _user_message(world, user, chat, contact=contact)


async def create_group(
    world: World, title: str, member_ids: list[int], type_: str = "group"
) -> dict[str, Any]:
    """Creates a group with the bot in it; the bot gets my_chat_member (left -> member)."""
    members = [get_user(world, m) for m in member_ids]
    if not members:
        raise ControlError(400, "a group needs at least one member")
    chat = world.add_group(title, [m.id for m in members], type_)
    update_id = _member_update(world, chat, members[0], "left", "member")
    await world.notify()
    return {"chat": world.chat_api(chat), "chat_id": chat.id, "update_id": update_id}


async def migrate_group(world: World, chat: Chat) -> dict[str, Any]:
    """Upgrades a group to a supergroup as Telegram does: a service message with
    migrate_to_chat_id in the old group, one with migrate_from_chat_id in the new one;
    sending to the old id then answers 400 with parameters.migrate_to_chat_id."""
    if chat.type != "group" or chat.migrated_to is not None:
        raise ControlError(400, f"chat {chat.id} is not a basic group")
    new = world.add_group(chat.title or "", chat.member_ids, "supergroup")
    new.migrated_from = chat.id
    owner = world.users[chat.member_ids[0]].to_api()
    old_msg = world.add_message(chat, owner, False, migrate_to_chat_id=new.id)
    new_msg = world.add_message(new, owner, False, migrate_from_chat_id=chat.id)
    chat.migrated_to = new.id
    ids = [
        world.push_update("message", copy.deepcopy(old_msg.api)),
        world.push_update("message", copy.deepcopy(new_msg.api)),
    ]
    await world.notify()
    return {"old_chat_id": chat.id, "new_chat_id": new.id, "update_ids": ids}
