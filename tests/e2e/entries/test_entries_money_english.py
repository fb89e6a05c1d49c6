"""An officer who reads the bot in English types the budget in English ("10 million",
"IDR 10,000,000"); the hint and the refusal give English examples. Indonesian keeps its
forms (the other e2e tests of the form)."""

from __future__ import annotations

import pytest

from bot.i18n import plain_text
from bot.services.entries.cursor import AtField, to_json
from bot.services.entries.submissions import load_entry
from tests.e2e.attendees.test_attendee_agenda import visible
from tests.e2e.helpers.entries import IN_WINDOW, entry_state, join, prefilled_entry

pytestmark = pytest.mark.e2e


async def test_budget_in_english_words_and_notation(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    john = await join(users, bot, "John", "DLH")
    await john.send("/bahasa")
    await john.expect_message(visible("id", "language-choose"))
    await john.tap(plain_text("id", "language-name-en"))
    await john.expect_message("English")
    entry_id = await prefilled_entry(bot, john.id)
    async with bot.runtime.transaction() as session:
        submission = await load_entry(session, entry_id)
        submission.cursor = to_json(AtField("anggaran_nilai"))
    await john.send("/lanjutkan")
    asked = await john.expect_message("Budget of the innovation (rupiah)")
    assert "IDR 10,000,000, 10 million or 1.5 billion" in asked["text"]
    assert "juta" not in asked["text"]

    await john.send("ten million")
    refusal = await john.expect_message("Amount not recognised")
    assert "IDR 10,000,000, 10 million or 1.5 billion" in refusal["text"]
    await john.send("10 million")
    await john.expect_message("Budget document")
    _, answers = await entry_state(bot, entry_id)
    assert answers["anggaran_nilai"] == 10_000_000

    async with bot.runtime.transaction() as session:
        submission = await load_entry(session, entry_id)
        submission.cursor = to_json(AtField("anggaran_nilai"))
    await john.send("/lanjutkan")
    await john.expect_message("Budget of the innovation (rupiah)")
    await john.send("IDR 1,500,000,000")
    await john.expect_message("Budget document")
    _, answers = await entry_state(bot, entry_id)
    assert answers["anggaran_nilai"] == 1_500_000_000
