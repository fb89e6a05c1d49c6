"""The entry form engine: fields from the edition's file, parsing and checking each kind of
answer, conditional fields, cross-field rules and the step counter.

Nothing here knows about Telegram or the database: a form is a list of
:class:`~bot.services.core.event_file.FormFieldSpec` (``Edition.config["form"]``) and the answers
are a mapping ``{field_key: value}`` of JSON values:

=================  =============================================================
kind               stored value
=================  =============================================================
short_text         ``str`` (stripped)
long_text          ``str`` (the messages joined by a blank line)
single_choice      ``str`` (the choice's ``value``)
multiple_choice    ``list[str]`` (choice values, in the form's order)
date               ``str`` ISO date ``YYYY-MM-DD``
money              ``int`` rupiah
file               ``{"files": [{"attachment_id": int, "file_name": str | None}, …]}``
url                ``str`` (``https://…``)
phone              ``str`` in international form (``+6281234567890``)
=================  =============================================================

A field the officer skipped (optional fields only) has the value ``None``. Each problem is
raised as :class:`FieldError` with a catalogue key (``form-error-…``) and its arguments, so
the handler can say it in the officer's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from bot.services.core.event_file import FormFieldSpec

Answers = Mapping[str, Any]
"""Answers by field key (JSON values; ``None`` for a skipped optional field)."""


CHOICE_KINDS = frozenset({"single_choice", "multiple_choice"})

DEFAULT_MAX_LENGTH = 4000
"""Longest short text when the field sets no ``max_length`` (characters; a Telegram message
holds 4096)."""

URL_MAX_LENGTH = 500
"""Longest link (characters), the size of ``SelfAssessment.evidence_url``."""

MB = 1024 * 1024


class FieldError(ValueError):
    """An answer that cannot be accepted.

    Attributes:
        key: Catalogue key of the explanation, e.g. ``form-error-date``.
        details: Its placeholders (numbers and plain texts).
    """

    def __init__(self, key: str, **details: object) -> None:
        super().__init__(key)
        self.key = key
        self.details = details


def form_fields(config: Mapping[str, Any]) -> list[FormFieldSpec]:
    """The form of an edition, from ``Edition.config`` (the validated ``edition.form``)."""
    return [FormFieldSpec.model_validate(item) for item in config.get("form", [])]


def field_by_key(fields: Sequence[FormFieldSpec], key: str) -> FormFieldSpec | None:
    """The field ``key``, or None."""
    return next((spec for spec in fields if spec.key == key), None)


# --- which fields are asked -------------------------------------------------------------


def is_visible(spec: FormFieldSpec, answers: Answers) -> bool:
    """Whether ``spec`` is asked given the answers so far (its ``show_if`` rule).

    ``show_if: {tahapan: [uji_coba, penerapan]}`` shows the field when the answer to
    ``tahapan`` is one of the values (for a multiple choice: when one of them was chosen).
    """
    return all(_rule_holds(answers.get(key), wanted) for key, wanted in _rules(spec))


def may_be_asked(spec: FormFieldSpec, answers: Answers) -> bool:
    """Whether ``spec`` is asked, or may still be: each ``show_if`` rule holds or names a
    field not answered yet (the dates while the stage is not chosen)."""
    return all(
        key not in answers or _rule_holds(answers[key], wanted) for key, wanted in _rules(spec)
    )


def _rules(spec: FormFieldSpec) -> list[tuple[str, list[str]]]:
    return list((spec.show_if or {}).items())


def _rule_holds(value: Any, wanted: Sequence[str]) -> bool:
    chosen = value if isinstance(value, list) else [value]
    return any(item in wanted for item in chosen)


def visible_fields(fields: Sequence[FormFieldSpec], answers: Answers) -> list[FormFieldSpec]:
    """The fields asked given ``answers``, in the form's order."""
    return [spec for spec in fields if is_visible(spec, answers)]


