"""The Bot API answering slowly or dropping connections while users talk: every user still gets
an answer, nothing is lost, and the bot needs no restart."""

from __future__ import annotations

import asyncio

import pytest

from bot.i18n import t

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]

WELCOME = "Selamat datang"


async def _not_injected(emu) -> list[dict]:  # type: ignore[no-untyped-def]
    return [r for r in await emu.rejections() if not r.get("injected")]


async def test_slow_bot_api_every_user_is_answered(bot, users, emu) -> None:
    people = [await users.create(f"Warga {i}") for i in range(4)]
    await emu.add_fault("latency", method="getUpdates", latency=0.5, count=2)
    await emu.add_fault("latency", method="sendMessage", latency=0.8, count=4)

    async def talk(person) -> None:  # type: ignore[no-untyped-def]
        await person.send("/start")
        await person.expect_message(WELCOME, timeout=20)
        await person.send("/lokasi")
        await person.expect_message(timeout=20)

    await asyncio.gather(*(talk(person) for person in people))
    fired = sum(rule["fired"] for rule in await emu.faults())
    assert fired == 6, "the slow answers were not all exercised"
    assert await _not_injected(emu) == []


async def test_dropped_connections_the_bot_recovers_and_answers(bot, users, emu) -> None:
    siti = await users.create("Siti")
    await emu.add_fault("drop", method="getUpdates", count=3)
    await siti.send("/start")  # waits in the emulator while the bot's polls are dropped
    await siti.expect_message(WELCOME, timeout=30)
    await siti.expect_message("🔔", timeout=15)  # /start's last message (the offer): else
    # the dropped send below may be this offer, or the offer be taken for the apology

    await emu.add_fault("drop", method="sendMessage", chat_id=siti.id, count=1)
    await siti.send("/start")
    # the welcome was lost with the connection; the bot apologises rather than going silent
    apology = await siti.expect_message(timeout=15)
    assert apology["text"] == t("id", "error-generic")
    await siti.send("/start")  # the user tries again and is answered
    await siti.expect_message(WELCOME, timeout=15)

    budi = await users.create("Budi")
    await budi.send("/start")
    await budi.expect_message(WELCOME, timeout=15)
    fired = [(rule["method"], rule["fired"]) for rule in await emu.faults()]
    assert fired == [("getupdates", 3), ("sendmessage", 1)]
    assert await _not_injected(emu) == []
