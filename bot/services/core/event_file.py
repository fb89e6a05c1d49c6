"""The event/competition file (``config/event.yaml``): its schema and its reading.

The file is data, not code: each city and year edits it. It is validated by the pydantic
models below; every problem is reported with its location in the file
(``event.agenda[3].start: …``) before anything is written to the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from bot.services.shared.nip import nip_problem

Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
"""A stable identifier in the file: lower-case letters, digits, ``-`` and ``_``."""

LocalizedText = str | dict[Literal["id", "en"], str]
"""A text in Indonesian, or a mapping ``{id: …, en: …}`` (Indonesian is required)."""


@dataclass(frozen=True)
class Problem:
    """One problem of an event file as data, for the chat to say in the admin's language:
    where (``event.agenda[7].start``, empty when the file as a whole), what kind (pydantic's
    error type, e.g. ``missing``, ``literal_error``, or this module's own, e.g.
    ``time_of_day``; ``other`` when only the English ``text`` says it), the values the kind
    names (``context``: the limit, the expected values, the value given) and the English line
    (``text``, as :attr:`EventFileError.problems` has it)."""

    path: str
    kind: str
    context: dict[str, Any]
    text: str


class EventFileError(Exception):
    """The event file cannot be used.

    Attributes:
        problems: One line per problem, each starting with its location in the file.
        details: The same problems as data (:class:`Problem`), for the chat's languages.
    """

    def __init__(self, problems: list[str], details: list[Problem] | None = None) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
        self.details = details if details is not None else [_located(line) for line in problems]


_LOCATION = re.compile(r"^((?:event|edition)(?:\.[a-z_]+|\[\d+\])*): ")
"""A problem's location at its start (``edition.units[3].code: …``)."""


def _located(line: str) -> Problem:
    """A problem known only by its English line, located when the line starts so."""
    match = _LOCATION.match(line)
    return Problem(match.group(1) if match else "", "other", {}, line)


class EventFileSyntaxError(EventFileError):
    """The event file is not YAML: where the parser stopped (1-based line and column, or
    None when it cannot say) and that line of the file, so that the chat can say it in the
    admin's language (the parser's own words are English)."""

    def __init__(
        self, problem: str, line: int | None, column: int | None, excerpt: str, source: str
    ) -> None:
        where = f"line {line}, column {column}" if line is not None else source
        super().__init__([f"{where}: not valid YAML ({problem})"])
        self.line, self.column, self.excerpt = line, column, excerpt


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _check_localized(value: Any) -> Any:
    if isinstance(value, dict) and "id" not in value:
        raise ValueError("an Indonesian text (id) is required")
    return value


