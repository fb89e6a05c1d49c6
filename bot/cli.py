"""The command line: ``iga-bot …`` and ``python -m bot …`` are the same.

A wrong setting or argument prints one line naming it and exits with status 2, without a
traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from bot.settings import Settings, SettingsError, load_settings
from bot.setup import SetupError

if TYPE_CHECKING:
    from telegram.ext import Application

EXIT_USAGE = 2

NO_TOKEN_HELP = (
    "TELEGRAM_BOT_TOKEN is not set: talk to @BotFather in Telegram, send /newbot, and put the "
    "token it gives you in .env (see config/.env.example).\n"
    "To try the bot without a token, run `iga-bot sandbox` and open the page it prints."
)


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, status 2, as argparse does, no usage
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="iga-bot",
        description="Telegram bot of the Innovative Government Award (IGA) and its award event.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser(
        "run",
        help="run the bot (long polling; webhook mode when WEBHOOK_URL is set)",
        description="Run the bot. Uses long polling unless WEBHOOK_URL is set, in which case "
        "it listens on PORT and checks Telegram's secret-token header against WEBHOOK_SECRET.",
    )
    run.set_defaults(handler=_run)

    sandbox = commands.add_parser(
        "sandbox",
        help="try the bot in a local Telegram-like web chat, no token needed",
        description="Start the Bot API emulator, the bot (embedded SQLite, the seed event) and "
        "a web chat page on this machine.",
    )
    sandbox.add_argument("--host", default="127.0.0.1", help="address to listen on")
    sandbox.add_argument("--port", type=int, default=8080, help="port of the web page")
    sandbox.add_argument(
        "--event-tomorrow",
        action="store_true",
        help="shift the seed event's dates so the event is tomorrow (see reminders happen)",
    )
    sandbox.add_argument(
        "--database",
        default=None,
        help="SQLAlchemy URL of a database kept between starts (default: a fresh sandbox.db "
        "at every start, the clock from now); a restart on the same --database goes on at the "
        "time ⏩ had reached (sandbox-state.json), and `iga-bot attendance link --sandbox` "
        "reads this database",
    )
    sandbox.set_defaults(handler=_sandbox)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_commands.add_parser(
        "upgrade", help="apply the migrations (Alembic) up to the latest"
    )
    upgrade.set_defaults(handler=_db_upgrade)

    event = commands.add_parser("event", help="the event/competition file")
    event_commands = event.add_subparsers(dest="event_command", required=True, metavar="ACTION")
    event_import = event_commands.add_parser(
        "import",
        help="validate FILE and load it (idempotent; an edited file updates in place)",
        description="Validate the event file and load it. Nothing is written if any problem is "
        "found; each problem is printed with its location in the file.",
    )
    event_import.add_argument("file", type=Path, metavar="FILE")
    event_import.add_argument(
        "--dry-run",
        action="store_true",
        help="print what the import would change (a next edition: units, officers, judges, "
        "subscribers, admins) and write nothing",
    )
    event_import.set_defaults(handler=_event_import)
    show = event_commands.add_parser("show", help="print the loaded event, agenda and results")
    show.set_defaults(handler=_event_show)

    invite = commands.add_parser("invite", help="invite codes for unit officers")
    invite_commands = invite.add_subparsers(dest="invite_command", required=True, metavar="ACTION")
    create = invite_commands.add_parser("create", help="create an invite code for a unit")
    create.add_argument("--unit", required=True, metavar="CODE", help="unit code, e.g. DINSOS")
    create.add_argument("--days", type=int, default=30, help="days the code is valid (30)")
    create.add_argument("--uses", type=int, default=5, help="how many officers may use it (5)")
    create.set_defaults(handler=_invite_create)

    admin = commands.add_parser("admin", help="committee admins")
    admin_commands = admin.add_subparsers(dest="admin_command", required=True, metavar="ACTION")
    add = admin_commands.add_parser("add", help="make a Telegram user an admin")
    add.add_argument("user_id", type=int, metavar="USER_ID", help="numeric Telegram user id")
    add.set_defaults(handler=_admin_add)

    export = commands.add_parser(
        "export",
        help="write the committee's spreadsheets (xlsx, or one table as csv) or the documents "
        "archive (zip)",
        description="Write entries, scores, ranking, subscribers, the audit log and the "
        "self-assessment as an Excel workbook, or one table as CSV when FILE ends with .csv "
        "(they hold the results); when FILE ends with .zip, the documents archive: a folder per "
        "entry with its answers as PDF and its documents, and an index (indeks.xlsx).",
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument(
        "--sheet",
        default=None,
        help="table for CSV: entries (default), scores, ranking, subscribers, audit",
    )
    export.set_defaults(handler=_export)

    attendance = commands.add_parser(
        "attendance", help="the event day: check-in link, daftar hadir"
    )
    attendance_commands = attendance.add_subparsers(
        dest="attendance_command", required=True, metavar="ACTION"
    )
    link = attendance_commands.add_parser(
        "link",
        help="print the entrance's check-in link (today's on an event day, else the first day's)",
    )
    link.add_argument(
        "--bot", metavar="USERNAME", help="the bot's username (default: ask Telegram)"
    )
    link.add_argument(
        "--poster", type=Path, metavar="FILE", help="also write the A4 QR poster (.pdf)"
    )
    link.add_argument(
        "--session", metavar="KEY", help="the link of an agenda session that checks in separately"
    )
    link.add_argument(
        "--sandbox",
        action="store_true",
        help="the link of the `iga-bot sandbox` of this folder: its token, its database "
        "(sandbox.db, or its --database) and its day (⏩ included), as it recorded them in "
        "sandbox-state.json; DATABASE_URL is not used",
    )
    link.set_defaults(handler=_attendance_link)
    attendance_export = attendance_commands.add_parser(
        "export",
        help="write the daftar hadir (.pdf or .xlsx)",
        description="Write the daftar hadir of the current event: the government layout as PDF, "
        "or the rows as an Excel workbook, by FILE's extension.",
    )
    attendance_export.add_argument("--out", required=True, type=Path, metavar="FILE")
    attendance_export.add_argument(
        "--session", metavar="KEY", help="the daftar hadir of one agenda session (its key)"
    )
    attendance_export.set_defaults(handler=_attendance_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``iga-bot``; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace, Settings], int] = args.handler
    try:
        settings = load_settings()
        configure_logging(settings)
        return handler(args, settings)
    except (SettingsError, CliError, SetupError) as exc:
        print(f"iga-bot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


class _RedactToken(logging.Filter):
    """Replaces the bot token in every log record (the token is a secret)."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg = message.replace(self.secret, "<token>")
            record.args = None
        return True


