"""``UserDriver``: one simulated user, for tests that read like a conversation::

siti = await client.create_user("Siti", language_code="id")
await siti.send("/start")
menu = await siti.expect_message(contains="Agenda")
await siti.tap("Agenda")
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from typing import Any

from .client import EmulatorClient, EmulatorControlError

Message = dict[str, Any]

REPLY_TIMEOUT = 15.0
"""Seconds a test waits for the bot's reply by default: a reply comes in well under a second,
but a CI machine running two test workers, browsers and bot processes can stall one for
several (5 s failed there); waiting longer costs a passing test nothing."""


class UserDriver:
    """A user acting in one chat (their private chat unless :meth:`in_chat` is used).

    Args:
        client: the control API client.
        user: the user as the control API returned it.
        chat_id: chat the user acts in; default the private chat (id = user id).
        consumed: message id -> number of edits it had when :meth:`expect_message`
            returned it.

    Attributes:
        id: the user id.
    """

    def __init__(
        self,
        client: EmulatorClient,
        user: dict[str, Any],
        chat_id: int | None = None,
        consumed: dict[int, int] | None = None,
    ) -> None:
        self.client = client
        self.user = user
        self.id: int = user["id"]
        self.chat_id: int = self.id if chat_id is None else chat_id
        self.consumed: dict[int, int] = consumed if consumed is not None else {}

    def in_chat(self, chat_id: int) -> UserDriver:
        """Returns a driver for the same user acting in ``chat_id`` (e.g. a group)."""
        return UserDriver(self.client, self.user, chat_id)

    # ---- actions ----------------------------------------------------------------------

    async def send(self, text: str, *, reply_to: int | None = None) -> dict[str, Any]:
        """Writes ``text`` (a ``/command`` gets its bot_command entity).

        Returns:
            {chat_id, message_id, update_id (None if not delivered to the bot)}.
        """
        return await self.client.send(self.id, text, chat_id=self.chat_id, reply_to=reply_to)

    async def tap(
        self, label: str | None = None, *, data: str | None = None, message_id: int | None = None
    ) -> dict[str, Any]:
        """Taps the inline button labelled ``label`` (or with callback_data ``data``) on the
        latest bot message having it, or presses the reply keyboard button ``label``.

        Raises:
            AssertionError: no such button (the message lists the available ones).
        """
        return await self.client.tap(
            self.id, text=label, callback_data=data, message_id=message_id, chat_id=self.chat_id
        )

    async def send_document(
        self,
        data: bytes,
        file_name: str,
        mime_type: str | None = None,
        *,
        caption: str | None = None,
    ) -> dict[str, Any]:
        """Sends a document."""
        return await self.client.send_file(
            self.id, "document", data, file_name, mime_type, caption=caption, chat_id=self.chat_id
        )

    async def send_video(
        self, data: bytes, file_name: str = "video.mp4", mime_type: str = "video/mp4"
    ) -> dict[str, Any]:
        """Sends a video."""
        return await self.client.send_file(
            self.id, "video", data, file_name, mime_type, chat_id=self.chat_id
        )

    async def send_photo(
        self,
        data: bytes,
        file_name: str = "photo.jpg",
        mime_type: str = "image/jpeg",
        *,
        caption: str | None = None,
    ) -> dict[str, Any]:
        """Sends a photo."""
        return await self.client.send_file(
            self.id, "photo", data, file_name, mime_type, caption=caption, chat_id=self.chat_id
        )

    async def send_album(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Sends an album (items: {kind, data, file_name, mime_type?, caption?})."""
        return await self.client.send_album(self.id, items, chat_id=self.chat_id)

    async def edit(self, message_id: int, text: str) -> dict[str, Any]:
        """Edits one of the user's messages."""
        return await self.client.edit(self.id, message_id, text, chat_id=self.chat_id)

    async def share_location(self, latitude: float, longitude: float) -> dict[str, Any]:
        """Shares a location."""
        return await self.client.share_location(self.id, latitude, longitude, chat_id=self.chat_id)

    async def share_contact(self, phone_number: str) -> dict[str, Any]:
        """Shares the user's own contact."""
        return await self.client.share_contact(
            self.id,
            phone_number,
            self.user["first_name"],
            last_name=self.user.get("last_name"),
            contact_user_id=self.id,
            chat_id=self.chat_id,
        )

    async def send_sticker(self, sticker: str = "thumbs_up") -> dict[str, Any]:
        """Sends a built-in sticker."""
        return await self.client.send_sticker(self.id, sticker, chat_id=self.chat_id)

    async def command_menu(self) -> list[str]:
        """The commands the user's ☰ menu shows in this chat, without the slash."""
        commands = await self.client.commands(self.id, chat_id=self.chat_id)
        return [command["command"] for command in commands]

    async def block(self) -> dict[str, Any]:
        """Blocks the bot."""
        return await self.client.block(self.id)

    async def unblock(self) -> dict[str, Any]:
        """Unblocks the bot."""
        return await self.client.unblock(self.id)

    # ---- reading ----------------------------------------------------------------------

    async def transcript(self, after: int | None = None) -> list[Message]:
        """The chat's messages as the user sees them."""
        return (await self.client.transcript(self.chat_id, after))["messages"]

    async def bot_messages(self) -> list[Message]:
        """The bot's messages in the chat (not deleted)."""
        return [m for m in await self.transcript() if m["from"] == "bot" and not m["deleted"]]

    async def last_bot_message(self) -> Message | None:
        """The latest bot message, or None."""
        messages = await self.bot_messages()
        return messages[-1] if messages else None

    async def expect_message(
        self,
        contains: str | None = None,
        *,
        regex: str | None = None,
        predicate: Callable[[Message], bool] | None = None,
        timeout: float = REPLY_TIMEOUT,
    ) -> Message:
        """Waits for the next not-yet-consumed bot message that matches, and consumes it.

        A consumed message that the bot edits afterwards counts as new again, so an
        edit in place (e.g. after a button tap) can be expected like a new message.

        Matches on the current text or caption (``contains`` substring, ``regex`` search)
        and/or ``predicate(entry)``; no criteria matches any bot message.

        Args:
            timeout: seconds to wait.

        Raises:
            AssertionError: nothing matched in time; lists the bot messages that arrived.
        """

        def matches(entry: Message) -> bool:
            body = entry.get("text") or entry.get("caption") or ""
            if contains is not None and contains not in body:
                return False
            if regex is not None and not re.search(regex, body):
                return False
            return predicate is None or predicate(entry)

        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            data = await self.client.transcript(self.chat_id)
            fresh = [
                m
                for m in data["messages"]
                if m["from"] == "bot"
                and not m["deleted"]
                and self.consumed.get(m["message_id"], -1) < len(m["edits"])
            ]
            for entry in fresh:
                if matches(entry):
                    self.consumed[entry["message_id"]] = len(entry["edits"])
                    return entry
            remaining = deadline - loop.time()
            if remaining <= 0:
                arrived = [(m["message_id"], m.get("text") or m.get("caption")) for m in fresh]
                wanted = {"contains": contains, "regex": regex, "predicate": predicate}
                raise AssertionError(
                    f"no bot message matching {wanted} in chat {self.chat_id} within "
                    f"{timeout}s; unconsumed bot messages: {arrived}"
                )
            await self.client.wait(self.chat_id, since_version=data["version"], timeout=remaining)

    async def expect_callback_answer(
        self, tap_result: dict[str, Any], timeout: float = REPLY_TIMEOUT
    ):
        """Waits for the bot's answerCallbackQuery to a tap; returns the answer.

        Raises:
            AssertionError: not answered within ``timeout`` seconds.
        """
        result = await self.client.callback_answer(tap_result["query_id"], timeout)
        if not result["answered"]:
            raise AssertionError(f"callback query {tap_result['query_id']} not answered")
        return result["answer"]


__all__ = ["UserDriver", "EmulatorControlError"]
