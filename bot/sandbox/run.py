"""``iga-bot sandbox``: the real bot in a local Telegram-like web chat, no token needed.

One process, one event loop: the Bot API emulator serves the web page (``bot/sandbox/web``)
and the Bot API; the bot, built by :func:`bot.app.build_application` exactly as in
production, long-polls the emulator with a fixed sandbox token. The database is an SQLite
file (default ``sandbox.db`` in the working directory, created afresh at every start, since
the emulator's chats live in memory and vanish at exit), migrated and loaded with the event
file (EVENT_CONFIG); ``--database`` keeps one between starts, and a restart on it keeps the
clock where ⏩ had moved it (:data:`STATE_FILE`). Four personas are simulated users of the
emulator: an attendee, an officer of Dinas Sosial (joined through an invite code), a judge
and a committee admin.

Extra routes for the page: ``GET /_sandbox/info`` → ``{"bot", "event", "personas", "next"}``
(see :func:`_info`); ``POST /_sandbox/skip`` moves the bot's clock to the next scheduled row
(a reminder, the winners' announcement) and runs what falls due, so what the event file
promises happens while you watch (see :class:`SandboxClock`). Each persona's command menu
comes from the emulator (``GET /_emulator/users/{id}/commands``), resolved as Telegram
resolves scopes.

The seed's winners were announced on the day (7 December 2022): a start after the file's
announcement time records that announcement as made then (:func:`_prepare_database`), so
nobody is sent 2022's winners as news.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import fcntl
import json
import logging
import signal
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

import yaml
from aiohttp import web
from pydantic import SecretStr
from sqlalchemy import func, select
from telegram.ext import Application

from bot.app import AnotherBotRunning, build_application
from bot.handlers.announcements.reminders import process_due, schedule_pending
from bot.handlers.certificates.issuing import issue_certificates
from bot.handlers.shared.context import updater_of
from bot.i18n import format_moment
from bot.runtime import Runtime, application_runtime, system_clock
from bot.sandbox.config import EmulatorConfig
from bot.sandbox.emulator import Emulator
from bot.sandbox.examples import add_example_entries
from bot.sandbox.state import DEFAULT_BOT_ID, World
from bot.services.announcements.reminders import ReminderKind
from bot.services.certificates.issuing import coming_send_times
from bot.services.core.admins import add_admin
from bot.services.core.event_file import EventFile, EventFileError, load_event_file, shift_dates
from bot.services.core.event_import import import_event_file
from bot.services.core.events import current_edition
from bot.services.entries.invites import create_invite, redeem_invite
from bot.services.judging.results import mark_announced
from bot.services.judging.scoring import add_judge
from bot.settings import Settings
from bot.storage.migrate import upgrade_engine
from bot.storage.models import Reminder, Submission, Unit
from bot.web.server import WebServer, create_web_app, stop_bot

logger = logging.getLogger(__name__)

EXIT_USAGE = 2

SANDBOX_TOKEN = f"{DEFAULT_BOT_ID}:sandbox-local-token-not-a-secret"
"""The bot's token in the sandbox: shaped like BotFather's, valid only for the emulator."""

DEFAULT_DATABASE_FILE = Path("sandbox.db")
"""The sandbox's SQLite file, relative to the working directory; replaced at every start."""

SANDBOX_EVENT_FILE = Path("sandbox-event.yaml")
"""The sandbox's copy of the event file (dates shifted, entries open), in the working
directory; it is the sandbox bot's EVENT_CONFIG and is rewritten at every start."""

FOLDER_LOCK_FILE = Path("sandbox.lock")
"""Locked (``flock``) by the sandbox running in the working directory, which owns the
folder's ``sandbox.db`` and ``sandbox-event.yaml``: a second sandbox takes it before it
deletes or writes either, and stops with one line if it is held. It holds the running one's
page address; the kernel drops the lock when that process dies, a SIGKILL included."""

STATE_FILE = Path("sandbox-state.json")
"""What the sandbox of the working directory runs on: its database's URL and how far ⏩ moved
its clock. Written at start and at each ⏩; read by a restart on the same ``--database``
(whose rows were written at the skipped-ahead times, so its clock goes on from there) and by
``iga-bot attendance link --sandbox`` (the link of the sandbox's database and day)."""