def configure_logging(settings: Settings) -> None:
    """Log to stderr at LOG_LEVEL, with the token redacted and HTTP request logs quiet."""
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        force=True,
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    if settings.telegram_bot_token is not None:
        redact = _RedactToken(settings.telegram_bot_token.get_secret_value())
        for handler in logging.getLogger().handlers:
            handler.addFilter(redact)


ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
"""Update types the bot asks Telegram for (Bot API getUpdates / setWebhook ``allowed_updates``)."""


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import AnotherBotRunning, build_application
    from bot.setup import prepare_database

    if settings.telegram_bot_token is None:
        print(NO_TOKEN_HELP, file=sys.stderr)
        return EXIT_USAGE
    prepare_database(settings)
    application = build_application(settings)
    try:
        asyncio.run(_serve(application))
    except AnotherBotRunning as exc:
        print(f"iga-bot: {exc}", file=sys.stderr)
        return 1
    return 0


async def _serve(application: Application) -> None:
    """Run the bot until SIGTERM or Ctrl+C (start-up retries while Telegram is unreachable;
    see :func:`bot.web.server.run_bot`)."""
    from bot.web.server import run_bot

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    # What exists now (modules, catalogues, handlers: some 200,000 objects) lives as long as
    # the process. Frozen, it is no longer walked by the collector's full collections,
    # which had stopped every chat for 50-90 ms each (bench/throughput.py's p95 spikes).
    gc.freeze()
    await run_bot(application, allowed_updates=ALLOWED_UPDATES, stop=stop)