def next_field(
    fields: Sequence[FormFieldSpec], answers: Answers, after: str | None = None
) -> FormFieldSpec | None:
    """The next field to ask: the first visible unanswered field after ``after``, else the
    first visible unanswered one from the start; None when every visible field is answered."""
    visible = visible_fields(fields, answers)
    keys = [spec.key for spec in visible]
    start = keys.index(after) + 1 if after in keys else 0
    for spec in visible[start:] + visible[:start]:
        if spec.key not in answers:
            return spec
    return None


def field_number(fields: Sequence[FormFieldSpec], answers: Answers, key: str) -> tuple[int, int]:
    """``(number, count)`` shown with a question as "3 dari 19": the field's position among
    the fields that are asked or may still be asked (:func:`may_be_asked`), and how many
    those are. The number of a question does not change while it is answered or edited; the
    count only shrinks when an answer rules fields out (or grows back when it is changed).

    Raises:
        ValueError: ``key`` is not a field that may be asked.
    """
    keys = [spec.key for spec in fields if may_be_asked(spec, answers)]
    return keys.index(key) + 1, len(keys)


def form_problems(
    fields: Sequence[FormFieldSpec], answers: Answers
) -> list[tuple[str, FieldError]]:
    """Every reason the form cannot be submitted yet, in the form's order.

    Checks each visible field: required fields answered, stored values still valid (e.g. a
    long text that did not reach its minimum of words) and the ``not_before`` rule.

    Returns:
        ``(field_key, error)`` pairs; empty when the form is complete.
    """
    problems: list[tuple[str, FieldError]] = []
    for spec in visible_fields(fields, answers):
        value = answers.get(spec.key)
        if value is None or value == [] or value == "":
            if spec.required:
                problems.append((spec.key, FieldError("form-error-required")))
            continue
        try:
            if spec.kind == "long_text":
                check_long_text(spec, value)
            elif spec.kind == "date":
                check_not_before(fields, spec.key, value, answers)
        except FieldError as error:
            problems.append((spec.key, error))
    return problems


# --- parsing each kind ---------------------------------------------------------------------


def parse_text_answer(
    spec: FormFieldSpec,
    text: str,
    answers: Answers,
    fields: Sequence[FormFieldSpec] = (),
    today: date | None = None,
    language: str = "id",
) -> Any:
    """Parse a typed answer for a field answered by text (not long texts, which grow).
    ``language`` is the officer's: amounts are read in its notation (:func:`parse_money`).

    Args:
        spec: The field.
        text: The message text as the officer typed it.
        answers: The answers so far (for the ``not_before`` rule).
        fields: The whole form (for the ``not_before`` rule).
        today: The current day in the event's time zone (for ``not_after_today``; None:
            not checked).

    Returns:
        The value to store (see the module's table).

    Raises:
        FieldError: The text is not a valid answer for this kind of field.
    """
    if spec.kind == "short_text":
        return parse_short_text(spec, text)
    if spec.kind == "date":
        day = parse_date(text)
        if spec.not_after_today and today is not None and day > today:
            raise FieldError("form-error-future", today=today.isoformat())
        value = day.isoformat()
        check_not_before(fields, spec.key, value, answers)
        return value
    if spec.kind == "money":
        return _checked_money(spec, text, language)
    if spec.kind == "url":
        return parse_url(text)
    if spec.kind == "phone":
        return parse_phone(text)
    if spec.kind in CHOICE_KINDS:
        return parse_choice_text(spec, text)
    raise FieldError("form-error-wrong-kind")


LIKELY_UNITS = ((1_000, "juta", 10**6), (1_000_000, "ribu", 10**3))
"""A bare number under the minimum read as a multiple, by its size: under a thousand as
juta ("12"), under a million as ribu ("9999" for Rp9.999.000; QA2 #16: it was "9.999 juta",
ten miliar), with the unit's catalogue selector."""


def _likely(spec: FormFieldSpec, amount: Decimal) -> tuple[str, int] | None:
    """The unit and rupiah a bare ``amount`` most likely stands for, if that reading is an
    amount the field accepts; None when no reading is plausible."""
    for below, unit, multiplier in LIKELY_UNITS:
        if amount < below:
            likely = amount * multiplier
            if likely != likely.to_integral_value():
                return None
            if spec.min_rupiah <= likely <= spec.max_rupiah:
                return unit, int(likely)
            return None
    return None


