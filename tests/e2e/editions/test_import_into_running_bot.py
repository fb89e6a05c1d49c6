"""QA #14: `iga-bot event import` of IGA 2023 into the database of a running bot. The import
says what the running bot does next (no restart; which edition each part serves; EVENT_CONFIG
to change); the bot follows without a restart, each part serving its edition; /muat_ulang of
the 2022 file still named by EVENT_CONFIG is refused in the admin's language with the fix."""

from __future__ import annotations

import asyncio
import shutil

import pytest

from bot.cli import main
from bot.services.editions.succession import ImportPlan
from bot.setup import next_steps
from tests.conftest import EVENT_FILE
from tests.e2e.conftest import wait_until
from tests.e2e.helpers.committee import quick_emulator
from tests.unit.editions.test_succession import NEXT_FILE

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config():
    """Flood control scaled up: the test sends commands faster than a person."""
    return quick_emulator()


@pytest.fixture
def event_file(tmp_path):
    """EVENT_CONFIG: a copy of the 2022 file, which the committee may edit."""
    copy = tmp_path / "event-2022.yaml"
    shutil.copy(EVENT_FILE, copy)
    return copy


async def test_import_into_the_running_bot(bot, users, event_file, monkeypatch, capsys) -> None:
    admin, warga = await users.create("Rahmat", admin=True), await users.create("Warga")
    monkeypatch.setenv("DATABASE_URL", bot.settings.database_url)
    monkeypatch.setenv("EVENT_CONFIG", str(event_file))
    assert await asyncio.to_thread(main, ["event", "import", str(NEXT_FILE)]) == 0
    out = capsys.readouterr().out
    assert "A running bot reads this within a second; no restart is needed." in out
    assert f"EVENT_CONFIG still names {event_file}: set it to {NEXT_FILE} and restart" in out

    async def serving_2023() -> bool:  # no restart, no forget_event: the cache versions
        form = await bot.runtime.edition_form()
        return form is not None and form.edition.year == 2023

    await wait_until(serving_2023)
    new = ImportPlan(code="iga-2023", year=2023, new_edition=True, previous="iga-2022")
    steps = await asyncio.to_thread(next_steps, bot.settings, new, NEXT_FILE, bot.clock())
    assert any("entries, judging and the committee's lists are of" in s for s in steps)
    assert any(s.startswith("Attendees keep the event of") and "2022-12-07" in s for s in steps)

    # on 1 December 2022 the 2022 awarding is still ahead: attendees and the attendance
    # tools serve it; the committee's entries are 2023's; each says its year
    await warga.send("/agenda")
    agenda = await warga.expect_message("Susunan acara")
    assert "2022" in agenda["text"].splitlines()[0]
    await admin.send("/kehadiran")
    attendance = await admin.expect_message("2022")
    assert "2023" not in attendance["text"]
    await admin.send("/inovasi")
    await admin.expect_message("Tahun 2023")

    # EVENT_CONFIG still names the 2022 file, now changed beyond its event part
    text = event_file.read_text(encoding="utf-8")
    event_file.write_text(text.replace("2022-10-31T23:59", "2022-11-15T23:59"), encoding="utf-8")
    await admin.send("/muat_ulang")
    refused = (await admin.expect_message("masih berkas IGA 2022"))["text"]
    assert str(event_file) in refused and "edition.entries_close" in refused
    assert "ganti EVENT_CONFIG ke berkas IGA 2023" in refused
    assert "read-only" not in refused and "closed" not in refused
