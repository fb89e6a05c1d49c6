"""The workspace's web application: the shell page, static files, templates, security
headers, init-data authentication and the page modules' routes.

Pages are server-rendered fragments (Jinja2 through aiohttp-jinja2) that the shell's small
script (``static/workspace.js``) fetches with ``Authorization: tma <initData>``; the shell
itself and the static files hold no data and need no init data.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import web
from telegram import Bot

from bot.i18n import LANGUAGES, t, web_text
from bot.runtime import Runtime
from bot.services.evidence.store import FileStore
from bot.web import certificates, committee, files, judging
from bot.web.auth import RUNTIME_KEY, authorised, init_data_middleware, is_committee_rule
from bot.web.pages import BOT_KEY, template_globals

HERE = Path(__file__).parent
STATIC = HERE / "static"

TELEGRAM_FRAMES = "https://web.telegram.org https://*.telegram.org"
"""Telegram's web clients, which show a Mini App in a frame."""
SANDBOX_FRAMES = "http://127.0.0.1:* http://localhost:*"
"""The sandbox's web chat, which shows the Mini App in its panel (plain http, sandbox only)."""


def content_security_policy(script_url: str, sandbox: bool) -> str:
    """The pages' policy: our own scripts, styles and requests, Telegram's script, files
    shown from ``blob:`` URLs, framed only by Telegram (or the sandbox's chat)."""
    parts = urlsplit(script_url)
    script = f"{parts.scheme}://{parts.netloc}{parts.path}"
    frames = f"{TELEGRAM_FRAMES} {SANDBOX_FRAMES}" if sandbox else TELEGRAM_FRAMES
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src 'self' {script}",
            "style-src 'self'",
            "img-src 'self' blob: data:",
            "connect-src 'self'",
            "frame-src blob:",
            "object-src blob:",
            "base-uri 'none'",
            "form-action 'none'",
            f"frame-ancestors 'self' {frames}",
        )
    )


def _security_headers(policy: str) -> Callable[..., Awaitable[web.StreamResponse]]:
    @web.middleware
    async def add_headers(
        request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as error:
            response = error
            _set_headers(response, policy)
            raise
        _set_headers(response, policy)
        return response

    return add_headers


def _set_headers(response: web.StreamResponse, policy: str) -> None:
    if response.prepared:
        return
    response.headers["Content-Security-Policy"] = policy
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers.setdefault("Cache-Control", "no-store")


async def _home(request: web.Request) -> web.StreamResponse:
    """The first page: the entries for an admin, the assignments for a judge."""
    async with authorised(request, is_committee_rule, "committee") as access:
        admin = access.roles.admin
    return await (committee.entries_page(request) if admin else judging.assignments_page(request))


SHELL_TEXTS = {
    "offline": "workspace-offline",
    "close": "workspace-viewer-close",
    "preview": "workspace-viewer-preview",
    "download": "workspace-download",
    "open": "workspace-viewer-open",
    "yes": "workspace-confirm-yes",
    "no": "workspace-confirm-no",
}
"""The shell's own texts (its script's messages and the file viewer's labels) by name."""


async def _shell(request: web.Request) -> web.Response:
    """The shell: no init data reaches it (Telegram passes it in the fragment), so it holds
    its texts in every language; its script shows those of the language each page is
    rendered in (``Content-Language``), guessing from Telegram's ``language_code`` before the
    first page."""
    settings = request.app[RUNTIME_KEY].settings
    texts = {
        language: {name: web_text(t(language, key)) for name, key in SHELL_TEXTS.items()}
        for language in LANGUAGES
    }
    return aiohttp_jinja2.render_template(
        "shell.html",
        request,
        {
            "script_url": settings.webapp_script_url,
            "language": settings.default_language,
            "texts": texts,
        },
    )


def add_workspace(
    app: web.Application,
    runtime: Runtime,
    bot: Bot,
    store: FileStore | None = None,
) -> None:
    """Serve the workspace under ``/app/`` on ``app``, and the public verification page of
    certificates (``/verifikasi/<code>``).

    Args:
        runtime: The bot's runtime (settings, database, clock).
        bot: The bot (files not yet in the store are fetched through the Bot API).
        store: The evidence file store.
    """
    settings = runtime.settings
    app[RUNTIME_KEY] = runtime
    if store is not None:
        app[files.STORE_KEY] = store
    app[BOT_KEY] = bot
    environment = aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.globals.update(template_globals())
    policy = content_security_policy(settings.webapp_script_url, settings.sandbox_plain_http)
    app.middlewares.append(_security_headers(policy))
    app.middlewares.append(init_data_middleware)
    app.router.add_get("/app/", _shell)
    app.router.add_get("/app/f/home", _home)
    app.router.add_static("/app/static/", STATIC)
    committee.add_routes(app)
    judging.add_routes(app)
    files.add_routes(app)
    certificates.add_routes(app)
