"""Persistence: models, the engine and session factory, migrations, queries."""
