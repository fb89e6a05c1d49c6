"""pending inputs: the one table of typed input the bot waits for, replacing the unused
conversation_states

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_table("conversation_states")
    op.create_table(
        "pending_inputs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("started_at", bot.storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_inputs")),
        sa.UniqueConstraint("chat_id", "user_id", name=op.f("uq_pending_inputs_chat_id_user_id")),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("pending_inputs")
    op.create_table(
        "conversation_states",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("name", "key", name=op.f("pk_conversation_states")),
    )
