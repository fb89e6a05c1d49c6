"""attendance: the event day's invitations, RSVP answers and attendance records (the daftar
hadir), and the event file's ``attendance`` section on ``events``

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("events", sa.Column("attendance", sa.JSON(), nullable=True))
    op.create_table(
        "invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("institution", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("nip", sa.String(length=18), nullable=True),
        sa.Column("jabatan", sa.Text(), nullable=True),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("withdrawn", sa.Boolean(), nullable=False),
        sa.Column("sent_at", bot.storage.types.UTCDateTime(), nullable=True),
        sa.Column("reminded_at", bot.storage.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_invitations_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_invitations_unit_id_units"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitations")),
        sa.UniqueConstraint("event_id", "key", name=op.f("uq_invitations_event_id_key")),
    )
    op.create_index(op.f("ix_invitations_user_id"), "invitations", ["user_id"], unique=False)
    op.create_table(
        "rsvp_answers",
        sa.Column("invitation_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column(
            "choice",
            sa.Enum(
                "hadir",
                "diwakilkan",
                "berhalangan",
                name="rsvp_choice",
                native_enum=False,
                create_constraint=False,
                length=32,
            ),
            nullable=False,
        ),  # fmt: skip
        sa.Column("delegate_name", sa.Text(), nullable=True),
        sa.Column("delegate_jabatan", sa.Text(), nullable=True),
        sa.Column("answered_by", sa.BigInteger(), nullable=False),
        sa.Column("answered_at", bot.storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invitation_id"],
            ["invitations.id"],
            name=op.f("fk_rsvp_answers_invitation_id_invitations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("invitation_id", name=op.f("pk_rsvp_answers")),
    )
    op.create_table(
        "attendance_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_key", sa.String(length=80), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=True),
        sa.Column("jabatan", sa.Text(), nullable=False),
        sa.Column("unit_name", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("invitation_id", sa.Integer(), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "participant",
                "judge",
                "narasumber",
                "guest",
                name="attendance_role",
                native_enum=False,
                create_constraint=False,
                length=32,
            ),
            nullable=False,
        ),  # fmt: skip
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("checked_in_at", bot.storage.types.UTCDateTime(), nullable=False),
        sa.Column("checked_in_by", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_attendance_records_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["invitation_id"],
            ["invitations.id"],
            name=op.f("fk_attendance_records_invitation_id_invitations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_attendance_records_unit_id_units"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance_records")),
        sa.UniqueConstraint(
            "event_id", "person_key", name=op.f("uq_attendance_records_event_id_person_key")
        ),
        sa.UniqueConstraint(
            "event_id", "user_id", name=op.f("uq_attendance_records_event_id_user_id")
        ),
    )
    op.create_index(
        op.f("ix_attendance_records_checked_in_at"),
        "attendance_records",
        ["checked_in_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_attendance_records_checked_in_at"), table_name="attendance_records")
    op.drop_table("attendance_records")
    op.drop_table("rsvp_answers")
    op.drop_index(op.f("ix_invitations_user_id"), table_name="invitations")
    op.drop_table("invitations")
    op.drop_column("events", "attendance")
