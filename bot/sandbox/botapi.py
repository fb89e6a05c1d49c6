"""The Bot API methods: parameters in, Telegram's result or :class:`ApiError` out.

Transport (routes, envelope, tokens, fault injection, counters) lives in
:mod:`bot.sandbox.emulator`; this module is the behaviour of each method and the Telegram
rules it enforces (core.telegram.org/bots/api).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import Any

from . import errors
from .config import EmulatorConfig
from .entities import EntityParseError, parse
from .errors import ApiError, bad_request
from .ratelimit import FloodControl
from .state import Chat, StoredFile, StoredMessage, World, commands_key

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")


@dataclass
class Upload:
    """A file part of a multipart request.

    Attributes:
        data: the bytes.
    """

    filename: str | None
    content_type: str | None
    data: bytes


class Params:
    """The parameters of one call, from JSON, a form or multipart (PTB JSON-encodes
    complex values as strings; both forms are accepted).

    Args:
        raw: parameter name to value (string or JSON value).
        files: multipart file parts by field name.
    """

    def __init__(self, raw: dict[str, Any], files: dict[str, Upload] | None = None) -> None:
        self.raw = raw
        self.files = files or {}

    def has(self, name: str) -> bool:
        """True when the parameter is present and not null."""
        return self.raw.get(name) is not None

    def text(self, name: str, default: str | None = None) -> str | None:
        """Returns the parameter as text."""
        value = self.raw.get(name)
        if value is None:
            return default
        return value if isinstance(value, str) else json.dumps(value)

    def integer(self, name: str, default: int | None = None) -> int | None:
        """Returns the parameter as an integer.

        Raises:
            ApiError: 400 when it is not a number.
        """
        value = self.raw.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            try:
                return int(float(value))
            except (TypeError, ValueError):
                raise bad_request(f"Bad Request: invalid {name} specified") from None

    def number(self, name: str, default: float | None = None) -> float | None:
        """Returns the parameter as a float (400 when it is not a number)."""
        value = self.raw.get(name)
        if value is None or value == "":
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad_request(f"Bad Request: invalid {name} specified") from None

    def flag(self, name: str) -> bool:
        """Returns the parameter as a boolean ("true", "1", true)."""
        value = self.raw.get(name)
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes")
        return bool(value)

    def json(self, name: str, error: str) -> Any:
        """Returns the parameter decoded from JSON if it is a string.

        Raises:
            ApiError: 400 with ``error`` when the JSON does not decode.
        """
        value = self.raw.get(name)
        if isinstance(value, str):
            if value == "":
                return None
            try:
                return json.loads(value)
            except ValueError:
                raise bad_request(error) from None
        return value


class BotApi:
    """Implements the Bot API methods on a :class:`World`.

    Args:
        world: the emulated state.
        config: live settings (limits).
        flood: flood control.
    """

    def __init__(self, world: World, config: EmulatorConfig, flood: FloodControl) -> None:
        self.world = world
        self.config = config
        self.flood = flood

    def has_method(self, method: str) -> bool:
        """True when ``method`` (case-insensitive) is implemented."""
        return hasattr(self, "m_" + method.lower())

    async def call(self, method: str, params: Params) -> Any:
        """Runs a method and returns its ``result``.

        Raises:
            ApiError: Telegram's answer when a rule is broken.
        """
        return await getattr(self, "m_" + method.lower())(params)

    # ---- helpers ----------------------------------------------------------------------

    def _chat(self, params: Params, *, sending: bool = True) -> Chat:
        """Resolves ``chat_id`` the way Telegram does for sending (Bot API errors:
        chat not found, blocked, can't initiate, migrated)."""
        raw = params.raw.get("chat_id")
        if raw is None or raw == "":
            raise bad_request(errors.CHAT_ID_EMPTY)
        try:
            chat_id = int(raw)
        except (TypeError, ValueError):
            raise bad_request(errors.CHAT_NOT_FOUND) from None
        chat = self.world.chats.get(chat_id)
        if chat is None:
            raise bad_request(errors.CHAT_NOT_FOUND)
        if chat.migrated_to is not None:
            raise ApiError(400, errors.MIGRATED, {"migrate_to_chat_id": chat.migrated_to})
        if sending and chat.type == "private":
            user = self.world.users[chat.id]
            if user.blocked:
                raise ApiError(403, errors.BLOCKED)
            if not user.started:
                raise ApiError(403, errors.CANT_INITIATE)
        return chat

    def _text(self, params: Params, name: str, mode_name: str, entities_name: str, limit: int):
        text = params.text(name)
        if text is None:
            return None, []
        mode = params.text(mode_name)
        entities = params.json(entities_name, errors.ENTITIES_JSON)
        try:
            plain, found = parse(
                text,
                mode,
                entities,
                strict_ampersand=self.config.limits.html_strict_ampersand,
            )
        except EntityParseError as exc:
            raise bad_request(errors.CANT_PARSE + str(exc)) from None
        except ValueError:
            raise bad_request(errors.UNSUPPORTED_PARSE_MODE) from None
        if self.config.limits.enforce and len(plain) > limit:
            too_long = errors.TEXT_TOO_LONG if name == "text" else errors.CAPTION_TOO_LONG
            raise bad_request(too_long)
        return plain, found

    def _message_text(self, params: Params) -> tuple[str, list[dict[str, Any]]]:
        """Bot API sendMessage: text 1-4096 characters after entities parsing."""
        plain, found = self._text(
            params, "text", "parse_mode", "entities", self.config.limits.text_max
        )
        if not plain:
            raise bad_request(errors.TEXT_EMPTY)
        return plain, found

    def _caption(self, params: Params) -> tuple[str | None, list[dict[str, Any]]]:
        """Bot API: media caption 0-1024 characters after entities parsing."""
        plain, found = self._text(
            params, "caption", "parse_mode", "caption_entities", self.config.limits.caption_max
        )
        return (plain or None), found

    def _markup(self, params: Params, *, inline_only: bool = False) -> dict[str, Any] | None:
        """Validates ``reply_markup`` (Bot API: callback_data 1-64 bytes, button text)."""
        markup = params.json("reply_markup", errors.MARKUP_JSON)
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad_request(errors.MARKUP_JSON)
        enforce = self.config.limits.enforce
        if "inline_keyboard" in markup:
            rows = markup["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise bad_request(errors.MARKUP_JSON)
            for row in rows:
                for button in row:
                    if not isinstance(button, dict):
                        raise bad_request(errors.MARKUP_JSON)
                    if enforce and not str(button.get("text") or "").strip():
                        raise bad_request(errors.BUTTON_TEXT_EMPTY)
                    actions = set(button) - {"text"}
                    if enforce and not actions:
                        raise bad_request(errors.BUTTON_TEXT_EMPTY)
                    if "callback_data" in button:
                        size = len(str(button["callback_data"]).encode("utf-8"))
                        if enforce and not 1 <= size <= self.config.limits.callback_data_max:
                            raise bad_request(errors.BUTTON_DATA_INVALID)
                    if "url" in button and enforce:
                        if not re.fullmatch(r"(?i)(https?|tg)://\S+", str(button["url"])):
                            raise bad_request(errors.BUTTON_URL_INVALID)
            return markup
        if inline_only:
            raise bad_request(errors.MARKUP_JSON)
        if "keyboard" in markup:
            rows = markup["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise bad_request(errors.MARKUP_JSON)
            for row in rows:
                for button in row:
                    text = button if isinstance(button, str) else (button or {}).get("text")
                    if enforce and not str(text or "").strip():
                        raise bad_request("Bad Request: keyboard button text can't be empty")
            return markup
        if markup.get("remove_keyboard") or markup.get("force_reply"):
            return markup
        raise bad_request(errors.MARKUP_JSON)

    def _reply_to(self, params: Params, chat: Chat) -> dict[str, Any] | None:
        reply = params.json("reply_parameters", "Bad Request: can't parse reply parameters")
        message_id = params.integer("reply_to_message_id")
        allow = params.flag("allow_sending_without_reply")
        if isinstance(reply, dict):
            message_id = int(reply.get("message_id") or 0) or None
            allow = allow or bool(reply.get("allow_sending_without_reply"))
        if message_id is None:
            return None
        target = self.world.live_message(chat.id, message_id)
        if target is None:
            if allow:
                return None
            raise bad_request(errors.REPLY_NOT_FOUND)
        quoted = dict(target.api)
        quoted.pop("reply_to_message", None)
        return quoted

    def _acquire(self, chat: Chat, count: int = 1) -> None:
        retry = self.flood.acquire(self.world.bot_id, chat.id, chat.type, count)
        if retry:
            raise errors.too_many_requests(retry)

    async def _send(
        self, chat: Chat, params: Params, markup: dict[str, Any] | None, **content: Any
    ) -> dict[str, Any]:
        """Stores a bot message (after the flood check) and returns its Bot API object."""
        reply_to = self._reply_to(params, chat)
        self._check_web_apps(chat, markup)
        self._acquire(chat)
        stored = self._store(chat, markup, reply_to_message=reply_to, **content)
        await self.world.notify()
        return stored.api

    def _web_app_url_ok(self, url: object) -> bool:
        """Telegram: a Mini App opens from an https address only (the sandbox's own page
        may be plain http when ``config.plain_http_web_apps``)."""
        schemes = ("https", "http") if self.config.plain_http_web_apps else ("https",)
        return (
            isinstance(url, str)
            and re.fullmatch(rf"(?:{'|'.join(schemes)})://[^\s/]+\S*", url) is not None
        )

    def _check_web_apps(self, chat: Chat, markup: dict[str, Any] | None) -> None:
        """Bot API: ``web_app`` inline buttons only in private chats, with an https URL."""
        for row in (markup or {}).get("inline_keyboard") or []:
            for button in row:
                if "web_app" not in button:
                    continue
                if chat.type != "private":
                    raise bad_request(errors.BUTTON_TYPE_INVALID)
                if not self._web_app_url_ok((button["web_app"] or {}).get("url")):
                    raise bad_request(errors.WEB_APP_URL_INVALID)

    def _store(self, chat: Chat, markup: dict[str, Any] | None, **content: Any) -> StoredMessage:
        inline = markup if markup and "inline_keyboard" in markup else None
        stored = self.world.add_message(
            chat, self.world.bot_user(), True, reply_markup=inline, **content
        )
        if markup and inline is None:
            stored.keyboard = markup
            if "keyboard" in markup:
                chat.reply_keyboard = markup
            elif markup.get("remove_keyboard"):
                chat.reply_keyboard = None
        return stored

    def _input_file(self, params: Params, name: str, kind: str) -> StoredFile:
        """Resolves an InputFile: a multipart upload, ``attach://x``, or an existing file_id."""
        value = params.raw.get(name)
        upload = params.files.get(name)
        if isinstance(value, str) and value.startswith("attach://"):
            upload = params.files.get(value[len("attach://") :])
        if upload is not None:
            return self.world.store_file(upload.data, upload.filename, upload.content_type, kind)
        known = self.world.usable_file(value) if isinstance(value, str) else None
        if known is not None:
            return known
        if value is None or value == "":
            raise bad_request(errors.PHOTO_MISSING if kind == "photo" else errors.FILE_MISSING)
        raise bad_request(errors.WRONG_FILE_ID)

    def _edit_target(self, params: Params) -> tuple[Chat, StoredMessage]:
        if params.has("inline_message_id"):
            raise bad_request("Bad Request: MESSAGE_ID_INVALID")
        chat = self._chat(params)
        message_id = params.integer("message_id")
        stored = self.world.live_message(chat.id, message_id or 0)
        if stored is None:
            raise bad_request(errors.EDIT_NOT_FOUND)
        if not stored.from_bot:
            raise bad_request(errors.CANT_EDIT)
        return chat, stored

    async def _apply_edit(self, chat: Chat, stored: StoredMessage, new: dict[str, Any]) -> Any:
        """Applies an edit unless nothing changes (Bot API: "message is not modified")."""
        api = stored.api
        if all(api.get(k) == v for k, v in new.items()):
            raise bad_request(errors.NOT_MODIFIED)
        stored.edits.append(
            {
                "date": api.get("edit_date", api["date"]),
                "text": api.get("text"),
                "entities": api.get("entities"),
                "caption": api.get("caption"),
                "reply_markup": api.get("reply_markup"),
            }
        )
        for key, value in new.items():
            if value in (None, []):
                api.pop(key, None)
            else:
                api[key] = value
        api["edit_date"] = int(self.config.wall_clock())
        chat.version += 1
        await self.world.notify()
        return api

    # ---- identity and updates ---------------------------------------------------------

    async def m_getme(self, params: Params) -> dict[str, Any]:
        """Bot API getMe."""
        return self.world.bot_user()

    async def m_logout(self, params: Params) -> bool:
        """Bot API logOut (always succeeds here)."""
        return True

    async def m_close(self, params: Params) -> bool:
        """Bot API close (always succeeds here)."""
        return True

    async def m_getupdates(self, params: Params) -> list[dict[str, Any]]:
        """Bot API getUpdates: long polling.

        ``offset`` confirms every update with a smaller id (a negative offset keeps only
        the last -offset updates), ``limit`` 1-100, ``timeout`` seconds to wait for one,
        ``allowed_updates`` filters update types created from now on. A second concurrent
        poll ends the first with 409 (Telegram: "terminated by other getUpdates request").
        """
        world = self.world
        if world.webhook.get("url"):
            raise ApiError(409, errors.WEBHOOK_CONFLICT)
        offset = params.integer("offset", 0) or 0
        world.poll_offsets[offset] += 1
        limit = min(max(params.integer("limit", 100) or 100, 1), 100)
        timeout = min(max(params.number("timeout", 0.0) or 0.0, 0.0), self.config.max_poll_timeout)
        allowed = params.json("allowed_updates", "Bad Request: can't parse allowed_updates")
        if allowed is not None:
            world.allowed_updates = [str(a) for a in allowed]
        if offset > 0:
            world.updates = [u for u in world.updates if u["update_id"] >= offset]
        elif offset < 0:
            world.updates = world.updates[offset:]
        world.poll_generation += 1
        generation = world.poll_generation
        await world.notify()
        await world.wait_for(
            lambda: bool(world.updates) or world.poll_generation != generation, timeout
        )
        if world.poll_generation != generation:
            raise ApiError(409, errors.POLL_CONFLICT)
        return copy.deepcopy(world.updates[:limit])

    async def m_setwebhook(self, params: Params) -> bool:
        """Bot API setWebhook: url, secret_token, allowed_updates, drop_pending_updates."""
        url = params.text("url", "") or ""
        if url and self.config.limits.webhook_require_https and not url.startswith("https://"):
            raise bad_request(errors.BAD_WEBHOOK)
        if url and not re.fullmatch(r"(?i)https?://\S+", url):
            raise bad_request(
                "Bad Request: bad webhook: Failed to resolve host: Name or service not known"
            )
        secret = params.text("secret_token")
        if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise bad_request("Bad Request: secret token contains unallowed characters")
        if params.flag("drop_pending_updates"):
            self.world.updates.clear()
        allowed = params.json("allowed_updates", "Bad Request: can't parse allowed_updates")
        if allowed is not None:
            self.world.allowed_updates = [str(a) for a in allowed]
        if url:
            self.world.webhook = {
                "url": url,
                "secret_token": secret,
                "max_connections": params.integer("max_connections", 40),
            }
        else:
            self.world.webhook = {}
        await self.world.notify()
        return True

    async def m_deletewebhook(self, params: Params) -> bool:
        """Bot API deleteWebhook (optionally dropping pending updates)."""
        self.world.webhook = {}
        if params.flag("drop_pending_updates"):
            self.world.updates.clear()
        await self.world.notify()
        return True

    async def m_getwebhookinfo(self, params: Params) -> dict[str, Any]:
        """Bot API getWebhookInfo."""
        hook = self.world.webhook
        info: dict[str, Any] = {
            "url": hook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self.world.updates),
        }
        if hook.get("url"):
            info["max_connections"] = hook.get("max_connections") or 40
            for key in ("last_error_date", "last_error_message"):
                if hook.get(key):
                    info[key] = hook[key]
        if self.world.allowed_updates:
            info["allowed_updates"] = list(self.world.allowed_updates)
        return info

    # ---- commands and menu ------------------------------------------------------------

    def _commands_key(self, params: Params) -> str:
        """The key of a command list: scope and language. A chat scope must name a chat the
        bot knows (a private chat whose user has started the bot), else Telegram answers
        "chat not found"."""
        scope = params.json("scope", "Bad Request: can't parse BotCommandScope JSON object")
        scope = scope or {"type": "default"}
        if isinstance(scope, dict) and "chat_id" in scope:
            chat = (
                self.world.chats.get(scope["chat_id"])
                if isinstance(scope["chat_id"], int)
                else None
            )
            user = self.world.users.get(chat.id) if chat and chat.type == "private" else None
            if chat is None or (user is not None and not user.started):
                raise bad_request(errors.CHAT_NOT_FOUND)
        return commands_key(scope, params.text("language_code") or "")

    async def m_setmycommands(self, params: Params) -> bool:
        """Bot API setMyCommands: at most 100 commands, 1-32 chars [a-z0-9_], description
        1-256 chars."""
        commands = params.json("commands", "Bad Request: can't parse commands JSON object")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("Bad Request: can't parse commands JSON object")
        for command in commands:
            if not isinstance(command, dict):
                raise bad_request("Bad Request: can't parse commands JSON object")
            name = str(command.get("command") or "")
            if not _COMMAND_RE.fullmatch(name.lower()):
                raise bad_request(errors.COMMAND_INVALID)
            description = str(command.get("description") or "")
            if not 1 <= len(description.strip()) <= 256:
                raise bad_request(errors.COMMAND_DESCRIPTION_INVALID)
        self.world.commands[self._commands_key(params)] = [
            {"command": str(c["command"]).lower(), "description": str(c["description"])}
            for c in commands
        ]
        return True

    async def m_getmycommands(self, params: Params) -> list[dict[str, Any]]:
        """Bot API getMyCommands."""
        return self.world.commands.get(self._commands_key(params), [])

    async def m_deletemycommands(self, params: Params) -> bool:
        """Bot API deleteMyCommands."""
        self.world.commands.pop(self._commands_key(params), None)
        return True

    async def m_setchatmenubutton(self, params: Params) -> bool:
        """Bot API setChatMenuButton (stored, shown by getChatMenuButton)."""
        button = params.json("menu_button", errors.MENU_BUTTON_INVALID) or {"type": "default"}
        kind = button.get("type") if isinstance(button, dict) else None
        if kind not in ("default", "commands", "web_app"):
            raise bad_request(errors.MENU_BUTTON_INVALID)
        key = params.text("chat_id") or "default"
        if kind == "web_app":
            if not str(button.get("text") or "").strip():
                raise bad_request(errors.MENU_BUTTON_INVALID)
            if not self._web_app_url_ok((button.get("web_app") or {}).get("url")):
                raise bad_request(errors.WEB_APP_URL_INVALID)
        chat = None
        if key != "default":
            chat = self._chat(params, sending=False)
            if chat.type != "private":  # a chat's own menu button: private chats only
                raise bad_request(errors.BUTTON_TYPE_INVALID)
        self.world.menu_buttons[key] = button
        if chat is not None:  # the user's app shows the new button at once
            chat.version += 1
            await self.world.notify()
        return True

    async def m_getchatmenubutton(self, params: Params) -> dict[str, Any]:
        """Bot API getChatMenuButton."""
        chat_id = params.text("chat_id")
        if chat_id:
            return self.world.menu_button_for(int(chat_id))
        return self.world.menu_buttons.get("default", {"type": "commands"})

    # ---- sending ----------------------------------------------------------------------

    async def m_sendmessage(self, params: Params) -> dict[str, Any]:
        """Bot API sendMessage: text 1-4096 characters after entities parsing."""
        chat = self._chat(params)
        text, entities = self._message_text(params)
        markup = self._markup(params)
        return await self._send(chat, params, markup, text=text, entities=entities)

    async def m_senddocument(self, params: Params) -> dict[str, Any]:
        """Bot API sendDocument: caption up to 1024 characters, file up to 50 MB."""
        chat = self._chat(params)
        caption, entities = self._caption(params)
        markup = self._markup(params)
        stored = self._input_file(params, "document", "document")
        return await self._send(
            chat,
            params,
            markup,
            document=stored.document(),
            caption=caption,
            caption_entities=entities,
        )

    async def m_sendphoto(self, params: Params) -> dict[str, Any]:
        """Bot API sendPhoto: caption up to 1024 characters."""
        chat = self._chat(params)
        caption, entities = self._caption(params)
        markup = self._markup(params)
        stored = self._input_file(params, "photo", "photo")
        return await self._send(
            chat,
            params,
            markup,
            photo=stored.photo(),
            caption=caption,
            caption_entities=entities,
        )

    def _location(self, params: Params) -> dict[str, float]:
        latitude = params.number("latitude")
        longitude = params.number("longitude")
        if latitude is None or longitude is None:
            raise bad_request(errors.LOCATION_INVALID)
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise bad_request(errors.LOCATION_INVALID)
        return {"latitude": latitude, "longitude": longitude}

    async def m_sendlocation(self, params: Params) -> dict[str, Any]:
        """Bot API sendLocation: latitude -90..90, longitude -180..180."""
        chat = self._chat(params)
        location = self._location(params)
        markup = self._markup(params)
        return await self._send(chat, params, markup, location=location)

    async def m_sendvenue(self, params: Params) -> dict[str, Any]:
        """Bot API sendVenue: location plus title and address."""
        chat = self._chat(params)
        location = self._location(params)
        title = params.text("title") or ""
        address = params.text("address") or ""
        if not title.strip():
            raise bad_request("Bad Request: venue title must be non-empty")
        venue: dict[str, Any] = {"location": location, "title": title, "address": address}
        for key in ("foursquare_id", "foursquare_type", "google_place_id", "google_place_type"):
            if params.has(key):
                venue[key] = params.text(key)
        markup = self._markup(params)
        return await self._send(chat, params, markup, venue=venue, location=location)

    async def m_sendmediagroup(self, params: Params) -> list[dict[str, Any]]:
        """Bot API sendMediaGroup: 2-10 photos/videos, or 2-10 documents (not mixed);
        each item a separate message sharing ``media_group_id``."""
        chat = self._chat(params)
        media = params.json("media", "Bad Request: can't parse InputMedia JSON object")
        limits = self.config.limits
        if not isinstance(media, list) or not limits.album_min <= len(media) <= limits.album_max:
            raise bad_request(errors.MEDIA_GROUP_SIZE)
        kinds = {str(item.get("type")) for item in media if isinstance(item, dict)}
        if "document" in kinds and len(kinds) > 1:
            raise bad_request(errors.MEDIA_GROUP_MIXED)
        prepared = []
        for item in media:
            if not isinstance(item, dict) or item.get("type") not in ("photo", "document"):
                raise bad_request("Bad Request: unsupported media type in the album")
            item_params = Params(
                {
                    "media": item.get("media"),
                    "caption": item.get("caption"),
                    "parse_mode": item.get("parse_mode"),
                    "caption_entities": item.get("caption_entities"),
                },
                params.files,
            )
            caption, entities = self._caption(item_params)
            stored = self._input_file(item_params, "media", item["type"])
            prepared.append((item["type"], stored, caption, entities))
        reply_to = self._reply_to(params, chat)
        self._acquire(chat, len(prepared))
        group_id = str(next(self.world.media_group_ids))
        results = []
        for kind, stored, caption, entities in prepared:
            media_field = stored.photo() if kind == "photo" else stored.document()
            message = self._store(
                chat,
                None,
                media_group_id=group_id,
                caption=caption,
                caption_entities=entities,
                reply_to_message=reply_to,
                **{kind: media_field},
            )
            results.append(message.api)
        await self.world.notify()
        return results

    async def m_sendchataction(self, params: Params) -> bool:
        """Bot API sendChatAction: one of Telegram's actions."""
        self._chat(params)
        if params.text("action") not in CHAT_ACTIONS:
            raise bad_request(errors.WRONG_ACTION)
        return True

    # ---- editing ----------------------------------------------------------------------

    async def m_editmessagetext(self, params: Params) -> dict[str, Any]:
        """Bot API editMessageText: same text rules; an unchanged text and markup is
        refused ("message is not modified"); no reply_markup removes the keyboard."""
        chat, stored = self._edit_target(params)
        if "text" not in stored.api:
            raise bad_request(errors.NO_TEXT_TO_EDIT)
        text, entities = self._message_text(params)
        markup = self._markup(params, inline_only=True)
        self._check_web_apps(chat, markup)
        return await self._apply_edit(
            chat, stored, {"text": text, "entities": entities, "reply_markup": markup}
        )

    async def m_editmessagecaption(self, params: Params) -> dict[str, Any]:
        """Bot API editMessageCaption: caption up to 1024 characters."""
        chat, stored = self._edit_target(params)
        if not any(k in stored.api for k in ("document", "photo")):
            raise bad_request(errors.NO_CAPTION_TO_EDIT)
        caption, entities = self._caption(params)
        markup = self._markup(params, inline_only=True)
        return await self._apply_edit(
            chat, stored, {"caption": caption, "caption_entities": entities, "reply_markup": markup}
        )

    async def m_editmessagereplymarkup(self, params: Params) -> dict[str, Any]:
        """Bot API editMessageReplyMarkup (inline keyboards only)."""
        chat, stored = self._edit_target(params)
        markup = self._markup(params, inline_only=True)
        self._check_web_apps(chat, markup)
        return await self._apply_edit(chat, stored, {"reply_markup": markup})

    async def m_deletemessage(self, params: Params) -> bool:
        """Bot API deleteMessage: the bot's own messages, and any message in a private chat."""
        chat = self._chat(params, sending=False)
        stored = self.world.live_message(chat.id, params.integer("message_id") or 0)
        if stored is None:
            raise bad_request(errors.DELETE_NOT_FOUND)
        if chat.type != "private" and not stored.from_bot:
            raise bad_request(errors.CANT_DELETE)
        stored.deleted = True
        chat.version += 1
        await self.world.notify()
        return True

    async def m_answercallbackquery(self, params: Params) -> bool:
        """Bot API answerCallbackQuery: once per query, within the answer window
        (Limits.callback_answer_seconds); text up to 200 characters."""
        record = self.world.callbacks.get(params.text("callback_query_id") or "")
        now = self.config.clock()
        window = self.config.limits.callback_answer_seconds
        if record is None or record.answer is not None or now - record.created > window:
            raise bad_request(errors.QUERY_TOO_OLD)
        text = params.text("text")
        limits = self.config.limits
        if text and limits.enforce and len(text) > limits.callback_answer_max:
            raise bad_request(errors.CALLBACK_ANSWER_TOO_LONG)
        record.answer = {
            "query_id": record.id,
            "text": text,
            "show_alert": params.flag("show_alert"),
            "url": params.text("url"),
            "cache_time": params.integer("cache_time", 0),
            "from_user_id": record.user_id,
            "data": record.data,
        }
        stored = self.world.live_message(record.chat_id, record.message_id)
        if stored is not None:
            stored.callback_answers.append(record.answer)
            self.world.chats[record.chat_id].version += 1
        await self.world.notify()
        return True

    # ---- files and chats --------------------------------------------------------------

    async def m_getfile(self, params: Params) -> dict[str, Any]:
        """Bot API getFile: files up to 20 MB can be downloaded."""
        stored = self.world.usable_file(params.text("file_id") or "")
        if stored is None:
            raise bad_request(errors.WRONG_FILE_ID)
        if self.config.limits.enforce and stored.size > self.config.limits.download_max_bytes:
            raise bad_request(errors.FILE_TOO_BIG)
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.size,
            "file_path": stored.file_path,
        }

    async def m_getchat(self, params: Params) -> dict[str, Any]:
        """Bot API getChat (a ChatFullInfo)."""
        chat = self._chat(params, sending=False)
        info = self.world.chat_api(chat)
        info.update(
            accent_color_id=0,
            max_reaction_count=11,
            accepted_gift_types={
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        return info
