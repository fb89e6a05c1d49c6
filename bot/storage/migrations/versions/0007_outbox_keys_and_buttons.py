"""outbox: a unique key per logical message, and buttons per language

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("broadcasts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key", sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column("markups", sa.JSON(), nullable=True))
        batch_op.create_index("ix_broadcasts_key", ["key"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("broadcasts", schema=None) as batch_op:
        batch_op.drop_index("ix_broadcasts_key")
        batch_op.drop_column("markups")
        batch_op.drop_column("key")
