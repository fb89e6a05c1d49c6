"""The emulated Telegram world: users, chats, messages, files, updates, callback queries.

Plain data plus the bookkeeping Telegram does (message ids per chat, update ids, file ids).
Every mutation is followed by :meth:`World.notify`, which wakes long polls and waiters on
the single :class:`asyncio.Condition` ``World.changed``.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import mimetypes
import struct
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .config import EmulatorConfig
from .entities import to_html

#: Update types delivered when ``allowed_updates`` is empty (Bot API getUpdates).
DEFAULT_UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "callback_query",
        "inline_query",
        "chosen_inline_result",
        "shipping_query",
        "pre_checkout_query",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
    }
)
DEFAULT_BOT_ID = 7000000001
FIRST_USER_ID = 5000000001
FIRST_GROUP_ID = -4000000001
FIRST_SUPERGROUP_ID = -1002000000001

STICKER_SET = "SandboxStickers"
"""Name of the emulator's built-in sticker set."""
STICKERS = {"thumbs_up": "👍", "thanks": "🙏", "party": "🎉", "smile": "😊", "clap": "👏"}
"""The built-in stickers a user can send (key → emoji), as one set would offer them."""
STICKER_WEBP = base64.b64decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")
"""The image of every built-in sticker: a valid 1×1 WebP (clients show the emoji)."""


@dataclass
class User:
    """A simulated Telegram user.

    Attributes:
        started: the user has written to the bot (else the bot "can't initiate conversation").
        blocked: the user blocked the bot (sending answers 403).
    """

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    started: bool = False
    blocked: bool = False

    def to_api(self) -> dict[str, Any]:
        """Returns the Bot API ``User`` object."""
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data

    def to_json(self) -> dict[str, Any]:
        """Returns the user with the emulator's flags, for the control API."""
        return {**self.to_api(), "started": self.started, "blocked": self.blocked}


@dataclass
class StoredFile:
    """A file known to the emulator (uploaded by the bot or sent by a user).

    Attributes:
        size: bytes.
        kind: "document", "photo", "video" or "sticker".
    """

    file_id: str
    file_unique_id: str
    data: bytes
    file_name: str
    mime_type: str
    kind: str
    file_path: str
    width: int = 0
    height: int = 0

    @property
    def size(self) -> int:
        """File size in bytes."""
        return len(self.data)

    def document(self) -> dict[str, Any]:
        """Returns the Bot API ``Document`` object."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "file_size": self.size,
        }

    def sticker(self, emoji: str) -> dict[str, Any]:
        """Returns the Bot API ``Sticker`` object of a static sticker from the built-in set."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "set_name": STICKER_SET,
            "file_size": self.size,
        }

    def video(self) -> dict[str, Any]:
        """Returns the Bot API ``Video`` object (the emulator does not read the video: a
        fixed 640×360, 10 s)."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "width": 640,
            "height": 360,
            "duration": 10,
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "file_size": self.size,
        }

    def photo(self) -> list[dict[str, Any]]:
        """Returns the Bot API ``PhotoSize`` array (a single size)."""
        return [
            {
                "file_id": self.file_id,
                "file_unique_id": self.file_unique_id,
                "width": self.width,
                "height": self.height,
                "file_size": self.size,
            }
        ]


@dataclass
class StoredMessage:
    """A message as stored: its Bot API object plus the emulator's history.

    Attributes:
        api: the current Bot API ``Message`` object (updated by edits).
        from_bot: sent by the bot (else by a user, or a service message).
        keyboard: a reply keyboard, remove_keyboard or force_reply markup sent with it
            (Telegram does not echo these in the Message object).
        edits: earlier versions, oldest first: {"date", "text", "entities", "caption",
            "reply_markup"}.
        callback_answers: answerCallbackQuery results for taps on this message.
    """

    chat_id: int
    message_id: int
    api: dict[str, Any]
    from_bot: bool
    deleted: bool = False
    keyboard: dict[str, Any] | None = None
    edits: list[dict[str, Any]] = field(default_factory=list)
    callback_answers: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Chat:
    """A private chat, group or supergroup.

    Attributes:
        migrated_to: supergroup id once a group was upgraded.
        reply_keyboard: the reply keyboard the bot shows now (None when removed).
        version: bumped on every change, for waiters.
    """

    id: int
    type: str
    title: str | None = None
    user_id: int | None = None
    member_ids: list[int] = field(default_factory=list)
    migrated_to: int | None = None
    migrated_from: int | None = None
    next_message_id: int = 1
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    reply_keyboard: dict[str, Any] | None = None
    version: int = 0


@dataclass
class CallbackRecord:
    """A callback query sent to the bot.

    Attributes:
        created: clock reading when sent, seconds (monotonic).
        answer: the answerCallbackQuery parameters once answered.
    """

    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str | None
    created: float
    answer: dict[str, Any] | None = None


def image_size(data: bytes) -> tuple[int, int]:
    """Returns (width, height) of a PNG, GIF or JPEG, else (1, 1)."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            length = struct.unpack(">H", data[i + 2 : i + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2, 0xC3):
                height, width = struct.unpack(">HH", data[i + 5 : i + 9])
                return width, height
            i += 2 + length
    return 1, 1


