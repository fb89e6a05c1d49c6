"""Once the entry period is closed, the officers' listings and the form offer only what can
still be done (an entry returned for revision: ✏️ and ↩️; nothing for a draft or a submitted
entry, no ➕) and say why; a button shown before the close, tapped after it, is explained
politely and changes nothing (QA: ↩️ was offered after the close and failed on the second
tap)."""

from __future__ import annotations

import pytest

from bot.i18n import plain_text, t
from bot.storage.models import SubmissionStatus
from tests.e2e.attendees.test_attendee_agenda import visible
from tests.e2e.helpers.committee import add_entries, real_file_id
from tests.e2e.helpers.database import BOOKKEEPING, whole_database
from tests.e2e.helpers.entries import AFTER_CLOSE, IN_WINDOW, join
from tests.e2e.helpers.messages import labels as _labels

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]
S = SubmissionStatus
CLOSED_ID = "Pengisian inovasi IGA 2022 sudah ditutup pada Senin, 31 Oktober 2022, pukul 23.59 WIB"
SEEN = (*BOOKKEEPING, "chats", "attachments")
"""Not changed by a tap: when a chat was last seen, the test files' downloads."""


async def _listing(driver) -> dict:
    await driver.send("/inovasi_saya")
    return await driver.expect_message(
        predicate=lambda m: bool(m["inline_keyboard"]) or "IGA" in m["text"]
    )


async def test_after_the_close_only_valid_actions_are_offered(bot, users) -> None:
    bot.clock.set(IN_WINDOW)
    siti = await join(users, bot, "Siti", "DLH")
    await add_entries(
        bot.runtime,
        [
            ("DLH", "Draf", S.DRAFT),
            ("DLH", "Terkirim", S.SUBMITTED),
            ("DLH", "Kembali", S.RETURNED),
        ],
        await real_file_id(siti),
    )
    before_close = await _listing(siti)
    new = plain_text("id", "entry-button-new", unit="Dinas Lingkungan Hidup")
    # listed newest first: 1 returned, 2 submitted, 3 draft
    assert _labels(before_close) == ["✏️ 1", "↩️ 1", "↩️ 2", "✏️ 3", "↩️ 3", new]

    bot.clock.set(AFTER_CLOSE)
    after_close = await _listing(siti)
    assert _labels(after_close) == ["✏️ 1", "↩️ 1"]  # the returned entry only
    assert CLOSED_ID in after_close["text"]
    await siti.send(t("id", "menu-submit"))  # the returned entry is the one to continue
    chooser = await siti.expect_message(t("id", "entry-choose-no-new"))
    assert [label.split()[0] for label in _labels(chooser)] == ["✏️"] and CLOSED_ID in chooser[
        "text"
    ]

    # the buttons shown before the close: each explained, nothing changed
    before = await whole_database(bot.runtime, ignore=SEEN)
    for label in ("↩️ 3", "↩️ 2", "✏️ 3", new):
        await siti.tap(label, message_id=before_close["message_id"])
        answer = await siti.expect_message(CLOSED_ID)
        assert not answer["inline_keyboard"], label
    assert await whole_database(bot.runtime, ignore=SEEN) == before


async def test_the_form_after_the_close_in_english(bot, users) -> None:
    bot.clock.set(IN_WINDOW)
    john = await join(users, bot, "John", "DLH")
    await john.send("/bahasa")
    await john.expect_message(visible("id", "language-choose"))
    await john.tap(plain_text("id", "language-name-en"))
    await john.expect_message("English")
    await add_entries(bot.runtime, [("DLH", "Draf", S.DRAFT)], await real_file_id(john))
    bot.clock.set(AFTER_CLOSE)
    await john.send(t("en", "menu-submit"))
    asked = await john.expect_message(visible("en", "entry-ask-open"))
    assert "Entries for IGA 2022 closed on Monday, 31 October 2022" in asked["text"]
    assert [label.split()[0] for label in _labels(asked)] == ["📄"]  # to read it; no ➕
    await john.send("/resume")
    nothing = await john.expect_message(visible("en", "entry-resume-nothing-no-new"))
    assert "Entries for IGA 2022 closed" in nothing["text"]
    assert _labels(nothing) == []  # the draft can no longer be changed or withdrawn
