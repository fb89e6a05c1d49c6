"""Taps on older copies of the broadcast composer's messages: the bot never asks Telegram for
an edit that changes nothing ("message is not modified"), and forged unit buttons change
nothing."""

from __future__ import annotations

from typing import Any

import pytest

from bot.i18n import t
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.sandbox.users import press_callback
from bot.services.core.events import current_edition

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """Flood limits on; a longer burst per chat, as a person taps slower than a test."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


def _chosen(message: dict) -> list[str]:
    return [
        button["text"]
        for row in message["inline_keyboard"]
        for button in row
        if button["text"].startswith("✅")
    ]


async def _units_list(users) -> tuple[Any, dict]:
    """An admin writing a broadcast, at the list of units to choose; returns the admin and the
    list message."""
    siti = await users.create("Siti", admin=True)
    await siti.send("/broadcast")
    await siti.expect_message("Pengumuman baru")
    await siti.send("Undangan rapat")
    await siti.expect_message(t("id", "broadcast-ask-audience"))
    await siti.tap(data="bc:aud:units")
    return siti, await siti.expect_message(t("id", "broadcast-ask-units"))


async def test_a_tap_on_an_older_units_list_that_already_shows_the_choice(bot, users, emu) -> None:
    async with bot.runtime.sessions() as session:
        units = {unit.code: unit.id for unit in (await current_edition(session)).units}
    dlh = f"bc:unit:{units['DLH']}"
    siti, first = await _units_list(users)
    await siti.tap(data=dlh)
    await siti.expect_message(predicate=lambda m: _chosen(m) == ["✅ DLH"])
    await siti.tap(data="bc:units:done")  # DLH has no officers: choose again
    await siti.expect_message("Belum ada penerima")
    await siti.tap(data="bc:aud:units")
    second = await siti.expect_message(
        t("id", "broadcast-ask-units"), predicate=lambda m: m["message_id"] > first["message_id"]
    )
    assert _chosen(second) == ["✅ DLH"]

    await siti.tap(data=dlh, message_id=second["message_id"])  # DLH off
    await siti.expect_message(
        predicate=lambda m: m["message_id"] == second["message_id"] and _chosen(m) == []
    )
    tap = await siti.tap(data=dlh, message_id=first["message_id"])  # on again: already shown
    await siti.expect_callback_answer(tap)
    await siti.send("/start")  # handled after the tap: the tap's work is done
    await siti.expect_message("Selamat datang")
    assert await emu.rejections() == []
    transcript = {m["message_id"]: m for m in await siti.transcript()}
    assert _chosen(transcript[first["message_id"]]) == ["✅ DLH"]


async def test_a_forged_unit_button_changes_nothing(bot, users, emulator, emu) -> None:
    siti, units_list = await _units_list(users)
    world = emulator.world
    chat = world.chats[siti.id]
    stored = chat.messages[units_list["message_id"]]
    tap = await press_callback(world, world.users[siti.id], chat, stored, "bc:unit:999999")
    await siti.expect_callback_answer(tap)
    await siti.send("/start")
    await siti.expect_message("Selamat datang")
    assert await emu.rejections() == []
    transcript = {m["message_id"]: m for m in await siti.transcript()}
    assert _chosen(transcript[units_list["message_id"]]) == []
