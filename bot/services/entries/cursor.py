"""Where an officer is in the entry form, and how each step moves them: a pure state machine.

A :data:`Cursor` is one of four typed positions; :func:`step` gives the position after an
:data:`Action`, reading only a :class:`FormState` (the form's fields, the answers so far and
the self-assessment's indicators), so the whole navigation is tested without Telegram or a
database. The cursor is stored with the entry as JSON (``Submission.cursor``,
:func:`to_json` / :func:`from_json`), so a restart, or another officer of the unit, continues
at the same place.

Positions name fields and indicators by their keys, not by their index: an edition's form may
be edited in place (a field added or moved), and a key keeps pointing at the same question.

========================  ========================================================
cursor                    the officer sees
========================  ========================================================
``AtField(key)``          the question of field ``key``
``AtLevel(indicator)``    the self-assessment's level question of an indicator
``AtEvidence(indicator)`` the evidence question of an indicator (after its level)
``AtSummary(opened_from)``the summary; ``opened_from`` is the field whose question
                          was open when the summary was asked for: a text typed at
                          the summary still answers that question
========================  ========================================================
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.services.core.event_file import FormFieldSpec
from bot.services.entries.form import is_visible, next_field


@dataclass(frozen=True)
class AtField:
    """At the question of field ``key``."""

    key: str


@dataclass(frozen=True)
class AtLevel:
    """At the level question (1–3) of indicator ``indicator`` (its key)."""

    indicator: str


@dataclass(frozen=True)
class AtEvidence:
    """At the evidence question of indicator ``indicator`` (its key), after its level."""

    indicator: str


@dataclass(frozen=True)
class AtSummary:
    """At the summary; ``opened_from``: the field whose question was open when the officer
    asked for the summary (a text typed now answers it), or None."""

    opened_from: str | None = None


Cursor = AtField | AtLevel | AtEvidence | AtSummary


@dataclass(frozen=True)
class FormState:
    """What the transitions read: the form, the answers so far, the self-assessment.

    Attributes:
        fields: The edition's form, in order.
        answers: Answers by field key (a skipped optional field is answered with None).
        indicators: Indicator keys in order; empty when the edition asks for no
            self-assessment.
        assessed: Keys of the indicators given a level already.
    """

    fields: Sequence[FormFieldSpec]
    answers: Mapping[str, Any]
    indicators: Sequence[str] = ()
    assessed: Collection[str] = frozenset()


@dataclass(frozen=True)
class Answered:
    """Field ``key`` was answered, or skipped (answered with None): on to the next question."""

    key: str


@dataclass(frozen=True)
class Jump:
    """A button opened a question directly (✏️ on the summary, an indicator of the overview)."""

    to: AtField | AtLevel


@dataclass(frozen=True)
class OpenSummary:
    """The officer asked for the summary."""


@dataclass(frozen=True)
class LevelChosen:
    """A level was chosen for indicator ``indicator``: its evidence is asked next."""

    indicator: str


@dataclass(frozen=True)
class EvidenceDone:
    """Evidence for indicator ``indicator`` was given or skipped: on to the next indicator
    without a level."""

    indicator: str


Action = Answered | Jump | OpenSummary | LevelChosen | EvidenceDone


def start(state: FormState) -> Cursor:
    """Where a new entry starts: the first question, or the summary of an empty form."""
    return AtField(state.fields[0].key) if state.fields else AtSummary()


def step(cursor: Cursor, action: Action, state: FormState) -> Cursor:
    """The position after ``action`` at ``cursor``.

    ``state`` is the form after the action took effect (the answer saved, the level set).
    After an answer: the first visible unanswered field after it (then from the start of the
    form), then the first indicator without a level, then the summary.
    """
    if isinstance(action, Answered):
        return _after_field(action.key, state)
    if isinstance(action, Jump):
        return action.to
    if isinstance(action, OpenSummary):
        if isinstance(cursor, AtSummary):
            return cursor  # asked again: the question remembered stays remembered
        return AtSummary(cursor.key if isinstance(cursor, AtField) else None)
    if isinstance(action, LevelChosen):
        return AtEvidence(action.indicator)
    return _next_indicator(state, after=action.indicator)


def current(cursor: Cursor | None, state: FormState) -> Cursor:
    """The position to show: ``cursor``, or the summary when it names a field that is
    hidden now (an earlier answer changed) or a field or indicator the form no longer has."""
    if isinstance(cursor, AtField):
        spec = next((f for f in state.fields if f.key == cursor.key), None)
        if spec is not None and is_visible(spec, state.answers):
            return cursor
        return AtSummary()
    if isinstance(cursor, AtLevel | AtEvidence):
        return cursor if cursor.indicator in state.indicators else AtSummary()
    if isinstance(cursor, AtSummary) and cursor.opened_from is not None:
        if current(AtField(cursor.opened_from), state) == AtSummary():
            return AtSummary()
        return cursor
    return AtSummary()


def typed_field(cursor: Cursor) -> str | None:
    """The field a typed message answers at ``cursor``: the open question's, or the one
    remembered by the summary; None at the self-assessment or a plain summary."""
    if isinstance(cursor, AtField):
        return cursor.key
    if isinstance(cursor, AtSummary):
        return cursor.opened_from
    return None


def _after_field(key: str, state: FormState) -> Cursor:
    spec = next_field(state.fields, state.answers, after=key)
    if spec is not None:
        return AtField(spec.key)
    return _next_indicator(state, after=None)


def _next_indicator(state: FormState, after: str | None) -> Cursor:
    keys = list(state.indicators)
    start_at = keys.index(after) + 1 if after in keys else 0
    for key in keys[start_at:]:
        if key not in state.assessed:
            return AtLevel(key)
    return AtSummary()


def to_json(cursor: Cursor | None) -> dict[str, str] | None:
    """The cursor as stored in ``Submission.cursor`` (None: not in the form)."""
    if cursor is None:
        return None
    if isinstance(cursor, AtField):
        return {"at": "field", "key": cursor.key}
    if isinstance(cursor, AtLevel):
        return {"at": "level", "indicator": cursor.indicator}
    if isinstance(cursor, AtEvidence):
        return {"at": "evidence", "indicator": cursor.indicator}
    stored = {"at": "summary"}
    if cursor.opened_from is not None:
        stored["from"] = cursor.opened_from
    return stored


def from_json(stored: Mapping[str, Any] | None) -> Cursor | None:
    """The cursor stored by :func:`to_json`; a value it cannot read is the summary (the
    officer sees the whole entry and chooses)."""
    if stored is None:
        return None
    at = stored.get("at")
    try:
        if at == "field":
            return AtField(str(stored["key"]))
        if at == "level":
            return AtLevel(str(stored["indicator"]))
        if at == "evidence":
            return AtEvidence(str(stored["indicator"]))
    except KeyError:
        return AtSummary()
    opened_from = stored.get("from")
    return AtSummary(str(opened_from) if opened_from is not None else None)
