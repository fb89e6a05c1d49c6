"""The ballroom screen (``PUBLIC_URL/layar``, and ``/layar/sesi/<key>`` per session): a
public page for the projector, no sign-in.

The page (``templates/screen.html``) includes its panel, and ``static/screen.js`` fetches the
panel again (``…/panel``, ``templates/_screen_panel.html``) every :data:`POLL_MS` and swaps it
in when it changed: it follows new questions, votes, the sessions and the winners without a
reload. One renderer (Jinja2, autoescaped: a question's HTML is shown as text) for both. What
the panel holds is decided by :func:`bot.services.screen.board.screen_state`, which keeps every
winner out until their moment.
"""

from __future__ import annotations

import aiohttp_jinja2
from aiohttp import web

from bot.i18n import Markup, t
from bot.services.screen.board import ScreenState, screen_state
from bot.web.auth import RUNTIME_KEY

POLL_MS = 1500
"""How often the page asks for its panel (milliseconds): the screen's update delay is at most
this plus one request."""


async def _state(request: web.Request) -> tuple[ScreenState | None, str]:
    runtime = request.app[RUNTIME_KEY]
    language = runtime.settings.default_language
    event = await runtime.event()
    if event is None:
        return None, language
    key = request.match_info.get("key")
    async with runtime.sessions() as session:
        state = await screen_state(session, event, runtime.now(), language, item_key=key)
    if state is None:
        raise web.HTTPNotFound()
    return state, language


def _context(state: ScreenState | None, language: str) -> dict[str, object]:
    return {
        "state": state,
        "t": lambda key, **args: Markup(t(language, key, **args)),
        "language": language,
        "poll_ms": POLL_MS,
    }


async def screen_page(request: web.Request) -> web.Response:
    """The whole page with its panel."""
    state, language = await _state(request)
    context = _context(state, language)
    context["panel_url"] = request.path.rstrip("/") + "/panel"
    return aiohttp_jinja2.render_template("screen.html", request, context)


async def screen_panel(request: web.Request) -> web.Response:
    """The panel alone (what the page's script swaps in)."""
    state, language = await _state(request)
    return aiohttp_jinja2.render_template("_screen_panel.html", request, _context(state, language))


def add_routes(app: web.Application) -> None:
    """``/layar``, ``/layar/panel``, ``/layar/sesi/<key>`` and ``/layar/sesi/<key>/panel``
    (the workspace's app: its templates, static files and security headers)."""
    app.router.add_get("/layar", screen_page)
    app.router.add_get("/layar/panel", screen_panel)
    app.router.add_get(r"/layar/sesi/{key:[a-z0-9][a-z0-9_-]{0,63}}", screen_page)
    app.router.add_get(r"/layar/sesi/{key:[a-z0-9][a-z0-9_-]{0,63}}/panel", screen_panel)
