"""Message catalogues (Project Fluent ``.ftl`` files) and locale formatting (Babel).

Every user-visible text comes from ``bot/locales/<language>/*.ftl``; each feature keeps its
own file. Arguments are HTML-escaped before they are put into a message, because the bot sends
every message with parse mode HTML (Telegram's rule: user- and config-supplied text must be
escaped). Pass :class:`Markup` for an argument that is already safe HTML.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import markupsafe
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from fluent.runtime import FluentBundle, FluentResource

LANGUAGES = ("id", "en")
"""Supported languages; Indonesian first."""

LOCALES_DIR = Path(__file__).parent / "locales"


_LONG_ARGUMENT = 500
"""Arguments longer than this many characters bypass Fluent's placeable size limit."""


class Markup(str):
    """A string that is already safe HTML and is not escaped again."""


class MissingMessageError(KeyError):
    """A key is missing from a catalogue; raised so tests catch it, never shown to users."""


@cache
def _bundle(language: str) -> FluentBundle:
    bundle = FluentBundle([language], use_isolating=False)
    for path in sorted((LOCALES_DIR / language).glob("*.ftl")):
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return bundle


def normalize_language(code: str | None, default: str = "id") -> str:
    """Map a Telegram ``language_code`` (``en-US``, ``id``) to a supported language."""
    if code:
        base = code.split("-")[0].lower()
        if base in LANGUAGES:
            return base
    return default


def _escaped(value: object) -> object:
    if isinstance(value, Markup | int | float | Decimal):
        return value
    return html.escape(str(value))


def t(language: str, key: str, /, **args: object) -> str:
    """The message ``key`` in ``language``, with HTML-escaped arguments.

    Args:
        language: ``id`` or ``en``.
        key: Message key, e.g. ``start-welcome``.
        **args: Placeholders; strings are escaped unless they are :class:`Markup`; numbers are
            passed as they are.

    Raises:
        MissingMessageError: The key does not exist in that language.
    """
    bundle = _bundle(language)
    if not bundle.has_message(key):
        raise MissingMessageError(f"{language}:{key}")
    safe: dict[str, object] = {}
    long_values: dict[str, str] = {}
    for name, value in args.items():
        escaped = _escaped(value)
        if isinstance(escaped, str) and len(escaped) > _LONG_ARGUMENT:
            # Fluent refuses placeables over 2,500 characters (a guard against runaway
            # expansion); user texts can be longer, so they are put in after formatting.
            token = f"\ue000{len(long_values)}\ue001"
            long_values[token] = escaped
            escaped = token
        safe[name] = escaped
    pattern = bundle.get_message(key).value
    if pattern is None:  # a message with attributes only
        raise MissingMessageError(f"{language}:{key}: no value")
    text, errors = bundle.format_pattern(pattern, safe)
    if errors:
        raise MissingMessageError(f"{language}:{key}: {errors[0]}")
    if not isinstance(text, str):  # FluentNone: nothing to show
        raise MissingMessageError(f"{language}:{key}: {text}")
    for token, value in long_values.items():
        text = text.replace(token, value)
    return text


def plain_text(language: str, key: str, /, **args: object) -> str:
    """Like :func:`t` but without escaping, for plain-text output (the CLI, files). Numbers
    stay numbers, so that plural selectors (``[one]``/``*[other]``) choose by them."""
    return t(language, key, **{name: _unescaped(value) for name, value in args.items()})


def web_text(html: str) -> str:
    """A catalogue text made for the chat (Telegram HTML: ``<b>``, ``&amp;``) as plain text,
    for a web page that shows it as text (a JSON ``message``, an error page's body): tags
    dropped, entities decoded. The one place the web pages turn chat markup into text."""
    return markupsafe.Markup(html).striptags()


def _unescaped(value: object) -> object:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    return Markup(value)


def date_examples(year: int, language: str) -> dict[str, str]:
    """A day of ``year`` written each way the bot reads a date, for the examples in prompts
    and help (``example_numeric`` 17/08/2023, ``example_dashed`` 17-08-2023,
    ``example_written`` 17 Agustus 2023): the year the user is working in, not a year
    written into the catalogue."""
    day = date(year, 8, 17)
    return {
        "example_numeric": f"{day:%d/%m/%Y}",
        "example_dashed": f"{day:%d-%m-%Y}",
        "example_written": format_date(day, "d MMMM y", locale=language),
    }


