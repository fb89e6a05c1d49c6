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
from bot.web.pages import not_found_page, page_language

MAX_KEY = 64
"""Longest session key repeated on the 404 page (characters; an event file's keys are
shorter)."""
POLL_MS = 1500
"""How often the page asks for its panel (milliseconds): the screen's update delay is at most
this plus one request."""


class _UnknownSession(Exception):
    """The address names no session of the event."""


async def _state(request: web.Request) -> tuple[ScreenState | None, str]:
    runtime = request.app[RUNTIME_KEY]
    language = runtime.settings.default_language
    event = await runtime.event()
    key = request.match_info.get("key")
    if event is None:
        if key is not None:
            raise _UnknownSession()
        return None, language
    async with runtime.sessions() as session:
        state = await screen_state(session, event, runtime.now(), language, item_key=key)
    if state is None:
        raise _UnknownSession()
    return state, language


def _unknown_session(request: web.Request) -> web.Response:
    """The polite 404 page the verification page uses, for a session key nobody has."""
    language = page_language(request)
    key = request.match_info.get("key", "")[:MAX_KEY]
    return not_found_page(
        request,
        language,
        t(language, "screen-unknown-title"),
        t(language, "screen-unknown", key=key),
    )


def _context(state: ScreenState | None, language: str) -> dict[str, object]:
    return {
        "state": state,
        "t": lambda key, **args: Markup(t(language, key, **args)),
        "language": language,
        "poll_ms": POLL_MS,
    }


async def screen_page(request: web.Request) -> web.Response:
    """The whole page with its panel (the polite 404 page for an unknown session)."""
    try:
        state, language = await _state(request)
    except _UnknownSession:
        return _unknown_session(request)
    context = _context(state, language)
    context["panel_url"] = request.path.rstrip("/") + "/panel"
    return aiohttp_jinja2.render_template("screen.html", request, context)


async def screen_panel(request: web.Request) -> web.Response:
    """The panel alone (what the page's script swaps in; the 404 page for an unknown
    session)."""
    try:
        state, language = await _state(request)
    except _UnknownSession:
        return _unknown_session(request)
    return aiohttp_jinja2.render_template("_screen_panel.html", request, _context(state, language))


def add_routes(app: web.Application) -> None:
    """``/layar``, ``/layar/panel``, ``/layar/sesi/<key>`` and ``/layar/sesi/<key>/panel``
    (the workspace's app: its templates, static files and security headers)."""
    app.router.add_get("/layar", screen_page)
    app.router.add_get("/layar/panel", screen_panel)
    app.router.add_get("/layar/sesi/{key}", screen_page)
    app.router.add_get("/layar/sesi/{key}/panel", screen_panel)
