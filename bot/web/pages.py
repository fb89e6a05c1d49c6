"""What every page module shares: the keys of the app's state, the fragment renderer with
the viewer's language and Indonesian formats, JSON answers and bodies."""

from __future__ import annotations

import json
import time
from datetime import datetime
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from markupsafe import Markup
from telegram import Bot

from bot.i18n import (
    LANGUAGES,
    format_day,
    format_file_size,
    format_moment,
    format_number,
    web_text,
)
from bot.services.committee.exports import localized, status_label
from bot.storage.models import SubmissionStatus
from bot.web.auth import TICKET, Access, file_ticket

BOT_KEY = web.AppKey("bot", Bot)

BODY_LIMIT = 64 * 1024
"""Largest JSON body of an action (bytes): a comment of 10,000 characters fits."""


def template_globals() -> dict[str, Any]:
    """Globals of every template."""
    return {"statuses": [status for status in SubmissionStatus if status.value != "draft"]}


def render(request: web.Request, template: str, access: Access, **context: Any) -> web.Response:
    """The fragment ``template`` in the viewer's language, with the helpers templates use:
    ``t`` (catalogue, HTML-safe), ``num`` ("87,5"), ``day`` ("Rabu, 7 Desember 2022"),
    ``moment`` (day and time in the event's zone), ``status`` (a status's name), ``text`` (a
    config text in the language), ``file_url`` (a file's link for a plain browser: a ticket
    for the viewer as long as init data lasts, the role checked again when it is opened), the
    viewer's roles as ``roles``, and the edition shown:
    ``edition``, ``editions`` (an admin's chooser), ``read_only`` (a closed edition: no form
    that would change it), ``past_query`` (``edition=<code>`` for links, "" for the current
    one). The response's ``Content-Language`` is the viewer's language: the shell, which
    cannot know the user, sets its ``<html lang>`` and its own texts from it."""
    language = access.language
    zone = access.runtime.settings.zone

    def moment(value: datetime | None) -> str:
        return format_moment(value, zone, language) if value else "—"

    settings = access.runtime.settings
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    expires = int(time.time()) + settings.init_data_max_age

    def file_url(attachment_id: int, download: bool = False) -> str:
        ticket = file_ticket(token, attachment_id, access.viewer.user_id, expires)
        return f"/app/file/{attachment_id}?{TICKET}={ticket}" + ("&download=1" if download else "")

    context.update(
        t=lambda key, **args: Markup(access.t(key, **args)),
        file_url=file_url,
        num=lambda value, decimals=None: (
            "—" if value is None else format_number(value, language, decimals=decimals)
        ),
        day=lambda value: format_day(value, language) if value else "—",
        size=lambda value: format_file_size(value, language),
        moment=moment,
        status=lambda value: status_label(language, SubmissionStatus(value)),
        text=lambda value: localized(value, language),
        roles=access.roles,
        language=language,
        edition=access.edition,
        editions=access.editions,
        read_only=access.read_only,
        past_query=access.past_query,
    )
    response = aiohttp_jinja2.render_template(template, request, context)
    response.headers["Content-Language"] = language  # the shell's <html lang> follows it
    return response


def page_language(request: web.Request) -> str:
    """The language of a public page (no sign-in, no Telegram user): ``?lang=`` when it names
    a catalogue language, else the first of ``Accept-Language`` that does, else Indonesian."""
    wanted = request.query.get("lang", "")
    if wanted in LANGUAGES:
        return wanted
    for part in request.headers.get("Accept-Language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "id"


def not_found_page(request: web.Request, language: str, heading: str, message: str) -> web.Response:
    """The polite "not found" page of the public pages (status 404): ``heading`` and
    ``message`` are catalogue texts in ``language`` (HTML-safe: :func:`bot.i18n.t` escaped
    their arguments), e.g. an unknown certificate code or screen session."""
    return aiohttp_jinja2.render_template(
        "not_found.html",
        request,
        {"language": language, "heading": Markup(heading), "message": Markup(message)},
        status=404,
    )


def json_ok(**values: Any) -> web.Response:
    """A JSON answer ``{"ok": true, ...}``; a ``message`` (a catalogue text, made for the
    chat's HTML) as plain text, which the page's notice shows as it is."""
    if "message" in values:
        values["message"] = web_text(values["message"])
    return web.json_response({"ok": True, **values})


def json_refused(message: str, status: int = 409) -> web.Response:
    """A polite refusal in the viewer's language, ``{"ok": false, "message": ...}`` (plain
    text, see :func:`bot.i18n.web_text`); nothing changed."""
    return web.json_response({"ok": False, "message": web_text(message)}, status=status)


async def json_body(request: web.Request) -> dict[str, Any]:
    """The request's JSON object (400 when it is not one or is too large)."""
    if request.content_length is not None and request.content_length > BODY_LIMIT:
        raise web.HTTPRequestEntityTooLarge(max_size=BODY_LIMIT, actual_size=request.content_length)
    try:
        body = json.loads(await request.text())
    except (ValueError, UnicodeDecodeError):
        raise web.HTTPBadRequest() from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest()
    return body


LARGEST_ID = 2**31 - 1
"""The largest row id (an INTEGER key in PostgreSQL): a larger number names no row."""


def int_param(request: web.Request, name: str) -> int:
    """A numeric path parameter, a row's id (404 otherwise, as for a row that does not exist:
    paths never carry anything else; QA #22: 99999999999999999999 overflowed the database's
    integer, a 500)."""
    value = request.match_info[name]
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(LARGEST_ID)):
        raise web.HTTPNotFound()
    number = int(value)
    if number > LARGEST_ID:
        raise web.HTTPNotFound()
    return number
