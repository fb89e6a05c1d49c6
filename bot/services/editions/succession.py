"""Starting the next edition from its event file, beside the old one (issue 19).

:func:`plan_import` compares the file with the database and says what an import would do,
writing nothing (``iga-bot event import FILE --dry-run`` prints it); :func:`import_edition`
applies it: the core import (:func:`bot.services.core.event_import.import_event_file`), then,
for a new edition, what carries over from the previous one and the previous one closed
(read-only, :mod:`bot.services.core.edition_guard`).

Units are matched by code: a unit of the new edition continues the previous edition's unit
with the same code, or the ones its ``continues`` names (one other code: renamed; several:
merged); a previous unit no new unit continues is removed (its entries stay in the archive).
Officers and judges go with their unit unless ``carry_over`` says otherwise. Subscribers (with
their topics) and admins belong to no edition: they are kept as they are.

Refused, each problem located in the file, nothing written: an edition code that exists for
another year, a change to a closed edition, a new edition for a year not after the current
one, an event slug of another edition, ``continues`` naming an unknown unit or one already
continued, removing a unit of the same edition that has entries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.core.audit import record
from bot.services.core.edition_guard import forget_open_editions
from bot.services.core.event_file import EventFile, EventFileError
from bot.services.core.event_import import ImportReport, import_event_file
from bot.services.core.events import current_edition, edition_by_code
from bot.storage.models import (
    Admin,
    Edition,
    Event,
    Judge,
    Officer,
    Submission,
    Subscriber,
    Unit,
)

UnitFate = Literal["kept", "renamed", "added", "merged", "removed"]


@dataclass(frozen=True)
class UnitChange:
    """What happens to one unit.

    Attributes:
        fate: ``kept`` (same code and name), ``renamed`` (a new name or code), ``added``,
            ``merged`` (several previous units into this one), ``removed``.
        code: The unit's code in the file (for ``removed``: in the database).
        name: Its name in the file (for ``removed``: in the database).
        sources: The previous units' codes it continues.
        entries: For ``removed``: how many entries the unit has.
        old_name: For a unit renamed in place: its name in the database.
    """

    fate: UnitFate
    code: str
    name: str
    sources: tuple[str, ...] = ()
    entries: int = 0
    old_name: str = ""


@dataclass(frozen=True)
class Refusal:
    """Why a file is not for this database's editions, for a message in the user's language
    with the fix (``/muat_ulang``; :attr:`ImportPlan.problems` has the same in English).

    Attributes:
        kind: ``closed`` (the file's edition was closed when a later one was imported, and
            the file changes more than its event), ``not-after`` (a new edition for a year
            not after the current one), ``other-year`` (its code is another year's edition).
        code: The file's edition code; ``year`` the file's year.
        current: The current edition's year (``other-year``: the stored edition's year).
        fields: For ``closed``: the file's parts that differ from the closed edition.
    """

    kind: Literal["closed", "not-after", "other-year"]
    code: str
    year: int
    current: int
    fields: tuple[str, ...] = ()


class EditionRefused(EventFileError):
    """The file is valid but not importable here (:class:`Refusal`); nothing was written."""

    def __init__(self, problems: list[str], refusal: Refusal) -> None:
        super().__init__(problems)
        self.refusal = refusal


@dataclass
class ImportPlan:
    """What importing an event file would do (nothing is written to make it).

    Attributes:
        code: The file's edition code; ``year`` its year.
        new_edition: Whether the import starts a new edition (else it updates ``code``).
        previous: The code of the edition the new one follows (it is closed by the import).
        units: Changes to units (a new edition: every unit; an update: only changes).
        officers: Officers carried over to the new edition's units.
        judges: Judges carried over to the new edition's panel.
        subscribers: Active subscriptions kept, per topic.
        admins: Admins added at run time, kept.
        problems: Why the file is refused, each located (``edition.year: …``).
        refusal: The same, when the file is of the wrong edition, for the chat's message.
        moved_dates: For an update in place, each date the file moves
            (``event.date: 2022-12-07 → 2023-12-07``), so that a file meant for another
            year under the same code is seen before it is imported (issue 19, bad input).
    """

    code: str
    year: int
    new_edition: bool
    previous: str | None = None
    units: list[UnitChange] = field(default_factory=list)
    officers: int = 0
    judges: int = 0
    subscribers: dict[str, int] = field(default_factory=dict)
    admins: int = 0
    problems: list[str] = field(default_factory=list)
    moved_dates: list[str] = field(default_factory=list)
    refusal: Refusal | None = None

    def lines(self) -> list[str]:
        """The plan for the operator, one change per line (English, as the CLI speaks)."""
        if self.new_edition:
            head = f"New edition {self.code} ({self.year})"
            head += f", following {self.previous} (it becomes read-only)" if self.previous else ""
        else:
            head = f"Edition {self.code} ({self.year}): updated in place"
        lines = [head + "."]
        counts: Counter[str] = Counter(change.fate for change in self.units)
        if self.units:
            lines.append(
                "Units: "
                + ", ".join(
                    f"{counts[fate]} {fate}"
                    for fate in ("kept", "renamed", "added", "merged", "removed")
                    if counts[fate]
                )
                + "."
            )
        for change in self.units:
            if change.fate == "kept":
                continue
            line = f"  {change.fate}: {change.code} ({change.name})"
            if change.old_name:
                line += f" was '{change.old_name}'"
            elif change.fate in ("renamed", "merged") and change.sources:
                line += " from " + ", ".join(change.sources)
            if change.fate == "removed" and change.entries:
                line += (
                    f"; its {change.entries} entr{'y' if change.entries == 1 else 'ies'}"
                    f" of {self.previous} stay in the archive"
                )
            lines.append(line)
        if self.moved_dates:
            lines.append("Dates moved:")
            lines.extend(f"  {moved}" for moved in self.moved_dates)
        if self.new_edition:
            lines.append(f"Officers carried over: {self.officers}.")
            lines.append(f"Judges carried over: {self.judges}.")
            topics = ", ".join(f"{topic} {n}" for topic, n in sorted(self.subscribers.items()))
            total = sum(self.subscribers.values())
            lines.append(f"Subscriptions kept: {total}" + (f" ({topics})." if topics else "."))
            lines.append(f"Admins kept: {self.admins}.")
        return lines


async def _entry_counts(session: AsyncSession, unit_ids: list[int]) -> dict[int, int]:
    if not unit_ids:
        return {}
    rows = await session.execute(
        select(Submission.unit_id, func.count())
        .where(Submission.unit_id.in_(unit_ids))
        .group_by(Submission.unit_id)
    )
    return {unit_id: count for unit_id, count in rows.all()}


def _differences(edition: Edition, spec: EventFile) -> list[str]:
    """Where the file differs from a closed edition's stored section (its event may change)."""
    ed = spec.edition
    problems = []
    for name, stored, given in (
        ("name", edition.name, ed.name),
        ("entries_open", edition.entries_open_at, ed.entries_open),
        ("entries_close", edition.entries_close_at, ed.entries_close),
    ):
        if stored != given:
            problems.append(f"edition.{name}")
    units = {unit.code: unit.name for unit in edition.units}
    if units != {unit.code: unit.name for unit in ed.units}:
        problems.append("edition.units")
    awards = {award.rank: award.innovation for award in edition.awards}
    if ed.results and awards != {result.rank: result.innovation for result in ed.results}:
        problems.append("edition.results")
    return problems


