"""The whole database as data, to show that a refused action wrote nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.storage.models import Base

BOOKKEEPING = ("audit_log", "handled_updates", "parked_updates")
"""Tables a refusal does write: its audit entry, and the update's record in the ledger."""


async def whole_database(runtime: Any, *, ignore: tuple[str, ...] = BOOKKEEPING) -> dict[str, Any]:
    """Every row of every table but ``ignore``, sorted, as tuples."""
    tables: dict[str, Any] = {}
    async with runtime.sessions() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in ignore:
                continue
            rows = (await session.execute(select(table))).all()
            tables[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return tables