def localized(value: LocalizedText | None, language: str) -> str:
    """The text of ``value`` in ``language``, falling back to Indonesian."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return value.get(language) or value["id"]  # type: ignore[call-overload]


_CLOCK = re.compile(r"^(\d{1,2})[.:](\d{2})$")


def parse_clock(value: str) -> time:
    """Parse a time of day written ``09.00`` or ``09:00``.

    Raises:
        ValueError: The value is not a valid time of day.
    """
    match = _CLOCK.match(value.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise PydanticCustomError(  # a ValueError that the chat can translate
            "time_of_day", "'{value}' is not a time of day (write 09.00 or 09:00)", {"value": value}
        )
    return time(int(match.group(1)), int(match.group(2)))


def moment_on(day: date, zone: ZoneInfo, moment: str) -> datetime:
    """The aware instant of a moment written ``HH.MM`` (on ``day``) or ``YYYY-MM-DD HH.MM``
    in ``zone`` (the agenda's and the survey's times).

    Raises:
        ValueError: Not such a moment.
    """
    on, clock = _split_moment(moment)
    return datetime.combine(on or day, clock, tzinfo=zone)


class VenueSpec(_Strict):
    """Where the event is held. ``example: true`` marks values not taken from a source."""

    name: str = Field(min_length=1, max_length=200)
    city: str = Field(min_length=1, max_length=100)
    address: str | None = Field(default=None, max_length=300)
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    example: bool = False

    @model_validator(mode="after")
    def _both_coordinates(self) -> VenueSpec:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("give both latitude and longitude, or neither")
        return self


class SpeakerSpec(_Strict):
    """A narasumber."""

    key: Key
    name: str = Field(min_length=1, max_length=200)
    institution: str = Field(min_length=1, max_length=200)
    role: str | None = Field(default=None, max_length=200)


class AgendaItemSpec(_Strict):
    """A session. ``start``/``end`` are ``HH.MM`` on the event day, or ``YYYY-MM-DD HH.MM``."""

    key: Key
    title: str = Field(min_length=1, max_length=300)
    start: str
    end: str
    room: str | None = Field(default=None, max_length=200)
    description: str = ""
    speakers: list[Key] = Field(default_factory=list)
    example_time: bool = False

    @field_validator("start", "end")
    @classmethod
    def _valid_moment(cls, value: str) -> str:
        _split_moment(value)
        return value


def _split_moment(value: str) -> tuple[date | None, time]:
    value = value.strip()
    if " " in value and re.match(r"\d{4}-", value):  # a date first; "13 siang" is a time
        day_text, clock_text = value.split(None, 1)
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            raise PydanticCustomError(
                "date_written", "'{value}' is not a date (write YYYY-MM-DD)", {"value": day_text}
            ) from None
        return day, parse_clock(clock_text)
    return None, parse_clock(value)


class ReminderSpec(_Strict):
    """When to remind subscribers of the event: ``days_before`` at ``at``, or ``minutes_before``."""

    days_before: int | None = Field(default=None, ge=1, le=60)
    at: str | None = None
    minutes_before: int | None = Field(default=None, ge=1, le=24 * 60)

    @model_validator(mode="after")
    def _one_form(self) -> ReminderSpec:
        if (self.days_before is None) == (self.minutes_before is None):
            raise ValueError("give either days_before (with at) or minutes_before")
        if self.days_before is not None:
            if self.at is None:
                raise ValueError("days_before needs at (the time of day, e.g. 08.00)")
            parse_clock(self.at)
        return self


class QuestionsSpec(_Strict):
    """Questions to the narasumber during the sessions (``/tanya``).

    ``moderators``: Telegram user ids who moderate besides the committee's admins;
    ``max_length``: the longest question (characters); ``per_person`` questions within
    ``window_minutes`` per person; ``votes_per_minute`` votes per person (abuse limits, the
    person is told when to try again).
    """

    moderators: list[int] = Field(default_factory=list)
    max_length: int = Field(default=500, ge=20, le=3000)
    per_person: int = Field(default=3, ge=1, le=100)
    window_minutes: int = Field(default=10, ge=1, le=24 * 60)
    votes_per_minute: int = Field(default=30, ge=1, le=1000)


SURVEY_KINDS = ("rating", "single_choice", "multiple_choice", "short_text", "long_text")
"""The kinds of question the evaluation survey asks (``rating``: 1 to 5, the survey's own)."""


class EvaluationSpec(_Strict):
    """The evaluation survey after the event, asked with the entry form's engine.

    ``send_at``: when it is sent (``HH.MM`` on the event's first day, or ``YYYY-MM-DD
    HH.MM``); ``audience``: ``checked_in`` (those checked in; everybody subscribed when
    nobody checked in) or ``subscribers``; ``reminder_after_minutes``: the one reminder to
    those who did not finish; ``questions``: fields of the kinds in :data:`SURVEY_KINDS`
    (``required`` as in the form; ``show_if`` works as there).
    """

    send_at: str
    audience: Literal["checked_in", "subscribers"] = "checked_in"
    reminder_after_minutes: int = Field(default=60, ge=5, le=7 * 24 * 60)
    intro: LocalizedText | None = None
    questions: list[FormFieldSpec] = Field(min_length=1)

    _localized = field_validator("intro", mode="before")(_check_localized)

    @field_validator("send_at")
    @classmethod
    def _valid_moment(cls, value: str) -> str:
        _split_moment(value)
        return value

    @model_validator(mode="after")
    def _survey_kinds(self) -> EvaluationSpec:
        problems = []
        for index, question in enumerate(self.questions):
            if question.kind not in SURVEY_KINDS:
                problems.append(
                    f"questions[{index}].kind: '{question.kind}' is not asked in a survey "
                    f"(use {', '.join(SURVEY_KINDS)})"
                )
        _unique_keys(self.questions, "questions", problems)
        if problems:
            raise ValueError("; ".join(problems))
        return self


class FaqSpec(_Strict):
    """A question attendees ask, with its answer."""

    key: Key
    question: LocalizedText
    answer: LocalizedText

    _localized = field_validator("question", "answer", mode="before")(_check_localized)


def _check_nip(digits: str) -> None:
    """Raises ValueError naming what is impossible in the 18 digits of a NIP."""
    problem = nip_problem(digits)
    if problem is not None:
        raise ValueError(f"not a NIP ({problem.reason.removeprefix('nip-')}: {problem.detail})")


class SignatorySpec(_Strict):
    """Who signs the results report for the committee, under "<place>, <date>": their role,
    name and employee number (NIP). ``example: true`` marks values not taken from a
    source."""

    place: str = Field(min_length=1, max_length=100)
    role: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1, max_length=200)
    employee_number: str = Field(default="", max_length=100)
    example: bool = False

    @field_validator("employee_number")
    @classmethod
    def _real_nip(cls, line: str) -> str:
        """A line whose digits are a NIP's 18 ("NIP. 19700101 199503 1 001") is checked as
        one (:func:`bot.services.shared.nip.nip_problem`); other lines are free text."""
        digits = re.sub(r"\D", "", line)
        if len(digits) == 18:
            _check_nip(digits)
        return line


