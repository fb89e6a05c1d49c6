"""``AiohttpRequest``: python-telegram-bot's request interface (:class:`telegram.request.
BaseRequest`, its documented way to use another HTTP library) over aiohttp's client.

The bot (``build_application``: every reply and getUpdates) and the broadcast sender send
through it. PTB's own :class:`~telegram.request.HTTPXRequest` costs about 2.1–2.4 ms of CPU
per sendMessage on the benchmark machine (httpx, httpcore and anyio layers; httpcore also
polls every idle pooled socket twice per request); aiohttp's client about 0.4–0.5 ms
(measured with 2,800 sends, 10 at a time, against the emulator). That was most of the bot's
CPU per update and per broadcast message (docs/benchmarks.md).

Only the transport changes: PTB still builds the request and turns Telegram's answer into
its errors (``RetryAfter``, ``Forbidden``, ``BadRequest``, ``ChatMigrated``…) in
:meth:`BaseRequest.post`. A POST is never sent twice by aiohttp (it retries a request on a
reused connection only for idempotent methods), so a message is not duplicated here.
"""

from __future__ import annotations

from typing import IO, Any
from urllib.parse import urlencode

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_DEFAULT = type(BaseRequest.DEFAULT_NONE)
"""PTB's "not given, use the default" marker type (``DefaultValue``)."""


Files = dict[str, tuple[str, bytes | IO[bytes], str]]
"""A request's files: part name → (file name, content, MIME type), as
:attr:`RequestData.multipart_data` gives them."""


_FORM = {"Content-Type": "application/x-www-form-urlencoded"}
"""Header of a request without files (as PTB's httpx client sends it)."""


def _given(value: Any, default: float | None) -> float | None:
    return default if isinstance(value, _DEFAULT) else value


class AiohttpRequest(BaseRequest):
    """Sends Bot API requests with one :class:`aiohttp.ClientSession`.

    Args:
        connection_pool_size: Most connections open at once (requests beyond wait for one).
        read_timeout: Default seconds to wait for each read of Telegram's answer.
        connect_timeout: Default seconds to open a connection.
        pool_timeout: Default seconds to wait for a free connection of the pool.
        media_write_timeout: Default seconds for a whole request that uploads files (aiohttp
            has no per-write timeout: it bounds the request's total time instead).

    The defaults are PTB's (:class:`~telegram.request.HTTPXRequest`): 5 s, 5 s, 1 s, 20 s.
    """

    def __init__(
        self,
        connection_pool_size: int = 10,
        *,
        read_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        """Default read timeout, seconds (PTB adds it to a long poll's timeout)."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session (idempotent)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        """Close the session and its connections (idempotent)."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one request; PTB's :meth:`BaseRequest.post` interprets the answer.

        Returns:
            The HTTP status and the body.

        Raises:
            TimedOut: No connection, or no answer, within the timeouts.
            NetworkError: Any other transport failure (refused, reset, closed early).
            RuntimeError: Not initialised.
        """
        params, files = request_parts(request_data)
        return await self.send(
            url,
            method,
            params,
            files,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )

    async def send(
        self,
        url: str,
        method: str,
        params: dict[str, str] | None,
        files: Files | None,
        *,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """:meth:`do_request` with the request's parameters JSON-encoded (``params``,
        :attr:`RequestData.json_parameters`, each built once: a subclass reads them too) and
        its files (:attr:`RequestData.multipart_data`), both None for a request without data.
        """
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        read = _given(read_timeout, self._read_timeout)
        connect = _given(connect_timeout, self._connect_timeout)
        pool = _given(pool_timeout, self._pool_timeout)
        data: aiohttp.FormData | bytes | None = None
        headers = None
        total = None
        if files:
            # not percent-encoded: Telegram keeps "Profil%20bisnis.pdf" as the file's
            # name; written as PTB's own client (httpx) writes it, HTML5's form encoding
            data = aiohttp.FormData(params or {}, quote_fields=False)
            for name, (filename, content, mime_type) in files.items():
                data.add_field(name, content, filename=_form_name(filename), content_type=mime_type)
            total = _given(write_timeout, self._media_write_timeout)
        elif params is not None:  # encoded here: aiohttp would build a FormData (and a writer)
            data = urlencode(params).encode()
            headers = _FORM
        timeout = aiohttp.ClientTimeout(
            total=total,
            connect=None if pool is None or connect is None else pool + connect,
            sock_connect=connect,
            sock_read=read,
        )
        try:
            async with self._session.request(
                method, url, data=data, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's timeouts subclass it
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error


def request_parts(request_data: RequestData | None) -> tuple[dict[str, str] | None, Files | None]:
    """The JSON-encoded parameters and the files of ``request_data`` (each a property that
    PTB computes again at every read: read once)."""
    if request_data is None:
        return None, None
    return request_data.json_parameters, request_data.multipart_data


_HTML5_FORM = str.maketrans({'"': "%22", "\r": "%0D", "\n": "%0A"})


def _form_name(filename: str | None) -> str | None:
    """A file name for a multipart part's ``filename="..."``: UTF-8 as it is, only ``"``, CR
    and LF escaped (the HTML5 form encoding, which PTB's default client uses; aiohttp's
    default percent-encodes every space and non-ASCII letter, and Telegram shows that)."""
    return None if filename is None else filename.translate(_HTML5_FORM)
