"""The ballroom screen's browser tests: the bot's web application on a test server."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestServer

from bot.web.server import create_web_app


@pytest.fixture
async def screen_url(bot) -> AsyncIterator[str]:
    """The address of ``/layar`` on the running bot's web application (its pages need
    ``public_url``: mark the test ``public_url``)."""
    server = TestServer(create_web_app(bot.application, with_webhook=False))
    await server.start_server()
    yield str(server.make_url("/layar"))
    await server.close()
