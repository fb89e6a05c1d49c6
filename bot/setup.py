"""Operations the command line runs outside the bot's event loop: preparing the database,
importing the event file, describing what is loaded, invites and admins."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from bot.i18n import format_day, format_moment, format_time_range
from bot.i18n import plain_text as t
from bot.services.core.admins import add_admin
from bot.services.core.event_file import EventFile, EventFileError, load_event_file
from bot.services.core.event_import import ImportReport, import_event_file
from bot.services.core.events import (
    current_edition,
    current_event,
    current_event_view,
    unit_by_code,
)
from bot.services.editions.archive import archived_editions
from bot.services.editions.succession import ImportPlan, import_edition, plan_import
from bot.services.entries.invites import create_invite, format_code
from bot.services.judging.results import visible_awards
from bot.settings import Settings
from bot.storage.database import create_engine, create_session_factory
from bot.storage.locking import transaction_lock
from bot.storage.models import Edition, Event

logger = logging.getLogger(__name__)


class SetupError(Exception):
    """A problem the operator must fix (printed as one line by the CLI)."""


def prepare_database(settings: Settings, *, import_default_event: bool = True) -> None:
    """Make the database ready for a newcomer: on SQLite, apply the migrations; when no event
    is loaded yet and EVENT_CONFIG exists, import it.

    On PostgreSQL the migrations are a release step (``iga-bot db upgrade``), not done here.
    """
    if settings.is_sqlite:
        from bot.storage.migrate import upgrade  # Alembic only where it runs: not on PostgreSQL

        upgrade(settings.database_url)
    if import_default_event and settings.event_config.exists():
        asyncio.run(_import_if_empty(settings))


async def _import_if_empty(settings: Settings) -> None:
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            # replicas started together on an empty database: one imports, the others wait
            # for it here and then find the event (both importing, one failed and exited)
            await transaction_lock(session, "import-default-event")
            if await session.scalar(select(func.count()).select_from(Event)):
                return
            try:
                spec = load_event_file(settings.event_config)
            except EventFileError as exc:
                logger.warning("EVENT_CONFIG %s not loaded:\n%s", settings.event_config, exc)
                return
            await import_event_file(session, spec)
        logger.info("Loaded the event from %s", settings.event_config)
    finally:
        await engine.dispose()


async def import_event(
    settings: Settings, spec: EventFile, *, dry_run: bool = False
) -> tuple[ImportPlan, ImportReport | None]:
    """Import a validated event file in one transaction, as
    :func:`bot.services.editions.succession.import_edition` does (a next edition starts beside
    the old one); with ``dry_run`` only plan it, writing nothing.

    Returns:
        The plan and the import's report (None for a dry run).

    Raises:
        EventFileError: The file cannot be imported here (each problem located); nothing
            was written.
    """
    engine = create_engine(settings.database_url)
    try:
        if dry_run:
            async with create_session_factory(engine)() as session:
                plan = await plan_import(session, spec)
                await session.rollback()
            if plan.problems:
                raise EventFileError(plan.problems)
            return plan, None
        async with create_session_factory(engine)() as session, session.begin():
            return await import_edition(session, spec, datetime.now(UTC))
    finally:
        await engine.dispose()


async def _serving(settings: Settings, now: datetime) -> tuple[Event | None, Edition | None]:
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session:
            return await current_event(session, now), await current_edition(session)
    finally:
        await engine.dispose()


def next_steps(
    settings: Settings, plan: ImportPlan, file: Path, now: datetime | None = None
) -> list[str]:
    """What a running bot does after ``file`` was imported (English, as the CLI speaks): it
    reads the new data within a second (the cache versions), no restart needed; with a new
    edition, which edition each part serves now (issue 19: the old edition's award event may
    still be ahead) and that EVENT_CONFIG, which /muat_ulang reloads and a start reads, must
    name the new file. ``now``: the moment (default the real one). Runs its own event loop
    (call it outside one)."""
    event, edition = asyncio.run(_serving(settings, now or datetime.now(UTC)))
    if edition is None:
        return []
    lines = ["A running bot reads this within a second; no restart is needed."]
    if plan.new_edition and plan.previous is not None:
        lines.append(
            f"From now on entries, judging and the committee's lists are of {edition.name}; "
            f"{plan.previous} is read-only (/entries {edition.year - 1}, /ranking "
            f"{edition.year - 1} and /arsip show it)."
        )
    if event is not None and event.edition is not None and event.edition.id != edition.id:
        lines.append(
            f"Attendees keep the event of {event.edition.name} ({event.title}: agenda, "
            f"reminders, winners) until its last day, {event.ends_on:%Y-%m-%d}; then the "
            f"event of {edition.name}."
        )
    elif event is not None:
        lines.append(f"Attendees get the event of {edition.name} ({event.title}).")
    if settings.event_config.resolve() != file.resolve():
        lines.append(
            f"EVENT_CONFIG still names {settings.event_config}: set it to {file} and restart "
            "the bot, so that /muat_ulang (/reload) reloads this file."
        )
    if not plan.new_edition:
        lines.append(
            "Attendees are not told about agenda changes imported here: use /muat_ulang in "
            "the bot for changes they should hear about."
        )
    return lines


async def describe_event(settings: Settings) -> str | None:
    """The loaded event as text for the office, dates and times in the default language.

    Returns:
        The text, or None if no event is loaded.
    """
    language = settings.default_language
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session:
            event = await current_event_view(session, datetime.now(UTC))
            edition = await current_edition(session)
            if event is None:
                return None
            zone = ZoneInfo(event.timezone)
            lines = [
                event.title,
                t(language, "show-organiser", organiser=event.organiser),
                t(language, "show-day", day=format_day(event.starts_on, language)),
            ]
            if event.venue:
                lines.append(
                    t(language, "show-venue", venue=f"{event.venue.name}, {event.venue.city}")
                )
            lines.append("")
            lines.append(t(language, "show-agenda"))
            for item in event.agenda:
                if item.cancelled:
                    continue
                speakers = ", ".join(speaker.name for speaker in item.speakers)
                line = f"  {format_time_range(item.starts_at, item.ends_at, zone, language)}  "
                line += item.title + (f" ({speakers})" if speakers else "")
                lines.append(line)
            if edition is not None:
                lines.append("")
                lines.append(edition.name)
                archived = await archived_editions(session)
                if archived:  # which edition is current, which are closed (issue 19)
                    lines.append(
                        t(language, "show-editions", current=edition.code,
                          closed=", ".join(e.code for e in archived))
                    )  # fmt: skip
                if edition.entries_close_at:
                    lines.append(
                        t(
                            language,
                            "show-entries-close",
                            moment=format_moment(edition.entries_close_at, zone, language),
                        )
                    )
                # the operator sees the results before the announcement, as admins do
                awards = await visible_awards(
                    session, edition, datetime.now(UTC), viewer_is_admin=True
                )
                if awards:
                    lines.append(t(language, "show-results"))
                for award in awards:
                    lines.append(f"  {award.title}, {award.unit.name}: {award.innovation}")
            return "\n".join(lines)
    finally:
        await engine.dispose()


async def create_unit_invite(
    settings: Settings, unit_code: str, days: int, uses: int
) -> tuple[str, str]:
    """Create an invite for the unit ``unit_code`` of the current edition.

    Returns:
        The code as shown to people, and a line explaining how an officer uses it.

    Raises:
        SetupError: No edition is loaded, or no unit has that code.
    """
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            edition = await current_edition(session)
            if edition is None:
                raise SetupError("no edition is loaded: import the event file first")
            unit = await unit_by_code(session, edition, unit_code)
            if unit is None:
                known = ", ".join(u.code for u in edition.units[:8])
                raise SetupError(f"--unit: no unit '{unit_code}' in {edition.code} ({known}, …)")
            now = datetime.now(UTC)
            code = await create_invite(
                session, unit, now, valid_for=timedelta(days=days), max_uses=uses
            )
        return (
            format_code(code),
            t(
                settings.default_language,
                "invite-created-hint",
                unit=unit.name,
                code=format_code(code),
                days=days,
                uses=uses,
            ),
        )
    finally:
        await engine.dispose()


async def add_admin_user(settings: Settings, user_id: int) -> bool:
    """Make ``user_id`` an admin; returns False if already one."""
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            return await add_admin(session, user_id, datetime.now(UTC))
    finally:
        await engine.dispose()


async def attendance_link(
    settings: Settings,
    bot_username: str | None,
    poster: bool,
    session_key: str | None = None,
    now: datetime | None = None,
) -> tuple[str, date, bytes | None]:
    """The check-in link of the current event (today's on an event day, else the first
    day's), or of its agenda session ``session_key``; its day; and with ``poster`` the A4 QR
    poster (PDF bytes). ``now``: the bot's "now" (the sandbox's clock; default the real one).

    Raises:
        SetupError: No event is loaded, the session does not check in separately, or the
            bot's username is unknown (no token and no ``--bot``).
    """
    from bot.services.attendance import link as checkin_link

    if bot_username is None:
        bot_username = await _bot_username(settings)
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session:
            event = await current_event_view(session, now or datetime.now(UTC))
    finally:
        await engine.dispose()
    if event is None:
        raise SetupError("no event is loaded: run `iga-bot event import config/event.yaml`")
    if session_key is not None and session_key not in checkin_link.sessions_of(event):
        known = ", ".join(checkin_link.sessions_of(event)) or "none in attendance.sessions"
        raise SetupError(f"--session: '{session_key}' does not check in separately ({known})")
    day = checkin_link.link_day(event, now or datetime.now(UTC))
    link = checkin_link.link_for(
        bot_username.lstrip("@"),
        checkin_link.payload_for(checkin_link.secret_of(settings), event, day, session_key),
    )
    pdf = None
    if poster:
        from bot.services.attendance.documents import build_poster

        item = next((i for i in event.agenda if i.key == session_key), None)
        pdf = build_poster(event, link, day, language=settings.default_language,
                           session=item.title if item else None)  # fmt: skip
    return link, day, pdf


async def _bot_username(settings: Settings) -> str:
    if settings.telegram_bot_token is None:
        raise SetupError("give --bot USERNAME (TELEGRAM_BOT_TOKEN is not set to ask Telegram)")
    from telegram import Bot

    bot = Bot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=settings.telegram_api_base_url,
        base_file_url=settings.telegram_api_file_url,
    )
    async with bot:
        return bot.username


async def attendance_export(
    settings: Settings, as_xlsx: bool, session_key: str | None = None
) -> tuple[bytes, int]:
    """The current event's daftar hadir, or its session ``session_key``'s (PDF, or XLSX),
    and how many people it lists.

    Raises:
        SetupError: No event is loaded.
    """
    from bot.services.attendance import documents
    from bot.services.attendance.records import UnknownSession, listing

    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session:
            event = await current_event_view(session, datetime.now(UTC))
            if event is None:
                raise SetupError("no event is loaded: run `iga-bot event import config/event.yaml`")
            try:
                rows = await listing(session, event, session_key)
            except UnknownSession:
                raise SetupError(
                    f"--session: '{session_key}' does not check in separately"
                ) from None
    finally:
        await engine.dispose()
    content, _ = documents.build_listing(
        event, rows, as_xlsx=as_xlsx, language=settings.default_language
    )
    return content, len(rows.records)
