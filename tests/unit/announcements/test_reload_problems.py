"""/muat_ulang's answer to an invalid event file: each problem in the admin's language (not
pydantic's English), naming the field's path and what is wrong; a kind without its own
text still names the field."""

import pytest

from bot.handlers.announcements.schedule_changes import invalid_text
from bot.i18n import t
from bot.services.core.event_file import EventFileError, parse_event_file
from tests.conftest import EVENT_FILE

PYDANTIC_WORDS = ("Input should", "Field required", "Extra inputs", "Value error")


def _refusal(*changes: tuple[str, str]) -> EventFileError:
    text = EVENT_FILE.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    with pytest.raises(EventFileError) as caught:
        parse_event_file(text)
    return caught.value


@pytest.mark.parametrize(
    ("old", "new", "indonesian", "english"),
    [
        ("  slug:", "  slugg:", "<code>event.slug</code>: wajib diisi, tetapi belum ada.",
         "<code>event.slug</code>: is required but missing."),
        ("  slug:", "  slugg:", "<code>event.slugg</code>: tidak dikenal dalam berkas acara",
         "<code>event.slugg</code>: is not a known part of the event file"),
        ('start: "13.00"', 'start: "13 siang"',
         '<code>event.agenda[7].start</code>: "13 siang" bukan jam yang dapat dibaca; mohon '
         "tulis seperti 09.00 atau 09:00.",
         '<code>event.agenda[7].start</code>: "13 siang" is not a time of day; please write'),
        ("unit_roles: [kepala,", "unit_roles: [kepal,",
         "<code>event.attendance.unit_roles[0]</code>: harus salah satu dari &#x27;kepala&#x27;",
         "<code>event.attendance.unit_roles[0]</code>: must be one of &#x27;kepala&#x27;"),
        ("unit_roles: [kepala,", "unit_roles: [kepal,", "&#x27; atau &#x27;tim_teknis&#x27; "
         "(tertulis: kepal)", "&#x27; or &#x27;tim_teknis&#x27; (given: kepal)"),
        ("timezone: Asia/Jakarta", "timezone: Asia/Jakrta",
         '<code>event.timezone</code>: zona waktu "Asia/Jakrta" tidak dikenal',
         '<code>event.timezone</code>: the time zone "Asia/Jakrta" is unknown'),
        ("date: 2022-12-07", "date: 2022-13-07",
         "<code>event.date</code>: harus berupa tanggal dengan format TTTT-BB-HH (tertulis: "
         "2022-13-07)", "<code>event.date</code>: must be a date written YYYY-MM-DD"),
        ("    - key: kemendagri\n", "    - key: Kemendagri!\n",
         "<code>event.speakers[0].key</code>: hanya boleh berisi huruf kecil",
         "<code>event.speakers[0].key</code>: may contain only lower-case letters"),
        ("star_reminder_minutes: 15", "star_reminder_minutes: 0",
         "<code>event.star_reminder_minutes</code>: harus 1 atau lebih (tertulis: 0)",
         "<code>event.star_reminder_minutes</code>: must be 1 or more (given: 0)"),
        ("send_at: 2022-12-07T15:00:00+07:00", "send_at: 2022-12-07T15:00:00",
         "<code>event.certificates.send_at</code>: harus menyebutkan zona waktu",
         "<code>event.certificates.send_at</code>: must give the time zone"),
        # a validator's own words: the fallback names the field, the detail as written
        ('end: "09.30"', 'end: "08.00"',
         "<code>event.agenda[2].end</code>: belum sesuai ketentuan (keterangan teknis: must be "
         "after start",
         "<code>event.agenda[2].end</code>: is not valid (must be after start"),
    ],
)  # fmt: skip
def test_each_problem_is_said_in_the_admins_language(
    old: str, new: str, indonesian: str, english: str
) -> None:
    error = _refusal((old, new))
    said = {language: invalid_text(error, language) for language in ("id", "en")}
    assert indonesian in said["id"], said["id"]
    assert english in said["en"], said["en"]
    assert said["id"].startswith(t("id", "reload-invalid", problems="").rstrip())
    for words in PYDANTIC_WORDS:
        assert words not in said["id"] and words not in said["en"], said
    assert "is not a time of day" not in said["id"]  # the file's own English neither


def test_many_problems_fit_in_one_message_and_the_rest_are_counted() -> None:
    text = EVENT_FILE.read_text(encoding="utf-8")
    error = _refusal(("agenda:\n", "agenda:\n" + "".join(
        f'    - key: x{n}\n      title: "X"\n      start: "{n} pagi"\n      end: "10.00"\n'
        for n in range(300)
    )))  # fmt: skip
    assert "agenda:\n" in text
    said = invalid_text(error, "id")
    assert len(said) <= 4096
    assert "masalah lainnya" in said
    assert said.count("bukan jam yang dapat dibaca") < len(error.details)


def test_a_problem_known_only_by_its_english_line_still_names_its_field() -> None:
    error = EventFileError(["edition.follows: no edition 'iga-2020' is loaded", "file gone"])
    said = invalid_text(error, "id")
    assert "• <code>edition.follows</code>: belum sesuai ketentuan (keterangan teknis: no " in said
    assert "• Berkas acara belum sesuai ketentuan (keterangan teknis: file gone)" in said
