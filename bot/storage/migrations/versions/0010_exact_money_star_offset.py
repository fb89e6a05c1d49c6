"""exact money, the star reminder's offset: money answers as whole rupiah (integers, not
floats), and ``events.star_reminder_minutes`` from the event file (default 15)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

import json
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

editions = sa.table("editions", sa.column("id", sa.Integer), sa.column("config", sa.JSON))
submissions = sa.table(
    "submissions", sa.column("id", sa.Integer), sa.column("edition_id", sa.Integer)
)
answers = sa.table(
    "answers",
    sa.column("id", sa.Integer),
    sa.column("submission_id", sa.Integer),
    sa.column("field_key", sa.String),
    sa.column("value", sa.JSON),
)


def _whole_rupiah(value: object) -> object:
    """A stored amount as an integer (a float written by an older version: 2.5e8 → 250000000);
    anything else unchanged."""
    if isinstance(value, float):
        return int(Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return value


def upgrade() -> None:
    op.add_column(
        "events",
        sa.Column("star_reminder_minutes", sa.Integer(), server_default="15", nullable=False),
    )
    bind = op.get_bind()
    for edition_id, config in bind.execute(sa.select(editions.c.id, editions.c.config)):
        if isinstance(config, str):
            config = json.loads(config)
        form = config.get("form", []) if isinstance(config, dict) else []
        keys = [f["key"] for f in form if f.get("kind") == "money"]
        if not keys:
            continue
        rows = bind.execute(
            sa.select(answers.c.id, answers.c.value)
            .join(submissions, submissions.c.id == answers.c.submission_id)
            .where(submissions.c.edition_id == edition_id, answers.c.field_key.in_(keys))
        )
        for answer_id, value in rows.all():
            exact = _whole_rupiah(value)
            if exact is not value:
                bind.execute(answers.update().where(answers.c.id == answer_id).values(value=exact))


def downgrade() -> None:
    op.drop_column("events", "star_reminder_minutes")
