"""The Bot API emulator: an aiohttp server speaking Telegram's Bot API on loopback.

Routes ``/bot<token>/<method>`` (GET or POST; JSON, form-urlencoded or multipart bodies),
``/file/bot<token>/<file_path>`` for downloads, the control API under ``/_emulator/``
(:mod:`bot.sandbox.control`) and, when ``static_dir`` is given, static files at ``/``.

In process::

    emu = Emulator(EmulatorConfig())
    await emu.start(host="127.0.0.1", port=0)
    bot = telegram.Bot(token, base_url=emu.bot_api_base_url, base_file_url=emu.file_base_url)
    ...
    await emu.stop()

Standalone: ``python -m bot.sandbox.emulator --host 127.0.0.1 --port 8081``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import re
import signal
import time
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from . import errors
from .botapi import BotApi, Params, Upload
from .config import EmulatorConfig
from .control import ControlApi, control_errors
from .errors import ApiError
from .faults import FaultInjector, fault_error
from .ratelimit import FloodControl
from .state import World

log = logging.getLogger(__name__)

#: Shape of a Bot API token: "<bot id digits>:<secret>" (BotFather's tokens).
TOKEN_RE = re.compile(r"(\d{1,20}):([A-Za-z0-9_-]{20,64})")


class Emulator:
    """A local Telegram Bot API server with simulated users.

    Args:
        config: rules, limits and clocks; default :class:`EmulatorConfig`.
        static_dir: folder served at ``/`` (``index.html``) and ``/static/`` (web chat page).

    Attributes:
        world: the emulated state (users, chats, messages, updates).
        faults: fault injection rules.
        flood: flood control buckets.
        app: the aiohttp application (routes may be added before :meth:`start`).
    """

    def __init__(
        self, config: EmulatorConfig | None = None, *, static_dir: str | Path | None = None
    ) -> None:
        self.config = config or EmulatorConfig()
        self.world = World(self.config)
        self.flood = FloodControl(self.config.rate_limits, lambda: self.config.clock())
        self.faults = FaultInjector(self.config.seed)
        self.api = BotApi(self.world, self.config, self.flood)
        self.control = ControlApi(self)
        self.static_dir = Path(static_dir) if static_dir else None
        self.app = self._build_app()
        self._runner: web.AppRunner | None = None
        self._delivery: asyncio.Task[None] | None = None
        self.host = "127.0.0.1"
        self.port = 0

    def over_limit_refusals(self) -> list[dict[str, Any]]:
        """The rejections (entries of ``world.rejections``) of something the bot sent that
        was longer than Telegram allows (:data:`bot.sandbox.errors.OVER_LIMIT`: a text over
        4,096 characters, a caption over 1,024, a callback answer over 200, callback data
        over 64 bytes); injected faults are not among them."""
        return [
            rejection
            for rejection in self.world.rejections
            if not rejection["injected"] and rejection["description"] in errors.OVER_LIMIT
        ]

    # ---- URLs ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """Root URL, e.g. ``http://127.0.0.1:8081``."""
        return f"http://{self.host}:{self.port}"

    @property
    def bot_api_base_url(self) -> str:
        """Base URL for python-telegram-bot's ``base_url`` (``<base_url>/bot``)."""
        return f"{self.base_url}/bot"

    @property
    def file_base_url(self) -> str:
        """Base URL for python-telegram-bot's ``base_file_url`` (``<base_url>/file/bot``)."""
        return f"{self.base_url}/file/bot"

    # ---- lifecycle ----------------------------------------------------------------------

    def _build_app(self) -> web.Application:
        app = web.Application(
            middlewares=[control_errors], client_max_size=self.config.limits.upload_max_bytes
        )
        app.router.add_route("*", "/bot{token}/{method}", self._bot_api)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._download)
        self.control.add_routes(app)
        if self.static_dir is not None:
            index = self.static_dir / "index.html"

            async def root(request: web.Request) -> web.StreamResponse:
                if index.exists():
                    return web.FileResponse(index)
                raise web.HTTPNotFound()

            app.router.add_get("/", root)
            app.router.add_static("/static/", self.static_dir)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Starts serving on ``host:port`` (port 0: a free port, see :attr:`port`)."""
        self.world.closing = False
        self._runner = web.AppRunner(self.app, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.host, self.port = host, self._runner.addresses[0][1]  # port 0: the one chosen
        self._delivery = asyncio.create_task(self._deliver_webhooks())

    async def stop(self) -> None:
        """Stops the server, waking long polls first."""
        self.world.closing = True
        await self.world.notify()
        if self._delivery is not None:
            self._delivery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._delivery
            self._delivery = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def reset(self) -> None:
        """Forgets users, chats, files, updates, faults, flood buckets and counters."""
        self.world.reset()
        self.faults.reset(self.config.seed)
        self.flood.reset()
        await self.world.notify()

    async def __aenter__(self) -> Emulator:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ---- Bot API transport --------------------------------------------------------------

    def _check_token(self, token: str) -> None:
        """Any ``<digits>:<secret>`` token is accepted unless ``config.bot_token`` is set;
        the digits are the bot's user id. Otherwise 401 "Unauthorized"."""
        match = TOKEN_RE.fullmatch(token)
        if match is None or (self.config.bot_token and token != self.config.bot_token):
            raise ApiError(401, errors.UNAUTHORIZED)
        self.world.bot_id = int(match.group(1))
        self.world.bot_token = token

    async def _read_params(self, request: web.Request) -> Params:
        raw: dict[str, Any] = dict(request.query)
        files: dict[str, Upload] = {}
        if not request.can_read_body:
            return Params(raw)
        ctype = request.content_type
        if ctype == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise errors.bad_request("Bad Request: can't parse JSON request") from None
            if isinstance(body, dict):
                raw.update(body)
        elif ctype == "multipart/form-data":
            limit = self.config.limits.upload_max_bytes
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, aiohttp.BodyPartReader) or part.name is None:
                    continue
                if part.filename is None:
                    raw[part.name] = await part.text()
                    continue
                chunks = []
                size = 0
                while chunk := await part.read_chunk(65536):
                    size += len(chunk)
                    if self.config.limits.enforce and size > limit:
                        raise ApiError(413, errors.ENTITY_TOO_LARGE)
                    chunks.append(chunk)
                files[part.name] = Upload(
                    part.filename, part.headers.get("Content-Type"), b"".join(chunks)
                )
        else:
            try:
                form = await request.post()
            except web.HTTPRequestEntityTooLarge:
                raise ApiError(413, errors.ENTITY_TOO_LARGE) from None
            raw.update({k: v for k, v in form.items() if isinstance(v, str)})
        return Params(raw, files)

    def _reject(self, method: str, chat_id: Any, error: ApiError) -> web.Response:
        self.world.rejections.append(
            {
                "method": method,
                "error_code": error.error_code,
                "description": error.description,
                "parameters": error.parameters,
                "chat_id": chat_id,
                "injected": error.injected,
                "time": time.time(),
            }
        )
        return web.json_response(error.envelope(), status=error.error_code)

    async def _bot_api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        name = method.lower()
        self.world.calls[name] += 1
        chat_id: Any = None
        try:
            self._check_token(request.match_info["token"])
            if not self.api.has_method(name):
                raise ApiError(404, errors.NOT_FOUND)
            params = await self._read_params(request)
            chat_id = params.raw.get("chat_id")
            rule = self.faults.pick(name, _as_int(chat_id))
            if rule is not None and rule.kind == "hold-answer":
                result = await self.api.call(name, params)
                await self.faults.hold(lambda: _gone(request))
                return web.json_response({"ok": True, "result": result})
            if rule is not None:
                if rule.kind == "latency":
                    await asyncio.sleep(rule.latency)
                elif rule.kind == "hold":
                    if not await self.faults.hold(lambda: _gone(request)):
                        return web.Response(status=500)  # nobody is listening: not served
                elif rule.kind == "drop":
                    self.world.rejections.append(
                        {
                            "method": method,
                            "error_code": None,
                            "description": "dropped connection",
                            "parameters": None,
                            "chat_id": chat_id,
                            "injected": True,
                            "time": time.time(),
                        }
                    )
                    if request.transport is not None:
                        request.transport.close()
                    return web.Response(status=500)
                else:
                    raise fault_error(rule)
            result = await self.api.call(name, params)
        except ApiError as exc:
            if exc.description == errors.POLL_CONFLICT and (
                request.transport is None or request.transport.is_closing()
            ):
                # the poll was abandoned by its client: nobody sees this answer
                return web.json_response(exc.envelope(), status=exc.error_code)
            return self._reject(method, chat_id, exc)
        return web.json_response({"ok": True, "result": result})

    async def _download(self, request: web.Request) -> web.StreamResponse:
        try:
            self._check_token(request.match_info["token"])
        except ApiError as exc:
            return web.json_response(exc.envelope(), status=exc.error_code)
        stored = self.world.files_by_path.get(request.match_info["file_path"])
        if stored is None or self.world.usable_file(stored.file_id) is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": errors.NOT_FOUND}, status=404
            )
        return web.Response(body=stored.data, content_type=stored.mime_type)

    # ---- webhook ------------------------------------------------------------------------

    async def _deliver_webhooks(self) -> None:
        """POSTs pending updates to the webhook URL with the secret header (Bot API
        setWebhook: ``X-Telegram-Bot-Api-Secret-Token``), up to the webhook's
        ``max_connections`` (default 40) at once, like Telegram, but one update of a chat at
        a time, in order; a non-2xx answer is recorded in getWebhookInfo and that update is
        retried after ``webhook_retry_seconds`` (its chat's later updates wait for it)."""
        world = self.world
        loop = asyncio.get_running_loop()
        sending: set[int] = set()  # id() of the updates being posted
        busy: set[object] = set()  # their chats
        retry_at: dict[int, float] = {}
        tasks: set[asyncio.Task[None]] = set()

        def ready() -> list[dict[str, Any]]:
            hook = world.webhook
            if not hook.get("url"):
                return []
            room = (hook.get("max_connections") or 40) - len(sending)
            now, held = loop.time(), set(busy)
            picked: list[dict[str, Any]] = []
            for update in world.updates:
                if room <= len(picked):
                    break
                chat = _update_chat(update)
                if chat not in held and retry_at.get(id(update), 0.0) <= now:
                    picked.append(update)
                held.add(chat)  # a chat's later updates wait for this one
            return picked

        async def post(session: aiohttp.ClientSession, update: dict[str, Any]) -> None:
            hook, chat = world.webhook, _update_chat(update)
            headers = {"Content-Type": "application/json"}
            if hook.get("secret_token"):
                headers["X-Telegram-Bot-Api-Secret-Token"] = hook["secret_token"]
            error = None
            try:
                async with session.post(
                    hook["url"],
                    data=json.dumps(update),
                    headers=headers,
                    timeout=aiohttp.ClientTimeout(total=10),
                ) as resp:
                    if not 200 <= resp.status < 300:
                        error = f"Wrong response from the webhook: {resp.status} {resp.reason}"
            except (aiohttp.ClientError, TimeoutError) as exc:
                error = f"Connection failed: {exc.__class__.__name__}"
            if error is None:
                retry_at.pop(id(update), None)
                for index, pending in enumerate(world.updates):
                    if pending is update:
                        del world.updates[index]
                        break
            else:
                hook["last_error_date"] = int(self.config.wall_clock())
                hook["last_error_message"] = error
                retry_at[id(update)] = loop.time() + self.config.webhook_retry_seconds
            sending.discard(id(update))
            busy.discard(chat)
            await world.notify()

        async with aiohttp.ClientSession() as session:
            try:
                while not world.closing:
                    waits = [at - loop.time() for at in retry_at.values()]
                    await world.wait_for(lambda: bool(ready()), min([3600.0, *waits]))
                    if world.closing:
                        return
                    for update in ready():
                        sending.add(id(update))
                        busy.add(_update_chat(update))
                        task = asyncio.create_task(post(session, update))
                        tasks.add(task)
                        task.add_done_callback(tasks.discard)
                    if not sending and not ready():
                        await asyncio.sleep(0.01)  # a retry that is due but nothing else
            finally:
                for task in list(tasks):
                    task.cancel()