WEB_DIR = Path(__file__).with_name("web")
"""The web chat page (plain HTML, JavaScript and CSS), served by the emulator at ``/``."""

OFFICER_UNIT = "DINSOS"
"""Unit code of the officer persona (Dinas Sosial in the seed edition)."""

EXAMPLE_UNIT = "DPMPTSP"
"""Unit of the example entries (Dinas PM dan PTSP in the seed edition): not the officer
persona's, whose unit has sent nothing yet (the entry deadline reminders reach it)."""

ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
"""Update types the bot asks for, as ``iga-bot run`` does."""


@dataclass(frozen=True)
class Persona:
    """A simulated user the page offers.

    Attributes:
        key: stable name used by the page and tests ("attendee", "officer", "judge", "admin").
        role: what the persona is, shown on the page (English: the page is a developer tool).
        hint: what to try as this persona.
    """

    key: str
    first_name: str
    last_name: str
    username: str
    role: str
    hint: str


PERSONAS = (
    Persona(
        "attendee",
        "Siti",
        "Rahayu",
        "siti_rahayu",
        "Attendee",
        "Send /start, then tap the menu buttons: agenda, venue, speakers.",
    ),
    Persona(
        "officer",
        "Budi",
        "Santoso",
        "budi_dinsos",
        "Unit officer · Dinas Sosial",
        "An officer of Dinas Sosial: enter an innovation, upload a document.",
    ),
    Persona(
        "judge",
        "Dewi",
        "Lestari",
        "dewi_penilai",
        "Judge",
        "A member of the judging panel (tim penilai).",
    ),
    Persona(
        "admin",
        "Rahmat",
        "Hidayat",
        "rahmat_bappeda",
        "Committee admin · Bappeda",
        "A committee admin: verification, judging, announcements.",
    ),
)


@dataclass(frozen=True)
class SandboxState:
    """The contents of :data:`STATE_FILE`."""

    database_url: str
    ahead: timedelta


