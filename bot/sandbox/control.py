"""The control API of the emulator: JSON endpoints under ``/_emulator/`` to create users and
groups, make them act, read transcripts, wait for the bot, and tune rules and faults.

Every answer is JSON. Errors: HTTP 4xx with ``{"ok": false, "error": "..."}``. Ids are
integers (chats: private chat id = user id, groups negative). Files in requests are base64
(``data_b64``). ``chat_id`` is optional wherever a user acts: default, the user's private chat.

=======  ======================================  =============================================
method   path                                    body / query -> answer
=======  ======================================  =============================================
GET      /_emulator/state                        -> {bot, users, chats, webhook, pending_updates}
POST     /_emulator/reset                        -> {ok}; forgets everything, faults, counters
GET      /_emulator/bot                          -> bot User object (as getMe)
GET      /_emulator/config                       -> EmulatorConfig as JSON
PATCH    /_emulator/config                       {"limits": {...}, "rate_limits": {...}, ...}
                                                 -> new config (POST also accepted)
GET      /_emulator/faults                       -> [FaultRule]
POST     /_emulator/faults                       {kind, method?, chat_id?, count?, probability?,
                                                 retry_after?, latency?, description?}
                                                 -> FaultRule (kind: 429|403|500|502|drop|latency)
DELETE   /_emulator/faults                       -> {ok}; removes all rules
GET      /_emulator/calls                        -> {method: count} of Bot API calls
GET      /_emulator/rejections                   -> [{method, error_code, description,
                                                 chat_id, injected, time}]
DELETE   /_emulator/rejections                   -> {ok}; clears the log and the counters
GET      /_emulator/updates                      -> pending (unconfirmed) updates
POST     /_emulator/users                        {first_name, last_name?, username?,
                                                 language_code? ("id"|"en"), started?}
                                                 -> user {id, first_name, ..., started, blocked}
GET      /_emulator/users                        -> [user]
POST     /_emulator/groups                       {title, member_ids: [user id], type?
                                                 ("group"|"supergroup")} -> {chat, chat_id,
                                                 update_id}
POST     /_emulator/groups/{chat_id}/migrate     -> {old_chat_id, new_chat_id, update_ids}
GET      /_emulator/chats                        -> [{chat, version, message_count}]
GET      /_emulator/chats/{chat_id}/transcript   ?after=MESSAGE_ID -> {chat, version,
                                                 reply_keyboard, messages: [entry]}
GET      /_emulator/chats/{chat_id}/wait         ?after=ID&since_version=V&timeout=S&from=bot
                                                 waits (long poll) until a message from the
                                                 bot with id > after exists (or, with
                                                 since_version, any change) -> as transcript
                                                 plus {"timed_out": bool}
POST     /_emulator/users/{user_id}/send         {text, chat_id?, reply_to?}
                                                 -> {chat_id, message_id, update_id|null}
POST     /_emulator/users/{user_id}/tap          {text? | callback_data?, message_id?,
                                                 chat_id?} -> {kind: "callback", query_id,
                                                 update_id, message_id} | {kind: "message",
                                                 ...} (reply keyboard) | {kind: "url", url}
POST     /_emulator/users/{user_id}/document     {data_b64, file_name, mime_type?, caption?,
                                                 chat_id?} -> {message_id, update_id, file_id}
POST     /_emulator/users/{user_id}/photo        same as document
POST     /_emulator/users/{user_id}/video        same as document
POST     /_emulator/users/{user_id}/sticker      {sticker (a key of GET /_emulator/stickers),
                                                 chat_id?} -> {message_id, update_id, file_id}
GET      /_emulator/stickers                     -> {key: emoji} of the built-in stickers
GET      /_emulator/users/{user_id}/commands     ?chat_id=ID -> [BotCommand] the user's menu
                                                 shows in that chat (default: private chat),
                                                 scopes and language resolved as Telegram does
POST     /_emulator/users/{user_id}/album        {items: [{kind: photo|document, data_b64,
                                                 file_name, mime_type?, caption?}], chat_id?}
                                                 -> [{message_id, update_id, file_id}]
POST     /_emulator/users/{user_id}/edit         {message_id, text, chat_id?}
                                                 -> {message_id, update_id}
POST     /_emulator/users/{user_id}/location     {latitude, longitude, chat_id?}
POST     /_emulator/users/{user_id}/contact      {phone_number, first_name, last_name?,
                                                 user_id?, chat_id?}
POST     /_emulator/users/{user_id}/block        -> {update_id, blocked: true}
POST     /_emulator/users/{user_id}/unblock      -> {update_id, blocked: false}
GET      /_emulator/callbacks/{query_id}         ?timeout=S -> {answered, answer|null};
                                                 waits for answerCallbackQuery up to S
GET      /_emulator/files/{file_id}              -> the file's bytes (Content-Type, name)
POST     /_emulator/files/forget                 -> {forgotten}; every file_id so far stops
                                                 working for the bot (a new bot token, or
                                                 Telegram dropping old files)
GET      /_emulator/users/{user_id}/menu_button  -> the menu button of the user's private chat
                                                 (getChatMenuButton: web_app, commands…)
POST     /_emulator/users/{user_id}/web_app      {url, start_param?, theme? ("light"|"dark")}
                                                 -> {url}: the Mini App address with the init
                                                 data Telegram would sign for the user, the
                                                 theme and the platform in its fragment
=======  ======================================  =============================================

A transcript ``entry`` is: message_id, chat_id, from ("bot"|"user"|"service"), sender (User),
sender_name, date, text, entities, html (text rendered with Telegram's HTML tags), caption,
caption_html, reply_markup (current inline markup), inline_keyboard, keyboard (reply
keyboard / remove / force_reply sent with it), reply_to_message_id, media_group_id, venue,
location, contact, document / photo / sticker ({file_id, file_name, mime_type, file_size,
width, height, download_path}; a sticker adds its emoji), deleted, edited, edits ([{date,
text, entities, caption, reply_markup}] older versions), callback_answers ([{query_id, text,
show_alert, url, ...}]), api (the raw Bot API Message).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from aiohttp import web

from . import users as actions
from .state import STICKERS, World
from .users import ControlError
from .webapp import THEMES, WEB_APP_VERSION, sign_init_data

if TYPE_CHECKING:
    from .emulator import Emulator

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _json(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status)


async def _body(request: web.Request) -> dict[str, Any]:
    if not request.can_read_body:
        return {}
    try:
        data = await request.json()
    except ValueError:
        raise ControlError(400, "body must be JSON") from None
    if not isinstance(data, dict):
        raise ControlError(400, "body must be a JSON object")
    return data


def _decode(data_b64: Any) -> bytes:
    try:
        return base64.b64decode(str(data_b64), validate=True)
    except (binascii.Error, ValueError):
        raise ControlError(400, "data_b64 is not valid base64") from None


@web.middleware
async def control_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turns ControlError/KeyError/ValueError into JSON 4xx answers for control routes."""
    if not request.path.startswith("/_emulator/"):
        return await handler(request)
    try:
        return await handler(request)
    except ControlError as exc:
        return _json({"ok": False, "error": exc.message}, exc.status)
    except (KeyError, TypeError, ValueError) as exc:
        return _json({"ok": False, "error": f"bad request: {exc!r}"}, 400)


