"""Frozen values of the loaded event and edition: what the per-process caches
(:class:`bot.runtime.Runtime`) hold and every reader gets.

The caches are shared by every update of the process; they hold these values, not detached
ORM objects, so a reader can neither change what the others read nor attach it to a session.
Code that writes loads its own ORM row by id in its own session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, TypeVar

from bot.services.core.event_file import FormFieldSpec
from bot.storage.models import AgendaItem, Award, Edition, Event, Indicator, Speaker, Venue


def frozen_json(value: Any) -> Any:
    """A JSON value (a column's dicts and lists) that cannot be changed: lists become tuples,
    dicts read-only mappings, all the way down."""
    if isinstance(value, dict):
        return MappingProxyType({key: frozen_json(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return tuple(frozen_json(item) for item in value)
    return value


@dataclass(frozen=True, slots=True)
class VenueView:
    """An event's venue (:class:`bot.storage.models.Venue`)."""

    id: int
    name: str
    address: str | None
    city: str
    latitude: float | None
    longitude: float | None
    is_example: bool


@dataclass(frozen=True, slots=True)
class SpeakerView:
    """A narasumber (:class:`bot.storage.models.Speaker`)."""

    id: int
    event_id: int
    key: str
    name: str
    institution: str
    role: str | None


@dataclass(frozen=True, slots=True)
class AgendaItemView:
    """One session of the event (:class:`bot.storage.models.AgendaItem`), with its speakers."""

    id: int
    event_id: int
    key: str
    title: str
    description: str
    room: str | None
    starts_at: datetime
    ends_at: datetime
    is_example_time: bool
    cancelled: bool
    speakers: tuple[SpeakerView, ...]


@dataclass(frozen=True, slots=True)
class AwardView:
    """A result of an edition (:class:`bot.storage.models.Award`), without its unit."""

    id: int
    edition_id: int
    rank: int
    title: str
    unit_id: int
    innovation: str
    submission_id: int | None


@dataclass(frozen=True, slots=True)
class IndicatorView:
    """An indicator of the self-assessment (:class:`bot.storage.models.Indicator`)."""

    id: int
    edition_id: int
    key: str
    number: int
    name: str
    weight: float
    mandatory: bool
    evidence: str
    levels: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class EditionView:
    """An edition's columns (:class:`bot.storage.models.Edition`) with what was loaded of it:
    the awards for the event, the indicators for the entry form (empty when not loaded)."""

    id: int
    code: str
    year: int
    name: str
    entries_open_at: datetime | None
    entries_close_at: datetime | None
    results_announce_at: datetime | None
    results_announced_at: datetime | None
    judging_closed_at: datetime | None
    closed_at: datetime | None
    config: Mapping[str, Any]
    awards: tuple[AwardView, ...] = ()
    indicators: tuple[IndicatorView, ...] = ()


@dataclass(frozen=True, slots=True, weakref_slot=True)
class EventView:
    """The award event (:class:`bot.storage.models.Event`) with its edition, venue, speakers
    and agenda (by start), as :func:`view_of` made it from the rows of one session.

    Equal values are equal (two loads of an unchanged event); the hash is the id and the
    time of the last change, so caches keyed by the event (the rendered agenda pages) stay
    cheap. Weak references are allowed: those caches go with the value.
    """

    id: int
    slug: str
    edition_id: int | None
    title: str
    short_title: str
    organiser: str
    timezone: str
    starts_on: date
    ends_on: date
    description: str
    participants: tuple[Any, ...]
    questions: Mapping[str, Any] | None
    evaluation: Mapping[str, Any] | None
    legal_basis: tuple[Any, ...]
    faq: tuple[Any, ...]
    reminder_offsets: tuple[Any, ...]
    star_reminder_minutes: int
    attendance: Mapping[str, Any] | None
    certificates: Mapping[str, Any] | None
    updated_at: datetime
    edition: EditionView | None
    venue: VenueView | None
    speakers: tuple[SpeakerView, ...]
    agenda: tuple[AgendaItemView, ...]

    def __hash__(self) -> int:
        return hash((self.id, self.updated_at))


@dataclass(frozen=True, slots=True)
class EditionForm:
    """The current edition as the entry form reads it (see
    :func:`bot.services.core.events.edition_form`).

    Attributes:
        edition: The edition with its indicators (no awards).
        fields: The form's fields parsed from ``edition.config``
            (:func:`bot.services.entries.form.form_fields`).
    """

    edition: EditionView
    fields: tuple[FormFieldSpec, ...]


V = TypeVar("V")


def _view(view: type[V], row: Any, **converted: Any) -> V:
    """A ``view`` dataclass of ``row``: each field the row's column of the same name, except
    the ``converted`` ones (frozen JSON, loaded relationships as tuples of views)."""
    columns = {f.name: getattr(row, f.name) for f in fields(view) if f.name not in converted}  # type: ignore[arg-type]
    return view(**columns, **converted)


def venue_view(venue: Venue) -> VenueView:
    """The value of a loaded venue row."""
    return _view(VenueView, venue)


def speaker_view(speaker: Speaker) -> SpeakerView:
    """The value of a loaded speaker row."""
    return _view(SpeakerView, speaker)


def agenda_item_view(item: AgendaItem) -> AgendaItemView:
    """The value of an agenda item row with its speakers loaded."""
    return _view(AgendaItemView, item, speakers=tuple(map(speaker_view, item.speakers)))


def award_view(award: Award) -> AwardView:
    """The value of an award row (its unit is not part of it)."""
    return _view(AwardView, award)


def indicator_view(indicator: Indicator) -> IndicatorView:
    """The value of an indicator row."""
    return _view(IndicatorView, indicator, levels=frozen_json(indicator.levels))


def edition_view(
    edition: Edition, *, awards: bool = False, indicators: bool = False
) -> EditionView:
    """The value of an edition row; ``awards`` and ``indicators`` only when they were loaded
    with it (reading an unloaded relationship would query, or fail once detached)."""
    return _view(
        EditionView,
        edition,
        config=frozen_json(edition.config or {}),
        awards=tuple(map(award_view, edition.awards)) if awards else (),
        indicators=tuple(map(indicator_view, edition.indicators)) if indicators else (),
    )


def view_of(event: Event) -> EventView:
    """The value of an event loaded with its venue, speakers, agenda (with speakers) and
    edition (with awards), as :func:`bot.services.core.events.current_event` loads it; call
    it inside the session that loaded them."""
    return _view(
        EventView,
        event,
        participants=frozen_json(event.participants or []),
        questions=frozen_json(event.questions),
        evaluation=frozen_json(event.evaluation),
        legal_basis=frozen_json(event.legal_basis or []),
        faq=frozen_json(event.faq or []),
        reminder_offsets=frozen_json(event.reminder_offsets or []),
        attendance=frozen_json(event.attendance),
        certificates=frozen_json(event.certificates),
        edition=None if event.edition is None else edition_view(event.edition, awards=True),
        venue=None if event.venue is None else venue_view(event.venue),
        speakers=tuple(map(speaker_view, event.speakers)),
        agenda=tuple(map(agenda_item_view, event.agenda)),
    )