def _checked_money(spec: FormFieldSpec, text: str, language: str) -> int:
    """A money answer within the field's limits. A bare number under the minimum ("12") or
    with decimals ("1,5") is refused with its likely reading when one is plausible ("12
    juta", "1,5 juta"); an amount written with a word ("5 rb") is taken as meant.

    Raises:
        FieldError: see :func:`parse_money`; ``form-error-money-too-large``,
            ``form-error-money-too-small`` (``…-guess`` with the likely reading), and
            ``form-error-money-sen-guess``.
    """
    amount, word = read_money(text, language)
    likely = _likely(spec, amount) if word is None else None
    if amount != amount.to_integral_value():
        if likely is not None and likely[0] == "juta":  # "1,5": one and a half juta, not sen
            unit, rupiah = likely
            raise FieldError("form-error-money-sen-guess", amount=amount, unit=unit, likely=rupiah)
        raise FieldError("form-error-money-sen")
    whole = int(amount)
    if whole > spec.max_rupiah:
        raise FieldError("form-error-money-too-large", maximum=spec.max_rupiah)
    if 0 < whole < spec.min_rupiah:  # "12" for 12 juta: said back, with the likely one
        if likely is not None:
            unit, rupiah = likely
            raise FieldError(
                "form-error-money-too-small-guess",
                amount=whole,
                minimum=spec.min_rupiah,
                unit=unit,
                likely=rupiah,
            )
        raise FieldError("form-error-money-too-small", amount=whole, minimum=spec.min_rupiah)
    return whole


def parse_short_text(spec: FormFieldSpec, text: str) -> str:
    """A short text within the field's length limits (characters, after stripping).

    Raises:
        FieldError: ``form-error-empty``, ``form-error-too-short`` or ``form-error-too-long``.
    """
    value = text.strip()
    if not value:
        raise FieldError("form-error-empty")
    if spec.min_length is not None and len(value) < spec.min_length:
        raise FieldError("form-error-too-short", minimum=spec.min_length, length=len(value))
    limit = spec.max_length or DEFAULT_MAX_LENGTH
    if len(value) > limit:
        raise FieldError("form-error-too-long", maximum=limit, length=len(value))
    return value


_WORD = re.compile(r"\S*?[^\W_]\S*")
r"""A run of characters between white space with a letter or a digit in it (``[^\W_]``:
what ``str.isalnum`` accepts)."""


def count_words(text: str) -> int:
    """Words in ``text``: runs of characters between white space with a letter or a digit
    in them, so "&", "-" or an emoji alone is no word (QA #3: a minimum of words could be
    met with symbols). One regular expression over the text: a long text is counted at
    every piece added to it (checking each character in Python was a fifth of a form
    step's CPU once the text had 1,500 words)."""
    return len(_WORD.findall(text))


def append_long_text(current: str | None, addition: str) -> str:
    """A long text with one more message appended (separated by a blank line)."""
    addition = addition.strip()
    return f"{current}\n\n{addition}" if current else addition


def check_long_text(spec: FormFieldSpec, text: str) -> None:
    """Check a finished long text: its minimum of words and maximum of characters.

    Raises:
        FieldError: ``form-error-empty``, ``form-error-too-few-words`` (with ``minimum``,
            ``words`` and ``missing``) or ``form-error-too-long``.
    """
    if not text.strip():
        raise FieldError("form-error-empty")
    words = count_words(text)
    if spec.min_words is not None and words < spec.min_words:
        raise FieldError(
            "form-error-too-few-words",
            minimum=spec.min_words,
            words=words,
            missing=spec.min_words - words,
        )
    if spec.max_length is not None and len(text) > spec.max_length:
        raise FieldError("form-error-too-long", maximum=spec.max_length, length=len(text))