UNIT_ROLES: tuple[str, ...] = ("kepala", "sekretaris", "kasubag_program", "tim_teknis")
"""The roles a unit is invited with (Kepala, Sekretaris/Kabag, Kasubag Program, tim teknis)."""

InviteeRole = Literal[
    "kepala", "sekretaris", "kasubag_program", "tim_teknis", "narasumber", "guest"
]

NIP_PATTERN = r"^\d{18}$"
"""A civil servant's NIP: 18 digits (birth date, appointment month, sex, sequence)."""


class InviteeSpec(_Strict):
    """One invited person: a unit's role (``unit`` + ``role``; the key is made of both), or a
    narasumber or guest with its own ``key``. Names where known; ``telegram_id`` when the
    invitee's own Telegram user id is known (the invitation then goes to them)."""

    key: Key | None = None
    unit: str | None = None
    role: InviteeRole
    name: str | None = Field(default=None, max_length=300)
    nip: str | None = Field(default=None, pattern=NIP_PATTERN)
    jabatan: str | None = Field(default=None, max_length=300)
    institution: str | None = Field(default=None, max_length=300)
    telegram_id: int | None = None

    @field_validator("nip")
    @classmethod
    def _real_nip(cls, nip: str | None) -> str | None:
        if nip:
            _check_nip(nip)
        return nip

    @model_validator(mode="after")
    def _identified(self) -> InviteeSpec:
        if self.unit is None and self.key is None:
            raise ValueError("give the invitee's unit (with its role) or a key")
        return self

    @property
    def stable_key(self) -> str:
        """The invitation's key: ``key``, or ``<unit>-<role>`` in lower case."""
        return self.key or f"{self.unit}-{self.role}".lower().replace("_", "-")


class CheckInSpec(_Strict):
    """When the entrance's check-in link works on the event's day (local time)."""

    opens: str = "05.00"
    closes: str = "23.59"

    @field_validator("opens", "closes")
    @classmethod
    def _clock(cls, value: str) -> str:
        parse_clock(value)
        return value


