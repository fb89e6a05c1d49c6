"""questions and evaluation: questions to the narasumber with their votes and the sessions
the moderator closed; the evaluation survey's responses; the event file's ``questions`` and
``evaluation`` sections on the event

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("questions", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("evaluation", sa.JSON(), nullable=True))
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("asker_id", sa.BigInteger(), nullable=False),
        sa.Column("asker_name", sa.String(length=255), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("original_text", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "approved",
                "answered",
                "hidden",
                name="question_status",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("votes", sa.Integer(), nullable=False),
        sa.Column("created_at", bot.storage.types.UTCDateTime(), nullable=False),
        sa.Column("approved_at", bot.storage.types.UTCDateTime(), nullable=True),
        sa.Column("answered_at", bot.storage.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_questions_agenda_item_id_agenda_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questions")),
    )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.create_index("ix_questions_item_status", ["agenda_item_id", "status"])
        batch_op.create_index(batch_op.f("ix_questions_asker_id"), ["asker_id"])
    op.create_table(
        "question_votes",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("voter_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("created_at", bot.storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_question_votes_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("question_id", "voter_id", name=op.f("pk_question_votes")),
    )
    with op.batch_alter_table("question_votes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_votes_created_at"), ["created_at"])
    op.create_table(
        "question_sessions",
        sa.Column("agenda_item_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("closed_at", bot.storage.types.UTCDateTime(), nullable=True),
        sa.Column("closed_by", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_question_sessions_agenda_item_id_agenda_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agenda_item_id", name=op.f("pk_question_sessions")),
    )
    op.create_table(
        "evaluation_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("cursor", sa.JSON(), nullable=True),
        sa.Column("invited_at", bot.storage.types.UTCDateTime(), nullable=False),
        sa.Column("finished_at", bot.storage.types.UTCDateTime(), nullable=True),
        sa.Column("reminded_at", bot.storage.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_evaluation_responses_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_responses")),
        sa.UniqueConstraint(
            "event_id", "chat_id", name=op.f("uq_evaluation_responses_event_id_chat_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("evaluation_responses")
    op.drop_table("question_sessions")
    with op.batch_alter_table("question_votes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_votes_created_at"))
    op.drop_table("question_votes")
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_questions_asker_id"))
        batch_op.drop_index("ix_questions_item_status")
    op.drop_table("questions")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("evaluation")
        batch_op.drop_column("questions")
