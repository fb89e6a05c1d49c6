"""``build_application(settings)``: the one place where handlers, jobs and storage are wired."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults

from bot.flood_control import RetryOnFloodControl
from bot.handlers.announcements import broadcasts, schedule_changes, subscriptions, winners
from bot.handlers.announcements import reminders as scheduler
from bot.handlers.attendance import checkin, rsvp
from bot.handlers.attendance import committee as attendance_committee
from bot.handlers.attendees import agenda, calendar, faq, speakers, venue
from bot.handlers.certificates import committee as certificates_committee
from bot.handlers.certificates import issuing as certificates_issuing
from bot.handlers.certificates import mine as certificates_mine
from bot.handlers.committee import exports, reopen
from bot.handlers.committee import review as committee
from bot.handlers.core import chats, command_menu, errors, fallback, private_only, start
from bot.handlers.core import language as language_choice
from bot.handlers.editions import archive
from bot.handlers.entries import form as entries
from bot.handlers.entries import joining as onboarding
from bot.handlers.evaluation import survey as evaluation
from bot.handlers.evidence import committee as evidence_committee
from bot.handlers.evidence import downloads as evidence_downloads
from bot.handlers.judging import ranking
from bot.handlers.judging import scoring as judging
from bot.handlers.questions import asking as questions
from bot.handlers.questions import moderation as question_moderation
from bot.handlers.shared.context import CONTEXT_TYPES
from bot.handlers.workspace import entry_points as workspace
from bot.outbox import sender as outbox_sender
from bot.runtime import RUNTIME, Runtime, application_runtime, system_clock
from bot.settings import Settings
from bot.slots import Slot
from bot.storage.database import create_engine, create_session_factory
from bot.storage.locking import LockTaken, ProcessLock, hold_process_lock
from bot.update_ledger import (
    LEDGER,
    HandledUpdateQueue,
    LedgerApplication,
    LedgerRequest,
    UpdateLedger,
    UpdateSession,
)
from bot.update_processing import ChatOrderedProcessor, IgaBot, PollingInbox

FEATURES = (
    chats,
    private_only,
    start,
    broadcasts,
    entries,
    onboarding,
    reopen,
    agenda,
    venue,
    speakers,
    calendar,
    faq,
    subscriptions,
    language_choice,
    schedule_changes,
    winners,
    archive,
    scheduler,
    committee,
    judging,
    ranking,
    exports,
    evidence_committee,
    checkin,
    rsvp,
    attendance_committee,
    workspace,
    questions,
    question_moderation,
    certificates_issuing,
    certificates_committee,
    certificates_mine,
    evaluation,
    fallback,
    errors,
)
"""Handler modules, each with ``register(application)``, in registration order."""

CONNECTIONS = 256
"""Most connections to the Bot API at once for replies and jobs (python-telegram-bot's
default); getUpdates has its own single connection."""


PROCESS_LOCK: Slot[ProcessLock] = Slot("process_lock")
"""The :class:`~bot.storage.locking.ProcessLock` this process holds (none: it shares the
database with other webhook replicas)."""


class AnotherBotRunning(Exception):
    """Another bot process holds this database (SQLite) or polls for this bot (PostgreSQL)."""


async def _claim_database(application: Application) -> None:
    """Refuse to run beside another process where that is unsafe: on SQLite (one process per
    database) and when polling (Telegram allows one getUpdates at a time). Webhook replicas
    on PostgreSQL share the work."""
    runtime = application_runtime(application)
    settings, engine = runtime.settings, runtime.engine
    if settings.is_sqlite:
        name = "sqlite"
        refusal = (
            f"another bot process is using this SQLite database ({settings.database_url}); "
            "SQLite allows one: stop it first (several processes need PostgreSQL and WEBHOOK_URL)"
        )
    elif not settings.webhook_url:
        name = f"polling:{application.bot.id}"
        refusal = (
            f"another bot process is already polling Telegram for bot {application.bot.id} on "
            "this database; stop it first (several processes need WEBHOOK_URL)"
        )
    else:
        return
    try:
        PROCESS_LOCK.put(application, await hold_process_lock(engine, name))
    except LockTaken:
        raise AnotherBotRunning(refusal) from None


async def _post_init(application: Application) -> None:
    await _claim_database(application)
    await LEDGER.of(application).load(application.bot.id)
    await application.bot.inbox.load(application.bot)
    default = application_runtime(application).settings.default_language
    await command_menu.set_public_menus(application.bot, default)
    await command_menu.set_personal_menus(application, officers=False)
    command_menu.start_officer_menus(application)
    sender = outbox_sender.SENDER.of(application)
    sender.exclusive = PROCESS_LOCK.get(application) is not None  # no other sender can run
    await sender.start()
    await evidence_downloads.WORKER.of(application).start()
    await scheduler.schedule_pending(application)


async def _post_stop(application: Application) -> None:
    await command_menu.stop_officer_menus(application)
    await outbox_sender.SENDER.of(application).stop()
    await evidence_downloads.WORKER.of(application).stop()


async def _post_shutdown(application: Application) -> None:
    if (lock := PROCESS_LOCK.take(application)) is not None:
        await lock.release()
    await application_runtime(application).engine.dispose()


DEFAULTS = Defaults(parse_mode=ParseMode.HTML)
"""Every text the bot sends is HTML (catalogue texts, their arguments escaped by ``t``): a
``send_*``/``edit_*`` call passes ``parse_mode`` only to send plain text (``None``). Calls
through ``Bot.do_api_request`` (``reply_html``, the outbox's sender, the update ledger's
replay of a recorded reply) get no defaults and name the mode themselves."""


def build_application(
    settings: Settings, *, clock: Callable[[], datetime] = system_clock
) -> Application:
    """Build the bot: python-telegram-bot Application with every feature registered.

    Args:
        settings: Loaded settings; ``telegram_bot_token`` must be set.
        clock: Source of "now" (aware datetimes); tests inject a controllable clock.

    Returns:
        The application, not yet initialised or started.

    Raises:
        ValueError: No token in the settings.
    """
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    engine = create_engine(settings.database_url)
    runtime = Runtime(
        settings=settings,
        engine=engine,
        sessions=create_session_factory(engine, UpdateSession),
        clock=clock,
    )
    queue = HandledUpdateQueue()
    bot = IgaBot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=settings.telegram_api_base_url,
        base_file_url=settings.telegram_api_file_url,
        request=LedgerRequest(connection_pool_size=CONNECTIONS),
        rate_limiter=RetryOnFloodControl(),
        inbox=PollingInbox(runtime.sessions, queue),
        defaults=DEFAULTS,
    )
    application = (
        ApplicationBuilder()
        .application_class(LedgerApplication)
        .context_types(CONTEXT_TYPES)
        .bot(bot)
        .update_queue(queue)
        .concurrent_updates(ChatOrderedProcessor())
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build()
    )
    RUNTIME.put(application, runtime)
    LEDGER.put(application, UpdateLedger(engine, clock))
    outbox_sender.install(application)
    evidence_downloads.install(application)
    for feature in FEATURES:
        feature.register(application)
    return application