class AttendanceSpec(_Strict):
    """Invitations, check-in and the daftar hadir.

    ``unit_roles``: the roles invited from every unit of the edition; ``invitees``: names
    where known, narasumber and guests; ``rsvp_reminder_days_before``: when non-answerers are
    reminded (the committee may also remind at any time); ``signatory``: who signs the daftar
    hadir for the committee; ``sessions``: agenda keys of sessions that check in separately.
    """

    unit_roles: list[Literal["kepala", "sekretaris", "kasubag_program", "tim_teknis"]] = Field(
        default_factory=list
    )
    invitees: list[InviteeSpec] = Field(default_factory=list)
    rsvp_reminder_days_before: int | None = Field(default=None, ge=1, le=60)
    check_in: CheckInSpec = Field(default_factory=CheckInSpec)
    sessions: list[Key] = Field(default_factory=list)
    """Agenda items that check in separately (each its own QR link and daftar hadir)."""
    signatory: SignatorySpec | None = None
    kop: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=5
    )
    """The letterhead of the daftar hadir and the poster, line by line ("PEMERINTAH KOTA
    BLITAR", "BADAN PERENCANAAN PEMBANGUNAN DAERAH", the address); without it, the
    organiser's name (its "melalui" part on a line of its own)."""

    @model_validator(mode="after")
    def _unique(self) -> AttendanceSpec:
        seen: set[str] = set()
        problems = []
        for index, invitee in enumerate(self.invitees):
            if invitee.stable_key in seen:
                problems.append(f"invitees[{index}]: '{invitee.stable_key}' is given twice")
            seen.add(invitee.stable_key)
        if parse_clock(self.check_in.closes) <= parse_clock(self.check_in.opens):
            problems.append("check_in.closes: must be after opens")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class CertificatesSpec(_Strict):
    """The certificates after the event: ``send_at`` (with its zone) is when the sertifikat
    of everyone who checked in, the judges' and narasumber's, go out through the outbox (the
    winners' piagam goes at that time or at the winners' announcement, whichever is later);
    ``signatory`` signs them (default: the edition's signatory)."""

    send_at: datetime
    signatory: SignatorySpec | None = None

    @field_validator("send_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise PydanticCustomError(
                "timezone_aware",
                "give the zone, e.g. {example}",
                {"example": "YYYY-MM-DDT15:00:00+07:00"},
            )
        return value


_Date = date
"""``date``, for annotations inside :class:`EventSpec`, whose field ``date`` hides the type."""


class EventSpec(_Strict):
    """The award event."""

    slug: Key
    title: str = Field(min_length=1)
    short_title: str = Field(min_length=1, max_length=200)
    organiser: str = Field(min_length=1, max_length=200)
    timezone: str = "Asia/Jakarta"
    date: _Date
    end_date: _Date | None = None
    description: str = ""
    venue: VenueSpec
    participants: list[str] = Field(default_factory=list)
    questions: QuestionsSpec = Field(default_factory=QuestionsSpec)
    evaluation: EvaluationSpec | None = None
    speakers: list[SpeakerSpec] = Field(default_factory=list)
    agenda: list[AgendaItemSpec] = Field(default_factory=list)
    reminders: list[ReminderSpec] = Field(default_factory=list)
    star_reminder_minutes: int = Field(default=15, ge=1, le=24 * 60)
    faq: list[FaqSpec] = Field(default_factory=list)
    legal_basis: list[str] = Field(default_factory=list)
    attendance: AttendanceSpec = Field(default_factory=AttendanceSpec)
    certificates: CertificatesSpec | None = None

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise PydanticCustomError(
                "unknown_zone", "unknown time zone '{value}'", {"value": value}
            ) from None
        return value

    @model_validator(mode="after")
    def _consistent(self) -> EventSpec:
        problems: list[str] = []
        _unique_keys(self.speakers, "speakers", problems)
        _unique_keys(self.agenda, "agenda", problems)
        _unique_keys(self.faq, "faq", problems)
        speaker_keys = {speaker.key for speaker in self.speakers}
        agenda_keys = {item.key for item in self.agenda}
        for index, key in enumerate(self.attendance.sessions):
            if key not in agenda_keys:
                problems.append(f"attendance.sessions[{index}]: unknown agenda item '{key}'")
        for index, item in enumerate(self.agenda):
            for key in item.speakers:
                if key not in speaker_keys:
                    problems.append(f"agenda[{index}].speakers: unknown speaker '{key}'")
            start, end = self.instant(item.start), self.instant(item.end)
            if end <= start:
                problems.append(f"agenda[{index}].end: must be after start ({item.start})")
        if self.end_date is not None and self.end_date < self.date:
            problems.append("end_date: must not be before date")
        if (
            self.certificates is not None
            and self.certificates.send_at.astimezone(self.zone).date() < self.date
        ):
            problems.append("certificates.send_at: must not be before the event's day")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def zone(self) -> ZoneInfo:
        """The event's time zone."""
        return ZoneInfo(self.timezone)

    def instant(self, moment: str) -> datetime:
        """The aware datetime of an agenda moment (``HH.MM`` falls on the event's first day)."""
        day, clock = _split_moment(moment)
        return datetime.combine(day or self.date, clock, tzinfo=self.zone)


