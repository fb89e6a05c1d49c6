"""Schedule changes: the committee edits the event file and sends /muat_ulang; subscribers of
schedule news and those who starred a changed session hear before and after, once each;
cancelled sessions are stated as cancelled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.i18n import plain_text
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.storage.models import AgendaItem, AuditEntry
from tests.conftest import EVENT_FILE
from tests.e2e.attendees.test_attendee_agenda import visible

pytestmark = pytest.mark.e2e


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """Several commands within a second (faster than a person): a larger per-chat burst."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=20))


@pytest.fixture
def event_file(tmp_path: Path) -> Path:
    """A copy of the seed file that the test edits."""
    path = tmp_path / "event.yaml"
    shutil.copy(EVENT_FILE, path)
    return path


def _edit(path: Path) -> None:
    """Moves and renames the Balitbang session, puts it in another room, drops the closing."""
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "title: Penguatan inovasi daerah", "title: Penguatan inovasi <daerah> & kolaborasi"
    ).replace(
        'start: "13.00"\n      end: "14.00"\n      room: Ballroom Lelly',
        'start: "13.30"\n      end: "14.30"\n      room: Ruang Rapat "Melati"',
    )
    text = text[: text.index("    - key: penutupan")] + text[text.index("  reminders:") :]
    path.write_text(text, encoding="utf-8")


async def _star(user, bot, key: str, language: str = "id") -> None:
    async with bot.runtime.sessions() as session:
        item_id = await session.scalar(select(AgendaItem.id).where(AgendaItem.key == key))
    await user.send("/agenda")
    await user.expect_message("Registrasi peserta")
    await user.tap(data=f"agenda:item:{item_id}")
    star = f"agenda:star:{item_id}"
    await user.expect_message(
        predicate=lambda m: any(
            button.get("callback_data") == star
            for row in m["inline_keyboard"] or []
            for button in row
        )
    )
    answer = await user.expect_callback_answer(await user.tap(data=star))
    before_the_time = plain_text(language, "agenda-starred", minutes=15, time="@", zone="")
    assert answer["text"].startswith(before_the_time.split("@")[0])


async def test_reload_tells_subscribers_and_starrers_what_changed(
    users, bot, emu, event_file
) -> None:
    admin = await users.create("Admin", admin=True)
    subscriber = await users.create("Siti")
    await subscriber.send("/langganan")
    await subscriber.expect_message(visible("id", "subs-intro"))
    tap = await subscriber.tap("⬜ " + plain_text("id", "subs-topic-schedule"))
    await subscriber.expect_callback_answer(tap)
    await _star(subscriber, bot, "penutupan")  # a subscriber who starred is told once
    starrer = await users.create("Budi")
    await _star(starrer, bot, "penutupan")
    bystander = await users.create("Dewi")
    await _star(bystander, bot, "registrasi")

    _edit(event_file)
    await admin.send("/muat_ulang")
    await admin.expect_message(visible("id", "reload-done", created=0, updated=2, changes=2))

    notice = await subscriber.expect_message(
        visible("id", "schedule-title", event="Penganugerahan IGA Kota Blitar 2022")
    )
    lines = notice["text"].splitlines()
    assert "✏️ Penguatan inovasi <daerah> & kolaborasi" in lines
    assert "Judul: Penguatan inovasi daerah → Penguatan inovasi <daerah> & kolaborasi" in lines
    assert (
        "Waktu: Rabu, 7 Desember 2022, pukul 13.00–14.00 WIB → "
        "Rabu, 7 Desember 2022, pukul 13.30–14.30 WIB"
    ) in lines
    assert 'Ruang: Ballroom Lelly → Ruang Rapat "Melati"' in lines
    cancelled = visible(
        "id",
        "schedule-cancelled",
        title="Diskusi dan penutupan",
        when="Rabu, 7 Desember 2022, pukul 14.00–14.30 WIB",
    )
    assert cancelled in notice["text"]
    struck = [e for e in notice["entities"] if e["type"] == "strikethrough"]
    assert len(struck) == 3  # the old title, time and room

    told = await starrer.expect_message(cancelled)
    assert "Penguatan inovasi" not in told["text"]  # only the session Budi starred
    for user in (subscriber, starrer):  # one message each
        notices = [
            m for m in await user.bot_messages() if "Perubahan susunan acara" in (m["text"] or "")
        ]
        assert len(notices) == 1
    assert not [m for m in await bystander.bot_messages() if "Perubahan" in (m["text"] or "")]

    async with bot.runtime.sessions() as session:
        audited = await session.scalars(
            select(AuditEntry).where(AuditEntry.action == "agenda.change")
        )
        entries = {entry.after["key"]: entry for entry in audited}
    assert set(entries) == {"materi-balitbang-jatim", "penutupan"}
    assert entries["penutupan"].actor_id == admin.id
    assert entries["penutupan"].after["cancelled"] is True

    await admin.send("/muat_ulang")  # nothing new: nobody is told again
    await admin.expect_message(visible("id", "reload-done", created=0, updated=0, changes=0))
    assert await emu.rejections() == []


