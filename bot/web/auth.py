"""Who is asking: Telegram's Mini App init data, checked at every request, and the role
checked from the database at every request.

The page sends ``Authorization: tma <initData>`` (the raw ``Telegram.WebApp.initData``
query string). It is validated as Telegram documents ("Validating data received via the Mini
App", core.telegram.org/bots/webapps): HMAC-SHA256 of the sorted ``key=value`` lines with the
secret HMAC-SHA256("WebAppData", bot token), by the ``telegram-webapp-auth`` library. Missing,
forged, another bot's (another token gives another secret) or older than
``INIT_DATA_MAX_AGE`` seconds: 401. A valid user without the role: 403. Every refusal is
written to the audit log (``access.denied``) in a transaction of its own, after the request's
own transaction was rolled back, so a refused request changes nothing else.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession
from telegram_webapp_auth.auth import TelegramAuthenticator, generate_secret_key
from telegram_webapp_auth.errors import ExpiredInitDataError, InvalidInitDataError

from bot.i18n import normalize_language, t, web_text
from bot.runtime import Runtime
from bot.services.core import audit
from bot.services.core.chats import chat_language
from bot.services.core.edition_guard import EditionClosed
from bot.services.core.events import all_editions, current_edition, edition_by_code
from bot.services.core.roles import Roles, roles_of
from bot.storage.models import Edition

logger = logging.getLogger(__name__)

SCHEME = "tma"
"""``Authorization`` scheme of init data (the name Telegram's Mini Apps docs use)."""

RUNTIME_KEY = web.AppKey("runtime", Runtime)


@dataclass(frozen=True)
class Viewer:
    """The Telegram user the init data names (trusted once validated)."""

    user_id: int
    first_name: str
    language_code: str | None


VIEWER_KEY = web.RequestKey("viewer", Viewer)
"""``request[VIEWER_KEY]``: the :class:`Viewer` once the init data was accepted."""


class InitDataRefused(Exception):
    """The init data is missing, forged, another bot's or stale; ``reason`` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def viewer_from_init_data(init_data: str, bot_token: str, max_age_seconds: int) -> Viewer:
    """The user of valid init data.

    Raises:
        InitDataRefused: ``missing``, ``expired``, ``invalid`` (a forged hash, another
            bot's data, a malformed string) or ``no-user``.
    """
    if not init_data:
        raise InitDataRefused("missing")
    authenticator = TelegramAuthenticator(generate_secret_key(bot_token))
    try:
        data = authenticator.validate(init_data, expr_in=timedelta(seconds=max_age_seconds))
    except ExpiredInitDataError:
        raise InitDataRefused("expired") from None
    except InvalidInitDataError:
        raise InitDataRefused("invalid") from None
    if data.user is None:
        raise InitDataRefused("no-user")
    return Viewer(data.user.id, data.user.first_name, data.user.language_code)


TICKET = "ticket"
"""Query parameter of a file's link (:func:`file_ticket`)."""


def _ticket_mac(token: str, attachment_id: int, user_id: int, expires: int) -> str:
    key = hmac.new(b"workspace-file-link", token.encode(), hashlib.sha256).digest()
    message = f"file:{attachment_id}:{user_id}:{expires}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def file_ticket(token: str, attachment_id: int, user_id: int, expires: int) -> str:
    """A link's proof that ``user_id`` was shown file ``attachment_id`` by the workspace, until
    ``expires`` (Unix seconds): a plain link (Telegram's ``openLink``, a phone's browser) sends
    no init data. It names the user only; the role is checked again at the request."""
    return f"{user_id}.{expires}.{_ticket_mac(token, attachment_id, user_id, expires)}"


def viewer_from_ticket(ticket: str, token: str, attachment_id: int) -> Viewer:
    """The user a file's link was made for.

    Raises:
        InitDataRefused: ``ticket-invalid`` (forged, another file's, malformed) or
            ``ticket-expired``.
    """
    user, _, rest = ticket.partition(".")
    expires, _, mac = rest.partition(".")
    if not (user.isascii() and user.isdigit() and expires.isascii() and expires.isdigit()):
        raise InitDataRefused("ticket-invalid")
    expected = _ticket_mac(token, attachment_id, int(user), int(expires))
    if not token or not hmac.compare_digest(mac, expected):
        raise InitDataRefused("ticket-invalid")
    if int(expires) < time.time():
        raise InitDataRefused("ticket-expired")
    return Viewer(int(user), "", None)


def _viewer_of(request: web.Request, token: str, max_age: int) -> Viewer:
    """The viewer of the init data, or of a file's ticket when a link sent no init data."""
    ticket = request.query.get(TICKET)
    if ticket is not None and not init_data_of(request) and request.path.startswith("/app/file/"):
        attachment = request.match_info.get("id", "")
        if not (attachment.isascii() and attachment.isdigit()):
            raise InitDataRefused("ticket-invalid")
        return viewer_from_ticket(ticket, token, int(attachment))
    return viewer_from_init_data(init_data_of(request), token, max_age)


def init_data_of(request: web.Request) -> str:
    """The init data of ``Authorization: tma <initData>`` ("" when absent)."""
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == SCHEME else ""


def attempted(request: web.Request) -> str:
    """What the request tried, for the audit log: ``web:GET /app/f/entries``."""
    return f"web:{request.method} {request.path}"


async def audit_refusal(
    runtime: Runtime, request: web.Request, *, actor_id: int | None, required: str
) -> None:
    """Write ``access.denied`` for the request in a transaction of its own."""
    async with runtime.transaction() as session:
        audit.record(
            session,
            now=runtime.now(),
            actor_id=actor_id,
            action=audit.DENIED,
            entity="access",
            entity_id=required,
            after={"attempted": attempted(request)[:200], "required": required},
        )
    logger.info("Workspace refused %s to %s (%s)", attempted(request), actor_id, required)


def protected(path: str) -> bool:
    """Whether ``path`` needs init data: everything of the workspace but its shell page and
    static files (they hold no data)."""
    return path.startswith(("/app/f/", "/app/api/", "/app/file/"))


@web.middleware
async def init_data_middleware(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """401 for a protected request without valid init data, or a file's link without a valid
    ticket (audited); else the viewer is put in ``request[VIEWER_KEY]``."""
    if not protected(request.path):
        return await handler(request)
    runtime = request.app[RUNTIME_KEY]
    settings = runtime.settings
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    try:
        viewer = _viewer_of(request, token, settings.init_data_max_age)
    except InitDataRefused as refused:
        await audit_refusal(runtime, request, actor_id=None, required=f"init-data:{refused.reason}")
        language = settings.default_language
        raise web.HTTPUnauthorized(
            text=web_text(t(language, "workspace-signed-out")),
            headers={"WWW-Authenticate": SCHEME, "Content-Language": language},
        ) from None
    request[VIEWER_KEY] = viewer
    try:
        return await handler(request)
    except EditionClosed as closed:  # rolled back: nothing of the closed edition changed
        required = f"edition-open:{closed.code}"
        await audit_refusal(runtime, request, actor_id=viewer.user_id, required=required)
        language = normalize_language(viewer.language_code, settings.default_language)
        message = web_text(t(language, "edition-closed", year=str(closed.year)))
        return web.json_response(
            {"ok": False, "message": message},
            status=409,
        )


@dataclass
class Access:
    """What an authorised request gets: its transaction, the viewer's roles now, the
    edition shown (the current one, or a past one an admin chose: ``?edition=<code>``), the
    language and the current instant."""

    session: AsyncSession
    runtime: Runtime
    viewer: Viewer
    roles: Roles
    edition: Edition
    language: str
    now: datetime
    current: Edition | None = None
    """The current edition (the one the roles were read for); None: ``edition`` is it."""
    editions: list[Edition] = field(default_factory=list)
    """Every edition, newest first, for an admin's edition chooser (empty for others)."""

    def t(self, key: str, /, **args: object) -> str:
        """Catalogue text in the viewer's language (HTML-escaped arguments)."""
        return t(self.language, key, **args)

    @property
    def read_only(self) -> bool:
        """Whether the edition shown is closed (a later one was imported): its pages show no
        form that would change it, and its writes are refused (409, audited)."""
        return self.edition.closed_at is not None

    @property
    def past_query(self) -> str:
        """``edition=<code>`` while a past edition is shown, for the pages' links ("")."""
        return "" if self.current is None else f"edition={self.edition.code}"

    async def show_edition(self, edition_id: int) -> None:
        """Show edition ``edition_id`` (an entry's page shows its entry's edition)."""
        if edition_id == self.edition.id:
            return
        current = self.current or self.edition
        chosen = next((e for e in self.editions if e.id == edition_id), None)
        if chosen is not None:
            chosen = await edition_by_code(self.session, chosen.code)
        if chosen is not None:
            self.edition = chosen
            self.current = None if chosen.id == current.id else current


Rule = Callable[[Access], Awaitable[bool]]
"""Whether the access may go on (checked inside the request's transaction)."""


async def is_admin_rule(access: Access) -> bool:
    """Committee admins only."""
    return access.roles.admin


async def is_judge_rule(access: Access) -> bool:
    """Judges of the current edition only."""
    return access.roles.judge is not None


async def is_committee_rule(access: Access) -> bool:
    """Admins or judges (the workspace's home)."""
    return access.roles.admin or access.roles.judge is not None


@asynccontextmanager
async def authorised(request: web.Request, rule: Rule, required: str) -> AsyncIterator[Access]:
    """The request's :class:`Access` in one transaction, when ``rule`` allows it.

    Raises:
        web.HTTPForbidden: the rule refused (audited as ``required`` after the rollback);
            also when no edition is loaded.
    """
    runtime = request.app[RUNTIME_KEY]
    viewer: Viewer = request[VIEWER_KEY]
    settings = runtime.settings
    wanted = request.query.get("edition", "")
    async with runtime.transaction() as session:
        edition = await current_edition(session)
        chosen = await chat_language(session, viewer.user_id)
        language = chosen or normalize_language(viewer.language_code, settings.default_language)
        if edition is not None:
            roles = await roles_of(
                session, viewer.user_id, admin_ids=settings.admin_ids, edition_id=edition.id
            )
            access = Access(session, runtime, viewer, roles, edition, language, runtime.now())
            if await rule(access):
                if roles.admin:
                    access.editions = await all_editions(session)
                if wanted and not roles.admin:  # only the committee chooses an edition
                    required = "admin:edition"
                else:
                    if wanted and wanted != edition.code:
                        past = await edition_by_code(session, wanted)
                        if past is None:
                            unknown = web_text(t(language, "workspace-edition-unknown"))
                            raise web.HTTPNotFound(text=unknown)
                        access.edition, access.current = past, edition
                    yield access
                    return
    await audit_refusal(runtime, request, actor_id=viewer.user_id, required=required)
    raise web.HTTPForbidden(
        text=web_text(t(language, "workspace-forbidden")), headers={"Content-Language": language}
    )
