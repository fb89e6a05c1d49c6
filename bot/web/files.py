"""Entry files through the workspace: only to the committee's admins and to the judges the
entry is assigned to; with their real content type and name; within
``WORKSPACE_FILE_LIMIT``; addressed by the attachment's id only (no path from the request).

Until the evidence file store exists the content is fetched through the Bot API (getFile)
and streamed through, never held whole in memory.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

import aiohttp
from aiohttp import web
from telegram.error import TelegramError

from bot.services.judging import scoring as judging
from bot.storage.models import Attachment
from bot.web.auth import Access, authorised
from bot.web.pages import BOT_KEY, int_param

logger = logging.getLogger(__name__)

CHUNK = 64 * 1024
"""Bytes per chunk streamed to the browser."""


def _reader_rule(attachment_id: int):  # noqa: ANN202 - a Rule
    async def rule(access: Access) -> bool:
        attachment = await access.session.get(Attachment, attachment_id)
        if attachment is None:
            return access.roles.admin  # an admin learns it is missing; others are refused
        if access.roles.admin:
            return True
        judge = access.roles.judge
        return judge is not None and attachment.submission_id in await judging.assigned_ids(
            access.session, judge.id
        )

    return rule


def content_disposition(kind: str, file_name: str) -> str:
    """``inline`` or ``attachment`` with the name in ASCII and in UTF-8 (RFC 6266)."""
    ascii_name = file_name.encode("ascii", "replace").decode().replace('"', "'").replace("?", "_")
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name)}"


async def serve_file(request: web.Request) -> web.StreamResponse:
    """``GET /app/file/{id}`` (``?download=1`` to save it rather than show it)."""
    attachment_id = int_param(request, "id")
    async with authorised(request, _reader_rule(attachment_id), "file-reader") as access:
        attachment = await access.session.get(Attachment, attachment_id)
        if attachment is None:
            raise web.HTTPNotFound(text=access.t("workspace-file-missing"))
        limit = access.runtime.settings.workspace_file_limit
        if (attachment.size_bytes or 0) > limit:
            raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=attachment.size_bytes)
        file_id = attachment.file_id
        name = attachment.file_name or f"file-{attachment.id}"
        mime = attachment.mime_type or "application/octet-stream"
        missing = access.t("workspace-file-missing")
    try:
        telegram_file = await request.app[BOT_KEY].get_file(file_id)
    except TelegramError as error:
        logger.warning("Could not get file %s: %s", attachment_id, error)
        raise web.HTTPBadGateway(text=missing) from None
    kind = "attachment" if request.query.get("download") == "1" else "inline"
    response = web.StreamResponse(
        headers={
            "Content-Type": mime,
            "Content-Disposition": content_disposition(kind, name),
            "Cache-Control": "private, no-store",
        }
    )
    sent = 0
    async with aiohttp.ClientSession() as http, http.get(str(telegram_file.file_path)) as source:
        if source.status != 200:
            raise web.HTTPBadGateway(text=missing)
        if source.content_length is not None:
            response.content_length = source.content_length
        await response.prepare(request)
        async for chunk in source.content.iter_chunked(CHUNK):
            sent += len(chunk)
            if sent > limit:  # the stored size was wrong: stop rather than serve more
                break
            await response.write(chunk)
    await response.write_eof()
    return response


def add_routes(app: web.Application) -> None:
    """The files route."""
    app.router.add_get("/app/file/{id}", serve_file)