def first_update_id() -> int:
    """Where a new emulator starts counting update ids: the milliseconds since 1970. Telegram's
    ids for a bot start "from a certain positive number and increase sequentially" (Bot API,
    ``Update``) and never restart at 1, so a bot that remembers the last update it applied
    (:mod:`bot.update_ledger`) must not meet small ids again when the sandbox restarts on the
    same database; this stays true unless a run made more than 1,000 updates a second."""
    return int(time.time() * 1000)


def commands_key(scope: dict[str, Any], language_code: str) -> str:
    """The key of a command list in ``World.commands``: its scope and language ("" for
    every language)."""
    return json.dumps(scope, sort_keys=True) + "|" + language_code


class World:
    """All state of one emulator instance (one bot).

    Args:
        config: emulator settings (bot identity, clocks).
    """

    def __init__(self, config: EmulatorConfig) -> None:
        self.config = config
        self.changed = asyncio.Condition()
        self.closing = False
        self.reset()

    def reset(self) -> None:
        """Forgets everything: users, chats, files, updates, webhook, counters."""
        self.bot_id = DEFAULT_BOT_ID
        if self.config.bot_token:
            self.bot_id = int(self.config.bot_token.split(":", 1)[0])
        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.updates: list[dict[str, Any]] = []
        self.allowed_updates: list[str] = []
        self.webhook: dict[str, Any] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.menu_buttons: dict[str, dict[str, Any]] = {}
        self.bot_token: str | None = None
        """The token of the bot's last call (the emulator signs Mini App init data with it,
        as Telegram does)."""
        self.callbacks: dict[str, CallbackRecord] = {}
        self.calls: Counter[str] = Counter()
        self.rejections: list[dict[str, Any]] = []
        self.poll_generation = 0
        self.poll_offsets: Counter[int] = Counter()
        """getUpdates calls per ``offset`` (a bot polling again from an update it was given
        still has it in hand)."""
        self._update_ids = itertools.count(first_update_id())
        self._user_ids = itertools.count(FIRST_USER_ID)
        self._group_ids = itertools.count(-FIRST_GROUP_ID)
        self._supergroup_ids = itertools.count(-FIRST_SUPERGROUP_ID)
        self._file_ids = itertools.count(1)
        self.forgotten_file_ids: set[str] = set()
        self.callback_ids = itertools.count(1)
        self.media_group_ids = itertools.count(13000000000000001)

    async def notify(self) -> None:
        """Wakes every waiter (long polls, transcript waits, webhook delivery)."""
        async with self.changed:
            self.changed.notify_all()

    async def wait_for(self, predicate: Any, timeout: float) -> bool:
        """Waits until ``predicate()`` is true or ``timeout`` seconds passed.

        Returns:
            The last value of the predicate.
        """
        async with self.changed:
            try:  # not asyncio.wait_for: on 3.11 it can swallow a cancellation
                async with asyncio.timeout(max(timeout, 0)):
                    await self.changed.wait_for(lambda: self.closing or predicate())
            except TimeoutError:
                pass
            return bool(predicate())

    # ---- identities -------------------------------------------------------------------

    def bot_user(self) -> dict[str, Any]:
        """Returns the bot's Bot API ``User`` object (getMe)."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.config.bot_first_name,
            "username": self.config.bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": not self.config.group_privacy,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def add_user(
        self,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
        started: bool = False,
    ) -> User:
        """Creates a user and the user's private chat with the bot (chat id = user id)."""
        user = User(next(self._user_ids), first_name, last_name, username, language_code, started)
        self.users[user.id] = user
        self.chats[user.id] = Chat(user.id, "private", user_id=user.id)
        return user

    def add_group(self, title: str, member_ids: list[int], type_: str = "group") -> Chat:
        """Creates a group (or supergroup) with the bot and the given users as members."""
        ids = self._supergroup_ids if type_ == "supergroup" else self._group_ids
        chat = Chat(-next(ids), type_, title=title, member_ids=list(member_ids))
        self.chats[chat.id] = chat
        return chat

    def chat_api(self, chat: Chat) -> dict[str, Any]:
        """Returns the Bot API ``Chat`` object."""
        if chat.type == "private":
            user = self.users[chat.user_id or chat.id]
            data = {"id": chat.id, "type": "private", "first_name": user.first_name}
            if user.last_name:
                data["last_name"] = user.last_name
            if user.username:
                data["username"] = user.username
            return data
        data = {"id": chat.id, "type": chat.type, "title": chat.title}
        if chat.type == "group":
            data["all_members_are_administrators"] = False
        return data

    # ---- command menus ----------------------------------------------------------------

    def menu_button_for(self, chat_id: int) -> dict[str, Any]:
        """The menu button a private chat shows: the chat's own, else the bot's default,
        else the command list (Bot API: ``MenuButtonDefault`` means no value of its own)."""
        for key in (str(chat_id), "default"):
            button = self.menu_buttons.get(key)
            if button is not None and button.get("type") != "default":
                return button
        return {"type": "commands"}

    def commands_for(self, chat: Chat, user: User) -> list[dict[str, Any]]:
        """The command list ``user`` sees in ``chat``'s menu, resolved as Telegram does
        (Bot API "Determining list of commands"): the narrowest scope that has commands
        wins, each scope first with the user's language and then without.

        Private chats: chat, all_private_chats, default. Groups: chat_member, chat,
        all_group_chats, default (the emulator has no group administrators).
        """
        if chat.type == "private":
            scopes: list[dict[str, Any]] = [
                {"type": "chat", "chat_id": chat.id},
                {"type": "all_private_chats"},
            ]
        else:
            scopes = [
                {"type": "chat_member", "chat_id": chat.id, "user_id": user.id},
                {"type": "chat", "chat_id": chat.id},
                {"type": "all_group_chats"},
            ]
        scopes.append({"type": "default"})
        language = (user.language_code or "").split("-")[0].lower()
        for scope in scopes:
            for code in (language, "") if language else ("",):
                found = self.commands.get(commands_key(scope, code))
                if found:
                    return found
        return []

    # ---- messages ---------------------------------------------------------------------

    def add_message(
        self, chat: Chat, sender: dict[str, Any] | None, from_bot: bool, **content: Any
    ) -> StoredMessage:
        """Stores a new message in ``chat`` and returns it.

        Args:
            chat: target chat.
            sender: Bot API ``User`` of the sender (None for none).
            from_bot: True when the bot sent it.
            **content: Bot API Message fields (text, entities, document, ...); None values
                are left out.
        """
        message_id = chat.next_message_id
        chat.next_message_id += 1
        api: dict[str, Any] = {
            "message_id": message_id,
            "date": int(self.config.wall_clock()),
            "chat": self.chat_api(chat),
        }
        if sender is not None:
            api["from"] = sender
        api.update({k: v for k, v in content.items() if v is not None and v != []})
        stored = StoredMessage(chat.id, message_id, api, from_bot)
        chat.messages[message_id] = stored
        chat.version += 1
        return stored

    def live_message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        """Returns a message that exists and is not deleted, else None."""
        chat = self.chats.get(chat_id)
        if chat is None:
            return None
        stored = chat.messages.get(message_id)
        return None if stored is None or stored.deleted else stored

    # ---- updates ----------------------------------------------------------------------

    def push_update(self, kind: str, payload: dict[str, Any]) -> int | None:
        """Queues an update for the bot unless its type is filtered by ``allowed_updates``.

        Returns:
            The update_id, or None when the type is not allowed.
        """
        allowed = set(self.allowed_updates) or DEFAULT_UPDATE_TYPES
        if kind not in allowed:
            return None
        update_id = next(self._update_ids)
        self.updates.append({"update_id": update_id, kind: payload})
        return update_id

    # ---- files ------------------------------------------------------------------------

    def store_file(
        self, data: bytes, file_name: str | None, mime_type: str | None, kind: str
    ) -> StoredFile:
        """Keeps a file and gives it a file_id, file_unique_id and file_path."""
        n = next(self._file_ids)
        if not mime_type or mime_type == "application/octet-stream":
            guessed = mimetypes.guess_type(file_name or "")[0]
            mime_type = guessed or mime_type or "application/octet-stream"
        if kind == "photo":
            ext = mimetypes.guess_extension(mime_type) or ".jpg"
            name = file_name or f"photo_{n}{ext}"
            path = f"photos/file_{n}{ext}"
        elif kind == "sticker":
            name = file_name or f"sticker_{n}.webp"
            path = f"stickers/file_{n}.webp"
        elif kind == "video":
            name = file_name or f"video_{n}.mp4"
            path = f"videos/file_{n}.mp4"
        else:
            name = file_name or f"document_{n}"
            suffix = "." + name.rsplit(".", 1)[1] if "." in name else ""
            path = f"documents/file_{n}{suffix}"
        width, height = image_size(data) if kind == "photo" else (0, 0)
        stored = StoredFile(
            f"BQACAgIAAxkBAAI{n:08d}",
            f"AgAD{n:06d}",
            data,
            name,
            mime_type,
            kind,
            path,
            width,
            height,
        )
        self.files[stored.file_id] = stored
        self.files_by_path[path] = stored
        return stored

    def forget_file_ids(self) -> int:
        """Makes every file_id known so far unusable for the bot (getFile: wrong file_id,
        downloads: 404), as after a new bot token or when Telegram drops old files. The
        transcripts keep showing them. Returns how many were forgotten."""
        fresh = set(self.files) - self.forgotten_file_ids
        self.forgotten_file_ids |= fresh
        return len(fresh)

    def usable_file(self, file_id: str) -> StoredFile | None:
        """The stored file the bot may still fetch by ``file_id`` (None if unknown or
        forgotten)."""
        return None if file_id in self.forgotten_file_ids else self.files.get(file_id)

    # ---- transcript -------------------------------------------------------------------

    def transcript_entry(self, stored: StoredMessage) -> dict[str, Any]:
        """Returns a message as the user sees it (see the control API docs)."""
        api = stored.api
        sender = api.get("from") or {}
        entry: dict[str, Any] = {
            "message_id": stored.message_id,
            "chat_id": stored.chat_id,
            "from": "bot" if stored.from_bot else ("user" if sender else "service"),
            "sender": sender,
            "sender_name": " ".join(
                p for p in (sender.get("first_name"), sender.get("last_name")) if p
            ),
            "date": api["date"],
            "text": api.get("text"),
            "entities": api.get("entities", []),
            "html": to_html(api["text"], api.get("entities")) if "text" in api else None,
            "caption": api.get("caption"),
            "caption_html": (
                to_html(api["caption"], api.get("caption_entities")) if "caption" in api else None
            ),
            "reply_markup": api.get("reply_markup") or stored.keyboard,
            "inline_keyboard": (api.get("reply_markup") or {}).get("inline_keyboard"),
            "keyboard": stored.keyboard,
            "reply_to_message_id": (api.get("reply_to_message") or {}).get("message_id"),
            "media_group_id": api.get("media_group_id"),
            "deleted": stored.deleted,
            "edited": bool(stored.edits),
            "edits": stored.edits,
            "callback_answers": stored.callback_answers,
            "api": api,
        }
        for key in ("venue", "location", "contact"):
            if key in api:
                entry[key] = api[key]
        if "document" in api:
            entry["document"] = self._file_entry(api["document"]["file_id"])
        if "photo" in api:
            entry["photo"] = self._file_entry(api["photo"][-1]["file_id"])
        if "sticker" in api:
            entry["sticker"] = {
                **self._file_entry(api["sticker"]["file_id"]),
                "emoji": api["sticker"].get("emoji"),
            }
        for key in ("migrate_to_chat_id", "migrate_from_chat_id", "group_chat_created"):
            if key in api:
                entry[key] = api[key]
        return entry

    def _file_entry(self, file_id: str) -> dict[str, Any]:
        stored = self.files[file_id]
        return {
            "file_id": stored.file_id,
            "file_name": stored.file_name,
            "mime_type": stored.mime_type,
            "file_size": stored.size,
            "width": stored.width or None,
            "height": stored.height or None,
            "download_path": f"/_emulator/files/{stored.file_id}",
        }

    def transcript(self, chat: Chat, after: int = 0) -> list[dict[str, Any]]:
        """Returns the chat's messages with id > ``after``, in order."""
        return [self.transcript_entry(m) for mid, m in sorted(chat.messages.items()) if mid > after]
