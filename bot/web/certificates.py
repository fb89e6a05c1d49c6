"""Certificates on the web: the public verification page, and the committee's page in the
workspace (``#certificates``: figures, search by name or code, revoke, reissue).

The public verification page: ``/verifikasi/<code>`` (the address in each
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

from bot.i18n import format_day, format_moment, t
from bot.services.certificates.codes import normalise_code
from bot.services.certificates.issuing import (
    MAX_NAME,
    VERIFY_PATH,
    AlreadyReplaced,
    AlreadyRevoked,
    BadName,
    UnknownCertificate,
    certificate_events,
    find_certificate,
    latest_certificates,
    reissue,
    revoke,
    search_certificates,
    settings_of,
    summary,
)
from bot.services.core.events import event_with_venue
from bot.storage.models import Certificate, CertificateKind
from bot.web.auth import RUNTIME_KEY, authorised, is_admin_rule
from bot.web.pages import (
    json_body,
    json_ok,
    json_refused,
    not_found_page,
    page_language,
    render,
)

MAX_CODE = 64
"""Longest code read from the address (characters); longer ones are unknown."""


async def verify_page(request: web.Request) -> web.Response:
    """The verification page of the code in the address (200), or the polite "not found"
    page (404)."""
    runtime = request.app[RUNTIME_KEY]
    language = page_language(request)
    code = request.match_info["code"][:MAX_CODE]
    async with runtime.sessions() as session:
        certificate = await find_certificate(session, code)
        event = await event_with_venue(session, certificate.event_id) if certificate else None
    context = {
        "t": lambda key, **args: Markup(t(language, key, **args)),
        "language": language,
    }
    if certificate is None or event is None:
        return not_found_page(
            request,
            language,
            t(language, "verify-unknown-title"),
            t(language, "verify-unknown", code=code),
        )
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


LATEST = 50
"""Certificates the workspace's page lists without a search (the newest)."""


async def certificates_page(request: web.Request) -> web.Response:
    """The committee's page: figures of the latest event with certificates, and the
    certificates found by ``?q=`` (a code, or part of a name), else the newest."""
    query = request.query.get("q", "").strip()[:MAX_NAME]
    async with authorised(request, is_admin_rule, "admin") as access:
        session = access.session
        events = await certificate_events(session)
        settings = settings_of(events[0]) if events else None
        figures = await summary(session, events[0].id) if events else None
        if not query:
            found = await latest_certificates(session, LATEST)
        else:
            one = await find_certificate(session, query) if normalise_code(query) else None
            found = [one] if one else await search_certificates(session, query)

        def role(certificate: Certificate) -> Markup:
            return Markup(
                access.t(
                    f"certificates-role-{certificate.kind.value}",
                    rank=certificate.rank_title or "",
                )
            )

        return render(
            request,
            "certificates.html",
            access,
            figures=figures,
            send_at=settings.send_at if settings else None,
            found=found,
            query=query,
            kinds=CertificateKind,
            role=role,
        )


async def revoke_certificate(request: web.Request) -> web.Response:
    """``POST {"reason": "..."}``: revoke (a reason is required; audited)."""
    code = request.match_info["code"][:MAX_CODE]
    async with authorised(request, is_admin_rule, "admin") as access:
        body = await json_body(request)  # after the role check: a 400 would show the route
        reason = str(body.get("reason") or "").strip()
        if not reason or len(reason) > MAX_NAME:
            return json_refused(access.t("workspace-certificates-reason-needed"), 422)
        try:
            certificate = await revoke(
                access.session,
                code,
                actor_id=access.viewer.user_id,
                reason=reason,
                now=access.now,
            )
        except UnknownCertificate:
            return json_refused(access.t("certificates-unknown", code=code), 404)
        except AlreadyRevoked:
            return json_refused(access.t("certificates-already-revoked", code=code))
        message = access.t("certificates-revoked", code=certificate.code, name=certificate.name)
    return json_ok(message=message)


async def reissue_certificate(request: web.Request) -> web.Response:
    """``POST {"name": "..."}``: reissue with a new code (the name corrected when given),
    sent again to the same chats; audited."""
    code = request.match_info["code"][:MAX_CODE]
    async with authorised(request, is_admin_rule, "admin") as access:
        body = await json_body(request)  # after the role check: a 400 would show the route
        public_url = access.runtime.settings.public_url or ""
        name = str(body.get("name") or "").strip() or None
        try:
            old, new = await reissue(
                access.session,
                code,
                actor_id=access.viewer.user_id,
                now=access.now,
                public_url=public_url,
                name=name,
            )
        except UnknownCertificate:
            return json_refused(access.t("certificates-unknown", code=code), 404)
        except AlreadyReplaced as exc:
            return json_refused(
                access.t("certificates-already-replaced", code=code, newer=exc.replacement)
            )
        except BadName:
            return json_refused(access.t("certificates-bad-name"), 422)
        key = "certificates-reissued" if new.chat_ids else "certificates-reissued-no-chat"
        message = access.t(key, name=new.name, code=new.code, old=old.code)
    return json_ok(message=message, code=new.code)


def add_routes(app: web.Application) -> None:
    """``GET /verifikasi/{code}`` (public); the workspace's certificates page and actions."""
    app.router.add_get(VERIFY_PATH + "{code:.*}", verify_page)
    app.router.add_get("/app/f/certificates", certificates_page)
    app.router.add_post("/app/api/certificate/{code}/revoke", revoke_certificate)
    app.router.add_post("/app/api/certificate/{code}/reissue", reissue_certificate)
