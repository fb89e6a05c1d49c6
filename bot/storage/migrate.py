"""Database migrations with Alembic, run from code (``iga-bot db upgrade`` and at start)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = "bot.storage:migrations"


def alembic_config(database_url: str) -> Config:
    """An Alembic configuration for ``database_url`` using the packaged migration scripts."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Upgrade the database to ``revision``; call outside a running event loop."""
    command.upgrade(alembic_config(database_url), revision)


async def upgrade_engine(engine: AsyncEngine, revision: str = "head") -> None:
    """Upgrade through an existing async engine, from inside a running event loop."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))

    def _upgrade(connection) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)
