"""Flood control on an injected clock, and fault injection."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from bot.sandbox import Emulator, EmulatorClient
from bot.sandbox.config import RateLimits
from bot.sandbox.ratelimit import FloodControl

from .conftest import BotApiCaller, FakeClock


async def send(api: BotApiCaller, chat_id: int, text: str = "x") -> tuple[int, dict]:
    return await api("sendMessage", chat_id=chat_id, text=text)


async def test_private_chat_one_per_second_with_burst(
    api: BotApiCaller, client: EmulatorClient, clock: FakeClock
) -> None:
    siti = await client.create_user("Siti", started=True)
    for _ in range(3):  # the burst
        assert (await send(api, siti.id))[0] == 200
    status, body = await send(api, siti.id)
    assert status == 429
    assert body == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }
    clock.advance(1.0)
    assert (await send(api, siti.id))[0] == 200
    assert (await send(api, siti.id))[0] == 429


async def test_group_twenty_per_minute(
    api: BotApiCaller, client: EmulatorClient, clock: FakeClock
) -> None:
    siti = await client.create_user("Siti", started=True)
    group = await client.create_group("Juri", [siti])
    for _ in range(20):
        assert (await send(api, group["chat_id"]))[0] == 200
    status, body = await send(api, group["chat_id"])
    assert status == 429 and body["parameters"]["retry_after"] == 3  # 60 s / 20
    clock.advance(3.0)
    assert (await send(api, group["chat_id"]))[0] == 200


async def test_global_thirty_per_second(
    api: BotApiCaller, client: EmulatorClient, clock: FakeClock
) -> None:
    users = [await client.create_user(f"U{i}", started=True) for i in range(31)]
    statuses = [(await send(api, u.id))[0] for u in users]
    assert statuses == [200] * 30 + [429]
    clock.advance(1 / 30)
    assert (await send(api, users[-1].id))[0] == 200


async def test_album_counts_each_item(
    api: BotApiCaller, client: EmulatorClient, clock: FakeClock
) -> None:
    siti = await client.create_user("Siti", started=True)
    photo = (await siti.send_photo(b"\x89PNG\r\n\x1a\n" + b"\0" * 16))["file_id"]
    media = [{"type": "photo", "media": photo}] * 4
    # an album larger than the burst is allowed on a full bucket, and leaves a debt
    assert (await api("sendMediaGroup", chat_id=siti.id, media=media))[0] == 200
    status, body = await api("sendMessage", chat_id=siti.id, text="x")
    assert status == 429 and body["parameters"]["retry_after"] == 2
    clock.advance(2.0)
    assert (await api("sendMessage", chat_id=siti.id, text="x"))[0] == 200
    status, body = await api("sendMediaGroup", chat_id=siti.id, media=media)
    assert status == 429 and body["parameters"]["retry_after"] == 3
    assert len((await client.transcript(siti.id))["messages"]) == 6  # photo + 4 + 1


async def test_limits_switch_and_scale(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti", started=True)
    await client.configure(rate_limits={"enabled": False})
    assert all([(await send(api, siti.id))[0] == 200 for _ in range(10)])
    config = await client.configure(rate_limits={"enabled": True, "scale": 2.0})
    assert config["rate_limits"]["scale"] == 2.0


def test_token_bucket_scale_and_retry_after() -> None:
    now = [0.0]
    flood = FloodControl(RateLimits(private_burst=1, scale=0.5), lambda: now[0])
    assert flood.acquire(1, 10, "private") == 0
    assert flood.acquire(1, 10, "private") == 2  # 0.5 msg/s: a token every 2 s
    now[0] = 1.0
    assert flood.acquire(1, 10, "private") == 1
    now[0] = 2.0
    assert flood.acquire(1, 10, "private") == 0
    assert flood.acquire(2, 10, "private") == 0  # another bot has its own buckets


@pytest.fixture
async def budi(client: EmulatorClient, emu: Emulator):
    emu.config.rate_limits.enabled = False
    return await client.create_user("Budi", started=True)


@pytest.mark.parametrize(
    ("kind", "status", "description"),
    [
        ("429", 429, "Too Many Requests: retry after 7"),
        ("403", 403, "Forbidden: bot was blocked by the user"),
        ("500", 500, "Internal Server Error"),
        ("502", 502, "Bad Gateway"),
    ],
)
async def test_http_faults_fire_count_times(
    api: BotApiCaller, client: EmulatorClient, budi, kind: str, status: int, description: str
) -> None:
    await client.add_fault(kind, method="sendMessage", count=2, retry_after=7)
    for _ in range(2):
        got, body = await send(api, budi.id)
        assert (got, body["description"]) == (status, description)
        if kind == "429":
            assert body["parameters"] == {"retry_after": 7}
    assert (await send(api, budi.id))[0] == 200
    assert (await api("getMe"))[0] == 200
    rejections = await client.rejections()
    assert len(rejections) == 2 and all(r["injected"] for r in rejections)


async def test_fault_per_chat(api: BotApiCaller, client: EmulatorClient, budi) -> None:
    siti = await client.create_user("Siti", started=True)
    await client.add_fault("403", chat_id=siti.id, count=None)
    assert (await send(api, budi.id))[0] == 200
    assert (await send(api, siti.id))[0] == 403
    assert (await send(api, siti.id))[0] == 403
    await client.clear_faults()
    assert (await send(api, siti.id))[0] == 200


async def test_probability_fault_is_seeded(
    api: BotApiCaller, client: EmulatorClient, budi, emu: Emulator
) -> None:
    async def run() -> list[int]:
        await client.add_fault("500", probability=0.5, count=None)
        result = [(await send(api, budi.id))[0] for _ in range(20)]
        return result

    first = await run()
    assert 0 < first.count(500) < 20
    await emu.reset()
    emu.config.rate_limits.enabled = False
    budi2 = await client.create_user("Budi", started=True)
    assert budi2.id == budi.id  # reset restarts ids and the seeded generator
    assert await run() == first


async def test_dropped_connection(api: BotApiCaller, client: EmulatorClient, budi) -> None:
    await client.add_fault("drop", method="sendmessage")
    with pytest.raises(aiohttp.ClientError):
        await send(api, budi.id)
    assert (await send(api, budi.id))[0] == 200
    [rejection] = await client.rejections()
    assert rejection["description"] == "dropped connection" and rejection["injected"]


async def test_latency(api: BotApiCaller, client: EmulatorClient, budi) -> None:
    await client.add_fault("latency", method="sendMessage", latency=0.2)
    loop = asyncio.get_running_loop()
    start = loop.time()
    assert (await send(api, budi.id))[0] == 200
    assert loop.time() - start >= 0.19


async def test_unknown_fault_kind(client: EmulatorClient) -> None:
    with pytest.raises(AssertionError, match="unknown fault kind"):
        await client.add_fault("teapot")