def parse_choice_text(spec: FormFieldSpec, text: str) -> str | list[str]:
    """A choice typed instead of tapped: matches a choice's value or label in any language,
    ignoring case. A multiple choice takes the items separated by commas.

    Raises:
        FieldError: ``form-error-choice``: no such choice.
    """

    def find(item: str) -> str:
        wanted = item.strip().casefold()
        for choice in spec.choices:
            labels = [choice.label] if isinstance(choice.label, str) else choice.label.values()
            if wanted == choice.value.casefold() or wanted in (x.casefold() for x in labels):
                return choice.value
        raise FieldError("form-error-choice")

    if spec.kind == "single_choice":
        return find(text)
    picked = {find(item) for item in text.split(",") if item.strip()}
    if not picked:
        raise FieldError("form-error-choice")
    return [choice.value for choice in spec.choices if choice.value in picked]


def check_choice(spec: FormFieldSpec, value: str) -> str:
    """A choice value of the field (from a button).

    Raises:
        FieldError: ``form-error-choice``: the field has no such choice.
    """
    if value not in {choice.value for choice in spec.choices}:
        raise FieldError("form-error-choice")
    return value


MONTHS = {
    **dict.fromkeys(["januari", "january", "jan"], 1),
    **dict.fromkeys(["februari", "february", "feb", "pebruari", "peb"], 2),
    **dict.fromkeys(["maret", "march", "mar"], 3),
    **dict.fromkeys(["april", "apr"], 4),
    **dict.fromkeys(["mei", "may"], 5),
    **dict.fromkeys(["juni", "june", "jun"], 6),
    **dict.fromkeys(["juli", "july", "jul"], 7),
    **dict.fromkeys(["agustus", "august", "agu", "agt", "ags", "aug"], 8),
    **dict.fromkeys(["september", "sep", "sept"], 9),
    **dict.fromkeys(["oktober", "october", "okt", "oct"], 10),
    **dict.fromkeys(["november", "nopember", "nov", "nop"], 11),
    **dict.fromkeys(["desember", "december", "des", "dec"], 12),
}
"""Month names and abbreviations, Indonesian and English, lower case."""

_NUMERIC_DATE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORD_DATE = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")


def parse_date(text: str) -> date:
    """A calendar date as Indonesians write it: "17/08/2022", "17-08-2022", "17.08.2022",
    "17 Agustus 2022", "17 Agt 2022" (also English month names and ISO "2022-08-17").

    Day first, as in Indonesia. Years from 1900 to 2100.

    Raises:
        FieldError: ``form-error-date``: not written as a date;
            ``form-error-date-invalid``: no such day in the calendar (31/02/2022).
    """
    value = " ".join(text.strip().lower().replace(",", " ").split())
    if match := _NUMERIC_DATE.match(value):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.match(value):
        year, month, day = (int(part) for part in match.groups())
    elif (match := _WORD_DATE.match(value)) and match.group(2) in MONTHS:
        day, month, year = int(match.group(1)), MONTHS[match.group(2)], int(match.group(3))
    else:
        raise FieldError("form-error-date")
    if not 1900 <= year <= 2100:
        raise FieldError("form-error-date")
    try:
        return date(year, month, day)
    except ValueError:
        raise FieldError("form-error-date-invalid") from None


def check_not_before(
    fields: Sequence[FormFieldSpec], key: str, value: str, answers: Answers
) -> None:
    """The cross-field date rule, both ways: the date of ``key`` is not before the field it
    names in ``not_before``, and not after a later field that names ``key`` in its
    ``not_before`` (e.g. waktu penerapan not before waktu uji coba). Hidden or unanswered
    fields are not compared.

    Args:
        fields: The whole form.
        key: The date field being answered.
        value: Its new ISO date.
        answers: The other answers.

    Raises:
        FieldError: ``form-error-not-before`` (``other`` = the other field's key,
            ``other_date`` = its ISO date) or ``form-error-not-after``.
    """
    spec = field_by_key(fields, key)
    if spec is None:
        return
    earlier = field_by_key(fields, spec.not_before) if spec.not_before else None
    if earlier is not None and is_visible(earlier, answers):
        other = answers.get(earlier.key)
        if isinstance(other, str) and value < other:
            raise FieldError("form-error-not-before", other=earlier.key, other_date=other)
    for later in fields:
        if later.not_before == key and is_visible(later, answers):
            other = answers.get(later.key)
            if isinstance(other, str) and other < value:
                raise FieldError("form-error-not-after", other=later.key, other_date=other)


