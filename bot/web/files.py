"""Entry files through the workspace: only to the committee's admins and to the judges the
entry is assigned to; with their real content type and name; within
``WORKSPACE_FILE_LIMIT``; addressed by the attachment's id only (no path from the request).

The bytes come from the evidence file store (:func:`bot.services.evidence.files.open_stored_file`)
once the download job has kept them; a file not stored yet is fetched through the Bot API
(getFile) and streamed through, never held whole in memory.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from urllib.parse import quote

import aiohttp
from aiohttp import web
from telegram.error import TelegramError

from bot.i18n import web_text
from bot.services.evidence.files import open_stored_file
from bot.services.evidence.names import safe_name
from bot.services.evidence.store import FileStore
from bot.services.judging import scoring as judging
from bot.storage.models import Attachment
from bot.web.auth import Access, Rule, authorised
from bot.web.pages import BOT_KEY, int_param

logger = logging.getLogger(__name__)

STORE_KEY = web.AppKey("file_store", FileStore)
"""The evidence file store, when the bot has one."""

CHUNK = 64 * 1024
"""Bytes per chunk read from Telegram."""


def reader_rule(attachment_id: int) -> Rule:
    """Admins, and judges to whom the file's entry is assigned."""

    async def rule(access: Access) -> bool:
        if access.roles.admin:
            return True
        attachment = await access.session.get(Attachment, attachment_id)
        judge = access.roles.judge
        return (
            attachment is not None
            and judge is not None
            and attachment.submission_id in await judging.assigned_ids(access.session, judge.id)
        )

    return rule


def content_disposition(kind: str, file_name: str) -> str:
    """``inline`` or ``attachment`` with the name in ASCII and in UTF-8 (RFC 6266)."""
    ascii_name = file_name.encode("ascii", "replace").decode().replace('"', "'").replace("?", "_")
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name)}"


async def _from_telegram(request: web.Request, file_id: str) -> AsyncIterator[bytes]:
    try:
        telegram_file = await request.app[BOT_KEY].get_file(file_id)
    except TelegramError as error:
        logger.warning("Could not get a file from Telegram: %s", error)
        raise web.HTTPBadGateway() from None
    async with aiohttp.ClientSession() as http, http.get(str(telegram_file.file_path)) as source:
        if source.status != 200:
            raise web.HTTPBadGateway()
        async for chunk in source.content.iter_chunked(CHUNK):
            yield chunk


async def serve_file(request: web.Request) -> web.StreamResponse:
    """``GET /app/file/{id}`` (``?download=1`` to save it rather than show it)."""
    attachment_id = int_param(request, "id")
    store = request.app.get(STORE_KEY)
    async with authorised(request, reader_rule(attachment_id), "file-reader") as access:
        attachment = await access.session.get(Attachment, attachment_id)
        if attachment is None:
            raise web.HTTPNotFound(text=web_text(access.t("workspace-file-missing")))
        limit = access.runtime.settings.workspace_file_limit
        stored = await open_stored_file(access.session, store, attachment_id) if store else None
        size = stored.size if stored else attachment.size_bytes
        if (size or 0) > limit:
            raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=size or 0)
        name = stored.name if stored else safe_name(attachment.file_name)
        mime = attachment.mime_type or "application/octet-stream"
        chunks = stored.chunks if stored else _from_telegram(request, attachment.file_id)
    kind = "attachment" if request.query.get("download") == "1" else "inline"
    response = web.StreamResponse(
        headers={
            "Content-Type": mime,
            "Content-Disposition": content_disposition(kind, name),
            "Cache-Control": "private, no-store",
        }
    )
    sent = 0
    async for chunk in chunks:
        if not response.prepared:
            await response.prepare(request)
        sent += len(chunk)
        if sent > limit:  # the recorded size was wrong: stop rather than serve more
            break
        await response.write(chunk)
    if not response.prepared:
        await response.prepare(request)
    await response.write_eof()
    return response


def add_routes(app: web.Application) -> None:
    """The files route."""
    app.router.add_get("/app/file/{id}", serve_file)
