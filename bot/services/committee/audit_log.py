"""The audit log as people read it: who by name, what as a label, and each change as
"Status: Terkirim → Lolos verifikasi administrasi", in the reader's language (the workbook's
audit sheet and ``/audit``). The stored rows keep ids and JSON; only their reading changes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import MissingMessageError, format_moment, plain_text
from bot.services.judging.scoring import rubric
from bot.storage.models import (
    AuditEntry,
    Chat,
    Edition,
    Indicator,
    Judge,
    Submission,
    SubmissionStatus,
    Unit,
)


def _label(language: str, key: str, fallback: str, **args: object) -> str:
    """Catalogue text ``key``, or ``fallback`` for a value the catalogue does not name (an
    action or a field added later still reads, as its stored name; a unit test keeps every
    name the bot writes labelled)."""
    try:
        return plain_text(language, key, **args)
    except MissingMessageError:
        return fallback


@dataclass
class AuditNames:
    """What the log's ids stand for: people (Telegram user id → name), judges, units,
    entries (id → number), rubric criteria and indicators (key → name), editions (id →
    year)."""

    people: dict[int, str] = field(default_factory=dict)
    judges: dict[int, str] = field(default_factory=dict)
    units: dict[int, str] = field(default_factory=dict)
    entries: dict[int, str] = field(default_factory=dict)
    criteria: dict[str, str] = field(default_factory=dict)
    indicators: dict[str, str] = field(default_factory=dict)
    editions: dict[int, str] = field(default_factory=dict)


async def audit_names(
    session: AsyncSession, edition: Edition | None, actor_ids: Iterable[int], language: str
) -> AuditNames:
    """The names the log's rows need: ``actor_ids``' names (a judge's name, else the chat's
    first name and @username), and the edition's judges, units, entries and criteria."""
    names = AuditNames()
    wanted = {actor for actor in actor_ids if actor is not None}
    if wanted:
        for chat_id, first_name, username in await session.execute(
            select(Chat.id, Chat.first_name, Chat.username).where(Chat.id.in_(wanted))
        ):
            shown = first_name or ""
            if username:
                shown = f"{shown} (@{username})".strip()
            if shown:
                names.people[chat_id] = shown
    names.editions = {
        edition_id: str(year)
        for edition_id, year in await session.execute(select(Edition.id, Edition.year))
    }
    if edition is None:
        return names
    for judge_id, user_id, name in await session.execute(
        select(Judge.id, Judge.user_id, Judge.name).where(Judge.edition_id == edition.id)
    ):
        names.judges[judge_id] = name
        names.people[user_id] = name
    names.units = {
        unit_id: name
        for unit_id, name in await session.execute(
            select(Unit.id, Unit.name).where(Unit.edition_id == edition.id)
        )
    }
    names.entries = {
        entry_id: number or str(entry_id)
        for entry_id, number in await session.execute(
            select(Submission.id, Submission.number).where(Submission.edition_id == edition.id)
        )
    }
    names.criteria = {criterion.key: criterion.label(language) for criterion in rubric(edition)}
    names.indicators = {
        key: f"{number}. {name}"
        for key, number, name in await session.execute(
            select(Indicator.key, Indicator.number, Indicator.name).where(
                Indicator.edition_id == edition.id
            )
        )
    }
    return names


@dataclass(frozen=True)
class AuditLine:
    """One audit entry as read: who, what, on what, and the change."""

    actor: str
    action: str
    subject: str
    change: str


def actor_name(language: str, actor_id: int | None, names: AuditNames) -> str:
    """The actor by name ("Siti (@siti)"), "sistem" for the bot itself, or "pengguna 123"
    when the bot never learnt the name."""
    if actor_id is None:
        return plain_text(language, "audit-system")
    return names.people.get(actor_id) or plain_text(
        language, "audit-unknown-user", id=str(actor_id)
    )


def read_entry(language: str, zone: ZoneInfo, names: AuditNames, entry: AuditEntry) -> AuditLine:
    """One stored audit entry as an :class:`AuditLine` in ``language``."""
    action = entry.action
    return AuditLine(
        actor=actor_name(language, entry.actor_id, names),
        action=_label(language, f"audit-action-{action.replace('.', '-')}", action),
        subject=_subject(language, names, entry.entity, entry.entity_id),
        change=_change(language, zone, names, entry.before or {}, entry.after or {}),
    )