MULTIPLIERS = {
    "rb": 10**3,
    "ribu": 10**3,
    "k": 10**3,
    "jt": 10**6,
    "juta": 10**6,
    "m": 10**9,
    "milyar": 10**9,
    "miliar": 10**9,
    "t": 10**12,
    "triliun": 10**12,
}
"""Words Indonesians use for amounts ("10 juta", "1,5 miliar"), lower case."""

ENGLISH_MULTIPLIERS = {
    **{word: value for word, value in MULTIPLIERS.items() if word != "m"},
    "thousand": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mio": 10**6,
    "million": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "billion": 10**9,
    "tn": 10**12,
    "trillion": 10**12,
}
"""Words English speakers use ("10 million", "1.5 billion", "10m": m is a million here, a
miliar in Indonesian); the Indonesian words are understood too."""


@dataclass(frozen=True)
class MoneyNotation:
    """How amounts are written in one language: the thousands separator, the decimal
    separator, the words for multiples."""

    thousands: str
    decimal: str
    words: dict[str, int]

    @property
    def pattern(self) -> re.Pattern[str]:
        """A currency, the number, whole-rupiah decimals (",00"/".00", ",-"), a word."""
        decimals = re.escape(self.decimal) + "00"
        return re.compile(rf"^(?:rp\.?|idr)?\s*([\d.,\s]+?)\s*(?:,-|{decimals})?\s*([a-z]+)?\.?$")


NOTATIONS = {
    "id": MoneyNotation(".", ",", MULTIPLIERS),
    "en": MoneyNotation(",", ".", ENGLISH_MULTIPLIERS),
}
"""Indonesian "Rp10.000.000,00"; English "IDR 10,000,000.00"."""


def parse_money(text: str, language: str = "id") -> int:
    """An amount of rupiah in the officer's ``language``: Indonesian "Rp10.000.000",
    "Rp 10.000.000,00", "10000000", "10 juta", "1,5 miliar", "250 rb"; English
    "IDR 10,000,000", "10,000,000.00", "10 million", "1.5 billion", "250k" (and the
    Indonesian words, and "Rp10.000.000" whose several dots can only group thousands).

    Without a word the language's thousands separator groups thousands and its decimal
    separator starts the decimals; with a word ("1,5 juta", "1.5 million") one separator
    followed by other than three digits is the decimal point.

    Budgets are in whole rupiah (sen are not used): ",00" (".00" in English) and ",-" are
    accepted, other decimals are refused rather than rounded. Zero is an amount (no budget).

    Returns:
        Whole rupiah, 0 or more.

    Raises:
        FieldError: ``form-error-money``: not an amount; ``form-error-money-sen``: an
            amount with sen ("Rp 10.000.000,50", "1,2345 rb").
    """
    amount, _ = read_money(text, language)
    if amount != amount.to_integral_value():
        raise FieldError("form-error-money-sen")
    return int(amount)


def read_money(text: str, language: str = "id") -> tuple[Decimal, str | None]:
    """The amount of :func:`parse_money` as written (sen not refused yet), and the word
    that multiplied it ("juta"), None for a bare number.

    Raises:
        FieldError: ``form-error-money``: not an amount.
    """
    notation = NOTATIONS.get(language, NOTATIONS["id"])
    value = text.strip().lower()
    match = notation.pattern.match(value)
    if not match:
        raise FieldError("form-error-money")
    number, word = match.group(1).replace(" ", ""), match.group(2)
    if word is not None and word not in notation.words:
        raise FieldError("form-error-money")
    multiplier = notation.words.get(word or "", 1)
    separators = re.findall(r"[.,]", number)
    if word is not None and len(separators) == 1:
        whole, _, fraction = re.split(r"([.,])", number)
        digits = f"{whole}.{fraction}" if len(fraction) != 3 else whole + fraction
    else:
        if separators.count(".") > 1 and "," not in number:
            notation = NOTATIONS["id"]  # "10.000.000": dots that can only group thousands
        thousands = re.escape(notation.thousands)
        whole, _, fraction = number.partition(notation.decimal)
        if not re.fullmatch(rf"\d{{1,3}}({thousands}\d{{3}})*|\d+", whole) or not re.fullmatch(
            r"\d*", fraction
        ):
            raise FieldError("form-error-money")
        digits = whole.replace(notation.thousands, "") + (f".{fraction}" if fraction else "")
    try:
        return Decimal(digits) * multiplier, word
    except InvalidOperation:
        raise FieldError("form-error-money") from None


