"""The event file: the seed validates; broken copies are refused with located problems."""

from pathlib import Path

import pytest

from bot.services.core.event_file import (
    EventFileError,
    load_event_file,
    parse_event_file,
    shift_dates,
)
from tests.conftest import EVENT_FILE


def seed_text() -> str:
    return EVENT_FILE.read_text(encoding="utf-8")


def problems_of(text: str) -> list[str]:
    with pytest.raises(EventFileError) as caught:
        parse_event_file(text)
    return caught.value.problems


def test_seed_file_describes_the_blitar_event() -> None:
    spec = load_event_file(EVENT_FILE)
    assert spec.event.date.isoformat() == "2022-12-07"
    assert spec.event.venue.name == "Ballroom Lelly, Hotel Puri Perdana"
    assert spec.event.venue.example  # the coordinates are not in the source
    assert all(item.example_time for item in spec.event.agenda)
    assert {s.institution for s in spec.event.speakers} >= {
        "Kementerian Dalam Negeri",
        "Bappeda Provinsi Jawa Timur",
        "Balitbang Provinsi Jawa Timur",
    }
    units = {unit.code: unit.name for unit in spec.edition.units}
    results = [(r.title, units[r.unit], r.innovation.split(" ")[0]) for r in spec.edition.results]
    assert results == [
        ("Juara I", "Dinas Sosial", "Sosial"),
        ("Juara II", "Dinas PM dan PTSP", "LAPIS"),
        ("Juara III", "Kelurahan Bendogerit", "JAGO"),
        ("Juara IV", "Dinas Lingkungan Hidup", "SIDOTI"),
    ]
    assert "Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah" in (
        spec.event.legal_basis
    )
    assert len(spec.edition.indicators) == 20
    assert sum(c.weight for c in spec.edition.rubric) == 100


def test_agenda_times_are_in_the_event_zone() -> None:
    spec = load_event_file(EVENT_FILE)
    moment = spec.event.instant("09.00")
    assert moment.utcoffset().total_seconds() == 7 * 3600


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('start: "09.00"', 'start: "9am"', "event.agenda[2].start: '9am' is not a time of day"),
        ("unit: DLH", "unit: DLX", "edition.results[3].unit: unknown unit 'DLX'"),
        ("speakers: [kemendagri]", "speakers: [nobody]", "event.agenda[4].speakers: unknown"),
        ("date: 2022-12-07", "date: 2022-13-07", "event.date:"),
        ('end: "09.30"', 'end: "08.00"', "event.agenda[2].end: must be after start"),
        ("timezone: Asia/Jakarta", "timezone: Asia/Nowhere", "event.timezone: unknown time zone"),
        ("    - key: kemendagri\n", "    - key: Kemendagri!\n", "event.speakers[0].key:"),
        (
            "send_at: 2022-12-07T15:00:00+07:00",
            "send_at: 2022-12-06T15:00:00+07:00",
            "event.certificates.send_at: must not be before the event's day",
        ),
        (
            "send_at: 2022-12-07T15:00:00+07:00",
            "send_at: 2022-12-07T15:00:00",
            "event.certificates.send_at: give the zone",
        ),
        (
            '"NIP. 19700101 199503 1 001"',
            '"NIP. 19701340 199503 1 001"',
            "edition.signatory.employee_number: not a NIP (birth: 1970-13-40)",
        ),
        (
            '"NIP. 19750101 200003 1 002"',
            '"NIP. 19750101 200003 3 002"',
            "event.attendance.signatory.employee_number: not a NIP (sex: 3)",
        ),
    ],
)
def test_broken_files_are_located(old: str, new: str, expected: str) -> None:
    text = seed_text()
    assert old in text
    problems = problems_of(text.replace(old, new, 1))
    assert any(problem.startswith(expected) for problem in problems), problems


def test_every_problem_is_reported_at_once() -> None:
    text = (
        seed_text().replace('start: "09.00"', 'start: "25.00"').replace("unit: DLH", "unit: NOPE")
    )
    problems = problems_of(text)
    assert len(problems) >= 2


def test_invalid_yaml_names_the_line() -> None:
    problems = problems_of("event:\n  slug: [unclosed\n")
    assert problems[0].startswith("line ")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EventFileError) as caught:
        load_event_file(tmp_path / "absent.yaml")
    assert "cannot be read" in caught.value.problems[0]


def test_shift_dates_moves_event_and_deadlines() -> None:
    spec = load_event_file(EVENT_FILE)
    shifted = shift_dates(spec, 10)
    assert (shifted.event.date - spec.event.date).days == 10
    assert (shifted.edition.results_announce_at - spec.edition.results_announce_at).days == 10
    assert (shifted.event.certificates.send_at - spec.event.certificates.send_at).days == 10