def _unique_keys(items: list[Any], where: str, problems: list[str]) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.key in seen:
            problems.append(f"{where}[{index}].key: '{item.key}' is used twice")
        seen.add(item.key)


# --- the competition ---------------------------------------------------------------------

FieldKind = Literal[
    "short_text",
    "long_text",
    "single_choice",
    "multiple_choice",
    "date",
    "money",
    "file",
    "url",
    "phone",
    "rating",
]


class ChoiceSpec(_Strict):
    """One option of a choice field. ``value`` is stored; ``label`` is shown."""

    value: Key
    label: LocalizedText

    _localized = field_validator("label", mode="before")(_check_localized)


MAX_EXACT_RUPIAH = 2**53 - 1
"""The largest amount a money field may allow: whole rupiah stay exact in a JSON answer on
every database and in every JSON reader (SQLite reads larger numbers as floats)."""


class FormFieldSpec(_Strict):
    """One field of the entry form.

    ``show_if`` shows the field only when an earlier field has one of the given values;
    ``not_before`` names an earlier date field this date must not precede (e.g. penerapan not
    before uji coba); ``not_after_today`` refuses a date field's dates after today (in the
    event's time zone), for things that already happened; ``max_rupiah`` is the largest
    amount a money field accepts (default Rp1.000.000.000.000, a city's whole yearly budget);
    ``min_rupiah`` the smallest it accepts other than 0, which says "no budget" (default
    Rp10.000: a bare "12" is a typo for 12 juta, not a budget of Rp12).
    """

    key: Key
    kind: FieldKind
    label: LocalizedText
    help: LocalizedText | None = None
    required: bool = True
    min_length: int | None = Field(default=None, ge=0)
    max_length: int | None = Field(default=None, ge=1, le=4000)
    min_words: int | None = Field(default=None, ge=1)
    choices: list[ChoiceSpec] = Field(default_factory=list)
    file_types: list[str] = Field(default_factory=list)
    max_size_mb: float = Field(default=20, gt=0, le=20)
    max_rupiah: int = Field(default=1_000_000_000_000, ge=1, le=MAX_EXACT_RUPIAH)
    min_rupiah: int = Field(default=10_000, ge=0, le=MAX_EXACT_RUPIAH)
    show_if: dict[Key, list[str]] | None = None
    not_before: Key | None = None
    not_after_today: bool = False

    _localized = field_validator("label", "help", mode="before")(_check_localized)

    @model_validator(mode="after")
    def _kind_options(self) -> FormFieldSpec:
        if self.kind in ("single_choice", "multiple_choice") and not self.choices:
            raise ValueError(f"a {self.kind} field needs choices")
        if self.kind not in ("single_choice", "multiple_choice") and self.choices:
            raise ValueError("only choice fields take choices")
        if (self.not_before is not None or self.not_after_today) and self.kind != "date":
            raise ValueError("not_before and not_after_today apply to date fields only")
        if self.min_rupiah > self.max_rupiah:
            raise ValueError("min_rupiah is larger than max_rupiah")
        return self


