"""The judge's chat after a first week (issue 14): validation buttons that name each level
and mark the current choice, and scores written with a decimal comma. Both databases."""

from __future__ import annotations

import pytest

from bot.i18n import t
from bot.storage.models import SubmissionStatus
from tests.e2e.helpers.committee import add_entries, quick_emulator, real_file_id

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config():
    return quick_emulator()


def _buttons(message) -> list[dict]:  # type: ignore[no-untyped-def]
    return [button for row in message["inline_keyboard"] or [] for button in row]


async def test_validation_buttons_name_the_levels_and_mark_the_choice(bot, users) -> None:
    siti = await users.create("Siti", admin=True)
    ani = await users.create("Ani")
    await ani.send("/start")
    await ani.expect_message("Selamat datang")
    file_id = await real_file_id(siti)
    await add_entries(
        bot.runtime, [("DINSOS", "Sosial Home Care", SubmissionStatus.VERIFIED)], file_id
    )
    await siti.send(f"/judges add {ani.id} - Dr. Ani Suryani")
    await siti.expect_message("ditambahkan")
    await siti.send("/assign")
    await siti.expect_message("1 inovasi siap dinilai")
    await siti.tap(t("id", "assign-button-all"))
    await siti.expect_message("Penugasan: 1 baru")

    await ani.send("/nilai")
    await ani.expect_message("Progres: 0 dari 1")
    await ani.tap("✏️ IGA-2022-001 · Sosial Home Care (0/5)")
    await ani.expect_message("Perangkat Daerah: Dinas Sosial")
    validate = t("id", "score-button-validate")
    await ani.expect_message(  # the scoring card, after the whole entry
        predicate=lambda m: any(
            b["text"] == validate for r in m.get("inline_keyboard") or [] for b in r
        )
    )
    await ani.tap(validate)
    page = await ani.expect_message("Validasi indikator")
    labels = [button["text"] for button in _buttons(page)]
    assert not any(label.startswith("#") for label in labels)
    regulasi = [label for label in labels if "SK Kepala Daerah" in label]
    assert regulasi and "Regulasi" in regulasi[0]
    assert not any(label.startswith("✓") for label in labels)  # nothing validated yet
    target = next(label for label in labels if "Peraturan Daerah" in label)
    await ani.tap(target)
    page = await ani.expect_message(predicate=lambda m: "validasi <b>3</b>" in (m["html"] or ""))
    marked = [b["text"] for b in _buttons(page) if b["text"].startswith("✓")]
    assert len(marked) == 1 and "Peraturan Daerah" in marked[0]

    # a typed decimal score is written the Indonesian way
    await ani.tap(t("id", "score-button-back"))
    entry = await ani.expect_message("Perangkat Daerah: Dinas Sosial")
    first = next(b for b in _buttons(entry) if b["callback_data"].startswith("jd:c:"))
    await ani.tap(data=first["callback_data"])
    await ani.expect_message("ketik angka 0–100")
    await ani.send("87,5")
    saved = await ani.expect_message("Tersimpan:")
    assert "87,5" in saved["text"] and "87.5" not in saved["text"]
    view = await ani.expect_message("Perangkat Daerah: Dinas Sosial")
    assert "87,5" in view["text"] and "87.5" not in view["text"]
