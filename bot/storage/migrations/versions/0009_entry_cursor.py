"""entry cursor: the form's position as typed JSON instead of a string with "#" prefixes, and a
pending input for every officer in the form

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SUBMISSIONS = sa.table(
    "submissions",
    sa.column("id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("current_field", sa.String),
    sa.column("cursor", sa.JSON),
)
_OFFICERS = sa.table(
    "officers",
    sa.column("user_id", sa.BigInteger),
    sa.column("current_submission_id", sa.Integer),
)
_PENDING = sa.table(
    "pending_inputs",
    sa.column("chat_id", sa.BigInteger),
    sa.column("user_id", sa.BigInteger),
    sa.column("kind", sa.String),
    sa.column("payload", sa.JSON),
    sa.column("started_at", bot.storage.types.UTCDateTime()),
)


def _cursor(position: str) -> dict[str, Any]:
    """The stored cursor of an old position string (bot.services.entries.cursor.to_json)."""
    if position.startswith("#summary:"):
        return {"at": "summary", "from": position.removeprefix("#summary:")}
    if position.startswith("#level:"):
        return {"at": "level", "indicator": position.removeprefix("#level:")}
    if position.startswith("#evidence:"):
        return {"at": "evidence", "indicator": position.removeprefix("#evidence:")}
    if position.startswith("#"):
        return {"at": "summary"}
    return {"at": "field", "key": position}


def _position(cursor: dict[str, Any]) -> str:
    at = cursor.get("at")
    if at == "field":
        return str(cursor["key"])[:64]
    if at in ("level", "evidence"):
        return f"#{at}:{cursor['indicator']}"[:64]
    if cursor.get("from"):
        return f"#summary:{cursor['from']}"[:64]
    return "#summary"


def upgrade() -> None:
    # plain ALTER TABLE, also on SQLite (3.35+): a batch copy of the table would drop the old
    # one, and with foreign keys on, that deletes its answers and files (ON DELETE CASCADE)
    op.add_column("submissions", sa.Column("cursor", sa.JSON(), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(_SUBMISSIONS.c.id, _SUBMISSIONS.c.current_field).where(
            _SUBMISSIONS.c.current_field.is_not(None)
        )
    ).all()
    for entry_id, position in rows:
        bind.execute(
            _SUBMISSIONS.update()
            .where(_SUBMISSIONS.c.id == entry_id)
            .values(cursor=_cursor(str(position)))
        )
    op.drop_column("submissions", "current_field")
    # officers in the form wait for its answers through the one mechanism of pending inputs
    filling = bind.execute(
        sa.select(_OFFICERS.c.user_id, _OFFICERS.c.current_submission_id)
        .join(_SUBMISSIONS, _SUBMISSIONS.c.id == _OFFICERS.c.current_submission_id)
        .where(_SUBMISSIONS.c.status.in_(["draft", "returned"]))
    ).all()
    now = datetime.now(UTC)
    for user_id, entry_id in filling:
        bind.execute(
            _PENDING.delete().where(_PENDING.c.chat_id == user_id, _PENDING.c.user_id == user_id)
        )
        bind.execute(
            _PENDING.insert().values(
                chat_id=user_id,
                user_id=user_id,
                kind="entries.form",
                payload={"submission_id": entry_id},
                started_at=now,
            )
        )


def downgrade() -> None:
    op.add_column("submissions", sa.Column("current_field", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(_SUBMISSIONS.c.id, _SUBMISSIONS.c.cursor).where(
            _SUBMISSIONS.c.cursor.is_not(None)
        )
    ).all()
    for entry_id, cursor in rows:
        if not isinstance(cursor, dict):  # None: not filling in
            continue
        bind.execute(
            _SUBMISSIONS.update()
            .where(_SUBMISSIONS.c.id == entry_id)
            .values(current_field=_position(cursor))
        )
    op.execute("DELETE FROM pending_inputs WHERE kind = 'entries.form'")
    op.drop_column("submissions", "cursor")
