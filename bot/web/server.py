"""The bot process's one web server and its run loop.

:func:`create_web_app` builds the aiohttp application: the workspace (when ``PUBLIC_URL`` is
set) and Telegram's webhook (when ``WEBHOOK_URL`` is set). :func:`run_bot` runs the bot with
that server in polling or webhook mode until asked to stop, as ``iga-bot run`` does.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application

from bot.handlers.shared.context import updater_of
from bot.runtime import application_runtime
from bot.web import screen, webhook, workspace

logger = logging.getLogger(__name__)

FIRST_RETRY, LONGEST_RETRY = 1.0, 30.0
"""Start-up calls to Telegram are retried after 1 s, then 1.5 times longer up to 30 s
(python-telegram-bot's own schedule): a bot started during an outage comes up by itself."""


def create_web_app(application: Application, *, with_webhook: bool) -> web.Application:
    """The web server's application for the bot ``application``.

    Args:
        with_webhook: Serve Telegram's webhook at ``/telegram``.
    """
    runtime = application_runtime(application)
    app = web.Application(client_max_size=1024 * 1024)
    if runtime.settings.public_url:
        from bot.handlers.shared.file_store import STORE

        workspace.add_workspace(app, runtime, application.bot, STORE.get(application))
        screen.add_routes(app)
    if with_webhook:
        secret = runtime.settings.webhook_secret
        webhook.add_webhook(
            app,
            application.bot,
            application.update_queue,
            secret.get_secret_value() if secret else None,
        )
    return app


class WebServer:
    """The running web server (aiohttp's ``AppRunner`` on one TCP site)."""

    def __init__(self, app: web.Application) -> None:
        self.runner = web.AppRunner(app, access_log=None)
        self.port = 0

    async def start(self, host: str, port: int) -> None:
        """Listen on ``host:port`` (0: a free port, then in :attr:`port`)."""
        await self.runner.setup()
        site = web.TCPSite(self.runner, host, port)
        await site.start()
        self.port = self.runner.addresses[0][1]

    async def stop(self) -> None:
        """Stop listening and close open requests."""
        await self.runner.cleanup()


async def _retrying(call: Callable[[], Awaitable[Any]], stop: asyncio.Event, what: str) -> bool:
    """Run ``call`` until Telegram answers; False if ``stop`` was set meanwhile."""
    delay = FIRST_RETRY
    while not stop.is_set():
        try:
            await call()
            return True
        except InvalidToken:
            raise
        except NetworkError as error:
            logger.warning("%s failed (%s); trying again in %.1f s", what, error, delay)
        with contextlib.suppress(TimeoutError):  # not wait_for: see OutboxSender._idle
            async with asyncio.timeout(delay):
                await stop.wait()
        delay = min(delay * 1.5, LONGEST_RETRY)
    return False


async def run_bot(
    application: Application, *, allowed_updates: list[str], stop: asyncio.Event
) -> None:
    """Run the bot until ``stop`` is set: long polling, or the webhook when ``WEBHOOK_URL``
    is set; the web server listens on ``PORT`` when there is a webhook or a workspace.

    Raises:
        telegram.error.InvalidToken: Telegram refused the token.
    """
    settings = application_runtime(application).settings
    if not await _retrying(application.initialize, stop, "Connecting to Telegram"):
        return
    server: WebServer | None = None
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        if settings.webhook_url or settings.public_url:
            server = WebServer(create_web_app(application, with_webhook=bool(settings.webhook_url)))
            await server.start("0.0.0.0", settings.port)
        if settings.webhook_url:
            secret = settings.webhook_secret

            async def set_webhook() -> None:
                await application.bot.set_webhook(
                    settings.webhook_url,
                    secret_token=secret.get_secret_value() if secret else None,
                    allowed_updates=allowed_updates,
                )

            await _retrying(set_webhook, stop, "Setting the webhook")
        else:
            await updater_of(application).start_polling(
                allowed_updates=allowed_updates, bootstrap_retries=-1
            )
        await stop.wait()
    finally:
        await stop_bot(application, server)


async def stop_bot(application: Application, server: WebServer | None) -> None:
    """Stops the bot in the order that loses nothing: no new updates (polling, then the web
    server), the handlers still running finish (``stop``), the background workers
    (``post_stop``: the outbox sender, the downloads), then the database (``post_shutdown``).
    A worker left running past the engine's disposal is cancelled mid-query when the loop
    ends, and its connection's rollback fails with a traceback."""
    if application.updater is not None and application.updater.running:
        await application.updater.stop()
    if server is not None:
        await server.stop()
    if application.running:
        await application.stop()
    if application.post_stop is not None:
        await application.post_stop(application)
    await application.shutdown()
    if application.post_shutdown is not None:
        await application.post_shutdown(application)
