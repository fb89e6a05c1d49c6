"""evidence files: each attachment's download state and SHA-256 in the file store

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # files attached before the store existed start as pending: the download job fetches them
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "state",
                sa.Enum(
                    "pending",
                    "stored",
                    "failed",
                    "purged",
                    name="file_state",
                    native_enum=False,
                    create_constraint=False,
                    length=32,
                ),
                nullable=False,
                server_default="pending",
            )
        )
        batch_op.add_column(sa.Column("sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(
            sa.Column("next_attempt_at", bot.storage.types.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(sa.Column("last_error", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("stored_at", bot.storage.types.UTCDateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_attachments_sha256"), ["sha256"], unique=False)
        batch_op.create_index(
            "ix_attachments_state_next_attempt", ["state", "next_attempt_at"], unique=False
        )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.alter_column("state", server_default=None)
        batch_op.alter_column("attempts", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index("ix_attachments_state_next_attempt")
        batch_op.drop_index(batch_op.f("ix_attachments_sha256"))
        batch_op.drop_column("stored_at")
        batch_op.drop_column("last_error")
        batch_op.drop_column("next_attempt_at")
        batch_op.drop_column("attempts")
        batch_op.drop_column("sha256")
        batch_op.drop_column("state")
