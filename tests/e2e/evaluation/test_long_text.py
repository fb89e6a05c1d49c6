"""A long suggestion arriving as two Telegram messages is kept whole (QA, issue 18 item 3):
like the entry form, each message at the text question is one more piece, joined with a
blank line, the question stays until "Selesai", which refuses a text over the maximum
without losing it; nothing typed is cut or lost."""

from __future__ import annotations

import pytest

from tests.e2e.evaluation.test_evaluation import (
    _responses,
    siti_opens_the_survey,
)

pytestmark = pytest.mark.e2e

HEAD = "<script>alert(1)</script> Saran: " + "panjang " * 500
TAIL = "panjang " * 100 + "akhir."


async def test_a_long_suggestion_in_two_messages_is_kept_whole(bot, users, clock) -> None:
    siti = await siti_opens_the_survey(bot, users, clock)
    await siti.expect_message("pertanyaan 1 dari 4")
    await siti.tap("4")
    await siti.expect_message("pertanyaan 2 dari 4")
    await siti.tap("5")
    await siti.expect_message("pertanyaan 3 dari 4")
    await siti.tap("Bot Telegram")
    await siti.expect_message("Boleh dilewati")

    await siti.send(HEAD)  # one text cut by Telegram into two messages
    await siti.send(TAIL)
    await siti.expect_message("Tersimpan 502 kata")
    await siti.expect_message("kata. Kirim lanjutan")
    whole = HEAD.strip() + "\n\n" + TAIL.strip()
    assert (await _responses(bot))[siti.id].answers["saran"] == whole
    assert (await _responses(bot))[siti.id].finished_at is None

    refusal = await siti.expect_callback_answer(await siti.tap("Selesai ▶"))
    assert "terlalu panjang" in refusal["text"] and "maksimal 2.000" in refusal["text"]
    response = (await _responses(bot))[siti.id]
    assert response.answers["saran"] == whole and response.finished_at is None

    await siti.tap("🗑 Ketik ulang")
    await siti.send("Sesi tanya jawab lebih lama.")
    await siti.expect_message("Tersimpan 5 kata")
    await siti.tap("Selesai ▶")
    await siti.expect_message("Terima kasih. Jawaban evaluasi")
    response = (await _responses(bot))[siti.id]
    assert response.answers["saran"] == "Sesi tanya jawab lebih lama."
    assert response.finished_at is not None
