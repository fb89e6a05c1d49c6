"""The one error handler: log the exception, tell the user politely, reveal no internals."""

from __future__ import annotations

import logging

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from telegram import Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application

from bot.handlers.shared.context import BotContext
from bot.handlers.shared.text import alert_text
from bot.handlers.shared.updates import MissingUpdatePart
from bot.i18n import t
from bot.services.core.edition_guard import EditionClosed

logger = logging.getLogger(__name__)


def _is_storage_outage(error: BaseException | None) -> bool:
    """Whether the database could not be reached (PostgreSQL restarting, network blip)."""
    if isinstance(error, OperationalError | InterfaceError):
        return True
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, ConnectionError | TimeoutError)


async def on_error(update: object, context: BotContext) -> None:
    """Logs the error with its traceback and tells the user politely: to try again shortly
    when the database is unreachable, else a generic apology. No internals are shown. In an
    outage a tapped button's callback query is answered, so the button stops spinning."""
    if isinstance(context.error, EditionClosed):
        await _closed_edition(update, context, context.error)
        return
    incomplete = isinstance(context.error, MissingUpdatePart)
    if incomplete:  # no bug of ours to trace: an update without what its handler reads
        logger.warning("Update %s not handled: %s", _update_id(update), context.error)
    else:
        logger.error("Error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if isinstance(context.error, Forbidden):
        return
    try:
        language = await context.language()
    except Exception:  # the database may be what failed
        language = context.runtime.settings.default_language
    outage = _is_storage_outage(context.error)
    if (outage or incomplete) and update.callback_query is not None:
        # stop the button's spinner (the text follows); most handlers answer after their
        # transaction, so after a database failure the query is usually still unanswered
        try:
            await update.callback_query.answer()
        except TelegramError:
            pass
    try:
        key = "error-unavailable" if outage else "error-generic"
        await context.bot.send_message(update.effective_chat.id, t(language, key))
    except TelegramError:
        logger.warning("Could not tell chat %s about the error", update.effective_chat.id)


def _update_id(update: object) -> int | None:
    return update.update_id if isinstance(update, Update) else None


async def _closed_edition(update: object, context: BotContext, closed: EditionClosed) -> None:
    """A write to a closed edition (:mod:`bot.services.core.edition_guard`) was refused and
    its transaction rolled back: say so politely, as an alert on a tapped button."""
    logger.info("Refused a change to the closed edition %s", closed.code)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    text = t(await context.language(), "edition-closed", year=str(closed.year))
    if update.callback_query is not None:
        try:
            await update.callback_query.answer(alert_text(text), show_alert=True)
            return
        except TelegramError:  # answered already: the text goes to the chat
            pass
    try:
        await context.bot.send_message(update.effective_chat.id, text)
    except TelegramError:
        logger.warning("Could not tell chat %s about the closed edition", update.effective_chat.id)


def register(application: Application) -> None:
    """Installs :func:`on_error`."""
    application.add_error_handler(on_error)
