"""Who signs a document for the committee: the event file's ``signatory`` blocks (the daftar
hadir's under ``attendance``, the edition's for the results report and the certificates)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Signatory:
    """ "<place>, <date>", the role, room to sign, the name and the NIP line.

    ``example``: the event file marks the block as an example (the seed names no signatory);
    every document prints a visible "contoh" line then, never passing it off as the real
    person.
    """

    place: str
    role: str
    name: str
    employee_number: str = ""
    example: bool = False

    @classmethod
    def from_config(cls, data: Mapping[str, Any] | None) -> Signatory | None:
        """The signatory of an event file's ``signatory`` block (already validated by
        :class:`bot.services.core.event_file.SignatorySpec`), or None when there is none."""
        if not data:
            return None
        return cls(
            place=data["place"],
            role=data["role"],
            name=data["name"],
            employee_number=data.get("employee_number") or "",
            example=bool(data.get("example")),
        )
