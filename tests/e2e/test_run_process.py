"""`iga-bot run` as a real process: polling and webhook mode answer /start in Indonesian, the
webhook refuses requests without Telegram's secret-token header, the token is never logged."""

import socket

import aiohttp
import pytest

from tests.e2e.conftest import BOT_TOKEN, wait_until
from tests.e2e.process import bot_process  # noqa: F401 - fixture

pytestmark = pytest.mark.e2e

STARTUP_SECONDS = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_polling_process_answers_start(bot_process, emu) -> None:  # noqa: F811
    process = bot_process.start()
    siti = await emu.create_user("Siti", language_code="id")
    await siti.send("/start")
    reply = await siti.expect_message("Selamat datang, Bapak/Ibu Siti", timeout=STARTUP_SECONDS)
    assert "Rabu, 7 Desember 2022" in reply["text"]
    process.stop()
    assert process.process.returncode == 0, bot_process.output()
    assert BOT_TOKEN.split(":")[1] not in bot_process.output()


async def test_webhook_process_checks_the_secret(bot_process, emu) -> None:  # noqa: F811
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    bot_process.env.update(WEBHOOK_URL=url, WEBHOOK_SECRET="s3cret-Token_1", PORT=str(port))
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
