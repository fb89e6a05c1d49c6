"""Starting the next edition from its event file: the plan (dry run) writes nothing, the
import carries units, officers and judges over as the file says and closes the old edition;
bad input is refused with its place in the file, nothing written."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from bot.services.core.event_file import EventFileError, load_event_file, parse_event_file
from bot.services.core.events import current_edition
from bot.services.editions.succession import import_edition, plan_import
from bot.storage.models import Edition, Judge, Officer, Subscriber, Unit
from tests.conftest import EVENT_FILE
from tests.e2e.helpers.database import whole_database
from tests.factories import edition, make_entry, make_judge, make_officer, seed_edition

NEXT_FILE = Path(__file__).resolve().parents[2] / "editions_2023.yaml"
NOW = datetime(2022, 12, 1, 2, 0, tzinfo=UTC)
SEED_TEXT = EVENT_FILE.read_text(encoding="utf-8")


class _Runtime:
    def __init__(self, sessions) -> None:
        self.sessions = sessions


async def _seed_with_people(sessions) -> None:
    async with sessions() as session, session.begin():
        old = await seed_edition(session)
        await make_officer(session, old, "DLH", 101)
        await make_officer(session, old, "KEL-KAUMAN", 102)
        await make_officer(session, old, "KEL-SANANWETAN", 102)
        await make_officer(session, old, "SETWAN", 103)
        await make_judge(session, old, 201, "Dr. Ani", "DISKOMINFOTIK")
        await make_judge(session, old, 202, "Budi")
        await make_entry(session, old, "SETWAN", "E-Sidang")
        session.add(Subscriber(chat_id=301, topic="general"))
        session.add(Subscriber(chat_id=301, topic="results"))


NEXT_TEXT = NEXT_FILE.read_text(encoding="utf-8")


def _edited(change) -> object:
    data = yaml.safe_load(NEXT_TEXT)
    change(data)
    return parse_event_file(yaml.safe_dump(data, allow_unicode=True))


async def test_dry_run_lists_the_changes_and_writes_nothing(sessions) -> None:
    await _seed_with_people(sessions)
    before = await whole_database(_Runtime(sessions), ignore=())
    async with sessions() as session:
        plan = await plan_import(session, load_event_file(NEXT_FILE))
    assert plan.problems == []
    assert (plan.new_edition, plan.previous) == (True, "iga-2022")
    fates = {(change.fate, change.code): change for change in plan.units}
    assert fates["renamed", "DISKOMINFO"].sources == ("DISKOMINFOTIK",)
    assert fates["merged", "KEL-SANANWETAN"].sources == ("KEL-SANANWETAN", "KEL-KAUMAN")
    assert ("added", "DPPKB") in fates
    assert fates["removed", "SETWAN"].entries == 1
    assert (plan.officers, plan.judges, plan.subscribers) == (2, 2, {"general": 1, "results": 1})
    text = "\n".join(plan.lines())
    assert "New edition iga-2023 (2023), following iga-2022 (it becomes read-only)." in text
    assert "merged: KEL-SANANWETAN (Kelurahan Sananwetan) from KEL-SANANWETAN, KEL-KAUMAN" in text
    assert "removed: SETWAN (Sekretariat DPRD); its 1 entry of iga-2022 stay" in text
    assert await whole_database(_Runtime(sessions), ignore=()) == before


async def test_next_edition_starts_beside_the_old_one(sessions) -> None:
    await _seed_with_people(sessions)
    async with sessions() as session, session.begin():
        plan, report = await import_edition(session, load_event_file(NEXT_FILE), NOW)
    assert report.created > 0
    async with sessions() as session:
        new = await current_edition(session)
        old = await edition(session, "iga-2022")
        assert (new.code, old.closed_at, new.closed_at) == ("iga-2023", NOW, None)
        codes = {unit.code: unit for unit in new.units}
        assert "SETWAN" not in codes and "KEL-KAUMAN" not in codes
        assert codes["DISKOMINFO"].predecessors == ["DISKOMINFOTIK"]
        officers = (
            await session.execute(
                select(Officer.user_id, Unit.code)
                .join(Unit, Unit.id == Officer.unit_id)
                .where(Unit.edition_id == new.id)
            )
        ).all()
        # 102 was officer of both merged kelurahan: once; 103's unit was removed
        assert sorted(officers) == [(101, "DLH"), (102, "KEL-SANANWETAN")]
        judges = (
            await session.execute(
                select(Judge.user_id, Judge.name, Unit.code)
                .outerjoin(Unit, Unit.id == Judge.unit_id)
                .where(Judge.edition_id == new.id)
            )
        ).all()
        assert sorted(judges) == [(201, "Dr. Ani", "DISKOMINFO"), (202, "Budi", None)]
        assert len(list(await session.scalars(select(Subscriber)))) == 2
    # importing the same file again changes nothing more
    async with sessions() as session, session.begin():
        plan, again = await import_edition(session, load_event_file(NEXT_FILE), NOW)
    assert not plan.new_edition and not again.changed


async def test_file_without_carry_over_starts_an_empty_panel(sessions) -> None:
    await _seed_with_people(sessions)
    spec = _edited(lambda d: d["edition"].update(carry_over={"officers": False, "judges": False}))
    async with sessions() as session, session.begin():
        plan, _ = await import_edition(session, spec, NOW)
    assert (plan.officers, plan.judges) == (0, 0)
    async with sessions() as session:
        new = await current_edition(session)
        assert await session.scalar(select(Judge).where(Judge.edition_id == new.id)) is None


def _other_year(d) -> None:
    d["edition"]["code"] = "iga-2022"
    d["edition"].pop("follows")


def _earlier(d) -> None:
    d["edition"].update(code="iga-2021", year=2021)
    d["edition"].pop("follows")


def _slug(d) -> None:
    d["event"]["slug"] = "blitar-2022"


def _unknown(d) -> None:
    d["edition"]["units"][0]["continues"] = ["DISPERKIM"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (_other_year, "edition.year: edition iga-2022 exists for 2022, this file says 2023"),
        (_earlier, "edition.year: 2021 is not after the current edition iga-2022 (2022)"),
        (_slug, "event.slug: 'blitar-2022' is the event of edition iga-2022"),
        (_unknown, "edition.units[0].continues: no unit 'DISPERKIM' in iga-2022"),
    ],
)
async def test_bad_next_edition_is_refused_and_writes_nothing(sessions, change, problem) -> None:
    await _seed_with_people(sessions)
    before = await whole_database(_Runtime(sessions), ignore=())
    with pytest.raises(EventFileError) as refused:
        async with sessions() as session, session.begin():
            await import_edition(session, _edited(change), NOW)
    assert any(line.startswith(problem) for line in refused.value.problems), refused.value
    assert await whole_database(_Runtime(sessions), ignore=()) == before


async def test_a_removed_unit_with_entries_is_refused_in_its_own_edition(sessions) -> None:
    await _seed_with_people(sessions)
    data = yaml.safe_load(SEED_TEXT)
    data["edition"]["units"] = [u for u in data["edition"]["units"] if u["code"] != "SETWAN"]
    spec = parse_event_file(yaml.safe_dump(data, allow_unicode=True))
    before = await whole_database(_Runtime(sessions), ignore=())
    with pytest.raises(EventFileError) as refused:
        async with sessions() as session, session.begin():
            await import_edition(session, spec, NOW)
    assert refused.value.problems == [
        "edition.units: unit 'SETWAN' (Sekretariat DPRD) has 1 entry in iga-2022 and cannot "
        "be removed; keep it in the file"
    ]
    assert await whole_database(_Runtime(sessions), ignore=()) == before


async def test_closed_edition_keeps_its_section_but_its_event_may_change(sessions) -> None:
    await _seed_with_people(sessions)
    async with sessions() as session, session.begin():
        await import_edition(session, load_event_file(NEXT_FILE), NOW)
    data = yaml.safe_load(SEED_TEXT)
    data["event"]["agenda"][0]["start"] = "07.00"
    async with sessions() as session, session.begin():
        _, report = await import_edition(
            session, parse_event_file(yaml.safe_dump(data, allow_unicode=True)), NOW
        )
    assert len(report.agenda_changes) == 1
    data["edition"]["entries_close"] = "2022-11-30T23:59:00+07:00"
    with pytest.raises(EventFileError) as refused:
        async with sessions() as session, session.begin():
            await import_edition(
                session, parse_event_file(yaml.safe_dump(data, allow_unicode=True)), NOW
            )
    assert refused.value.problems[0].startswith("edition.entries_close: edition iga-2022 is closed")
    async with sessions() as session:
        assert await session.scalar(select(Edition.closed_at).where(Edition.code == "iga-2022"))
