"""Importing the event file: idempotent, updates in place, reports agenda changes."""

from sqlalchemy import func, select

from bot.services.core.event_file import load_event_file, parse_event_file
from bot.services.core.event_import import import_event_file
from bot.services.core.events import current_edition, current_event
from bot.storage.models import AgendaItem, Award, Unit
from tests.conftest import EVENT_FILE


async def _import(sessions, spec):
    async with sessions() as session, session.begin():
        return await import_event_file(session, spec)


async def _count(sessions, model) -> int:
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(model))


async def test_import_twice_changes_nothing(sessions) -> None:
    spec = load_event_file(EVENT_FILE)
    first = await _import(sessions, spec)
    assert first.created > 0
    counts = [await _count(sessions, model) for model in (AgendaItem, Unit, Award)]
    second = await _import(sessions, spec)
    assert not second.changed
    assert second.agenda_changes == []
    assert [await _count(sessions, model) for model in (AgendaItem, Unit, Award)] == counts


async def test_loaded_event_and_winners(sessions) -> None:
    await _import(sessions, load_event_file(EVENT_FILE))
    async with sessions() as session:
        event = await current_event(session)
        edition = await current_edition(session)
        units = {unit.id: unit.name for unit in edition.units}
        assert event.venue.name == "Ballroom Lelly, Hotel Puri Perdana"
        assert [item.key for item in event.agenda][:2] == ["registrasi", "pembukaan"]
        assert all(item.starts_at.tzinfo is not None for item in event.agenda)
        assert [(a.title, units[a.unit_id]) for a in edition.awards] == [
            ("Juara I", "Dinas Sosial"),
            ("Juara II", "Dinas PM dan PTSP"),
            ("Juara III", "Kelurahan Bendogerit"),
            ("Juara IV", "Dinas Lingkungan Hidup"),
        ]


async def test_edited_file_updates_in_place(sessions) -> None:
    text = EVENT_FILE.read_text(encoding="utf-8")
    await _import(sessions, parse_event_file(text))
    async with sessions() as session:
        ids = dict((await session.execute(select(AgendaItem.key, AgendaItem.id))).all())
    edited = text.replace(
        "title: Penguatan inovasi daerah", "title: Penguatan inovasi <daerah> & kolaborasi"
    ).replace('start: "13.00"\n      end: "14.00"', 'start: "13.30"\n      end: "14.30"')
    # drop the closing session from the file: it must be marked cancelled, not deleted
    edited = edited[: edited.index("    - key: penutupan")] + edited[edited.index("  reminders:") :]
    report = await _import(sessions, parse_event_file(edited))
    changes = {change.after.key: change for change in report.agenda_changes}
    assert set(changes) == {"materi-balitbang-jatim", "penutupan"}
    moved = changes["materi-balitbang-jatim"]
    assert moved.before.title == "Penguatan inovasi daerah"
    assert moved.after.title == "Penguatan inovasi <daerah> & kolaborasi"
    assert (moved.after.starts_at - moved.before.starts_at).total_seconds() == 1800
    assert changes["penutupan"].after.cancelled
    async with sessions() as session:
        after = dict((await session.execute(select(AgendaItem.key, AgendaItem.id))).all())
    assert after == ids  # same rows: calendar UIDs and stars survive edits


async def test_reimport_keeps_an_announcement_time_moved_by_the_committee(sessions) -> None:
    from datetime import timedelta

    from bot.storage.models import Edition

    text = EVENT_FILE.read_text(encoding="utf-8")
    await _import(sessions, parse_event_file(text))
    async with sessions() as session, session.begin():
        edition = await session.scalar(select(Edition))
        moved = edition.results_announce_at + timedelta(hours=2)
        edition.results_announce_at = moved
    await _import(sessions, parse_event_file(text))
    async with sessions() as session:
        assert (await session.scalar(select(Edition))).results_announce_at == moved
    later = text.replace(
        "results_announce_at: 2022-12-07T09:00:00+07:00",
        "results_announce_at: 2022-12-07T13:00:00+07:00",
    )
    await _import(sessions, parse_event_file(later))
    async with sessions() as session:
        edition = await session.scalar(select(Edition))
        assert edition.results_announce_at.isoformat() == "2022-12-07T06:00:00+00:00"
