"""applied updates: the last Telegram update whose handling wrote to the database

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "applied_updates",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("bot_id", sa.BigInteger(), nullable=True),
        sa.Column("update_id", sa.BigInteger(), nullable=False),
        sa.Column("applied_at", bot.storage.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applied_updates")),
    )
    op.bulk_insert(table, [{"id": 1, "bot_id": None, "update_id": 0, "applied_at": None}])


def downgrade() -> None:
    op.drop_table("applied_updates")