class IndicatorLevelSpec(_Strict):
    """One of an indicator's three levels."""

    level: int = Field(ge=1, le=3)
    description: str = Field(min_length=1)


class IndicatorSpec(_Strict):
    """An indicator of the Indeks Inovasi Daerah (weight × chosen level)."""

    key: Key
    number: int = Field(ge=1)
    name: str = Field(min_length=1, max_length=200)
    weight: float = Field(gt=0)
    mandatory: bool = False
    evidence: str = ""
    levels: list[IndicatorLevelSpec] = Field(min_length=3, max_length=3)

    @field_validator("levels")
    @classmethod
    def _levels_one_to_three(cls, levels: list[IndicatorLevelSpec]) -> list[IndicatorLevelSpec]:
        if sorted(level.level for level in levels) != [1, 2, 3]:
            raise ValueError("levels must be 1, 2 and 3")
        return sorted(levels, key=lambda level: level.level)


class CriterionSpec(_Strict):
    """A rubric criterion for the judges, weighted in percent."""

    key: Key
    name: LocalizedText
    weight: float = Field(gt=0, le=100)
    description: LocalizedText | None = None
    """What the judges look at under this criterion (shown beside the score)."""

    _localized = field_validator("name", "description", mode="before")(_check_localized)


class UnitSpec(_Strict):
    """A Perangkat Daerah that may enter."""

    code: Annotated[str, Field(pattern=r"^[A-Z0-9][A-Z0-9_-]{0,31}$")]
    name: str = Field(min_length=1, max_length=200)
    kind: Literal[
        "dinas", "badan", "sekretariat", "inspektorat", "kecamatan", "kelurahan", "uptd",
        "puskesmas", "rsud", "satpol", "bumd", "other",
    ] = "other"  # fmt: skip
    continues: list[str] | None = None
    """In a following edition: the codes of the previous edition's units this one continues
    (several: merged; one other code: renamed). Default: the unit with the same code."""


class CarryOverSpec(_Strict):
    """What a following edition takes over from the previous one (issue 19). Subscribers
    (with their topics) and admins belong to no edition and are always kept."""

    officers: bool = True
    """Officers stay officers of the unit that continues theirs."""
    judges: bool = True
    """The panel stays, each judge with the unit that continues theirs."""


class ReturningSpec(_Strict):
    """Entries that return from a past edition (an innovation tried out one year, applied the
    next).

    ``not_entered_before``: the city's rule that an innovation must not have been entered
    before; the committee is warned about every returning entry (it decides). ``advance``:
    per choice field, the value a copied answer moves to, e.g. ``{tahapan: {uji_coba:
    penerapan}}``.
    """

    not_entered_before: bool = False
    advance: dict[Key, dict[str, str]] = Field(default_factory=dict)


class ResultSpec(_Strict):
    """A published result: rank (1 = first), its title, the unit and the innovation."""

    rank: int = Field(ge=1)
    title: str = Field(min_length=1, max_length=64)
    unit: str
    innovation: str = Field(min_length=1, max_length=300)


class FinalScoreSpec(_Strict):
    """The final score: ``judges`` × mean judges' score + ``self_assessment`` × validated
    self-assessment (as a percentage of its maximum). The weights add up to 1."""

    judges: float = Field(default=0.7, ge=0, le=1)
    self_assessment: float = Field(default=0.3, ge=0, le=1)
    tie_break: Literal["judges", "self_assessment", "submitted_at"] = "judges"

    @model_validator(mode="after")
    def _sum_to_one(self) -> FinalScoreSpec:
        if abs(self.judges + self.self_assessment - 1) > 1e-9:
            raise ValueError("judges and self_assessment must add up to 1")
        return self


