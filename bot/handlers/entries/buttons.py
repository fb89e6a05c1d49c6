"""The callback data of the entry form's buttons (:mod:`bot.handlers.shared.callback_data`):
``entry:<action>:<entry id>[:<index>[:<value>]]``, ``entry:new:<unit id>`` (a new entry: the
unit's past innovations offered first), ``entry:blank:<unit id>`` (a new entry from nothing),
``entry:from:<unit id>:<past entry id>`` and ``entry:unfile:<entry id>:<attachment id>``."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from bot.handlers.shared.callback_data import Codec, any_pattern, parse_any


class EntryAction(enum.StrEnum):
    """A button about the whole entry."""

    OPEN = "open"
    VIEW = "view"
    WITHDRAW = "withdraw"
    WITHDRAW_OK = "withdrawok"
    WITHDRAW_NO = "withdrawno"
    CONFIRM = "confirm"
    SUMMARY = "summary"
    INDICATORS = "indicators"
    REVIEW = "review"


class FieldAction(enum.StrEnum):
    """A button about one field (its index in the form) or indicator (its index)."""

    NEXT = "next"
    CLEAR = "clear"
    CLEAR_OK = "clearok"
    SHOW_TEXT = "showtext"
    SKIP = "skip"
    EDIT = "edit"
    INDICATOR = "indicator"
    NO_EVIDENCE = "noevidence"


class ValueAction(enum.StrEnum):
    """A button giving a value: a choice's index, or a level (1–3)."""

    PICK = "pick"
    TOGGLE = "toggle"
    LEVEL = "level"


@dataclass(frozen=True)
class EntryTap:
    action: EntryAction
    entry_id: int


@dataclass(frozen=True)
class FieldTap:
    action: FieldAction
    entry_id: int
    index: int


@dataclass(frozen=True)
class ValueTap:
    action: ValueAction
    entry_id: int
    index: int
    value: int


@dataclass(frozen=True)
class RemoveFile:
    """A file's remove button: the entry and the attachment."""

    entry: int
    attachment: int


@dataclass(frozen=True)
class NewTap:
    """A new entry for unit ``unit_id``."""

    unit_id: int


@dataclass(frozen=True)
class BlankTap:
    """A new, empty entry for unit ``unit_id`` (chosen in the returning offer instead of a
    past innovation)."""

    unit_id: int


@dataclass(frozen=True)
class FromTap:
    """A new entry for unit ``unit_id`` begun from the past entry ``past_id`` (a returning
    innovation, :mod:`bot.services.editions.returning`)."""

    unit_id: int
    past_id: int


ENTRY = Codec("entry", EntryTap)
FIELD = Codec("entry", FieldTap)
VALUE = Codec("entry", ValueTap)
NEW = Codec("entry:new", NewTap)
BLANK = Codec("entry:blank", BlankTap)
FROM = Codec("entry:from", FromTap)
REMOVE_FILE = Codec("entry:unfile", RemoveFile)
"""``entry:unfile:<entry id>:<attachment id>``."""
BUTTONS = (ENTRY, FIELD, VALUE, NEW, BLANK, FROM, REMOVE_FILE)
PATTERN = any_pattern(BUTTONS)
"""Routes every button of the form."""

Tap = EntryTap | FieldTap | ValueTap | NewTap | BlankTap | FromTap | RemoveFile


def entry_button(action: EntryAction, entry_id: int) -> str:
    """The data of a button about entry ``entry_id``."""
    return ENTRY.pack(EntryTap(action, entry_id))


def field_button(action: FieldAction, entry_id: int, index: int) -> str:
    """The data of a button about field (or indicator) ``index`` of entry ``entry_id``."""
    return FIELD.pack(FieldTap(action, entry_id, index))


def value_button(action: ValueAction, entry_id: int, index: int, value: int) -> str:
    """The data of a button giving ``value`` to field (or indicator) ``index``."""
    return VALUE.pack(ValueTap(action, entry_id, index, value))


def new_button(unit_id: int) -> str:
    """The data of the button starting a new entry for unit ``unit_id``."""
    return NEW.pack(NewTap(unit_id))


def blank_button(unit_id: int) -> str:
    """The data of the button starting an empty entry for unit ``unit_id`` (no past one)."""
    return BLANK.pack(BlankTap(unit_id))


def from_button(unit_id: int, past_id: int) -> str:
    """The data of the button starting a new entry for unit ``unit_id`` from ``past_id``."""
    return FROM.pack(FromTap(unit_id, past_id))


def parse(data: str | None) -> Tap | None:
    """The tap packed in ``data``, or None (forged or garbled)."""
    tap: Tap | None = parse_any(data, BUTTONS)
    return tap


def action_and_numbers(tap: Tap) -> tuple[str, list[int]]:
    """The action's name and its numbers as the form's handler reads them: the entry id
    (the unit id for "new"), then the index and the value."""
    if isinstance(tap, NewTap):
        return "new", [tap.unit_id]
    if isinstance(tap, BlankTap):
        return "blank", [tap.unit_id]
    if isinstance(tap, FromTap):
        return "from", [tap.unit_id, tap.past_id]
    if isinstance(tap, RemoveFile):
        return "unfile", [tap.entry, tap.attachment]
    if isinstance(tap, ValueTap):
        return tap.action.value, [tap.entry_id, tap.index, tap.value]
    if isinstance(tap, FieldTap):
        return tap.action.value, [tap.entry_id, tap.index]
    return tap.action.value, [tap.entry_id]
