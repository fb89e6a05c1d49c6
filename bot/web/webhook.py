"""Telegram's webhook on the bot's web server (``POST /telegram``).

The secret-token header is compared in constant time; an update is answered 200 only once it
has been handled (the application's :class:`~bot.update_ledger.HandledUpdateQueue` returns
from ``put`` then), so an update a crashed process had not handled comes again.
"""

from __future__ import annotations

import hmac
import logging
from json import JSONDecodeError

from aiohttp import web
from telegram import Bot, Update

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
PATH = "/telegram"
"""Path of the webhook (WEBHOOK_URL must end with it)."""


def add_webhook(app: web.Application, bot: Bot, queue: object, secret: str | None) -> None:
    """Route ``POST /telegram`` to the application's update queue.

    Args:
        bot: The application's bot (to build :class:`telegram.Update` objects).
        queue: The application's update queue (its ``put`` returns once handled).
        secret: WEBHOOK_SECRET; when set, a request without it gets 403.
    """

    async def receive(request: web.Request) -> web.Response:
        if secret is not None:
            given = request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), secret.encode()):
                logger.warning("Webhook request without the secret token refused")
                raise web.HTTPForbidden()
        try:
            data = await request.json()
            update = Update.de_json(data, bot)
        except (JSONDecodeError, ValueError, TypeError, KeyError):
            raise web.HTTPBadRequest() from None
        await queue.put(update)  # type: ignore[attr-defined]
        return web.Response()

    app.router.add_post(PATH, receive)