def _sandbox(args: argparse.Namespace, settings: Settings) -> int:
    try:
        from bot.sandbox.run import run_sandbox
    except ImportError as exc:  # pragma: no cover - the sandbox ships with the package
        raise CliError(f"the sandbox is not available: {exc}") from None
    return run_sandbox(
        host=args.host,
        port=args.port,
        event_tomorrow=args.event_tomorrow,
        database_url=args.database,
        settings=settings,
    )


def _db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from bot.storage.migrate import upgrade

    upgrade(settings.database_url)
    print("Database is up to date.")
    return 0


def _event_import(args: argparse.Namespace, settings: Settings) -> int:
    from bot.services.core.event_file import EventFileError, load_event_file
    from bot.setup import import_event, next_steps, prepare_database

    try:
        spec = load_event_file(args.file)
        prepare_database(settings, import_default_event=False)
        plan, report = asyncio.run(import_event(settings, spec, dry_run=args.dry_run))
    except EventFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        problems = f"{count} problem" + ("" if count == 1 else "s")
        print(f"iga-bot: {args.file}: {problems}; nothing was written.")
        return EXIT_USAGE
    for line in plan.lines():
        print(line)
    if report is None:
        print(f"Dry run of {args.file}: nothing was written.")
    elif report.changed:
        print(f"Imported {args.file}: {report.created} created, {report.updated} updated.")
    else:
        print(f"Imported {args.file}: already up to date, nothing changed.")
    if report is not None and report.changed:  # what the running bot does next (issue 19)
        for line in next_steps(settings, plan, Path(args.file)):
            print(line)
    return 0


def _event_show(args: argparse.Namespace, settings: Settings) -> int:
    from bot.setup import describe_event, prepare_database

    prepare_database(settings, import_default_event=False)
    text = asyncio.run(describe_event(settings))
    if text is None:
        raise CliError("no event is loaded: run `iga-bot event import config/event.yaml`")
    print(text)
    return 0


def _invite_create(args: argparse.Namespace, settings: Settings) -> int:
    from bot.setup import create_unit_invite, prepare_database

    if args.days < 1 or args.uses < 1:
        raise CliError("--days and --uses must be at least 1")
    prepare_database(settings)
    code, link_hint = asyncio.run(create_unit_invite(settings, args.unit, args.days, args.uses))
    print(code)
    print(link_hint)
    return 0


def _admin_add(args: argparse.Namespace, settings: Settings) -> int:
    from bot.setup import add_admin_user, prepare_database

    if args.user_id <= 0:
        raise CliError("USER_ID must be a positive Telegram user id")
    prepare_database(settings)
    added = asyncio.run(add_admin_user(settings, args.user_id))
    print(f"User {args.user_id} is {'now' if added else 'already'} an admin.")
    return 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from bot.services.committee.exports import export_file
    from bot.setup import prepare_database
    from bot.storage.database import create_engine, create_session_factory

    if not args.out.parent.is_dir():
        raise CliError(f"--out: the folder {args.out.parent} does not exist")
    prepare_database(settings)
    if args.out.suffix.lower() == ".zip":
        return _export_archive(args.out, settings)

    async def build() -> str:
        engine = create_engine(settings.database_url)
        try:
            async with create_session_factory(engine)() as session:
                return await export_file(
                    session,
                    args.out,
                    as_csv=args.out.suffix.lower() == ".csv",
                    zone=settings.zone,
                    sheet=args.sheet,
                )
        finally:
            await engine.dispose()

    try:
        content = asyncio.run(build())
    except LookupError as exc:
        raise CliError(str(exc)) from None
    print(f"Wrote {args.out} ({content}).")
    return 0