class ControlApi:
    """Routes of the control API (see the module docstring for the table).

    Args:
        emulator: the running emulator (world, config, faults, flood control).
    """

    def __init__(self, emulator: Emulator) -> None:
        self.emu = emulator

    @property
    def world(self) -> World:
        """The emulated state."""
        return self.emu.world

    def add_routes(self, app: web.Application) -> None:
        """Registers every control route on ``app``."""
        p = "/_emulator"
        r = app.router
        r.add_get(f"{p}/state", self.state)
        r.add_post(f"{p}/reset", self.reset)
        r.add_get(f"{p}/bot", self.bot)
        r.add_get(f"{p}/config", self.get_config)
        r.add_patch(f"{p}/config", self.patch_config)
        r.add_post(f"{p}/config", self.patch_config)
        r.add_get(f"{p}/faults", self.get_faults)
        r.add_post(f"{p}/faults", self.add_fault)
        r.add_delete(f"{p}/faults", self.clear_faults)
        r.add_get(f"{p}/calls", self.calls)
        r.add_get(f"{p}/rejections", self.rejections)
        r.add_delete(f"{p}/rejections", self.clear_rejections)
        r.add_get(f"{p}/updates", self.updates)
        r.add_post(f"{p}/users", self.create_user)
        r.add_get(f"{p}/users", self.list_users)
        r.add_post(f"{p}/groups", self.create_group)
        r.add_post(f"{p}/groups/{{chat_id}}/migrate", self.migrate)
        r.add_get(f"{p}/chats", self.list_chats)
        r.add_get(f"{p}/chats/{{chat_id}}/transcript", self.transcript)
        r.add_get(f"{p}/chats/{{chat_id}}/wait", self.wait)
        for action in (
            "send",
            "tap",
            "document",
            "photo",
            "video",
            "album",
            "sticker",
            "edit",
            "location",
            "contact",
            "block",
            "unblock",
        ):
            r.add_post(f"{p}/users/{{user_id}}/{action}", getattr(self, f"act_{action}"))
        r.add_get(f"{p}/users/{{user_id}}/commands", self.commands)
        r.add_get(f"{p}/users/{{user_id}}/menu_button", self.menu_button)
        r.add_post(f"{p}/users/{{user_id}}/web_app", self.web_app)
        r.add_get(f"{p}/stickers", self.stickers)
        r.add_get(f"{p}/callbacks/{{query_id}}", self.callback)
        r.add_get(f"{p}/files/{{file_id}}", self.file)
        r.add_post(f"{p}/files/forget", self.forget_files)

    # ---- emulator -----------------------------------------------------------------------

    async def state(self, request: web.Request) -> web.Response:
        """Summary of the world."""
        w = self.world
        return _json(
            {
                "bot": w.bot_user(),
                "users": [u.to_json() for u in w.users.values()],
                "chats": [self._chat_summary(c) for c in w.chats.values()],
                "webhook": {k: v for k, v in w.webhook.items() if k != "secret_token"},
                "pending_updates": len(w.updates),
            }
        )

    async def reset(self, request: web.Request) -> web.Response:
        """Forgets everything."""
        await self.emu.reset()
        return _json({"ok": True})

    async def bot(self, request: web.Request) -> web.Response:
        """The bot's User object."""
        return _json(self.world.bot_user())

    async def get_config(self, request: web.Request) -> web.Response:
        """The settings."""
        return _json(self.emu.config.to_json())

    async def patch_config(self, request: web.Request) -> web.Response:
        """Changes settings at run time."""
        self.emu.config.update(await _body(request))
        return _json(self.emu.config.to_json())

    async def get_faults(self, request: web.Request) -> web.Response:
        """The fault rules."""
        return _json([rule.to_json() for rule in self.emu.faults.rules])

    async def add_fault(self, request: web.Request) -> web.Response:
        """Adds a fault rule."""
        return _json(self.emu.faults.add(await _body(request)).to_json())

    async def clear_faults(self, request: web.Request) -> web.Response:
        """Removes all fault rules."""
        self.emu.faults.reset()
        return _json({"ok": True})

    async def calls(self, request: web.Request) -> web.Response:
        """Bot API calls per method (lower-case names)."""
        return _json(dict(self.world.calls))

    async def rejections(self, request: web.Request) -> web.Response:
        """Every Bot API call answered with an error."""
        return _json(self.world.rejections)

    async def clear_rejections(self, request: web.Request) -> web.Response:
        """Clears the rejection log and the call counters."""
        self.world.rejections.clear()
        self.world.calls.clear()
        return _json({"ok": True})

    async def updates(self, request: web.Request) -> web.Response:
        """Updates not yet confirmed by the bot."""
        return _json(self.world.updates)

    # ---- users, groups, chats -----------------------------------------------------------

    async def create_user(self, request: web.Request) -> web.Response:
        """Creates a user and the private chat."""
        body = await _body(request)
        if not str(body.get("first_name") or "").strip():
            raise ControlError(400, "first_name is required")
        user = self.world.add_user(
            str(body["first_name"]),
            body.get("last_name"),
            body.get("username"),
            body.get("language_code", "en"),
            bool(body.get("started", False)),
        )
        return _json(user.to_json())

    async def list_users(self, request: web.Request) -> web.Response:
        """All users."""
        return _json([u.to_json() for u in self.world.users.values()])

    async def create_group(self, request: web.Request) -> web.Response:
        """Creates a group with members."""
        body = await _body(request)
        result = await actions.create_group(
            self.world,
            str(body.get("title") or "Group"),
            [int(m) for m in body.get("member_ids", [])],
            str(body.get("type", "group")),
        )
        return _json(result)

    async def migrate(self, request: web.Request) -> web.Response:
        """Upgrades a group to a supergroup."""
        chat = actions.get_chat(self.world, int(request.match_info["chat_id"]))
        return _json(await actions.migrate_group(self.world, chat))

    def _chat_summary(self, chat: Any) -> dict[str, Any]:
        return {
            "chat": self.world.chat_api(chat),
            "version": chat.version,
            "message_count": len(chat.messages),
            "member_ids": chat.member_ids,
            "migrated_to": chat.migrated_to,
        }

    async def list_chats(self, request: web.Request) -> web.Response:
        """All chats."""
        return _json([self._chat_summary(c) for c in self.world.chats.values()])

    def _transcript(self, chat: Any, after: int) -> dict[str, Any]:
        return {
            "chat": self.world.chat_api(chat),
            "version": chat.version,
            "reply_keyboard": chat.reply_keyboard,
            "messages": self.world.transcript(chat, after),
        }

    async def transcript(self, request: web.Request) -> web.Response:
        """A chat's messages as its users see them."""
        chat = actions.get_chat(self.world, int(request.match_info["chat_id"]))
        after = int(request.query.get("after", 0))
        return _json(self._transcript(chat, after))

    async def wait(self, request: web.Request) -> web.Response:
        """Long poll for news in a chat (see the table)."""
        chat = actions.get_chat(self.world, int(request.match_info["chat_id"]))
        after = int(request.query.get("after", 0))
        timeout = min(float(request.query.get("timeout", 5)), 300.0)
        since = request.query.get("since_version")
        only_bot = request.query.get("from", "bot") == "bot"

        def ready() -> bool:
            if since is not None:
                return chat.version > int(since)
            return any(
                mid > after and (m.from_bot or not only_bot) for mid, m in chat.messages.items()
            )

        ok = await self.world.wait_for(ready, timeout)
        return _json({**self._transcript(chat, after), "timed_out": not ok})

    # ---- user actions -------------------------------------------------------------------

    async def _actor(self, request: web.Request) -> tuple[dict[str, Any], Any, Any]:
        body = await _body(request)
        user = actions.get_user(self.world, int(request.match_info["user_id"]))
        chat_id = body.get("chat_id")
        chat = actions.user_chat(self.world, user, None if chat_id is None else int(chat_id))
        return body, user, chat

    async def act_send(self, request: web.Request) -> web.Response:
        """The user writes a text or a command."""
        body, user, chat = await self._actor(request)
        reply_to = body.get("reply_to")
        return _json(await actions.send_text(self.world, user, chat, str(body["text"]), reply_to))

    async def act_tap(self, request: web.Request) -> web.Response:
        """The user taps an inline button or presses a reply keyboard button."""
        body, user, chat = await self._actor(request)
        if body.get("text") is None and body.get("callback_data") is None:
            raise ControlError(400, "give text or callback_data")
        result = await actions.tap(
            self.world,
            user,
            chat,
            message_id=body.get("message_id"),
            text=body.get("text"),
            data=body.get("callback_data"),
        )
        return _json(result)

    async def _file(self, request: web.Request, kind: str) -> web.Response:
        body, user, chat = await self._actor(request)
        result = await actions.send_file(
            self.world,
            user,
            chat,
            kind,
            _decode(body["data_b64"]),
            body.get("file_name"),
            body.get("mime_type"),
            body.get("caption"),
        )
        return _json(result)

    async def act_document(self, request: web.Request) -> web.Response:
        """The user sends a document."""
        return await self._file(request, "document")

    async def act_photo(self, request: web.Request) -> web.Response:
        """The user sends a photo."""
        return await self._file(request, "photo")

    async def act_video(self, request: web.Request) -> web.Response:
        """The user sends a video."""
        return await self._file(request, "video")

    async def act_sticker(self, request: web.Request) -> web.Response:
        """The user sends a built-in sticker."""
        body, user, chat = await self._actor(request)
        return _json(await actions.send_sticker(self.world, user, chat, str(body["sticker"])))

    async def stickers(self, request: web.Request) -> web.Response:
        """The built-in stickers, key → emoji."""
        return _json(STICKERS)

    async def commands(self, request: web.Request) -> web.Response:
        """The command menu the user sees in a chat (Telegram's scope resolution)."""
        user = actions.get_user(self.world, int(request.match_info["user_id"]))
        chat_id = request.query.get("chat_id")
        chat = actions.user_chat(self.world, user, None if chat_id is None else int(chat_id))
        return _json(self.world.commands_for(chat, user))

    async def menu_button(self, request: web.Request) -> web.Response:
        """The menu button of the user's private chat."""
        user = actions.get_user(self.world, int(request.match_info["user_id"]))
        return _json(self.world.menu_button_for(user.id))

    async def web_app(self, request: web.Request) -> web.Response:
        """The Mini App address as Telegram opens it for the user: signed init data, theme
        parameters and platform in the fragment (``#tgWebAppData=…``)."""
        user = actions.get_user(self.world, int(request.match_info["user_id"]))
        body = await _body(request)
        url = str(body.get("url") or "")
        if not url.startswith(("https://", "http://")):
            raise ControlError(400, "give the Mini App's url")
        if self.world.bot_token is None:
            raise ControlError(409, "the bot has not called the Bot API yet")
        theme = str(body.get("theme") or "light")
        init_data = sign_init_data(
            self.world.bot_token,
            {
                "id": user.id,
                "first_name": user.first_name,
                **({"last_name": user.last_name} if user.last_name else {}),
                **({"username": user.username} if user.username else {}),
                "language_code": user.language_code or "id",
                "allows_write_to_pm": True,
            },
            auth_date=int(self.emu.config.wall_clock()),
            start_param=body.get("start_param") or None,
        )
        fragment = urlencode(
            {
                "tgWebAppData": init_data,
                "tgWebAppVersion": WEB_APP_VERSION,
                "tgWebAppPlatform": "web",
                "tgWebAppThemeParams": json.dumps(THEMES.get(theme, THEMES["light"])),
            },
            quote_via=quote,
        )
        params = THEMES.get(theme, THEMES["light"])
        return _json({"url": f"{url.split('#')[0]}#{fragment}", "theme_params": params})

    async def act_album(self, request: web.Request) -> web.Response:
        """The user sends an album."""
        body, user, chat = await self._actor(request)
        items = [{**item, "data": _decode(item["data_b64"])} for item in body["items"]]
        return _json(await actions.send_album(self.world, user, chat, items))

    async def act_edit(self, request: web.Request) -> web.Response:
        """The user edits a message."""
        body, user, chat = await self._actor(request)
        result = await actions.edit(
            self.world, user, chat, int(body["message_id"]), str(body["text"])
        )
        return _json(result)

    async def act_location(self, request: web.Request) -> web.Response:
        """The user shares a location."""
        body, user, chat = await self._actor(request)
        result = await actions.share_location(
            self.world, user, chat, body["latitude"], body["longitude"]
        )
        return _json(result)

    async def act_contact(self, request: web.Request) -> web.Response:
        """The user shares a contact."""
        body, user, chat = await self._actor(request)
        result = await actions.share_contact(
            self.world,
            user,
            chat,
            str(body["phone_number"]),
            str(body["first_name"]),
            body.get("last_name"),
            body.get("user_id"),
        )
        return _json(result)

    async def act_block(self, request: web.Request) -> web.Response:
        """The user blocks the bot."""
        user = actions.get_user(self.world, int(request.match_info["user_id"]))
        return _json(await actions.block(self.world, user))

    async def act_unblock(self, request: web.Request) -> web.Response:
        """The user unblocks the bot."""
        user = actions.get_user(self.world, int(request.match_info["user_id"]))
        return _json(await actions.unblock(self.world, user))

    # ---- callbacks and files ------------------------------------------------------------

    async def callback(self, request: web.Request) -> web.Response:
        """The answer to a callback query, waiting up to ``timeout`` seconds for it."""
        record = self.world.callbacks.get(request.match_info["query_id"])
        if record is None:
            raise ControlError(404, "unknown callback query")
        timeout = min(float(request.query.get("timeout", 0)), 300.0)
        await self.world.wait_for(lambda: record.answer is not None, timeout)
        return _json({"answered": record.answer is not None, "answer": record.answer})

    async def forget_files(self, request: web.Request) -> web.Response:
        """Every file_id so far stops working for the bot."""
        return _json({"forgotten": self.world.forget_file_ids()})

    async def file(self, request: web.Request) -> web.Response:
        """A stored file's bytes."""
        stored = self.world.files.get(request.match_info["file_id"])
        if stored is None:
            raise ControlError(404, "unknown file")
        return web.Response(
            body=stored.data,
            content_type=stored.mime_type,
            headers={"Content-Disposition": f'inline; filename="{stored.file_name}"'},
        )
