"""Check-in records: once per person, whatever the order or the timing of the taps."""

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from bot.services.attendance.records import (
    Person,
    PersonError,
    attendees_of,
    check_in,
    clean_nip,
    clean_text,
)
from bot.services.core.events import current_event
from bot.storage.models import AttendanceRecord, AttendanceRole, Invitation
from tests.factories import seed_edition

NOW = datetime(2022, 12, 7, 1, 0, tzinfo=UTC)


async def _event_id(sessions) -> int:
    async with sessions.begin() as session:
        await seed_edition(session)
        return (await current_event(session)).id


async def test_the_event_file_makes_the_invitations(sessions) -> None:
    await _event_id(sessions)
    async with sessions() as session:
        keys = set(await session.scalars(select(Invitation.key)))
    assert {"dinsos-kepala", "dinsos-kasubag-program", "narasumber-kemendagri"} <= keys
    assert len(keys) == 22 * 4 + 3


async def test_the_same_person_twice_is_one_record(sessions) -> None:
    event_id = await _event_id(sessions)
    person = Person(name="Siti Aminah", nip="19800101 200501 2 001", jabatan="Kasubag Program")
    async with sessions.begin() as session:
        first = await check_in(session, event_id, person, now=NOW, user_id=11, by=11)
    async with sessions.begin() as session:
        again = await check_in(session, event_id, person, now=NOW, user_id=11, by=11)
    assert first.created and not again.created
    assert again.record.id == first.record.id
    assert first.record.nip == "198001012005012001"


async def test_a_guest_by_name_is_matched_whatever_the_spacing_and_case(sessions) -> None:
    event_id = await _event_id(sessions)
    async with sessions.begin() as session:
        first = await check_in(
            session, event_id, Person(name="Budi  Santoso"), now=NOW, user_id=None, by=1,
            method="committee",
        )  # fmt: skip
        again = await check_in(
            session, event_id, Person(name="budi santoso"), now=NOW, user_id=None, by=1
        )
    assert first.created and not again.created


async def test_two_taps_at_the_same_second_list_the_person_once(sessions) -> None:
    event_id = await _event_id(sessions)

    async def tap() -> bool:
        for _ in range(20):
            try:
                async with sessions.begin() as session:
                    result = await check_in(
                        session, event_id, Person(name="Rina"), now=NOW, user_id=77, by=77
                    )
                    return result.created
            except OperationalError:  # SQLite: the other tap committed after this one read
                continue  # a new transaction reads its commit, as the bot's turn would
        raise AssertionError("no turn")

    results = await asyncio.gather(tap(), tap())
    assert sorted(results) == [False, True]
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(AttendanceRecord)) == 1


@pytest.mark.parametrize("nip", ["1980010120050120", "19800101200501200", "1980-0101 2005 01 2"])
def test_a_nip_not_of_18_digits_is_refused(nip: str) -> None:
    with pytest.raises(PersonError) as error:
        clean_nip(nip)
    assert error.value.reason == "nip-digits"


@pytest.mark.parametrize(
    ("nip", "char"), [("1980O101200501200A", "O"), ("19800101,200501,2,001", ","), ("١٩٨٠", "١")]
)
def test_a_nip_with_another_character_names_it(nip: str, char: str) -> None:
    with pytest.raises(PersonError) as error:
        clean_nip(nip)
    assert (error.value.reason, error.value.detail) == ("nip-char", char)


@pytest.mark.parametrize(
    "typed", ["1980-0101 2005 01 2 001", "19800101.200501.2.001", "19800101/200501/2/001"]
)
def test_a_nip_with_separators_is_accepted(typed: str) -> None:
    assert clean_nip(typed) == "198001012005012001"


@pytest.mark.parametrize(
    ("typed", "reason", "detail"),
    [
        ("19851340 201001 2 001", "nip-birth", "1985-13-40"),
        ("19850315 201013 2 001", "nip-tmt", "2010-13"),
        ("19850315 201001 5 001", "nip-sex", "5"),
    ],
)
def test_an_impossible_nip_names_its_wrong_part(typed: str, reason: str, detail: str) -> None:
    with pytest.raises(PersonError) as error:
        clean_nip(typed)
    assert (error.value.field, error.value.reason, error.value.detail) == ("nip", reason, detail)


@pytest.mark.parametrize("field", ["name", "jabatan", "unit"])
@pytest.mark.parametrize("typed", ["198503152010012001", "19850315 201001 2 001", "0812-3456"])
def test_a_number_is_not_a_name_jabatan_or_unit(field: str, typed: str) -> None:
    with pytest.raises(PersonError) as error:
        clean_text(field, typed, required=True)
    assert (error.value.field, error.value.reason) == (field, "digits")


@pytest.mark.parametrize("typed", ["🌸🌸", "…", "*** ---"])
def test_a_name_without_a_letter_is_refused(typed: str) -> None:
    with pytest.raises(PersonError) as error:
        clean_text("name", typed, required=True)
    assert (error.value.field, error.value.reason) == ("name", "letters")


@pytest.mark.parametrize("typed", ["Dewi 🌸 Lestari", "محمد عبد الله", "देवनागरी", "Li"])
def test_names_in_any_script_are_kept(typed: str) -> None:
    assert clean_text("name", typed, required=True) == typed


@pytest.mark.parametrize("typed", ["Staf Ahli Bidang 2", "Kasubag Program", "-", "Eselon III.b"])
def test_texts_with_words_are_kept(typed: str) -> None:
    assert clean_text("jabatan", typed) == typed


def test_no_nip_is_fine() -> None:
    assert clean_nip("-") is None and clean_nip("  ") is None


async def test_long_emoji_and_rtl_names_are_kept_whole(sessions) -> None:
    event_id = await _event_id(sessions)
    names = ["A" * 300, "Dewi 🌸 Lestari", "محمد عبد الله"]
    async with sessions.begin() as session:
        for index, name in enumerate(names):
            await check_in(session, event_id, Person(name=name), now=NOW, user_id=index, by=index)
        with pytest.raises(PersonError):
            await check_in(session, event_id, Person(name="A" * 301), now=NOW, user_id=9, by=9)
    async with sessions() as session:
        records = await attendees_of(session, event_id)
    assert [record.name for record in records] == names
    assert all(record.role is AttendanceRole.PARTICIPANT for record in records)