def _subject(language: str, names: AuditNames, entity: str, entity_id: str | None) -> str:
    """What the entry is about: "Inovasi IGA-2022-001", "Nilai Kebaharuan, IGA-2022-001"…"""
    if entity == "access" and entity_id:  # a refusal: the role the person lacked
        return _role(language, entity_id)
    parts = (entity_id or "").split(":")
    kind = _label(language, f"audit-entity-{entity}", entity)
    if entity == "edition" and parts[0].isdigit() and int(parts[0]) in names.editions:
        return f"{kind} {names.editions[int(parts[0])]}"
    if entity == "submission" and parts[0].isdigit():
        return f"{kind} {names.entries.get(int(parts[0]), parts[0])}"
    if entity == "score" and len(parts) == 3 and parts[1].isdigit():
        judge = names.judges.get(int(parts[0]), parts[0]) if parts[0].isdigit() else parts[0]
        criterion = names.criteria.get(parts[2], parts[2])
        return f"{kind} {criterion}, {names.entries.get(int(parts[1]), parts[1])} ({judge})"
    if entity == "self_assessment" and len(parts) == 2 and parts[0].isdigit():
        indicator = names.indicators.get(parts[1], parts[1])
        return f"{kind} {indicator}, {names.entries.get(int(parts[0]), parts[0])}"
    if entity == "judge" and parts[0].isdigit() and int(parts[0]) in names.judges:
        return f"{kind} {names.judges[int(parts[0])]}"
    if entity == "unit" and parts[0].isdigit() and int(parts[0]) in names.units:
        return f"{kind} {names.units[int(parts[0])]}"
    return f"{kind} {entity_id}" if entity_id else kind


def _role(language: str, required: str) -> str:
    """A refusal's missing role as words: "bukan panitia", "data masuk ruang kerja tidak
    sah" (``init-data:invalid``), "iga-2022 sudah ditutup" (``edition-open:iga-2022``)."""
    kind, _, detail = required.partition(":")
    if kind == "edition-open":
        return _label(language, "audit-role-edition-open", required, code=detail)
    return _label(language, f"audit-role-{required.replace(':', '-')}", required)


def _change(
    language: str,
    zone: ZoneInfo,
    names: AuditNames,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
) -> str:
    """ "Field: old → new" for each value that changed (or was set), joined by "; "."""
    pieces = []
    for key in [*before, *(k for k in after if k not in before)]:
        old, new = before.get(key), after.get(key)
        if key in before and key in after and old == new:
            continue
        label = _label(language, f"audit-field-{key.replace('_', '-')}", key)
        shown_new = _value(language, zone, names, key, new)
        if key in before and key in after:
            pieces.append(f"{label}: {_value(language, zone, names, key, old)} → {shown_new}")
        elif key in before:
            pieces.append(f"{label}: {_value(language, zone, names, key, old)}")
        else:
            pieces.append(f"{label}: {shown_new}")
    return "; ".join(pieces)


def _value(language: str, zone: ZoneInfo, names: AuditNames, key: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if key == "status" and value in {status.value for status in SubmissionStatus}:
        return plain_text(language, f"status-{value}")
    if key == "user_id" and isinstance(value, int):
        return actor_name(language, value, names)
    if key == "judge_id" and isinstance(value, int):
        return names.judges.get(value, str(value))
    if key == "unit_id" and isinstance(value, int):
        return names.units.get(value, str(value))
    if key == "pairs" and isinstance(value, list):
        return plain_text(language, "audit-pairs", count=len(value))
    if key == "awards" and isinstance(value, list):
        return (
            ", ".join(
                f"{award.get('title')}: {names.units.get(award.get('unit_id', 0), '—')} — "
                f"{award.get('innovation')}"
                for award in value
                if isinstance(award, dict)
            )
            or "—"
        )
    if isinstance(value, bool):
        return plain_text(language, "export-yes" if value else "export-no")
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and "T" in value:
        try:
            return format_moment(datetime.fromisoformat(value), zone, language)
        except ValueError:
            return value
    if isinstance(value, dict | list):
        return (
            ", ".join(f"{k}: {v}" for k, v in value.items())
            if isinstance(value, dict)
            else (", ".join(map(str, value)))
        )
    return str(value)
