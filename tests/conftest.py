"""Shared fixtures: a migrated database on SQLite and on PostgreSQL for every database test.

PostgreSQL comes from TEST_DATABASE_URL (``.ci/run`` points it at the server on this machine);
where it is unset or unreachable, the PostgreSQL variants are skipped with the reason. Each
test gets a fresh database cloned from a template migrated once per run (on PostgreSQL made
one ahead and dropped behind in a background thread: :class:`PostgresClones`).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.settings import Settings
from bot.storage.database import create_engine, create_session_factory
from bot.storage.migrate import upgrade

REPO = Path(__file__).resolve().parent.parent
EVENT_FILE = REPO / "config" / "event.yaml"

pytest_plugins = ["tests.e2e.process", "tests.e2e.fixtures"]
"""Fixtures shared across folders: ``bot_process`` (the bot as a separate process), and the
end-to-end ones (``bot``, ``emu``, ``users``, ``clock``…) for e2e, faults and fuzz."""

FAILED = pytest.StashKey[bool]()
"""Set on a test's item once a phase of it failed, for fixtures that explain a failure in
their teardown (:mod:`tests.e2e.diagnostics`)."""


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """Remember on the item that it failed (see :data:`FAILED`)."""
    report = yield
    if report.failed:
        item.stash[FAILED] = True
    return report


def _postgres_admin_url() -> str | None:
    raw = os.environ.get("TEST_DATABASE_URL")
    if not raw:
        return None
    return Settings(database_url=raw).database_url


async def pg_connect(url: str):  # type: ignore[no-untyped-def]
    """A plain asyncpg connection to ``url``'s database (5 s to connect), for the tests' own
    statements outside SQLAlchemy (CREATE/DROP DATABASE, pg_stat_activity)."""
    import asyncpg

    parsed = make_url(url)
    return await asyncpg.connect(
        host=parsed.host,
        port=parsed.port or 5432,
        user=parsed.username,
        password=parsed.password,
        database=parsed.database,
        timeout=5,
    )


async def _pg_execute(url: str, *statements: str) -> None:
    connection = await pg_connect(url)
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to head once per run."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """Name of a PostgreSQL database migrated to head once per run (one per run, so that
    several runs can share the server), dropped at the end."""
    admin = _postgres_admin_url()
    assert admin is not None
    name = f"iga_template_{uuid.uuid4().hex[:12]}"
    try:
        asyncio.run(_pg_execute(admin, f"CREATE DATABASE {name}"))
    except Exception as exc:  # unreachable server, refused login
        pytest.skip(f"PostgreSQL at TEST_DATABASE_URL is not reachable: {exc}")
    try:
        upgrade(make_url(admin).set(database=name).render_as_string(hide_password=False))
        yield name
    finally:
        asyncio.run(_pg_execute(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


class PostgresClones:
    """Fresh clones of a run's template database, each made before a test asks for it and
    dropped after it in a background thread: a test waits for neither ``CREATE DATABASE``
    nor ``DROP DATABASE`` (each up to a second or more on a busy machine). One clone is
    kept ready; an error making it is raised in the test that takes it, an error dropping
    one at the end of the run."""

    def __init__(self, admin: str, template: str) -> None:
        self.admin, self.template = admin, template
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="postgres-clones")
        self.ready: Future[str] = self.worker.submit(self._create)
        self.dropped: list[Future[None]] = []

    def _create(self) -> str:
        name = f"iga_test_{uuid.uuid4().hex[:12]}"
        asyncio.run(_pg_execute(self.admin, f"CREATE DATABASE {name} TEMPLATE {self.template}"))
        return name

    def _drop(self, name: str) -> None:
        asyncio.run(_pg_execute(self.admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

    def take(self) -> str:
        """The name of a fresh clone, the test's own; the next one starts at once."""
        taken, self.ready = self.ready, self.worker.submit(self._create)
        return taken.result()

    def give_back(self, name: str) -> None:
        """Drop the clone ``name`` (in the background)."""
        self.dropped.append(self.worker.submit(self._drop, name))

    def close(self) -> None:
        """Drop the clone kept ready, wait for every drop; raise the first that failed."""
        self.worker.shutdown(wait=True)  # the spare is made, every drop done
        if self.ready.exception() is None:
            self._drop(self.ready.result())
        for dropped in self.dropped:
            dropped.result()


@pytest.fixture(scope="session")
def postgres_clones(postgres_template: str) -> Iterator[PostgresClones]:
    """Clones of :func:`postgres_template` for the tests of this run (or xdist worker)."""
    admin = _postgres_admin_url()
    assert admin is not None
    clones = PostgresClones(admin, postgres_template)
    yield clones
    clones.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database's URL, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    admin = _postgres_admin_url()
    if admin is None:
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL variant skipped")
    clones: PostgresClones = request.getfixturevalue("postgres_clones")
    name = clones.take()
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        clones.give_back(name)


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An async engine on the fresh database."""
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """The session factory on the fresh database."""
    return create_session_factory(engine)


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """A local S3-compatible server (moto's server mode) on a free loopback port, for the
    file store's S3 backend; each test uses its own bucket."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()