def example_moment(day: date) -> str:
    """A date and time as ``/umumkan_pada`` reads them (``07/12/2023 09.00``), on ``day``."""
    return f"{day:%d/%m/%Y} 09.00"


def format_day(day: date | datetime, language: str) -> str:
    """A date as "Rabu, 7 Desember 2022" / "Wednesday, 7 December 2022"."""
    return format_date(day, "EEEE, d MMMM y", locale=language)


def zone_abbreviation(moment: datetime) -> str:
    """The Indonesian abbreviation of the moment's zone (WIB, WITA, WIT), used in all languages."""
    return format_datetime(moment, "z", tzinfo=moment.tzinfo, locale="id")


def format_clock(moment: datetime, zone: ZoneInfo, language: str) -> str:
    """A time of day in ``zone``: "09.00" in Indonesian, "09:00" in English."""
    local = moment.astimezone(zone)
    return format_datetime(local, "HH.mm" if language == "id" else "HH:mm", locale=language)


def format_clock_zone(moment: datetime, zone: ZoneInfo, language: str) -> str:
    """A time of day with the zone, as written in Indonesia: "09.00 WIB" ("09:00 WIB")."""
    return f"{format_clock(moment, zone, language)} {zone_abbreviation(moment.astimezone(zone))}"


def format_time_range(start: datetime, end: datetime, zone: ZoneInfo, language: str) -> str:
    """A time range with the zone: "09.00–10.00 WIB"."""
    return (
        f"{format_clock(start, zone, language)}–{format_clock(end, zone, language)} "
        f"{zone_abbreviation(start.astimezone(zone))}"
    )


def format_moment(moment: datetime, zone: ZoneInfo, language: str) -> str:
    """A day and time: "Rabu, 7 Desember 2022, pukul 09.00 WIB" / "Wednesday, 7 December
    2022, 09:00 WIB"."""
    local = moment.astimezone(zone)
    return t(
        language,
        "format-moment",
        day=format_day(local, language),
        time=format_clock(local, zone, language),
        zone=zone_abbreviation(local),
    )


def format_number(
    value: float | Decimal | int, language: str, *, decimals: int | None = None
) -> str:
    """A number as the language writes it: "87,5" and "1.250" in Indonesian, "87.5" and
    "1,250" in English (Babel's CLDR data).

    Args:
        value: the number (a score, a weight, a percentage).
        language: ``id`` or ``en``.
        decimals: fixed number of decimals ("59,50"); None: up to two, without trailing
            zeros ("87,5", "3").
    """
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0" if decimals == 0 else "#,##0.##"
    return format_decimal(value, format=pattern, locale=language, decimal_quantization=True)


def format_money(amount: int | Decimal, language: str) -> str:
    """Rupiah: "Rp10.000.000" (Indonesian) / "IDR 10,000,000" (English)."""
    number = format_decimal(amount, format="#,##0", locale=language)
    return f"Rp{number}" if language == "id" else f"IDR {number}"


def format_file_size(size_bytes: int, language: str) -> str:
    """A file size in the unit that fits (1 KB = 1,024 bytes): "193 B", "4,5 KB", "25,3 MB"
    ("4.5 KB" in English), so a small file never reads "0 KB"."""
    if size_bytes < 1024:
        return format_decimal(size_bytes, format="#,##0", locale=language) + " B"
    if size_bytes < 1024 * 1024:
        return format_decimal(size_bytes / 1024, format="#,##0.#", locale=language) + " KB"
    return format_megabytes(size_bytes, language)


def format_megabytes(size_bytes: int, language: str) -> str:
    """A file size in MB (1 MB = 1,048,576 bytes, as Telegram counts its limits) with at most
    one decimal: "25,3 MB" (Indonesian), "25.3 MB" (English)."""
    return format_decimal(size_bytes / (1024 * 1024), format="#,##0.#", locale=language) + " MB"
