"""editions: an edition is closed (read-only) once the next one is imported, units name the
units of the previous edition they continue, and an entry may start from a past one

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0013"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ALTER TABLE, also on SQLite: a batch copy would drop the tables and, with foreign
    # keys on, their dependants (ON DELETE CASCADE)
    op.add_column(
        "editions", sa.Column("closed_at", bot.storage.types.UTCDateTime(), nullable=True)
    )
    op.add_column("units", sa.Column("predecessors", sa.JSON(), nullable=True))
    op.create_table(
        "entry_origins",
        sa.Column("submission_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("created_at", bot.storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name=op.f("fk_entry_origins_submission_id_submissions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["submissions.id"],
            name=op.f("fk_entry_origins_previous_id_submissions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("submission_id", name=op.f("pk_entry_origins")),
    )


def downgrade() -> None:
    op.drop_table("entry_origins")
    op.drop_column("units", "predecessors")
    op.drop_column("editions", "closed_at")
