"""The cached event and edition form are frozen values (issue 12, item 4): every update of
a process reads the same cached values, so no reader may change them, and readers of the
event after a reload of the event file read equal values, whichever process they are in."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from bot.services.core.event_file import load_event_file
from bot.services.core.event_import import import_event_file
from bot.services.core.event_view import EventView
from bot.services.core.events import current_event_view
from tests.conftest import EVENT_FILE
from tests.e2e.conftest import wait_until
from tests.unit.core.conftest import NOW


async def test_the_cached_event_cannot_be_changed(two_runtimes):
    runtime, _ = two_runtimes
    async with runtime.transaction() as session:
        await import_event_file(session, load_event_file(EVENT_FILE))
    event = await runtime.event()
    assert isinstance(event, EventView)
    assert event.agenda and event.speakers and event.venue is not None
    with pytest.raises(FrozenInstanceError):
        event.title = "Another title"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        event.agenda[0].cancelled = True  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        event.venue.name = "Elsewhere"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        event.speakers[0].name = "Someone else"  # type: ignore[misc]
    if event.edition is not None:
        with pytest.raises(FrozenInstanceError):
            event.edition.results_announced_at = NOW  # type: ignore[misc]
    with pytest.raises(AttributeError):  # tuples, not lists
        event.agenda.append(event.agenda[0])  # type: ignore[attr-defined]
    assert event.faq
    with pytest.raises(TypeError):  # the event file's sections are read-only too
        event.faq[0]["question"] = "?"
    assert await runtime.event() is event  # still the one cached, unchanged


async def test_the_cached_edition_form_cannot_be_changed(two_runtimes):
    runtime, _ = two_runtimes
    async with runtime.transaction() as session:
        await import_event_file(session, load_event_file(EVENT_FILE))
    form = await runtime.edition_form()
    assert form is not None and form.fields and form.edition.indicators
    with pytest.raises(FrozenInstanceError):
        form.edition.entries_close_at = NOW  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        form.edition.indicators[0].weight = 0.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        form.edition.config["form"] = []  # type: ignore[index]
    assert isinstance(form.fields, tuple) and isinstance(form.edition.indicators, tuple)


async def test_two_readers_read_equal_values_after_a_reload(two_runtimes):
    first, second = two_runtimes
    async with first.transaction() as session:
        await import_event_file(session, load_event_file(EVENT_FILE))
    before = await second.event()
    assert before is not None

    async with first.transaction() as session:  # /muat_ulang in the first process
        await import_event_file(session, load_event_file(EVENT_FILE))
    first.forget_event()

    async def reloaded() -> bool:
        await second.fresh()
        return (await second.event()) is not before

    await wait_until(reloaded)
    mine, theirs = await first.event(), await second.event()
    assert mine is not None and theirs is not None and mine is not theirs
    assert mine == theirs and hash(mine) == hash(theirs)
    async with first.sessions() as session:
        assert await current_event_view(session, NOW) == mine