class EditionSpec(_Strict):
    """One year's competition."""

    code: Key
    year: int = Field(ge=2000, le=2100)
    name: str = Field(min_length=1, max_length=200)
    number_prefix: str = Field(default="IGA", pattern=r"^[A-Z0-9-]{1,16}$")
    entries_open: datetime | None = None
    entries_close: datetime | None = None
    results_announce_at: datetime | None = None
    deadline_reminder_days: list[int] = Field(default_factory=lambda: [7, 3, 1])
    rank_titles: list[str] = Field(min_length=1)
    units: list[UnitSpec] = Field(default_factory=list)
    results: list[ResultSpec] = Field(default_factory=list)
    form: list[FormFieldSpec] = Field(default_factory=list)
    self_assessment: bool = True
    indicators: list[IndicatorSpec] = Field(default_factory=list)
    rubric: list[CriterionSpec] = Field(default_factory=list)
    final_score: FinalScoreSpec = Field(default_factory=FinalScoreSpec)
    signatory: SignatorySpec | None = None
    follows: Key | None = None
    """The code of the edition this one follows (default: the latest one loaded before)."""
    carry_over: CarryOverSpec = Field(default_factory=CarryOverSpec)
    returning: ReturningSpec = Field(default_factory=ReturningSpec)

    @model_validator(mode="after")
    def _consistent(self) -> EditionSpec:
        problems: list[str] = []
        codes = [unit.code for unit in self.units]
        for index, code in enumerate(codes):
            if code in codes[:index]:
                problems.append(f"units[{index}].code: '{code}' is used twice")
        for index, result in enumerate(self.results):
            if result.unit not in codes:
                problems.append(f"results[{index}].unit: unknown unit '{result.unit}'")
            if result.rank > len(self.rank_titles):
                problems.append(f"results[{index}].rank: no rank title for rank {result.rank}")
        ranks = [result.rank for result in self.results]
        for index, rank in enumerate(ranks):
            if rank in ranks[:index]:
                problems.append(f"results[{index}].rank: rank {rank} is given twice")
        _unique_keys(self.form, "form", problems)
        _unique_keys(self.indicators, "indicators", problems)
        _unique_keys(self.rubric, "rubric", problems)
        seen: dict[str, FormFieldSpec] = {}
        for index, spec in enumerate(self.form):
            if spec.kind == "rating":
                problems.append(f"form[{index}].kind: 'rating' is for the evaluation survey")
            for key in spec.show_if or {}:
                if key not in seen:
                    problems.append(f"form[{index}].show_if: '{key}' is not an earlier field")
            if spec.not_before is not None:
                earlier = seen.get(spec.not_before)
                if earlier is None or earlier.kind != "date":
                    problems.append(
                        f"form[{index}].not_before: '{spec.not_before}' "
                        "is not an earlier date field"
                    )
            seen[spec.key] = spec
        if self.rubric and abs(sum(c.weight for c in self.rubric) - 100) > 1e-6:
            problems.append("rubric: the weights must add up to 100")
        for name in ("entries_open", "entries_close", "results_announce_at"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                problems.append(f"{name}: give the zone, e.g. YYYY-10-31T23:59:00+07:00")
        if self.entries_open and self.entries_close and self.entries_close <= self.entries_open:
            problems.append("entries_close: must be after entries_open")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class EventFile(_Strict):
    """The whole file: the event and the edition of the competition it awards."""

    event: EventSpec
    edition: EditionSpec

    @model_validator(mode="after")
    def _known_units(self) -> EventFile:
        codes = {unit.code for unit in self.edition.units}
        problems = [
            f"event.attendance.invitees[{index}].unit: unknown unit '{invitee.unit}'"
            for index, invitee in enumerate(self.event.attendance.invitees)
            if invitee.unit is not None and invitee.unit not in codes
        ]
        if problems:
            raise ValueError("; ".join(problems))
        return self


class _Loader(yaml.SafeLoader):
    """Safe YAML without implicit timestamps: dates stay text for pydantic to check, so a bad
    date is reported with its location instead of crashing the YAML parser."""


class _FastLoader(yaml.CSafeLoader):
    """The same with libyaml's parser (in PyYAML's wheels): 9 ms of CPU for the seed file
    against 48 ms, at every start, reload and import. Its messages for broken YAML point
    less well (past the end), so a file it refuses is parsed again by :class:`_Loader`."""


_Loader.yaml_implicit_resolvers = _FastLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_yaml(text: str) -> Any:
    """The YAML document in ``text`` (libyaml first; the pure-Python parser's error)."""
    try:
        return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in ("function-after", "function-before") or "[" in str(part):
            continue
        else:
            text += f".{part}" if text else str(part)
    return text


def _shown(value: Any) -> str:
    """A value given in the file as a problem quotes it (short)."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:79] + "…"


def parse_event_file(text: str, source: str = "event file") -> EventFile:
    """Validate the text of an event file.

    Args:
        text: The YAML text.
        source: Name used in messages (usually the path).

    Returns:
        The validated file.

    Raises:
        EventFileError: With one line per problem and its location, e.g.
            ``event.agenda[3].start: '9am' is not a time of day (write 09.00 or 09:00)``.
    """
    try:
        data = _load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        lines = text.splitlines()
        excerpt = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
        raise EventFileSyntaxError(
            str(getattr(exc, "problem", None) or exc),
            mark.line + 1 if mark is not None else None,
            mark.column + 1 if mark is not None else None,
            excerpt,
            source,
        ) from None
    if not isinstance(data, dict):
        raise EventFileError([f"{source}: expected a mapping with 'event' and 'edition'"])
    try:
        return EventFile.model_validate(data)
    except ValidationError as exc:
        problems, details = [], []
        for error in exc.errors():
            path = _location(error["loc"])
            where = path or source
            message = str(error["msg"]).removeprefix("Value error, ")
            parts = message.split("; ")
            for part in parts:
                located = re.match(r"^([a-z_]+(?:\[\d+\])?(?:[.\[][^:]*)?): (.*)$", part)
                if re.match(r"^[a-z_]+(\[\d+\])?[.:\[]", part):
                    line = f"{where}.{part}" if where != source else part
                else:
                    line = f"{where}: {part}"
                problems.append(line)
                if error["type"] == "value_error":  # a validator's own words: English only
                    inner, detail = (located.group(1), located.group(2)) if located else ("", part)
                    full = ".".join(p for p in (path, inner) if p).replace(".[", "[")
                    details.append(Problem(full, "other", {"detail": detail}, line))
                else:
                    context = dict(error.get("ctx") or {})
                    if error["type"] != "missing":  # else the input is the enclosing part
                        context.setdefault("value", _shown(error.get("input")))
                    details.append(Problem(path, error["type"], context, line))
        raise EventFileError(problems, details) from None


def load_event_file(path: Path) -> EventFile:
    """Read and validate the event file at ``path``.

    Raises:
        EventFileError: The file is missing, unreadable or invalid (one line per problem).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EventFileError([f"{path}: cannot be read ({exc.strerror})"]) from None
    return parse_event_file(text, str(path))


def shift_dates(spec: EventFile, days: int) -> EventFile:
    """A copy of ``spec`` with every date moved by ``days`` (the sandbox's "event tomorrow")."""
    delta = timedelta(days=days)
    data = spec.model_dump()
    event = data["event"]
    event["date"] = spec.event.date + delta
    if spec.event.end_date:
        event["end_date"] = spec.event.end_date + delta
    for item in event["agenda"]:
        for name in ("start", "end"):
            day, clock = _split_moment(item[name])
            if day is not None:
                item[name] = f"{(day + delta).isoformat()} {clock:%H.%M}"
    if event.get("certificates"):
        event["certificates"]["send_at"] += delta
    edition = data["edition"]
    for name in ("entries_open", "entries_close", "results_announce_at"):
        if edition[name] is not None:
            edition[name] = edition[name] + delta
    return EventFile.model_validate(data)
