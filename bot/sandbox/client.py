"""``EmulatorClient``: an aiohttp client for the emulator's control API (one method per
endpoint of :mod:`bot.sandbox.control`)."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

import aiohttp

if TYPE_CHECKING:
    from .driver import UserDriver


class EmulatorControlError(AssertionError):
    """The control API refused a request (an AssertionError, so tests fail plainly).

    Attributes:
        status: HTTP status of the answer.
    """

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"emulator control API {status}: {message}")
        self.status = status
        self.message = message


class EmulatorClient:
    """Client of the control API.

    Args:
        base_url: the emulator's root URL, e.g. ``http://127.0.0.1:8081``.
        session: an aiohttp session to use (one is created, and closed by :meth:`close`,
            otherwise).
    """

    def __init__(self, base_url: str, session: aiohttp.ClientSession | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._session = session
        self._own_session = session is None

    @property
    def session(self) -> aiohttp.ClientSession:
        """The HTTP session (created on first use)."""
        if self._session is None:
            self._session = aiohttp.ClientSession()
        return self._session

    async def close(self) -> None:
        """Closes the session if this client created it."""
        if self._own_session and self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> EmulatorClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        query: dict[str, Any] | None = None,
        http_timeout: float = 30.0,
    ) -> Any:
        """Calls a control endpoint; returns the decoded JSON.

        Args:
            method: HTTP method.
            path: path under ``/_emulator/`` (e.g. "users").
            body: JSON body.
            query: query parameters (None values are left out).
            http_timeout: HTTP timeout, seconds.

        Raises:
            EmulatorControlError: on a non-2xx answer.
        """
        params = {k: str(v) for k, v in (query or {}).items() if v is not None}
        async with self.session.request(
            method,
            f"{self.base_url}/_emulator/{path}",
            json=body,
            params=params,
            timeout=aiohttp.ClientTimeout(total=http_timeout),
        ) as resp:
            data = await resp.json()
            if resp.status >= 400:
                raise EmulatorControlError(resp.status, (data or {}).get("error", str(data)))
            return data

    # ---- emulator ---------------------------------------------------------------------

    async def state(self) -> dict[str, Any]:
        """GET state."""
        return await self.request("GET", "state")

    async def reset(self) -> None:
        """POST reset."""
        await self.request("POST", "reset")

    async def bot(self) -> dict[str, Any]:
        """The bot's User object."""
        return await self.request("GET", "bot")

    async def config(self) -> dict[str, Any]:
        """The emulator settings."""
        return await self.request("GET", "config")

    async def configure(self, **patch: Any) -> dict[str, Any]:
        """Changes settings, e.g. ``configure(rate_limits={"enabled": False})``."""
        return await self.request("PATCH", "config", patch)

    async def add_fault(self, kind: str, **rule: Any) -> dict[str, Any]:
        """Adds a fault rule (see :class:`bot.sandbox.faults.FaultRule`)."""
        return await self.request("POST", "faults", {"kind": kind, **rule})

    async def faults(self) -> list[dict[str, Any]]:
        """The fault rules."""
        return await self.request("GET", "faults")

    async def clear_faults(self) -> None:
        """Removes all fault rules."""
        await self.request("DELETE", "faults")

    async def calls(self) -> dict[str, int]:
        """Bot API calls per lower-case method name."""
        return await self.request("GET", "calls")

    async def rejections(self) -> list[dict[str, Any]]:
        """Every Bot API call the emulator answered with an error."""
        return await self.request("GET", "rejections")

    async def clear_rejections(self) -> None:
        """Clears the rejection log and the call counters."""
        await self.request("DELETE", "rejections")

    async def pending_updates(self) -> list[dict[str, Any]]:
        """Updates the bot has not confirmed yet."""
        return await self.request("GET", "updates")

    # ---- users, groups, chats ---------------------------------------------------------

    async def create_user(
        self,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str = "en",
        started: bool = False,
    ) -> UserDriver:
        """Creates a user; returns a :class:`UserDriver` acting in their private chat."""
        from .driver import UserDriver

        user = await self.request(
            "POST",
            "users",
            {
                "first_name": first_name,
                "last_name": last_name,
                "username": username,
                "language_code": language_code,
                "started": started,
            },
        )
        return UserDriver(self, user)

    async def users(self) -> list[dict[str, Any]]:
        """All users."""
        return await self.request("GET", "users")

    async def create_group(
        self, title: str, members: list[Any], *, type: str = "group"
    ) -> dict[str, Any]:
        """Creates a group; ``members`` are user ids or :class:`UserDriver` objects."""
        ids = [getattr(m, "id", m) for m in members]
        return await self.request(
            "POST", "groups", {"title": title, "member_ids": ids, "type": type}
        )

    async def migrate_group(self, chat_id: int) -> dict[str, Any]:
        """Upgrades a group to a supergroup; returns {old_chat_id, new_chat_id, update_ids}."""
        return await self.request("POST", f"groups/{chat_id}/migrate")

    async def chats(self) -> list[dict[str, Any]]:
        """All chats."""
        return await self.request("GET", "chats")

    async def transcript(self, chat_id: int, after: int | None = None) -> dict[str, Any]:
        """A chat's transcript: {chat, version, reply_keyboard, messages}."""
        return await self.request("GET", f"chats/{chat_id}/transcript", query={"after": after})

    async def wait(
        self,
        chat_id: int,
        *,
        after: int | None = None,
        since_version: int | None = None,
        timeout: float = 5.0,
        from_bot: bool = True,
    ) -> dict[str, Any]:
        """Long-polls a chat: returns when a bot message with id > ``after`` exists (or the
        chat changed after ``since_version``), or after ``timeout`` seconds."""
        return await self.request(
            "GET",
            f"chats/{chat_id}/wait",
            query={
                "after": after,
                "since_version": since_version,
                "timeout": timeout,
                "from": "bot" if from_bot else "any",
            },
            http_timeout=timeout + 10,
        )

    # ---- user actions -----------------------------------------------------------------

    async def act(self, user_id: int, action: str, body: dict[str, Any] | None = None) -> Any:
        """POST users/{user_id}/{action}."""
        payload = {k: v for k, v in (body or {}).items() if v is not None}
        return await self.request("POST", f"users/{user_id}/{action}", payload)

    async def send(
        self, user_id: int, text: str, *, chat_id: int | None = None, reply_to: int | None = None
    ) -> dict[str, Any]:
        """The user writes ``text``."""
        return await self.act(
            user_id, "send", {"text": text, "chat_id": chat_id, "reply_to": reply_to}
        )

    async def tap(
        self,
        user_id: int,
        *,
        text: str | None = None,
        callback_data: str | None = None,
        message_id: int | None = None,
        chat_id: int | None = None,
    ) -> dict[str, Any]:
        """The user taps a button by text or callback_data."""
        return await self.act(
            user_id,
            "tap",
            {
                "text": text,
                "callback_data": callback_data,
                "message_id": message_id,
                "chat_id": chat_id,
            },
        )

    async def send_file(
        self,
        user_id: int,
        kind: str,
        data: bytes,
        file_name: str,
        mime_type: str | None = None,
        *,
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> dict[str, Any]:
        """The user sends a document, photo or video (``kind`` "document", "photo" or
        "video")."""
        return await self.act(
            user_id,
            kind,
            {
                "data_b64": base64.b64encode(data).decode(),
                "file_name": file_name,
                "mime_type": mime_type,
                "caption": caption,
                "chat_id": chat_id,
            },
        )

    async def send_album(
        self, user_id: int, items: list[dict[str, Any]], *, chat_id: int | None = None
    ) -> list[dict[str, Any]]:
        """The user sends an album; items: {kind, data (bytes), file_name, mime_type?,
        caption?}."""
        encoded = [
            {
                **{k: v for k, v in item.items() if k != "data"},
                "data_b64": base64.b64encode(item["data"]).decode(),
            }
            for item in items
        ]
        return await self.act(user_id, "album", {"items": encoded, "chat_id": chat_id})

    async def edit(
        self, user_id: int, message_id: int, text: str, *, chat_id: int | None = None
    ) -> dict[str, Any]:
        """The user edits a message."""
        return await self.act(
            user_id, "edit", {"message_id": message_id, "text": text, "chat_id": chat_id}
        )

    async def share_location(
        self, user_id: int, latitude: float, longitude: float, *, chat_id: int | None = None
    ) -> dict[str, Any]:
        """The user shares a location."""
        return await self.act(
            user_id, "location", {"latitude": latitude, "longitude": longitude, "chat_id": chat_id}
        )

    async def share_contact(
        self,
        user_id: int,
        phone_number: str,
        first_name: str,
        *,
        last_name: str | None = None,
        contact_user_id: int | None = None,
        chat_id: int | None = None,
    ) -> dict[str, Any]:
        """The user shares a contact."""
        return await self.act(
            user_id,
            "contact",
            {
                "phone_number": phone_number,
                "first_name": first_name,
                "last_name": last_name,
                "user_id": contact_user_id,
                "chat_id": chat_id,
            },
        )

    async def send_sticker(
        self, user_id: int, sticker: str, *, chat_id: int | None = None
    ) -> dict[str, Any]:
        """The user sends a built-in sticker (a key of ``GET stickers``)."""
        return await self.act(user_id, "sticker", {"sticker": sticker, "chat_id": chat_id})

    async def commands(self, user_id: int, *, chat_id: int | None = None) -> list[dict[str, Any]]:
        """The command menu the user sees in a chat (default: the private chat)."""
        query = {} if chat_id is None else {"chat_id": chat_id}
        return await self.request("GET", f"users/{user_id}/commands", query=query)

    async def block(self, user_id: int) -> dict[str, Any]:
        """The user blocks the bot."""
        return await self.act(user_id, "block")

    async def unblock(self, user_id: int) -> dict[str, Any]:
        """The user unblocks the bot."""
        return await self.act(user_id, "unblock")

    async def callback_answer(self, query_id: str, timeout: float = 0.0) -> dict[str, Any]:
        """{answered, answer}, waiting up to ``timeout`` seconds for answerCallbackQuery."""
        return await self.request(
            "GET", f"callbacks/{query_id}", query={"timeout": timeout}, http_timeout=timeout + 10
        )

    async def forget_files(self) -> int:
        """POST files/forget: every file_id so far stops working for the bot; returns how
        many."""
        return (await self.request("POST", "files/forget"))["forgotten"]

    async def download(self, file_id: str) -> bytes:
        """A stored file's bytes."""
        async with self.session.get(f"{self.base_url}/_emulator/files/{file_id}") as resp:
            if resp.status >= 400:
                raise EmulatorControlError(resp.status, await resp.text())
            return await resp.read()
