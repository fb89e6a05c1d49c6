"""An entry returned for revision: the officer's notice leads back to it (a button and a
command), the saved text of a long answer can be read back to correct it, clearing it asks
first, and the resubmission reaches the committee as resubmitted, not as a new entry."""

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.storage.models import Answer, SubmissionStatus
from tests import factories
from tests.e2e.helpers.entries import (
    IN_WINDOW,
    LONG_TEXT,
    entry_state,
    join,
    prefilled_entry,
)
from tests.e2e.helpers.messages import labels

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]

DESIGN = "Rancang bangun dan pokok perubahan"


async def test_returned_entry_is_corrected_and_resubmitted(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    admin = await users.create("Panitia", admin=True)
    await admin.send("/start")
    await admin.expect_message("Selamat datang")
    budi = await join(users, bot, "Budi")
    entry_id = await prefilled_entry(bot, budi.id)
    long_answer = " ".join([LONG_TEXT] * 4)  # 1,200 words, about 8,000 characters
    async with bot.runtime.transaction() as session:
        answer = await session.scalar(
            select(Answer).where(
                Answer.submission_id == entry_id, Answer.field_key == "rancang_bangun"
            )
        )
        answer.value = long_answer
    await budi.send("/lanjutkan")
    await budi.expect_message("Ringkasan:")
    await budi.tap(t("id", "entry-button-review"))
    await budi.expect_message(predicate=lambda m: "Kirim" in " ".join(labels(m)))
    await budi.tap(t("id", "entry-button-confirm"))
    await budi.expect_message("Inovasi terkirim")
    await admin.expect_message("Inovasi baru masuk")

    # the committee returns it with a note
    await admin.send("/entries submitted")
    await admin.expect_message("(1 entri)")
    await admin.tap(data=f"cm:e:{entry_id}")
    await admin.expect_message(predicate=lambda m: t("id", "entry-button-return") in labels(m))
    await admin.tap(t("id", "entry-button-return"))
    await admin.expect_message("catatan perbaikan")
    await admin.send("Perjelas rancang bangun.")
    notice = await budi.expect_message("dikembalikan untuk perbaikan")
    assert "/inovasi_saya" in notice["text"]
    [fix] = labels(notice)

    # the button leads back to the entry, at its summary
    await budi.tap(fix)
    await budi.expect_message(
        predicate=lambda m: m["message_id"] > notice["message_id"] and "Ringkasan:" in m["text"]
    )
    await budi.tap("✏️ 11")
    question = await budi.expect_message(f"{DESIGN} (")
    show = t("id", "entry-button-show-text")
    assert show in labels(question)

    # the saved text comes back whole, split safely, to copy and correct
    before = len(await budi.bot_messages())
    await budi.tap(show)
    await budi.expect_message(
        predicate=lambda m: (
            m["message_id"] > question["message_id"] and m["text"].endswith("🚀baru.")
        )
    )
    sent = (await budi.bot_messages())[before:]
    texts = [m["text"] for m in sent]
    assert all(len(text) <= 4096 for text in texts)
    joined = " ".join(text.removeprefix("(lanjutan)") for text in texts)
    assert joined.split() == long_answer.split()

    # clearing asks first; "Batal" keeps the text
    await budi.tap(t("id", "entry-button-clear"))
    ask = await budi.expect_message("Hapus seluruh teks")
    assert "1200 kata" in ask["text"] or "1.200 kata" in ask["text"]
    await budi.tap(t("id", "entry-button-clear-no"))
    await budi.expect_message(f"{DESIGN} (")
    _, answers = await entry_state(bot, entry_id)
    assert answers["rancang_bangun"] == long_answer
    await budi.tap(t("id", "entry-button-clear"))
    await budi.expect_message("Hapus seluruh teks")
    await budi.tap(t("id", "entry-button-clear-yes"))
    await budi.expect_message(f"{DESIGN} (")
    _, answers = await entry_state(bot, entry_id)
    assert not answers.get("rancang_bangun")
    await budi.send(LONG_TEXT)
    await budi.expect_message("Tersimpan 300 kata")
    await budi.tap(t("id", "entry-button-done"))

    # resubmitted: the committee hears it as such
    await budi.tap(data=f"entry:summary:{entry_id}")
    await budi.expect_message("Ringkasan:")
    await budi.tap(t("id", "entry-button-review"))
    await budi.expect_message(predicate=lambda m: t("id", "entry-button-confirm") in labels(m))
    await budi.tap(t("id", "entry-button-confirm"))
    await budi.expect_message("Inovasi terkirim")
    again = await admin.expect_message("dikirim ulang")
    assert "Inovasi baru masuk" not in again["text"] and "IGA-2022-001" in again["text"]


async def test_a_long_list_of_entries_with_notes_is_split_not_cut(users, bot) -> None:
    bot.clock.set(IN_WINDOW)
    budi = await join(users, bot, "Budi")
    notes = []
    async with bot.runtime.transaction() as session:
        edition = await factories.edition(session)
        for number in range(6):  # six returned entries, each with a 900-character note
            entry = await factories.make_entry(
                session, edition, "DLH", f"Inovasi {number}", status=SubmissionStatus.RETURNED
            )
            entry.status_note = f"catatan{number} " + " ".join(["perbaiki"] * 100)
            notes.append(entry.status_note)
    await budi.send("/inovasi_saya")
    last = await budi.expect_message(predicate=lambda m: bool(m.get("inline_keyboard")))
    texts = [m["text"] for m in await budi.bot_messages() if "catatan" in m["text"]]
    assert len(texts) > 1 and all(len(text) <= 4096 for text in texts)
    shown = " ".join(texts)
    for note in notes:
        assert note in shown
    assert "✏️ 6" in [b["text"] for row in last["inline_keyboard"] for b in row]
