"""Callback data of inline buttons, packed and parsed by typed codecs.

One :class:`Codec` per button family: a namespaced prefix (``jd:s``) and a frozen dataclass
whose fields are the values the button carries, in order. ``pack`` writes
``<prefix>:<value>:<value>``; ``parse`` reads it back or returns None for anything that is not
exactly that (forged, garbled or from an older version of the bot); ``pattern`` is the
anchored regular expression a ``CallbackQueryHandler`` routes with. Field types: ``int``
(0 or more), ``str`` (letters, digits, ``_`` and ``-``), and a ``StrEnum`` (its values).

Telegram refuses callback data over 64 bytes (Bot API, InlineKeyboardButton), so ``pack``
raises :class:`ValueError` rather than build a button Telegram would reject.
"""

from __future__ import annotations

import dataclasses
import enum
import re
import typing
from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from telegram import CallbackQuery

from bot.handlers.shared.updates import MissingUpdatePart

T = TypeVar("T")

LIMIT_BYTES = 64
"""Longest callback data Telegram accepts (bytes, UTF-8)."""

_INT = r"\d{1,18}"
_STR = r"[A-Za-z0-9_-]{1,64}"
_PREFIX = re.compile(r"^[a-z][a-z0-9]*(:[a-z][a-z0-9]*)*$")


@dataclasses.dataclass(frozen=True)
class _Field:
    name: str
    kind: Any
    pattern: str

    def write(self, value: Any) -> str:
        if self.kind is int:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{self.name}: a whole number 0 or more, not {value!r}")
            return str(value)
        text = value.value if isinstance(value, enum.Enum) else value
        if not isinstance(text, str) or not re.fullmatch(self.pattern, text):
            raise ValueError(f"{self.name}: {value!r} cannot be carried by a button")
        return text

    def read(self, text: str) -> Any:
        if self.kind is int:
            return int(text)
        if self.kind is str:
            return text
        return self.kind(text)


def _field_of(name: str, kind: Any) -> _Field:
    if kind is int:
        return _Field(name, int, _INT)
    if kind is str:
        return _Field(name, str, _STR)
    if isinstance(kind, type) and issubclass(kind, enum.StrEnum):
        values = sorted((member.value for member in kind), key=len, reverse=True)
        return _Field(name, kind, "(?:" + "|".join(re.escape(v) for v in values) + ")")
    raise TypeError(f"{name}: callback data carries int, str or a StrEnum, not {kind!r}")


class Codec(Generic[T]):
    """Packs and parses the callback data of one button family.

    Args:
        prefix: Namespaced and unique per family, e.g. ``"jd:s"`` (lower-case words joined
            by ``:``).
        shape: A frozen dataclass; its fields in order are the values after the prefix.
            Without fields, the data is the prefix alone.

    Raises:
        TypeError: A field of ``shape`` has a type a button cannot carry.
        ValueError: ``prefix`` is not lower-case words joined by ``:``.
    """

    def __init__(self, prefix: str, shape: type[T]) -> None:
        if not _PREFIX.match(prefix):
            raise ValueError(f"callback prefix {prefix!r}: lower-case words joined by ':'")
        hints = typing.get_type_hints(shape)
        self.prefix = prefix
        self.shape = shape
        self._fields = [_field_of(f.name, hints[f.name]) for f in dataclasses.fields(shape)]  # type: ignore[arg-type]
        body = "".join(f":({field.pattern})" for field in self._fields)
        self._body = re.escape(prefix) + body
        self._regex = re.compile(rf"^{self._body}\Z")

    @property
    def pattern(self) -> str:
        """The anchored regular expression of this family's data (for
        ``CallbackQueryHandler(pattern=...)``; ``\\Z``, not ``$``, which would let a trailing
        new line through)."""
        return self._regex.pattern

    def pack(self, value: T) -> str:
        """The callback data of ``value``.

        Raises:
            ValueError: A value the pattern would not read back, or data over
                :data:`LIMIT_BYTES` bytes.
        """
        parts = [self.prefix] + [f.write(getattr(value, f.name)) for f in self._fields]
        data = ":".join(parts)
        if len(data.encode()) > LIMIT_BYTES:
            raise ValueError(f"callback data over {LIMIT_BYTES} bytes: {data!r}")
        return data

    def parse(self, data: str | None) -> T | None:
        """The value packed in ``data``, or None when ``data`` is not of this family."""
        match = self._regex.match(data or "")
        if match is None:
            return None
        values = [f.read(text) for f, text in zip(self._fields, match.groups(), strict=True)]
        return self.shape(*values)

    def tapped(self, query: CallbackQuery) -> T:
        """The value of the tapped button, for a handler routed by :attr:`pattern`.

        Raises:
            MissingUpdatePart: The data is not of this family (a routing mistake).
        """
        value = self.parse(query.data)
        if value is None:
            raise MissingUpdatePart(f"callback data of {self.prefix}")
        return value

    def matches(self, data: str | None) -> bool:
        """Whether ``data`` is of this family."""
        return self._regex.match(data or "") is not None


def any_pattern(codecs: Iterable[Codec[Any]]) -> str:
    """One anchored pattern matching the data of any of ``codecs`` (a handler routing
    several families)."""
    return "^(?:" + "|".join(codec._body for codec in codecs) + r")\Z"


def parse_any(data: str | None, codecs: Iterable[Codec[Any]]) -> Any | None:
    """The value of the first of ``codecs`` that reads ``data``, or None."""
    for codec in codecs:
        value = codec.parse(data)
        if value is not None:
            return value
    return None


@dataclasses.dataclass(frozen=True)
class NoValue:
    """A button that carries nothing but its family (``bc:now``)."""


@dataclasses.dataclass(frozen=True)
class SessionQuestions:
    """A session's questions to the narasumber: the agenda's entry of a session that has
    started opens them (the questions feature routes it; both features build the button)."""

    item: int


SESSION_QUESTIONS = Codec("qa:open", SessionQuestions)
"""The button opening a session's board of questions (``qa:open:<agenda item id>``)."""


@dataclasses.dataclass(frozen=True)
class EditionTap:
    """A button acting on one edition as a whole (closing its judging, setting its winners,
    assigning its judges): the edition's id, so that a button sent before the next edition's
    import never acts on the new one (``Access.edition_refusal`` answers it)."""

    edition: int
