"""What a first week of officers in the form showed (issue 14): /cancel where /batal works, a
second "📝 Kirim Inovasi" after submitting, empty drafts, exact money with a bound, and less
clutter (a short pointer at the summary, a short acknowledgement of a long text's chunk, one
definition of the progress counters, only the buttons /inovasi_saya shows). Both databases."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import func, select

from bot.i18n import plain_text, t
from bot.services.entries.submissions import submit_entry
from bot.storage.models import Submission
from tests.e2e.helpers.entries import (
    IN_WINDOW,
    active_entry_id,
    entry_state,
    join,
    officer_at,
    prefilled_entry,
    question,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]


def visible(language: str, key: str) -> str:
    """A catalogue text as the user sees it (tags removed)."""
    return html.unescape(re.sub(r"<[^>]+>", "", t(language, key)))


def button_texts(message) -> list[str]:  # type: ignore[no-untyped-def]
    return [button["text"] for row in message["inline_keyboard"] or [] for button in row]


async def entry_count(bot) -> int:  # type: ignore[no-untyped-def]
    async with bot.runtime.sessions() as session:
        return await session.scalar(select(func.count()).select_from(Submission))


async def _submitted(users, bot):  # type: ignore[no-untyped-def]
    budi = await join(users, bot, "Budi")
    entry_id = await prefilled_entry(bot, budi.id)
    async with bot.runtime.transaction() as session:
        await submit_entry(session, budi.id, entry_id, IN_WINDOW)
    return budi, entry_id


@pytest.mark.parametrize("command", ["/cancel", "/batal"])
async def test_cancel_leaves_the_form_like_batal(users, bot, command: str) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    await budi.tap(t("id", "menu-submit"))
    await budi.expect_message(question("Nama inovasi"))
    await budi.send("SIDOTI")
    await budi.expect_message(question("Tahapan inovasi"))
    await budi.send(command)
    await budi.expect_message(t("id", "entry-cancelled"))
    assert await active_entry_id(bot, budi.id) is None
    await budi.send("/resume")  # the English alias of /lanjutkan
    await budi.expect_message(question("Tahapan inovasi"))


async def test_a_second_kirim_inovasi_after_submitting_asks_first(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi, entry_id = await _submitted(users, bot)
    await budi.tap(t("id", "menu-submit"))
    ask = await budi.expect_message(visible("id", "entry-ask-new-or-open"))
    assert await entry_count(bot) == 1  # nothing started before the officer chose
    labels = button_texts(ask)
    assert any(label.startswith("📄") for label in labels)  # open the submitted entry
    await budi.tap(next(label for label in labels if label.startswith("📄")))
    view = await budi.expect_message("IGA-2022-001")
    assert "Terkirim" in view["text"] or "terkirim" in view["text"]
    await budi.tap(t("id", "menu-submit"))
    ask = await budi.expect_message(visible("id", "entry-ask-new-or-open"))
    await budi.tap(next(label for label in button_texts(ask) if "Inovasi baru" in label))
    await budi.expect_message(question("Nama inovasi"))
    assert await entry_count(bot) == 2


async def test_cancelling_an_empty_draft_deletes_it(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi, _ = await _submitted(users, bot)
    await budi.tap(t("id", "menu-submit"))
    ask = await budi.expect_message(visible("id", "entry-ask-new-or-open"))
    await budi.tap(next(label for label in button_texts(ask) if "Inovasi baru" in label))
    await budi.expect_message(question("Nama inovasi"))
    assert await entry_count(bot) == 2
    await budi.send("/batal")
    await budi.expect_message(visible("id", "entry-cancelled"))
    assert await entry_count(bot) == 1
    await budi.send("/inovasi_saya")
    listing = await budi.expect_message(visible("id", "entry-list"))
    assert plain_text("id", "entry-untitled") not in listing["text"]


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("Rp250.000.000", 250_000_000, "Rp250.000.000"),
        ("1,5 miliar", 1_500_000_000, "Rp1.500.000.000"),
    ],
)
async def test_money_is_exact_and_shown_in_indonesian(
    users, bot, typed: str, stored: int, shown: str
) -> None:
    bot.clock.set(IN_WINDOW)
    budi, entry_id = await officer_at(users, bot, "anggaran_nilai")
    await budi.expect_message(question("Anggaran inovasi (rupiah)"))
    await budi.send(typed)
    summary = await budi.expect_message("Ringkasan:")
    assert f"Anggaran inovasi (rupiah): {shown}" in summary["text"]
    _, answers = await entry_state(bot, entry_id)
    assert answers["anggaran_nilai"] == stored and isinstance(answers["anggaran_nilai"], int)


async def test_money_over_the_editions_bound_is_refused_clearly(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi, entry_id = await officer_at(users, bot, "anggaran_nilai")
    await budi.expect_message(question("Anggaran inovasi (rupiah)"))
    await budi.send("Rp999.999.999.999.999.999.999")
    refusal = await budi.expect_message("paling besar")
    assert "Rp1.000.000.000.000" in refusal["text"]  # the bound, in Indonesian form
    _, answers = await entry_state(bot, entry_id)
    assert "anggaran_nilai" not in answers


async def test_the_question_and_the_summary_count_the_same_fields(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    await budi.tap(t("id", "menu-submit"))
    await budi.expect_message(question("Nama inovasi"))
    await budi.send("SIDOTI")
    asked = await budi.expect_message(question("Tahapan inovasi"))
    number, total = map(int, re.search(r"\((\d+) dari (\d+)\)", asked["text"]).groups())
    await budi.tap(t("id", "entry-button-summary"))
    summary = await budi.expect_message("Ringkasan:")
    assert f"Isian formulir: 1 dari {total} lengkap" in summary["text"]
    assert f"{number}. Tahapan inovasi" in summary["text"]


async def test_my_entries_mentions_only_the_buttons_it_shows(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi, _ = await _submitted(users, bot)
    await budi.send("/inovasi_saya")
    listing = await budi.expect_message(visible("id", "entry-list"))
    shown = button_texts(listing)
    assert not any(label.startswith("✏️") for label in shown)
    assert "✏️" not in listing["text"]
    assert any(label.startswith("↩️") for label in shown) and "↩️" in listing["text"]
