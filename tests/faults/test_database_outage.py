"""PostgreSQL unreachable for real: the bot's connections go through a TCP proxy that the test
cuts (open connections reset, new ones refused) and restores. Users are told to retry, nothing
they entered before is lost, and the bot recovers by itself once the database is back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from bot.i18n import t
from tests.e2e.helpers.entries import (
    IN_WINDOW,
    active_entry_id,
    entry_state,
    join,
    question,
)
from tests.faults.tcp_proxy import TcpProxy

pytestmark = [
    pytest.mark.fast_typing,
    pytest.mark.e2e,
    pytest.mark.parametrize("database_url", ["postgresql"], indirect=True),
]

UNAVAILABLE = t("id", "error-unavailable")


@pytest.fixture
async def proxy(database_url: str) -> AsyncIterator[TcpProxy]:
    """A cuttable proxy in front of the test's PostgreSQL server."""
    url = make_url(database_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    yield proxy
    await proxy.stop()


@pytest.fixture
def settings_overrides(database_url: str, proxy: TcpProxy) -> dict[str, Any]:
    """The bot reaches the database only through the proxy."""
    through_proxy = make_url(database_url).set(host="127.0.0.1", port=proxy.port)
    return {"database_url": through_proxy.render_as_string(hide_password=False)}


async def test_users_are_asked_to_retry_during_an_outage_and_the_bot_recovers(
    bot, users, emu, proxy
) -> None:
    bot.clock.set(IN_WINDOW)
    siti = await join(users, bot)
    await siti.tap(t("id", "menu-submit"))
    await siti.expect_message(question("Nama inovasi"))
    budi = await users.create("Budi")

    proxy.cut()
    await siti.send("SIDOTI")
    await siti.expect_message(UNAVAILABLE, timeout=15)
    await budi.send("/agenda")  # first contact: the bot reads his state from the database
    await budi.expect_message(UNAVAILABLE, timeout=15)
    assert proxy.refused >= 1, "the outage was not real: no connection was refused"

    proxy.restore()
    await siti.send("SIDOTI")
    await siti.expect_message(question("Tahapan inovasi"), timeout=15)
    await budi.send("/start")
    await budi.expect_message("Selamat datang", timeout=15)
    submission_id = await active_entry_id(bot, siti.id)
    _, answers = await entry_state(bot, submission_id)
    assert answers["nama"] == "SIDOTI"
    assert [r for r in await emu.rejections() if not r.get("injected")] == []


async def test_an_outage_in_the_middle_of_the_form_loses_no_saved_answer(bot, users, proxy) -> None:
    bot.clock.set(IN_WINDOW)
    siti = await join(users, bot)
    await siti.tap(t("id", "menu-submit"))
    await siti.expect_message(question("Nama inovasi"))
    await siti.send("SIDOTI")
    await siti.expect_message(question("Tahapan inovasi"))
    await siti.tap("Penerapan")
    await siti.expect_message(question("Inisiator"))

    for _ in range(2):  # two outages in a row, each with a message the bot could not save
        proxy.cut()
        tap = await siti.tap("Perangkat Daerah")
        await siti.expect_message(UNAVAILABLE, timeout=15)
        await siti.expect_callback_answer(tap)  # no endless spinner on the button
        proxy.restore()
    assert proxy.refused >= 2
    await siti.tap("Perangkat Daerah")
    await siti.expect_message(question("Nama inisiator"), timeout=15)
    _, answers = await entry_state(bot, await active_entry_id(bot, siti.id))
    assert answers["nama"] == "SIDOTI"
    assert answers["tahapan"] == "penerapan"
    assert answers["inisiator"] == "perangkat_daerah"
