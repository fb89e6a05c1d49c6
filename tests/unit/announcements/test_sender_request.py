"""The broadcast sender's HTTP client (:class:`AiohttpRequest`) against a small Bot API
server: what Telegram receives, and how its answers and transport failures become PTB's
errors."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot
from telegram.error import ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.outbox.sender import _sending_bot
from bot.telegram_request import AiohttpRequest

TOKEN = "123456789:AAHtest-token-0123456789abcdefghijklm"

Answer = Callable[[web.Request, dict[str, Any]], Any]


class FakeBotApi:
    """A Bot API that records each call's method and fields and answers with ``answer``."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.answer: Answer = self.ok

    @staticmethod
    def ok(_request: web.Request, _fields: dict[str, Any]) -> Any:
        return _sent(77, text="x")

    async def handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        if method == "getMe":
            me = {"id": 1, "is_bot": True, "first_name": "B", "username": "b"}
            return web.json_response({"ok": True, "result": me})
        fields: dict[str, Any] = {}
        if request.content_type == "multipart/form-data":
            async for part in await request.multipart():
                fields[part.name] = (part.filename, await part.read())
        else:
            fields = dict(await request.post())
        self.calls.append((method, fields))
        answer = self.answer(request, fields)
        return await answer if asyncio.iscoroutine(answer) else answer


@pytest.fixture
async def api() -> AsyncIterator[tuple[FakeBotApi, str]]:
    fake = FakeBotApi()
    app = web.Application()
    app.router.add_post("/bot{token}/{method}", fake.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield fake, f"http://127.0.0.1:{port}/bot"
    await runner.cleanup()


def _sent(message_id: int, **content: Any) -> web.Response:
    """Telegram's answer to a send: the message (in chat 42)."""
    message = {"message_id": message_id, "date": 0, "chat": {"id": 42, "type": "private"}}
    return web.json_response({"ok": True, "result": {**message, **content}})


def _error(code: int, description: str, **parameters: Any) -> Answer:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return lambda _request, _fields: web.json_response(body, status=code)


async def test_sends_the_form_and_returns_the_message_id(api) -> None:
    fake, base_url = api
    sender_bot = _sending_bot(Bot(TOKEN, base_url=base_url), pool_size=4)
    await sender_bot.initialize()
    try:
        message_id = await sender_bot.send_raw(
            "sendMessage", {"chat_id": 42, "text": "Halo & <b>selamat</b>", "parse_mode": "HTML"}
        )
    finally:
        await sender_bot.shutdown()
    assert message_id == 77
    assert fake.calls == [
        ("sendMessage", {"chat_id": "42", "text": "Halo & <b>selamat</b>", "parse_mode": "HTML"})
    ]


async def test_telegram_answers_become_ptb_errors(api) -> None:
    fake, base_url = api
    async with Bot(TOKEN, base_url=base_url, request=AiohttpRequest()) as bot:
        fake.answer = _error(429, "Too Many Requests: retry after 3", retry_after=3)
        with pytest.raises(RetryAfter):
            await bot.send_message(42, "x")
        fake.answer = _error(403, "Forbidden: bot was blocked by the user")
        with pytest.raises(Forbidden):
            await bot.send_message(42, "x")
        fake.answer = _error(400, "Bad Request: group upgraded", migrate_to_chat_id=-1001)
        with pytest.raises(ChatMigrated) as migrated:
            await bot.send_message(-1, "x")
        assert migrated.value.new_chat_id == -1001
        fake.answer = _error(502, "Bad Gateway")
        with pytest.raises(NetworkError):
            await bot.send_message(42, "x")


async def test_a_dropped_connection_is_a_network_error_and_not_sent_again(api) -> None:
    fake, base_url = api

    def drop(request: web.Request, _fields: dict[str, Any]) -> Any:
        assert request.transport is not None
        request.transport.close()
        return web.Response()

    fake.answer = drop
    async with Bot(TOKEN, base_url=base_url, request=AiohttpRequest()) as bot:
        with pytest.raises(NetworkError) as raised:
            await bot.send_message(42, "x")
    assert not isinstance(raised.value, TimedOut)
    assert len(fake.calls) == 1  # a POST is never retried by the client


async def test_no_answer_within_the_read_timeout_is_timed_out(api) -> None:
    fake, base_url = api

    answer_now = asyncio.Event()

    async def slow(_request: web.Request, _fields: dict[str, Any]) -> Any:
        await answer_now.wait()  # the Bot API answers only after the client gave up
        return FakeBotApi.ok(_request, _fields)

    fake.answer = slow
    async with Bot(TOKEN, base_url=base_url, request=AiohttpRequest(read_timeout=0.2)) as bot:
        with pytest.raises(TimedOut):
            await bot.send_message(42, "x")
    answer_now.set()


async def test_uploads_a_file_as_multipart(api) -> None:
    fake, base_url = api

    fake.answer = lambda _request, _fields: _sent(
        78, document={"file_id": "f", "file_unique_id": "u"}
    )
    async with Bot(TOKEN, base_url=base_url, request=AiohttpRequest()) as bot:
        message = await bot.send_document(
            42, b"a,b\n1,2\n", filename="rekap.csv", caption="<b>Rekap</b>", parse_mode="HTML"
        )
    assert message.message_id == 78
    method, fields = fake.calls[0]
    assert method == "sendDocument"
    assert fields["chat_id"] == (None, b"42") and fields["caption"] == (None, b"<b>Rekap</b>")
    uploaded = [value for value in fields.values() if value[0] == "rekap.csv"]
    assert uploaded == [("rekap.csv", b"a,b\n1,2\n")]