async def plan_import(session: AsyncSession, spec: EventFile) -> ImportPlan:
    """What importing ``spec`` would change; reads only.

    Returns:
        The plan; ``problems`` is not empty when the file must be refused.
    """
    ed = spec.edition
    existing = await edition_by_code(session, ed.code)
    latest = await current_edition(session)
    plan = ImportPlan(code=ed.code, year=ed.year, new_edition=existing is None)
    event_edition = await session.scalar(
        select(Edition.code)
        .join(Event, Event.edition_id == Edition.id)
        .where(Event.slug == spec.event.slug)
    )
    if event_edition is not None and event_edition != ed.code:
        plan.problems.append(
            f"event.slug: '{spec.event.slug}' is the event of edition {event_edition}; "
            f"give the event of {ed.code} its own slug"
        )
    if existing is not None:
        await _plan_update(session, spec, existing, plan)
    else:
        await _plan_new(session, spec, latest, plan)
    return plan


async def _plan_update(
    session: AsyncSession, spec: EventFile, existing: Edition, plan: ImportPlan
) -> None:
    ed = spec.edition
    if existing.year != ed.year:
        plan.refusal = Refusal("other-year", ed.code, ed.year, existing.year)
        plan.problems.append(
            f"edition.year: edition {ed.code} exists for {existing.year}, this file says "
            f"{ed.year}; a new edition needs its own code (e.g. iga-{ed.year})"
        )
        return
    if existing.closed_at is not None:
        differences = _differences(existing, spec)
        if differences:
            latest = await current_edition(session)
            current = latest.year if latest is not None else existing.year
            plan.refusal = Refusal("closed", ed.code, ed.year, current, tuple(differences))
        for where in differences:
            plan.problems.append(
                f"{where}: edition {ed.code} is closed (read-only since a later edition was "
                "imported); only its event part may still change"
            )
        return
    wanted = {unit.code: unit for unit in ed.units}
    stored = {unit.code: unit for unit in existing.units}
    for unit in ed.units:
        if unit.code not in stored:
            plan.units.append(UnitChange("added", unit.code, unit.name))
        elif stored[unit.code].name != unit.name:
            plan.units.append(
                UnitChange("renamed", unit.code, unit.name, old_name=stored[unit.code].name)
            )
    plan.moved_dates = await _moved_dates(session, existing, spec)
    gone = [unit for code, unit in stored.items() if code not in wanted]
    counts = await _entry_counts(session, [unit.id for unit in gone])
    for dropped in gone:
        if counts.get(dropped.id):
            plan.problems.append(
                f"edition.units: unit '{dropped.code}' ({dropped.name}) has {counts[dropped.id]} "
                f"entr{'y' if counts[dropped.id] == 1 else 'ies'} in {ed.code} and cannot be "
                "removed; keep it in the file"
            )
        else:
            plan.units.append(UnitChange("removed", dropped.code, dropped.name))


