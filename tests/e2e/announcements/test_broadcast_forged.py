"""Forged or stale broadcast-composer buttons (``bc:*``) from someone who is not an admin:
each is answered with the polite refusal (no button left spinning), audited, and nothing in
the database changes (issue 13: some refusals were silent)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.i18n import plain_text
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.sandbox.users import press_callback
from bot.storage.models import AuditEntry
from tests.e2e.helpers.database import whole_database

pytestmark = pytest.mark.e2e

FORGED = [
    "bc:aud:subs",
    "bc:aud:topic:schedule",
    "bc:aud:officers",
    "bc:aud:units",
    "bc:aud:judges",
    "bc:unit:1",
    "bc:units:done",
    "bc:now",
    "bc:later",
    "bc:quit",
    "bc:stop:1",
]


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    return EmulatorConfig(rate_limits=RateLimits(private_burst=40))


async def test_every_forged_composer_button_is_refused_aloud_and_writes_nothing(
    bot, users, emulator
) -> None:
    eko = await users.create("Eko")  # no role
    await eko.send("/start")
    await eko.expect_message("Selamat datang")
    before = await whole_database(bot.runtime)
    async with bot.runtime.sessions() as session:
        audited = await session.scalar(select(func.count()).select_from(AuditEntry))

    world = emulator.world
    chat = world.chats[eko.id]
    message = max((m for m in chat.messages.values() if m.from_bot), key=lambda m: m.message_id)
    for data in FORGED:
        tapped = await press_callback(world, world.users[eko.id], chat, message, data)
        answer = await eko.expect_callback_answer(tapped)
        assert answer["text"] == plain_text("id", "committee-only"), data

    assert await whole_database(bot.runtime) == before
    async with bot.runtime.sessions() as session:
        now_audited = await session.scalar(select(func.count()).select_from(AuditEntry))
    assert now_audited == audited + len(FORGED)
