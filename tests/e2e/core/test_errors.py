"""The one error handler: a polite answer in the user's language, no internals."""

import pytest
from sqlalchemy.exc import OperationalError

from bot.i18n import plain_text, t

pytestmark = pytest.mark.e2e


async def test_unexpected_error_gets_a_polite_generic_answer(bot, users, monkeypatch) -> None:
    async def broken_event():
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(bot.runtime, "event", broken_event)
    siti = await users.create("Siti")
    await siti.send("/start")
    reply = await siti.expect_message()
    assert reply["text"] == t("id", "error-generic")
    assert "secret" not in reply["text"]


async def test_database_outage_asks_to_retry_and_recovers(bot, users, monkeypatch) -> None:
    siti = await users.create("Siti")
    await siti.send("/start")
    await siti.expect_message("Selamat datang")
    await siti.expect_message(plain_text("id", "start-offer-subscribe"))

    async def unreachable():
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("db down"))

    monkeypatch.setattr(bot.runtime, "event", unreachable)
    await siti.send("/start")
    assert (await siti.expect_message())["text"] == t("id", "error-unavailable")

    monkeypatch.undo()
    await siti.send("/start")
    await siti.expect_message("Selamat datang")
