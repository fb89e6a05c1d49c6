"""A small HTTP load balancer for webhook replicas (tests and benchmarks): Telegram's webhook
posts go to the balancer, which passes each to the next replica in turn, as a hosting
platform's router does.

A replica that cannot be reached (connection refused or dropped: the process died) is left
out for :attr:`Balancer.down_seconds` and the request goes to the next one at once (nginx's
``proxy_next_upstream error``); when none answers the balancer answers 502 and Telegram
retries later. A replica's own error answer (4xx, 5xx) is passed back as it is.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter

import aiohttp
from aiohttp import web

PASSED_HEADERS = ("Content-Type", "X-Telegram-Bot-Api-Secret-Token")
"""Request headers passed to the replicas."""


class Balancer:
    """Round-robin over ``backends`` (base URLs such as ``http://127.0.0.1:8001``); the
    request's path is kept.

    Attributes:
        answered: Requests each backend answered (any status), by backend URL.
        down_seconds: How long an unreachable backend is left out.
    """

    def __init__(self, backends: list[str], *, down_seconds: float = 2.0) -> None:
        self.backends = list(backends)
        self.down_seconds = down_seconds
        self.answered: Counter[str] = Counter()
        self._down: dict[str, float] = {}
        self._turn = itertools.cycle(range(len(self.backends)))
        self._session: aiohttp.ClientSession | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """The balancer's base URL (once started)."""
        return f"http://127.0.0.1:{self.port}"

    async def start(self, port: int = 0) -> None:
        """Listen on 127.0.0.1:``port`` (0: a free port, see :attr:`port`)."""
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._pass)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.port = self._runner.addresses[0][1]  # the port the system chose (port 0)

    async def stop(self) -> None:
        """Stop listening and close the connections to the replicas."""
        if self._runner is not None:
            await self._runner.cleanup()
        if self._session is not None:
            await self._session.close()

    def _order(self) -> list[str]:
        first = next(self._turn)
        ordered = self.backends[first:] + self.backends[:first]
        now = time.monotonic()
        up = [b for b in ordered if self._down.get(b, 0.0) <= now]
        return up + [b for b in ordered if b not in up]  # try the "down" ones last

    async def _pass(self, request: web.Request) -> web.Response:
        assert self._session is not None  # noqa: S101 - started
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k in PASSED_HEADERS}
        for backend in self._order():
            try:
                async with self._session.request(
                    request.method, backend + request.path_qs, data=body, headers=headers
                ) as response:
                    payload = await response.read()
            except (aiohttp.ClientConnectionError, TimeoutError):
                self._down[backend] = time.monotonic() + self.down_seconds
                continue
            self.answered[backend] += 1
            return web.Response(status=response.status, body=payload)
        return web.Response(status=502, text="no replica answered")