async def test_only_admins_reload_and_a_broken_file_changes_nothing(users, bot, event_file) -> None:
    siti = await users.create("Siti")
    await siti.send("/muat_ulang")
    await siti.expect_message(visible("id", "committee-only"))

    admin = await users.create("Admin", admin=True)
    event_file.write_text(
        event_file.read_text(encoding="utf-8").replace('start: "13.00"', 'start: "13 siang"'),
        encoding="utf-8",
    )
    await admin.send("/muat_ulang")
    reply = await admin.expect_message("event.agenda[7].start")
    assert reply["text"].startswith(visible("id", "reload-invalid", problems="").split(":")[0])
    assert 'event.agenda[7].start: "13 siang" bukan jam yang dapat dibaca' in reply["text"]
    async with bot.runtime.sessions() as session:
        item = await session.scalar(
            select(AgendaItem).where(AgendaItem.key == "materi-balitbang-jatim")
        )
    assert item.starts_at.hour == 6  # 13.00 WIB, unchanged


def _break_yaml(path: Path) -> int:
    """Make the event file unparsable (a second colon on a line); returns that line's number."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('start: "13.00"', 'start: "13.00" : x', 1), encoding="utf-8")
    return text[: text.index('start: "13.00"')].count("\n") + 1


async def _reload_broken_yaml(users, bot, event_file, language: str) -> None:  # type: ignore[no-untyped-def]
    """The parser's words are English: the admin reads where (line, column) and that line in
    their own language, and nothing changes."""
    admin = await users.create("Admin", language_code=language, admin=True)
    line = _break_yaml(event_file)
    await admin.send("/muat_ulang" if language == "id" else "/reload")
    reply = await admin.expect_message(
        visible(
            language, "reload-not-yaml", line=line, column=22, excerpt='      start: "13.00" : x'
        )
    )
    assert "mapping values" not in reply["text"]
    async with bot.runtime.sessions() as session:
        item = await session.scalar(
            select(AgendaItem).where(AgendaItem.key == "materi-balitbang-jatim")
        )
    assert item.starts_at.hour == 6  # 13.00 WIB, unchanged


async def test_broken_yaml_is_told_in_indonesian(users, bot, event_file) -> None:
    await _reload_broken_yaml(users, bot, event_file, "id")


class TestEnglish:
    @pytest.fixture
    def settings_overrides(self) -> dict:
        return {"default_language": "en"}

    async def test_notice_in_english(self, users, bot, event_file) -> None:
        admin = await users.create("Admin", language_code="en", admin=True)
        john = await users.create("John", language_code="en")
        await _star(john, bot, "materi-balitbang-jatim", "en")
        _edit(event_file)
        await admin.send("/reload")
        await admin.expect_message(visible("en", "reload-done", created=0, updated=2, changes=2))
        notice = await john.expect_message(
            visible("en", "schedule-title", event="Penganugerahan IGA Kota Blitar 2022")
        )
        assert (
            "Time: Wednesday, 7 December 2022, 13:00–14:00 WIB → "
            "Wednesday, 7 December 2022, 13:30–14:30 WIB"
        ) in notice["text"].splitlines()
        assert "Diskusi dan penutupan" not in notice["text"]

    async def test_broken_yaml_is_told_in_english(self, users, bot, event_file) -> None:
        await _reload_broken_yaml(users, bot, event_file, "en")