def _update_chat(update: dict[str, Any]) -> object:
    """The chat an update belongs to (its messages are delivered in order), or None."""
    for value in update.values():
        if isinstance(value, dict):
            chat = value.get("chat") or (value.get("message") or {}).get("chat")
            if isinstance(chat, dict):
                return chat.get("id")
            if isinstance(value.get("from"), dict):
                return value["from"].get("id")
    return None


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


__all__ = ["Emulator", "EmulatorConfig", "main"]


def main(argv: list[str] | None = None) -> int:
    """Runs the emulator until interrupted; prints its URLs."""
    parser = argparse.ArgumentParser(
        prog="python -m bot.sandbox.emulator", description="Local Telegram Bot API emulator"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=None, help="accept only this bot token")
    parser.add_argument("--no-rate-limits", action="store_true", help="turn flood control off")
    parser.add_argument("--seed", type=int, default=0, help="seed of probabilistic faults")
    parser.add_argument("--static-dir", default=None, help="folder served at /")
    args = parser.parse_args(argv)
    config = EmulatorConfig(bot_token=args.token, seed=args.seed)
    config.rate_limits.enabled = not args.no_rate_limits

    async def run() -> None:
        emu = Emulator(config, static_dir=args.static_dir)
        await emu.start(args.host, args.port)
        print(f"Bot API emulator at {emu.base_url}", flush=True)
        print(f"  base_url       {emu.bot_api_base_url}", flush=True)
        print(f"  base_file_url  {emu.file_base_url}", flush=True)
        print(f"  control API    {emu.base_url}/_emulator/state", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        await emu.stop()

    asyncio.run(run())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def _gone(request: web.Request) -> bool:
    """Whether the client of ``request`` closed its connection."""
    return request.transport is None or request.transport.is_closing()
