"""/broadcasts says what each message was and tells "has not started the bot yet" apart from
"blocked the bot" (Telegram answers both with 403, in different words)."""

import pytest

from bot.i18n import t
from bot.sandbox.config import EmulatorConfig, RateLimits
from tests.e2e.helpers.broadcasts import add_subscribers

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


async def test_listing_names_the_message_and_why_it_did_not_arrive(bot, users, emulator) -> None:
    ids = await add_subscribers(emulator, bot.runtime.sessions, 4)
    emulator.world.users[ids[0]].started = False  # subscribed, then never opened the bot
    emulator.world.users[ids[1]].blocked = True
    siti = await users.create("Siti", admin=True)
    await siti.send("/broadcast")
    await siti.expect_message("Pengumuman baru")
    await siti.send("Gladi bersih & doa bersama Rabu pukul 08.00 di Ballroom Lelly, harap hadir")
    await siti.expect_message(t("id", "broadcast-ask-audience"))
    await siti.tap(data="bc:aud:topic:general")
    await siti.expect_message("Penerima:")
    await siti.tap(data="bc:now")
    report = await siti.expect_message("selesai dikirim", timeout=10)
    assert "Belum memulai bot: 1" in report["text"] and "Memblokir bot: 1" in report["text"]

    await siti.send("/broadcasts")
    listing = await siti.expect_message("Pengumuman terakhir")
    text = listing["text"]
    assert "Pengumuman panitia" in text
    assert "«Gladi bersih & doa bersama Rabu pukul 08.00 di Ballroom Lel…»" in text
    assert "terkirim 2/4" in text
    assert "belum memulai bot 1" in text and "memblokir bot 1" in text