def _export_archive(out: Path, settings: Settings) -> int:
    from bot.services.evidence.archive import export_archive
    from bot.services.evidence.store import open_store
    from bot.storage.database import create_engine, create_session_factory

    async def build():
        engine, store = create_engine(settings.database_url), open_store(settings)
        try:
            async with create_session_factory(engine)() as session:
                return await export_archive(session, store, out)
        finally:
            await store.close()
            await engine.dispose()

    try:
        result = asyncio.run(build())
    except LookupError as exc:
        raise CliError(str(exc)) from None
    print(
        f"Wrote {out}: {result.entries} entries, {result.written} documents "
        f"({result.document_bytes:,} bytes), {result.problems} missing or damaged "
        "(listed in indeks.xlsx)."
    )
    return 0


def _attendance_link(args: argparse.Namespace, settings: Settings) -> int:
    from bot.setup import attendance_link, prepare_database

    if args.poster is not None and not args.poster.parent.is_dir():
        raise CliError(f"--poster: the folder {args.poster.parent} does not exist")
    now = None
    if args.sandbox:
        settings, args.bot, now = _sandbox_link_settings(settings, args.bot)
    elif not settings.checkin_secret and settings.telegram_bot_token is None:
        # the link is an HMAC keyed by one of them: printed without, no running bot takes it
        raise CliError(
            "neither CHECKIN_SECRET nor TELEGRAM_BOT_TOKEN is set, so no running bot would "
            "accept the link; set the one the bot runs with, or add --sandbox for the sandbox"
        )
    else:
        prepare_database(settings)
    link, day, pdf = asyncio.run(
        attendance_link(settings, args.bot, args.poster is not None, args.session, now)
    )
    print(link)
    print(f"Valid on {day.isoformat()} only.", file=sys.stderr)
    if pdf is not None:
        args.poster.write_bytes(pdf)
        print(f"Wrote {args.poster}.", file=sys.stderr)
    return 0


def _sandbox_link_settings(settings: Settings, bot: str | None) -> tuple[Settings, str, datetime]:
    """The settings, bot username and "now" of the sandbox of the working folder (its fixed
    token; the database and the clock it recorded: ``sandbox.db`` or its ``--database``, the
    real time plus what ⏩ skipped), read as they are: no migration, no import of the event
    file, which would undo ``--event-tomorrow``. The sandbox's own database, not
    DATABASE_URL's nor a ``sandbox.db`` left by an earlier run."""
    from pydantic import SecretStr

    from bot.sandbox.config import EmulatorConfig
    from bot.sandbox.run import SANDBOX_TOKEN, STATE_FILE, read_state

    state = read_state()
    if state is None:
        raise CliError(
            f"--sandbox: no sandbox has run in this folder (no {STATE_FILE}); start "
            "`iga-bot sandbox` here"
        )
    _require_sqlite_file(state.database_url)
    sandbox = settings.model_copy(
        update={"telegram_bot_token": SecretStr(SANDBOX_TOKEN), "database_url": state.database_url}
    )
    return sandbox, bot or EmulatorConfig().bot_username, datetime.now(UTC) + state.ahead


def _require_sqlite_file(url: str) -> None:
    """A SQLite file the sandbox recorded must still be there (a /tmp file cleaned, a folder
    moved): opening it gave a long traceback, or an empty new database."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return
    if not Path(database).is_file():
        raise CliError(
            f"--sandbox: the sandbox's database {url} cannot be opened (the file is gone); "
            "start `iga-bot sandbox` here again"
        )


def _attendance_export(args: argparse.Namespace, settings: Settings) -> int:
    from bot.setup import attendance_export, prepare_database

    suffix = args.out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise CliError("--out: give a file ending with .pdf or .xlsx")
    if not args.out.parent.is_dir():
        raise CliError(f"--out: the folder {args.out.parent} does not exist")
    prepare_database(settings)
    content, count = asyncio.run(attendance_export(settings, suffix == ".xlsx", args.session))
    args.out.write_bytes(content)
    print(f"Wrote {args.out} ({count} people).")
    return 0