async def _moved_dates(session: AsyncSession, existing: Edition, spec: EventFile) -> list[str]:
    """The edition's and its event's dates that ``spec`` changes, as ``where: old → new``."""
    ed = spec.edition
    zone = ZoneInfo(spec.event.timezone)

    def shown(moment: datetime | None) -> str:
        return "-" if moment is None else f"{moment.astimezone(zone):%Y-%m-%d %H:%M %Z}"

    moved = [
        f"edition.{name}: {shown(stored)} → {shown(given)}"
        for name, stored, given in (
            ("entries_open", existing.entries_open_at, ed.entries_open),
            ("entries_close", existing.entries_close_at, ed.entries_close),
            ("results_announce_at", existing.results_announce_at, ed.results_announce_at),
        )
        if stored != given
    ]
    event = await session.scalar(
        select(Event).where(Event.edition_id == existing.id).order_by(Event.id).limit(1)
    )
    if event is not None and event.starts_on != spec.event.date:
        moved.append(f"event.date: {event.starts_on:%Y-%m-%d} → {spec.event.date:%Y-%m-%d}")
    return moved


async def _plan_new(
    session: AsyncSession, spec: EventFile, latest: Edition | None, plan: ImportPlan
) -> None:
    ed = spec.edition
    previous = latest
    if ed.follows is not None:
        previous = await edition_by_code(session, ed.follows)
        if previous is None:
            plan.problems.append(f"edition.follows: no edition '{ed.follows}' is loaded")
            return
        if latest is not None and previous.id != latest.id:
            plan.problems.append(
                f"edition.follows: '{ed.follows}' is not the current edition ({latest.code}); "
                "a new edition follows the current one"
            )
            return
    if latest is not None and ed.year <= latest.year:
        plan.refusal = Refusal("not-after", ed.code, ed.year, latest.year)
        plan.problems.append(
            f"edition.year: {ed.year} is not after the current edition {latest.code} "
            f"({latest.year}); a new edition must be for a later year"
        )
        return
    plan.previous = previous.code if previous else None
    old = {unit.code: unit for unit in previous.units} if previous else {}
    taken: dict[str, int] = {}
    targets: dict[str, str] = {}  # previous unit code → new unit code
    for index, unit in enumerate(ed.units):
        sources = list(unit.continues) if unit.continues is not None else []
        if unit.continues is None and unit.code in old:
            sources = [unit.code]
        for source in sources:
            if source not in old:
                where = f"edition.units[{index}].continues"
                plan.problems.append(
                    f"{where}: no unit '{source}' in {plan.previous or 'a previous edition'}"
                )
            elif source in taken:
                plan.problems.append(
                    f"edition.units[{index}].continues: '{source}' is already continued by "
                    f"edition.units[{taken[source]}]"
                )
            else:
                taken[source] = index
                targets[source] = unit.code
        if not sources:
            fate: UnitFate = "added"
        elif len(sources) > 1:
            fate = "merged"
        elif sources[0] != unit.code or old[sources[0]].name != unit.name:
            fate = "renamed" if sources[0] in old else "added"
        else:
            fate = "kept"
        plan.units.append(UnitChange(fate, unit.code, unit.name, tuple(sources)))
    gone = [unit for code, unit in old.items() if code not in taken]
    counts = await _entry_counts(session, [unit.id for unit in gone])
    for dropped in gone:
        plan.units.append(
            UnitChange("removed", dropped.code, dropped.name, (), counts.get(dropped.id, 0))
        )
    if previous is not None:
        by_id = {unit.id: unit.code for unit in previous.units}
        if ed.carry_over.officers:
            officers = await session.scalars(
                select(Officer).where(Officer.unit_id.in_(list(by_id)))
            )
            plan.officers = len({(o.user_id, targets[by_id[o.unit_id]]) for o in officers
                                 if by_id[o.unit_id] in targets})  # fmt: skip
        if ed.carry_over.judges:
            plan.judges = (
                await session.scalar(
                    select(func.count()).select_from(Judge).where(Judge.edition_id == previous.id)
                )
                or 0
            )
    rows = await session.execute(
        select(Subscriber.topic, func.count())
        .where(Subscriber.active.is_(True))
        .group_by(Subscriber.topic)
    )
    plan.subscribers = {topic: count for topic, count in rows.all()}
    plan.admins = await session.scalar(select(func.count()).select_from(Admin)) or 0


