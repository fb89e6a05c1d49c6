"""The public verification page of certificates: ``/verifikasi/<code>`` (the address in each
certificate's QR code) says whose it is, for what, at which event, and whether it is valid or
revoked. Anyone may open it (no init data: whoever holds the paper holds the code); an
unknown or malformed code gets a polite page with status 404, the same for both so the page
tells nothing about which codes exist. Codes are 80 random bits, so trying codes finds
nothing (:mod:`bot.services.certificates.codes`).

The page is in Indonesian, or in English when the browser asks for it first
(``Accept-Language``) or the address says ``?lang=en``.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import aiohttp_jinja2
from aiohttp import web
from markupsafe import Markup
from sqlalchemy import select

from bot.i18n import LANGUAGES, format_day, format_moment, t
from bot.services.certificates.issuing import VERIFY_PATH, find_certificate
from bot.storage.models import Event
from bot.web.auth import RUNTIME_KEY

MAX_CODE = 64
"""Longest code read from the address (characters); longer ones are unknown."""


def page_language(request: web.Request) -> str:
    """``?lang=`` when it names a catalogue language, else the first of
    ``Accept-Language`` that does, else Indonesian."""
    wanted = request.query.get("lang", "")
    if wanted in LANGUAGES:
        return wanted
    for part in request.headers.get("Accept-Language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "id"


async def verify_page(request: web.Request) -> web.Response:
    """The verification page of the code in the address (200), or the polite "not found"
    page (404)."""
    runtime = request.app[RUNTIME_KEY]
    language = page_language(request)
    code = request.match_info["code"][:MAX_CODE]
    async with runtime.sessions() as session:
        certificate = await find_certificate(session, code)
        event = (
            await session.scalar(select(Event).where(Event.id == certificate.event_id))
            if certificate
            else None
        )
    context = {
        "t": lambda key, **args: Markup(t(language, key, **args)),
        "language": language,
    }
    if certificate is None or event is None:
        response = aiohttp_jinja2.render_template(
            "verify.html", request, {**context, "certificate": None, "code": code}, status=404
        )
        return response
    zone = ZoneInfo(event.timezone)
    role = t(
        language, f"certificates-role-{certificate.kind.value}", rank=certificate.rank_title or ""
    )
    return aiohttp_jinja2.render_template(
        "verify.html",
        request,
        {
            **context,
            "certificate": certificate,
            "code": certificate.code,
            "event": event,
            "role": Markup(role),
            "day": format_day(event.starts_on, language),
            "issued": format_moment(certificate.issued_at, zone, language),
            "revoked": (
                format_moment(certificate.revoked_at, zone, language)
                if certificate.revoked_at
                else None
            ),
        },
    )


def add_routes(app: web.Application) -> None:
    """``GET /verifikasi/{code}``."""
    app.router.add_get(VERIFY_PATH + "{code:.*}", verify_page)
