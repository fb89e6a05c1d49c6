"""The end-to-end fixtures, for every folder that drives the real bot (e2e, faults, fuzz):
loaded once through ``pytest_plugins`` in ``tests/conftest.py`` (pytest reads that list only
in the top conftest), so no folder imports them by name. A test module overrides any of them
by defining a fixture of the same name (``emulator_config``, ``event_file``,
``settings_overrides``…); the helpers they use (:class:`FakeClock`, :func:`start_bot`,
:func:`stop_bot`, :func:`wait_until`) stay in ``tests/e2e/conftest.py``.

Fixtures:
    clock: a :class:`FakeClock` the bot reads "now" from (tests never wait real time).
    emulator / emu: the running emulator and its control client; without flood control in
        a test marked ``fast_typing``.
    event_file: the seed event; with entries open at the real "now" in a test marked
        ``entries_open_now`` (a bot process on the real clock).
    bot: the running bot (:class:`RunningBot`), with the seed event imported; with its web
        pages on (``public_url``) in a test marked ``public_url`` (``tests/e2e/workspace``
        and ``tests/e2e/certificates`` turn them on in their conftest instead).
    users: a factory, ``await users.create("Siti", admin=True)`` → a ``UserDriver``.
    web: a client of the bot's web application (the workspace's pages and API).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.sandbox.client import EmulatorClient
from bot.sandbox.config import EmulatorConfig
from bot.sandbox.emulator import Emulator
from bot.settings import Settings
from bot.web.server import create_web_app
from tests.conftest import EVENT_FILE
from tests.e2e.conftest import (
    BOT_TOKEN,
    PUBLIC_URL,
    FakeClock,
    RunningBot,
    Users,
    start_bot,
    stop_bot,
)
from tests.e2e.helpers.entries import no_flood_control
from tests.e2e.process import event_file_open_now


@pytest.fixture
def clock() -> FakeClock:
    """The bot's clock."""
    return FakeClock()


@pytest.fixture
def emulator_config(request: pytest.FixtureRequest) -> EmulatorConfig:
    """The emulator's configuration: Telegram's limits, or no flood control in a test marked
    ``fast_typing`` (it types far faster than a person); override in a test module to
    change limits otherwise."""
    if request.node.get_closest_marker("fast_typing") is not None:
        return no_flood_control()
    return EmulatorConfig()


@pytest.fixture
async def emulator(emulator_config: EmulatorConfig) -> AsyncIterator[Emulator]:
    """A running Bot API emulator on a free loopback port."""
    emu = Emulator(emulator_config)
    await emu.start(host="127.0.0.1", port=0)
    yield emu
    await emu.stop()


@pytest.fixture
async def emu(emulator: Emulator) -> AsyncIterator[EmulatorClient]:
    """The emulator's control client."""
    async with EmulatorClient(emulator.base_url) as client:
        yield client


@pytest.fixture(autouse=True)
def nothing_over_telegrams_limits(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails every test in which the bot sent something Telegram refuses as too long (a text
    over 4,096 characters, a caption over 1,024, a callback answer over 200, callback data
    over 64 bytes: :meth:`Emulator.over_limit_refusals`): such a message never reaches the
    user. Checked once the test's bot has stopped, so its last replies count too."""
    yield
    emulator = request.node.funcargs.get("emulator")
    if isinstance(emulator, Emulator):
        refused = emulator.over_limit_refusals()
        assert not refused, f"the bot sent more than Telegram allows: {refused}"


@pytest.fixture
def event_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The event file imported before the bot starts: the seed, or in a test marked
    ``entries_open_now`` a copy whose entry period includes the real "now" (a bot process
    on the real clock); override to use another one."""
    if request.node.get_closest_marker("entries_open_now") is not None:
        return event_file_open_now(tmp_path)
    return EVENT_FILE


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    """Extra settings for the bot; override in a test module (e.g. default_language)."""
    return {}


@pytest.fixture
def bot_settings(
    request: pytest.FixtureRequest,
    database_url: str,
    emulator: Emulator,
    event_file: Path,
    settings_overrides: dict[str, Any],
    tmp_path: Path,
) -> Settings:
    """Settings pointing the bot at the emulator, the fresh test database and a file store
    in the test's own folder; :data:`PUBLIC_URL` in a test marked ``public_url``."""
    values: dict[str, Any] = dict(
        telegram_bot_token=BOT_TOKEN,
        telegram_api_base_url=emulator.bot_api_base_url,
        telegram_api_file_url=emulator.file_base_url,
        database_url=database_url,
        event_config=event_file,
        admin_ids="",
        files_dir=tmp_path / "files",
    )
    if request.node.get_closest_marker("public_url") is not None:
        values["public_url"] = PUBLIC_URL
    values.update(settings_overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
async def bot(
    bot_settings: Settings, clock: FakeClock, event_file: Path, emulator: Emulator
) -> AsyncIterator[RunningBot]:
    """The real bot, polling the emulator, with the seed event loaded."""
    running = await start_bot(bot_settings, clock, event_file)
    yield running
    await stop_bot(running)


@pytest.fixture
async def users(emu: EmulatorClient, bot: RunningBot) -> Users:
    """Factory of simulated users talking to the running bot."""
    return Users(emu, bot)


@pytest.fixture
async def web(bot: RunningBot) -> AsyncIterator[TestClient]:
    """A client of the bot's web application (its pages need ``public_url``)."""
    client = TestClient(TestServer(create_web_app(bot.application, with_webhook=False)))
    await client.start_server()
    yield client
    await client.close()