def read_state() -> SandboxState | None:
    """The state the sandbox of the working directory wrote last, or None (none ran here, or
    the file is not one it wrote)."""
    try:
        data = json.loads(STATE_FILE.read_text(encoding="utf-8"))
        return SandboxState(str(data["database_url"]), timedelta(seconds=data["ahead_seconds"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_state(state: SandboxState) -> None:
    """Records the sandbox's database and clock (:data:`STATE_FILE`)."""
    data = {"database_url": state.database_url, "ahead_seconds": state.ahead.total_seconds()}
    STATE_FILE.write_text(json.dumps(data) + "\n", encoding="utf-8")


@dataclass
class SandboxClock:
    """The sandbox bot's "now": the real clock plus the time skipped ahead from the page.

    Attributes:
        base: the real clock (tests pass a fixed one).
        ahead: how far the page moved time on (⏩), never backwards.
    """

    base: Callable[[], datetime] = system_clock
    ahead: timedelta = timedelta(0)

    def __call__(self) -> datetime:
        return self.base() + self.ahead


CERTIFICATES = "certificates"
"""Kind of the next moment when it is the event file's ``certificates.send_at``."""

ROW_LABELS = {
    ReminderKind.EVENT: "Event reminder to its subscribers",
    ReminderKind.STAR: "Reminder of a starred session",
    ReminderKind.DEADLINE: "Entry deadline reminder to the units' officers",
    ReminderKind.RESULTS: "Winners' announcement",
    ReminderKind.EVALUATION: "Evaluation survey to those checked in",
    ReminderKind.EVALUATION_REMINDER: "Evaluation survey reminder to those who did not finish",
    CERTIFICATES: "Certificates sent (the winners' awards once announced)",
}
"""What each kind of scheduled row is, as the page names it (English: a developer tool)."""


class SandboxError(Exception):
    """A problem the user can fix (busy port, missing event file); one line, exit 2."""


def claim_folder() -> IO[str]:
    """Takes :data:`FOLDER_LOCK_FILE` of the working directory (kept while the returned file
    is open), before anything of the folder is touched: the running sandbox's database and
    event file stay as they are when a second one starts here.

    Raises:
        SandboxError: another sandbox runs in this folder (its page named if known).
    """
    handle = FOLDER_LOCK_FILE.resolve().open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        page = handle.read().strip()
        handle.close()
        where = f" ({page})" if page else ""
        raise SandboxError(
            f"a sandbox is already running in this folder{where}: stop it first, or start "
            "the other one from another folder with EVENT_CONFIG set to this event file"
        ) from None
    return handle


def _name_page(lock: IO[str], url: str) -> None:
    """Writes the running sandbox's page into its lock file, for a second start's refusal."""
    lock.seek(0)
    lock.truncate()
    lock.write(url)
    lock.flush()


@dataclass
class Sandbox:
    """A running sandbox.

    Attributes:
        emulator: the Bot API emulator, which also serves the page.
        application: the running bot.
        clock: the bot's clock, which :meth:`skip` moves on.
        personas: persona key → emulator user id (= private chat id).
        event_title: short title of the loaded event.
        web_server: the bot's web server (the workspace, opened from the page's panel).
    """

    emulator: Emulator
    application: Application
    clock: SandboxClock
    personas: dict[str, int] = field(default_factory=dict)
    event_title: str = ""
    web_server: WebServer | None = None
    folder_lock: IO[str] | None = None
    database_url: str = ""

    @property
    def url(self) -> str:
        """Address of the web page, e.g. ``http://127.0.0.1:8080/``."""
        return f"http://{_reachable_host(self.emulator.host)}:{self.emulator.port}/"

    async def next_row(self) -> dict[str, str] | None:
        """The next scheduled row still to come: {"kind", "label", "when"} (the moment in the
        event's zone, as the bot writes it in Indonesian), or None."""
        runtime = application_runtime(self.application)
        async with runtime.sessions() as session:
            row = await session.scalar(
                select(Reminder)
                .where(
                    Reminder.sent_at.is_(None),
                    Reminder.dropped_at.is_(None),
                    Reminder.due_at > runtime.now(),
                )
                .order_by(Reminder.due_at, Reminder.id)
                .limit(1)
            )
            certificates = await coming_send_times(session, runtime.now())
        kind, due_at = (row.kind, row.due_at) if row is not None else (None, None)
        if certificates and (due_at is None or certificates[0] < due_at):
            kind, due_at = CERTIFICATES, certificates[0]
        if kind is None or due_at is None:
            return None
        return {
            "kind": kind,
            "label": ROW_LABELS.get(kind, kind),
            "when": format_moment(due_at, runtime.settings.zone, "id"),
        }

    async def skip(self) -> list[str]:
        """Moves the bot's clock to the next scheduled row (or the certificates' time) and
        runs everything then due, as the scheduler and the certificates' job would at that
        moment.

        Returns:
            The keys of the rows sent, then ``certificates:<code>`` of those issued.
        """
        pending = await schedule_pending(self.application)
        now = self.clock()
        coming = [row.due_at for row in pending if row.due_at > now]
        async with application_runtime(self.application).sessions() as session:
            coming += await coming_send_times(session, now)
        if coming:
            self.clock.ahead += min(coming) - now
            write_state(SandboxState(self.database_url, self.clock.ahead))  # for a restart
        report = await process_due(self.application)
        await schedule_pending(self.application)  # the JobQueue counts from the new "now"
        issued = await issue_certificates(self.application)
        return report.sent + [f"{CERTIFICATES}:{c.code}" for c in (issued.issued if issued else [])]

    async def stop(self) -> None:
        """Stops the bot (polling, jobs, database) and then the emulator."""
        try:
            await stop_bot(self.application, self.web_server)
        except Exception:  # the emulator must stop all the same
            logger.exception("The bot did not stop cleanly")
        await self.emulator.stop()
        if self.folder_lock is not None:
            self.folder_lock.close()  # the flock goes with its file
            self.folder_lock = None


def event_tomorrow_shift(spec: EventFile, now: datetime) -> int:
    """Days to add to the event file's dates so the event starts tomorrow in its time zone.

    Args:
        spec: the validated event file.
        now: the current instant (aware).
    """
    today = now.astimezone(ZoneInfo(spec.event.timezone)).date()
    return (today + timedelta(days=1) - spec.event.date).days


def open_entries(spec: EventFile, now: datetime) -> EventFile:
    """A copy of ``spec`` whose entry period includes ``now`` (from a day before to 30 days
    after), so a newcomer can try submitting an innovation as the unit officer."""
    edition = spec.edition
    if edition.entries_open and edition.entries_close:
        if edition.entries_open <= now < edition.entries_close:
            return spec
    data = spec.model_dump()
    data["edition"]["entries_open"] = now - timedelta(days=1)
    data["edition"]["entries_close"] = now + timedelta(days=30)
    return EventFile.model_validate(data)


def write_event_file(spec: EventFile, path: Path) -> Path:
    """Write ``spec`` as YAML to ``path``: the sandbox's EVENT_CONFIG, so that the admin's
    /muat_ulang reloads the sandbox's own dates, not the original file's."""
    text = yaml.safe_dump(spec.model_dump(mode="json"), allow_unicode=True, sort_keys=False)
    path.write_text(f"# Written by iga-bot sandbox; changes are lost at its next start.\n{text}")
    return path


def _database_url(database_url: str | None) -> str:
    """The sandbox's database: ``database_url`` as given, else a fresh ``sandbox.db`` (its
    absolute path: the URL is recorded for ``iga-bot attendance link --sandbox``)."""
    if database_url:
        return database_url
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{DEFAULT_DATABASE_FILE}{suffix}").unlink(missing_ok=True)
    return f"sqlite+aiosqlite:///{DEFAULT_DATABASE_FILE.resolve()}"


def _restored_ahead(database_url: str | None, url: str) -> timedelta:
    """How far the clock starts ahead: where ⏩ had moved it, for the same ``--database`` as
    the last run here (its rows were written at those times); nothing for a fresh
    ``sandbox.db``."""
    previous = read_state()
    if database_url is None or previous is None or previous.database_url != url:
        return timedelta(0)
    return previous.ahead


def _load_event(settings: Settings) -> EventFile:
    try:
        return load_event_file(settings.event_config)
    except EventFileError as exc:
        first = exc.problems[0] if exc.problems else str(settings.event_config)
        raise SandboxError(
            f"the event file is not usable ({first}); run from the project folder or set "
            "EVENT_CONFIG"
        ) from None


async def _start_emulator(host: str, port: int, ref: dict[str, Sandbox]) -> Emulator:
    config = EmulatorConfig(bot_token=SANDBOX_TOKEN, plain_http_web_apps=True)
    emulator = Emulator(config, static_dir=WEB_DIR)
    emulator.app.router.add_get("/_sandbox/info", _info(ref))
    emulator.app.router.add_post("/_sandbox/skip", _skip(ref))
    try:
        await emulator.start(host, port)
    except OSError as exc:
        await emulator.stop()
        if exc.errno == errno.EADDRINUSE:
            raise SandboxError(
                f"port {port} on {host} is in use: choose another with --port"
            ) from None
        raise SandboxError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return emulator


async def _prepare_database(
    runtime: Runtime, spec: EventFile, personas: dict[str, int], world: World
) -> str:
    """Migrates, imports the event, gives the personas their roles and, in a database
    without entries, adds the example entries (:mod:`bot.sandbox.examples`); returns the
    title.

    An announcement time already past with the results in the file is history (the seed's
    winners were announced on the day): it is recorded as made then, not sent as news.
    """
    await upgrade_engine(runtime.engine)
    now = runtime.now()
    async with runtime.transaction() as session:
        await import_event_file(session, spec)
    async with runtime.transaction() as session:
        edition = await current_edition(session)
        await add_admin(session, personas["admin"], now)
        if edition is not None:
            announce_at = edition.results_announce_at
            if spec.edition.results and announce_at is not None and announce_at <= now:
                mark_announced(edition, announce_at)
            unit = await session.scalar(
                select(Unit).where(Unit.edition_id == edition.id, Unit.code == OFFICER_UNIT)
            )
            if unit is not None:
                code = await create_invite(session, unit, now, max_uses=1)
                await redeem_invite(session, personas["officer"], code, now)
            judge = await add_judge(
                session,
                edition,
                user_id=personas["judge"],
                name="Dewi Lestari",
                unit_code=None,
                actor_id=personas["admin"],
                now=now,
            )
            entries = await session.scalar(
                select(func.count())
                .select_from(Submission)
                .where(Submission.edition_id == edition.id)
            )
            example_unit = await session.scalar(
                select(Unit).where(Unit.edition_id == edition.id, Unit.code == EXAMPLE_UNIT)
            )
            if example_unit is not None and not entries:
                await add_example_entries(
                    session,
                    world,
                    edition,
                    example_unit,
                    officer_id=personas["officer"],
                    judge=judge,
                    now=now,
                )
    return spec.event.short_title


def _info(sandbox_ref: dict[str, Sandbox]) -> Callable[[web.Request], Any]:
    async def info(request: web.Request) -> web.Response:
        sandbox = sandbox_ref.get("sandbox")
        if sandbox is None:
            return web.json_response({"ready": False, "personas": []})
        world = sandbox.emulator.world
        by_key = {p.key: p for p in PERSONAS}
        return web.json_response(
            {
                "ready": True,
                "next": await sandbox.next_row(),
                "bot": world.bot_user(),
                "event": sandbox.event_title,
                "personas": [
                    {
                        "key": key,
                        "user_id": user_id,
                        "name": f"{by_key[key].first_name} {by_key[key].last_name}",
                        "role": by_key[key].role,
                        "hint": by_key[key].hint,
                    }
                    for key, user_id in sandbox.personas.items()
                ],
            }
        )

    return info


def _skip(sandbox_ref: dict[str, Sandbox]) -> Callable[[web.Request], Any]:
    async def skip(request: web.Request) -> web.Response:
        sandbox = sandbox_ref.get("sandbox")
        if sandbox is None:
            return web.json_response({"ok": False, "error": "starting"}, status=503)
        sent = await sandbox.skip()
        return web.json_response({"ok": True, "sent": sent, "next": await sandbox.next_row()})

    return skip


async def start_sandbox(
    host: str,
    port: int,
    *,
    event_tomorrow: bool,
    database_url: str | None,
    settings: Settings,
    clock: Callable[[], datetime] = system_clock,
) -> Sandbox:
    """Starts the emulator with the page, prepares the database and starts the bot.

    Args:
        host: address to listen on.
        port: TCP port of the page and the emulator (0: any free port, see ``Sandbox.url``).
        event_tomorrow: move the event file's dates so the event is tomorrow (event zone).
        database_url: SQLAlchemy URL; None for a fresh ``sandbox.db`` in the working folder.
        settings: the loaded settings; token, API URLs and database are replaced.
        clock: the real "now"; the bot's clock is a :class:`SandboxClock` on it.

    Returns:
        The running sandbox; call :meth:`Sandbox.stop` to end it.

    Raises:
        SandboxError: another sandbox runs in this folder, the port is busy, or the event
            file is missing or invalid.
    """
    folder_lock = claim_folder()
    try:
        return await _start_claimed(
            host, port, event_tomorrow, database_url, settings, clock, folder_lock
        )
    except BaseException:
        folder_lock.close()
        raise


async def _start_claimed(
    host: str,
    port: int,
    event_tomorrow: bool,
    database_url: str | None,
    settings: Settings,
    clock: Callable[[], datetime],
    folder_lock: IO[str],
) -> Sandbox:
    """:func:`start_sandbox` once the folder is this process's."""
    spec = _load_event(settings)
    url = _database_url(database_url)
    sandbox_clock = SandboxClock(clock, _restored_ahead(database_url, url))
    write_state(SandboxState(url, sandbox_clock.ahead))
    if event_tomorrow:
        spec = shift_dates(spec, event_tomorrow_shift(spec, sandbox_clock()))
    spec = open_entries(spec, sandbox_clock())
    event_config = write_event_file(spec, SANDBOX_EVENT_FILE)
    ref: dict[str, Sandbox] = {}
    emulator = await _start_emulator(host, port, ref)
    try:
        bot_settings = Settings.model_validate(
            {
                **settings.model_dump(),
                "telegram_bot_token": SecretStr(SANDBOX_TOKEN),
                "telegram_api_base_url": emulator.bot_api_base_url,
                "telegram_api_file_url": emulator.file_base_url,
                "database_url": url,
                "webhook_url": None,
                "webhook_secret": None,
                "event_config": event_config,
                **_workspace_settings(host, emulator),
            }
        )
        language = bot_settings.default_language
        personas = {
            p.key: emulator.world.add_user(p.first_name, p.last_name, p.username, language).id
            for p in PERSONAS
        }
        application = build_application(bot_settings, clock=sandbox_clock)
        sandbox = Sandbox(emulator, application, sandbox_clock, personas, database_url=url)
        _name_page(folder_lock, sandbox.url)
        sandbox.event_title = await _prepare_database(
            application_runtime(application), spec, personas, emulator.world
        )
        await application.initialize()
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        await updater_of(application).start_polling(
            poll_interval=0.0, timeout=10, allowed_updates=ALLOWED_UPDATES
        )
        sandbox.web_server = WebServer(create_web_app(application, with_webhook=False))
        await sandbox.web_server.start(host, bot_settings.port)
    except BaseException:
        await emulator.stop()
        raise
    sandbox.folder_lock = folder_lock
    ref["sandbox"] = sandbox
    return sandbox


def _reachable_host(host: str) -> str:
    return "127.0.0.1" if host in ("0.0.0.0", "::", "") else host


def _workspace_settings(host: str, emulator: Emulator) -> dict[str, Any]:
    """The workspace in the sandbox: the bot's web server on a free port of ``host``, its
    own plain-http address as PUBLIC_URL (accepted here only), and the emulator's stand-in of
    telegram-web-app.js."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        port = probe.getsockname()[1]
    reachable = _reachable_host(host)
    return {
        "port": port,
        "sandbox_plain_http": True,
        "public_url": f"http://{reachable}:{port}",
        "webapp_script_url": f"http://{reachable}:{emulator.port}/static/telegram-web-app.js",
    }


def _banner(sandbox: Sandbox, event_tomorrow: bool) -> str:
    when = ""
    if event_tomorrow:
        when = " (moved to tomorrow; ⏩ in the page skips to its next reminder)"
    pages = application_runtime(sandbox.application).settings.public_url
    return (
        f"IGA bot sandbox: open {sandbox.url} — pick a persona (Siti attendee, Budi unit "
        f"officer, Dewi judge, Rahmat admin), send /start and tap the buttons. "
        f"Event: {sandbox.event_title}{when}. The bot's own web pages: {pages}/layar (the "
        f"ballroom screen), {pages}/verifikasi/KODE (certificates). Ctrl+C stops."
    )


async def _serve(
    host: str, port: int, event_tomorrow: bool, database_url: str | None, settings: Settings
) -> None:
    sandbox = await start_sandbox(
        host, port, event_tomorrow=event_tomorrow, database_url=database_url, settings=settings
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    print(_banner(sandbox, event_tomorrow), flush=True)
    try:
        await stop.wait()
    finally:
        print("Stopping the sandbox…", flush=True)
        await sandbox.stop()


def run_sandbox(
    host: str, port: int, event_tomorrow: bool, database_url: str | None, settings: Settings
) -> int:
    """Runs the sandbox until Ctrl+C (SIGINT) or SIGTERM; the ``iga-bot sandbox`` command.

    Args:
        host: address to listen on (default of the CLI: 127.0.0.1).
        port: port of the page (default of the CLI: 8080).
        event_tomorrow: shift the event's dates so it is tomorrow.
        database_url: SQLAlchemy URL, or None for a fresh ``sandbox.db``.
        settings: the loaded settings.

    Returns:
        0 after a clean stop; 2 (with one line on stderr) if another sandbox runs in this
        folder (or another bot on the same --database), the port is busy or the event file
        is unusable.
    """
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # a line every 30 s otherwise
    try:
        asyncio.run(_serve(host, port, event_tomorrow, database_url, settings))
    except (SandboxError, AnotherBotRunning) as exc:
        print(f"iga-bot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return 0
