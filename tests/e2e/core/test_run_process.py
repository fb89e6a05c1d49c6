"""`iga-bot run` as a real process: polling and webhook mode answer /start in Indonesian, the
webhook refuses requests without Telegram's secret-token header, the token is never logged; a
bot started while Telegram is unreachable keeps trying, comes up by itself and stops on
SIGTERM."""

import asyncio

import aiohttp
import pytest

from bot.sandbox.client import EmulatorClient
from bot.sandbox.emulator import Emulator
from tests.e2e.conftest import BOT_TOKEN, wait_until
from tests.e2e.process import free_port

pytestmark = pytest.mark.e2e

STARTUP_SECONDS = 30.0
STOP_SECONDS = 5.0
"""A stopped bot that waits for Telegram exits well within this (SIGKILL comes at 10 s)."""


async def test_polling_process_answers_start(bot_process, emu) -> None:
    process = bot_process.start()
    siti = await emu.create_user("Siti", language_code="id")
    await siti.send("/start")
    reply = await siti.expect_message("Selamat datang, Bapak/Ibu Siti", timeout=STARTUP_SECONDS)
    assert "Rabu, 7 Desember 2022" in reply["text"]
    await process.stop()
    assert process.process.returncode == 0, bot_process.output()
    assert BOT_TOKEN.split(":")[1] not in bot_process.output()


async def test_webhook_process_checks_the_secret(bot_process, emu) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    bot_process.env.update(
        WEBHOOK_URL=url,
        WEBHOOK_SECRET="s3cret-Token_1",
        PORT=str(port),
        PUBLIC_URL="https://iga.example.go.id",
    )
    bot_process.start()

    async def webhook_set() -> bool:
        return (await emu.state())["webhook"].get("url") == url

    await wait_until(webhook_set, timeout=STARTUP_SECONDS)
    siti = await emu.create_user("Siti", language_code="id")
    await siti.send("/start")
    await siti.expect_message("Selamat datang, Bapak/Ibu Siti", timeout=10)

    forged = {
        "update_id": 999_999,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": siti.id, "type": "private", "first_name": "Mallory"},
            "from": {"id": siti.id, "is_bot": False, "first_name": "Mallory"},
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }
    async with aiohttp.ClientSession() as http:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
            async with http.post(url, json=forged, headers=headers) as response:
                assert response.status == 403
    assert [m for m in await siti.bot_messages() if "Bantuan" in (m["text"] or "")] == []
    assert BOT_TOKEN.split(":")[1] not in bot_process.output()
    async with aiohttp.ClientSession() as http:  # one server: the workspace on the same port
        async with http.get(f"http://127.0.0.1:{port}/app/") as response:
            assert response.status == 200
        async with http.get(f"http://127.0.0.1:{port}/app/f/home") as response:
            assert response.status == 401


async def test_polling_process_serves_the_workspace_on_port(bot_process, emu) -> None:
    port = free_port()
    bot_process.env.update(PUBLIC_URL="https://iga.example.go.id", PORT=str(port))
    bot_process.start()

    async def served() -> bool:
        try:
            async with aiohttp.ClientSession() as http:
                async with http.get(f"http://127.0.0.1:{port}/app/") as response:
                    return response.status == 200
        except aiohttp.ClientConnectionError:
            return False

    await wait_until(served, timeout=STARTUP_SECONDS)
    siti = await emu.create_user("Siti", language_code="id")
    await siti.send("/start")
    await siti.expect_message("Selamat datang, Bapak/Ibu Siti", timeout=10)


class RefusingServer:
    """A TCP port that accepts connections and closes them at once (Telegram unreachable:
    every request fails), counting the attempts."""

    def __init__(self) -> None:
        self.attempts = 0
        self.server: asyncio.base_events.Server | None = None

    async def start(self, port: int) -> None:
        async def drop(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.attempts += 1
            writer.close()

        self.server = await asyncio.start_server(drop, "127.0.0.1", port)

    async def stop(self) -> None:
        self.server.close()
        await self.server.wait_closed()


async def telegram_down_at_start(bot_process) -> tuple[RefusingServer, int, object]:
    """A bot process started while its Bot API address drops every connection; returns once
    it has tried twice (it did not give up after the first failure)."""
    port = free_port()
    down = RefusingServer()
    await down.start(port)
    bot_process.env.update(
        TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}/bot",
        TELEGRAM_API_FILE_URL=f"http://127.0.0.1:{port}/file/bot",
    )
    process = bot_process.start()

    async def retried() -> bool:
        assert process.running, bot_process.output()
        return down.attempts >= 2

    await wait_until(retried, timeout=STARTUP_SECONDS)
    return down, port, process


async def test_started_while_telegram_is_unreachable_it_comes_up_by_itself(
    bot_process,
    emulator_config,
) -> None:
    down, port, process = await telegram_down_at_start(bot_process)
    await down.stop()
    late = Emulator(emulator_config)
    await late.start(host="127.0.0.1", port=port)
    try:
        async with EmulatorClient(late.base_url) as client:
            siti = await client.create_user("Siti", language_code="id")
            await siti.send("/start")
            await siti.expect_message("Selamat datang, Bapak/Ibu Siti", timeout=STARTUP_SECONDS)
        await process.stop()
        assert process.process.returncode == 0, bot_process.output()
    finally:
        await late.stop()


async def test_sigterm_stops_a_bot_waiting_for_telegram(bot_process) -> None:
    down, _, process = await telegram_down_at_start(bot_process)
    try:
        process.process.terminate()
        returncode = await asyncio.to_thread(process.process.wait, STOP_SECONDS)
        assert returncode == 0, bot_process.output()
    finally:
        await down.stop()


async def test_a_new_emulator_on_the_same_database_is_answered(
    bot_process,
    emu,
    emulator_config,
) -> None:
    """As when `iga-bot sandbox` starts again on its database: the bot remembers the last
    update it applied, and the new emulator's update ids must not look already applied."""
    first = bot_process.start()
    siti = await emu.create_user("Siti", language_code="id")
    await siti.send("/start")
    await siti.expect_message("Selamat datang, Bapak/Ibu Siti", timeout=STARTUP_SECONDS)
    await first.stop()
    again = Emulator(emulator_config)
    await again.start(host="127.0.0.1", port=0)
    try:
        bot_process.env.update(
            TELEGRAM_API_BASE_URL=again.bot_api_base_url,
            TELEGRAM_API_FILE_URL=again.file_base_url,
        )
        bot_process.start()
        async with EmulatorClient(again.base_url) as client:
            budi = await client.create_user("Budi", language_code="id")
            await budi.send("/start")
            await budi.expect_message("Selamat datang, Bapak/Ibu Budi", timeout=STARTUP_SECONDS)
    finally:
        await again.stop()