_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", re.I)


def parse_url(text: str) -> str:
    """A web link: ``http(s)://host/…``; "www.youtube.com/…" gets ``https://`` in front.

    Raises:
        FieldError: ``form-error-url``: not a link to a web address (a host with a dot), or
            longer than :data:`URL_MAX_LENGTH` characters.
    """
    value = text.strip()
    if " " in value or not value or len(value) > URL_MAX_LENGTH:
        raise FieldError("form-error-url")
    if "://" not in value:
        value = f"https://{value}"
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not _HOST.match(parts.hostname or ""):
        raise FieldError("form-error-url")
    return value


def parse_phone(text: str) -> str:
    """An Indonesian phone number: "0812-3456-7890", "+62 812 3456 7890", "(0342) 801234",
    "62812…". Spaces, dashes, dots and brackets are ignored.

    Returns:
        The number in international form, e.g. ``+6281234567890``.

    Raises:
        FieldError: ``form-error-phone``: letters, or not 8 to 13 digits after the country
            code (Indonesian numbers, ITU-T E.164 allows 15 in all).
    """
    value = re.sub(r"[\s\-.()]", "", text.strip())
    if value.startswith("+"):
        digits = value[1:]
    elif value.startswith("0"):
        digits = "62" + value[1:]
    else:
        digits = value
    if not digits.isdigit() or not digits.startswith("62"):
        raise FieldError("form-error-phone")
    national = digits[2:]
    if national.startswith("0") or not 8 <= len(national) <= 13:
        raise FieldError("form-error-phone")
    return f"+{digits}"


def answer_files(value: Any) -> list[dict[str, Any]]:
    """The files of a file field's answer, in order: ``[{"attachment_id", "file_name"}]``
    (also for the one-file answers ``{"attachment_id", "file_name"}`` saved before a field
    took several)."""
    if not isinstance(value, dict):
        return []
    if "files" in value:
        return list(value["files"] or [])
    return [value] if value.get("attachment_id") else []


def file_extension(file_name: str | None) -> str:
    """The lower-case extension of ``file_name`` without its dot ("" if none)."""
    if not file_name or "." not in file_name:
        return ""
    return file_name.rsplit(".", 1)[1].lower()


MIME_EXTENSIONS = {
    "application/pdf": "pdf",
    "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "image/jpeg": "jpg",
    "image/png": "png",
}


def check_file(
    spec: FormFieldSpec, file_name: str | None, mime_type: str | None, size_bytes: int | None
) -> None:
    """Check a document against the field's allowed types and maximum size.

    The type is the file name's extension, or failing that the one its MIME type implies.

    Raises:
        FieldError: ``form-error-file-type`` (``types`` = "PDF, PPT") or
            ``form-error-file-size`` (``limit`` and ``size`` in MB, three significant digits).
    """
    if spec.file_types:
        allowed = {kind.lower().lstrip(".") for kind in spec.file_types}
        extension = file_extension(file_name) or MIME_EXTENSIONS.get(mime_type or "", "")
        if extension not in allowed and not (extension == "jpeg" and "jpg" in allowed):
            raise FieldError(
                "form-error-file-type", types=", ".join(kind.upper() for kind in spec.file_types)
            )
    if size_bytes is not None and size_bytes > spec.max_size_mb * MB:
        raise FieldError(
            "form-error-file-size",
            limit=_megabytes(spec.max_size_mb),
            size=_megabytes(size_bytes / MB),
        )


def _megabytes(value: float) -> str:
    return f"{value:.3g}"
