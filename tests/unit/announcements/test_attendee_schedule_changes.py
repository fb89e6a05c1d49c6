"""Who hears about which agenda change, once each, and the audit trail."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot.handlers.announcements.schedule_changes import change_block
from bot.services.announcements.schedule_changes import (
    changed_fields,
    plan_schedule_notices,
    record_schedule_changes,
)
from bot.services.announcements.subscriptions import subscribe
from bot.services.attendees.stars import toggle_star
from bot.services.core.event_file import parse_event_file
from bot.services.core.event_import import import_event_file
from bot.services.core.events import current_event
from bot.storage.models import AgendaItem, AuditEntry, Chat
from tests.conftest import EVENT_FILE

NOW = datetime(2022, 12, 1, 2, 0, tzinfo=UTC)


def _edited(text: str) -> str:
    text = text.replace('start: "13.00"\n      end: "14.00"', 'start: "13.30"\n      end: "14.30"')
    text = text.replace("title: Istirahat, sholat dan makan", "title: Istirahat & makan")
    return text[: text.index("    - key: penutupan")] + text[text.index("  reminders:") :]


async def test_each_recipient_once_with_what_concerns_them(sessions) -> None:
    text = EVENT_FILE.read_text(encoding="utf-8")
    async with sessions() as session, session.begin():
        await import_event_file(session, parse_event_file(text))
    async with sessions() as session, session.begin():
        items = {i.key: i for i in await session.scalars(select(AgendaItem))}
        session.add(Chat(id=1, type="private", language="en"))
        await subscribe(session, 1, ["schedule"], NOW)
        await toggle_star(session, 1, items["penutupan"], NOW)  # subscriber and starrer
        await toggle_star(session, 2, items["penutupan"], NOW)
        await toggle_star(session, 3, items["registrasi"], NOW)  # unchanged session
        await subscribe(session, 4, ["general"], NOW)  # another topic
    async with sessions() as session, session.begin():
        report = await import_event_file(session, parse_event_file(_edited(text)))
        notices = await plan_schedule_notices(session, report.agenda_changes)
        await record_schedule_changes(session, report.agenda_changes, 99, NOW)
    assert [(n.chat_id, n.language) for n in notices] == [(1, "en"), (2, None)]
    assert [c.after.key for c in notices[0].changes] == [
        "ishoma",
        "materi-balitbang-jatim",
        "penutupan",
    ]
    assert [c.after.key for c in notices[1].changes] == ["penutupan"]
    by_key = {c.after.key: c for c in report.agenda_changes}
    assert changed_fields(by_key["materi-balitbang-jatim"]) == ["time"]
    assert changed_fields(by_key["ishoma"]) == ["title"]
    assert changed_fields(by_key["penutupan"]) == []
    async with sessions() as session:
        audit = list(await session.scalars(select(AuditEntry)))
        event = await current_event(session)
    assert {(a.action, a.actor_id, a.after["key"]) for a in audit} == {
        ("agenda.change", 99, "ishoma"),
        ("agenda.change", 99, "materi-balitbang-jatim"),
        ("agenda.change", 99, "penutupan"),
    }
    block = change_block(by_key["ishoma"], event, "id")
    assert "Judul: <s>Istirahat, sholat dan makan</s> → Istirahat &amp; makan" in block


async def test_nothing_to_tell_after_an_unchanged_import(sessions) -> None:
    text = EVENT_FILE.read_text(encoding="utf-8")
    async with sessions() as session, session.begin():
        await import_event_file(session, parse_event_file(text))
        await subscribe(session, 1, ["schedule"], NOW)
    async with sessions() as session, session.begin():
        report = await import_event_file(session, parse_event_file(text))
        assert await plan_schedule_notices(session, report.agenda_changes) == []
