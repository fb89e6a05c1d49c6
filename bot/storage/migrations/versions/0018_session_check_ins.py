"""session check-ins: who was present at an agenda session that checks in separately

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "session_check_ins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("checked_in_at", bot.storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_session_check_ins_agenda_item_id_agenda_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["attendance_records.id"],
            name=op.f("fk_session_check_ins_record_id_attendance_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_check_ins")),
        sa.UniqueConstraint(
            "record_id",
            "agenda_item_id",
            name=op.f("uq_session_check_ins_record_id_agenda_item_id"),
        ),
    )
    op.create_index(
        op.f("ix_session_check_ins_agenda_item_id"),
        "session_check_ins",
        ["agenda_item_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_session_check_ins_agenda_item_id"), table_name="session_check_ins")
    op.drop_table("session_check_ins")