async def import_edition(
    session: AsyncSession, spec: EventFile, now: datetime, *, actor_id: int | None = None
) -> tuple[ImportPlan, ImportReport]:
    """Import ``spec`` as :func:`plan_import` planned, in the caller's transaction.

    A new edition gets the previous one's officers and judges (as the file says) and closes
    it; an update of the current edition removes the units the file no longer lists (none of
    them has entries). Audited as ``edition.start`` for a new edition.

    Raises:
        EditionRefused: The file is of the wrong edition (the plan's :class:`Refusal`).
        EventFileError: The plan's problems; nothing was written.
    """
    plan = await plan_import(session, spec)
    if plan.refusal is not None:
        raise EditionRefused(plan.problems, plan.refusal)
    if plan.problems:
        raise EventFileError(plan.problems)
    if not plan.new_edition:
        removed = {change.code for change in plan.units if change.fate == "removed"}
        if removed:
            edition = await edition_by_code(session, spec.edition.code)
            assert edition is not None  # planned as an update
            for unit in list(edition.units):
                if unit.code in removed:
                    await session.delete(unit)
            await session.flush()
            session.expire(edition)
    report = await import_event_file(session, spec)
    edition = await edition_by_code(session, spec.edition.code)
    assert edition is not None  # just imported
    continues = {unit.code: unit.continues for unit in spec.edition.units}
    for unit in edition.units:
        if unit.predecessors != continues.get(unit.code):
            unit.predecessors = continues.get(unit.code)
    if plan.new_edition and plan.previous is not None:
        previous = await edition_by_code(session, plan.previous)
        assert previous is not None  # planned from it
        await _carry_over(session, spec, previous, edition, plan)
        previous.closed_at = now
        forget_open_editions()
        record(
            session,
            now=now,
            actor_id=actor_id,
            action="edition.start",
            entity="edition",
            entity_id=edition.id,
            before={"current": previous.code},
            after={"current": edition.code, "closed": previous.code},
        )
    await session.flush()
    return plan, report


async def _carry_over(
    session: AsyncSession, spec: EventFile, previous: Edition, edition: Edition, plan: ImportPlan
) -> None:
    new_units = {unit.code: unit for unit in edition.units}
    target: dict[int, Unit] = {}
    for change in plan.units:
        for source in change.sources:
            old = next((unit for unit in previous.units if unit.code == source), None)
            if old is not None and change.code in new_units:
                target[old.id] = new_units[change.code]
    if spec.edition.carry_over.officers and target:
        seen: set[tuple[int, int]] = set()
        for officer in await session.scalars(
            select(Officer).where(Officer.unit_id.in_(list(target))).order_by(Officer.id)
        ):
            unit = target[officer.unit_id]
            if (officer.user_id, unit.id) not in seen:
                seen.add((officer.user_id, unit.id))
                session.add(Officer(user_id=officer.user_id, unit_id=unit.id))
    if spec.edition.carry_over.judges:
        for judge in await session.scalars(
            select(Judge).where(Judge.edition_id == previous.id).order_by(Judge.id)
        ):
            judge_unit = target.get(judge.unit_id) if judge.unit_id is not None else None
            session.add(
                Judge(
                    edition_id=edition.id,
                    user_id=judge.user_id,
                    name=judge.name,
                    unit_id=judge_unit.id if judge_unit else None,
                )
            )
