"""certificates: the sertifikat and piagam issued after the event (code, holder, revision,
revocation), and the event file's ``certificates`` section on ``events``

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("events", sa.Column("certificates", sa.JSON(), nullable=True))
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "participant",
                "judge",
                "narasumber",
                "winner",
                name="certificate_kind",
                native_enum=False,
                create_constraint=False,
                length=32,
            ),
            nullable=False,
        ),  # fmt: skip
        sa.Column("holder", sa.String(length=64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("rank_title", sa.String(length=64), nullable=True),
        sa.Column("chat_ids", sa.JSON(), nullable=False),
        sa.Column("issued_at", bot.storage.types.UTCDateTime(), nullable=False),
        sa.Column("issued_by", sa.BigInteger(), nullable=True),
        sa.Column("revoked_at", bot.storage.types.UTCDateTime(), nullable=True),
        sa.Column("revoked_by", sa.BigInteger(), nullable=True),
        sa.Column("revoke_reason", sa.Text(), nullable=True),
        sa.Column("replaced_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_certificates_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"],
            ["certificates.id"],
            name=op.f("fk_certificates_replaced_by_id_certificates"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
        sa.UniqueConstraint("code", name=op.f("uq_certificates_code")),
        sa.UniqueConstraint(
            "event_id", "holder", "revision", name=op.f("uq_certificates_event_id_holder_revision")
        ),
    )


def downgrade() -> None:
    op.drop_table("certificates")
    op.drop_column("events", "certificates")
