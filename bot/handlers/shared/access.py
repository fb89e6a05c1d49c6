"""The role guard every admin and judge command and button goes through.

Security: every command and every button checks the role on the server at the moment of use
(:func:`requires`); a forged or replayed callback from someone without the role changes
nothing, gets a polite refusal and is recorded in the audit log (``access.denied``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.constants import ParseMode

from bot.handlers.shared.context import BotContext
from bot.handlers.shared.text import alert_text
from bot.i18n import t
from bot.runtime import Runtime
from bot.services.core import audit
from bot.services.core.admins import is_admin
from bot.services.core.events import current_edition
from bot.services.core.roles import Role, Roles, roles_of
from bot.storage.models import Edition

logger = logging.getLogger(__name__)


@dataclass
class Access:
    """What a guarded handler gets: its transaction, the edition, the user's roles now, the
    language and the current instant."""

    session: AsyncSession
    edition: Edition
    roles: Roles
    language: str
    now: datetime
    runtime: Runtime

    def t(self, key: str, /, **args: object) -> str:
        """Catalogue text in the user's language."""
        return t(self.language, key, **args)

    async def commit(self) -> None:
        """Commit what was done so far, before telling anyone it is done."""
        await self.session.commit()


Guarded = Callable[..., Awaitable[Any]]
"""A guarded handler: ``(update, context, access, *more)``."""


def attempted_action(update: Update) -> str:
    """What the update tried, for the audit log: ``callback:<data>`` or ``message:<text>``."""
    if update.callback_query is not None:
        return f"callback:{update.callback_query.data}"
    message = update.effective_message
    return f"message:{(message.text or '')[:60]}" if message else "update"


async def admin_or_refuse(update: Update, context: BotContext) -> bool:
    """Whether the user is an admin now (``ADMIN_IDS`` or an ``admins`` row). When not, the
    attempt is audited (``access.denied``) and logged, and the user gets the catalogue text
    ``committee-only`` (an alert for a button). The admin-only commands outside
    :func:`requires` use it."""
    runtime = context.runtime
    user = update.effective_user
    async with runtime.transaction() as session:
        admin = user is not None and await is_admin(session, user.id, runtime.settings.admin_ids)
        if not admin and user is not None:
            audit.record_denied(
                session,
                now=runtime.now(),
                actor_id=user.id,
                attempted=attempted_action(update),
                role=Role.ADMIN.value,
            )
    if admin:
        return True
    logger.warning(
        "Refused %s to user %s (needs admin)", attempted_action(update), user and user.id
    )
    language = await context.language()
    await answer_briefly(update, t(language, "committee-only"), alert=True)
    return False


async def answer_briefly(update: Update, text: str, *, alert: bool = False) -> None:
    """Answer a button tap with a short notice, or reply to a message."""
    if update.callback_query is not None:
        await update.callback_query.answer(alert_text(text), show_alert=alert)
    elif update.effective_message is not None:
        await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML)


def requires(role: Role) -> Callable[[Guarded], Callable[..., Awaitable[None]]]:
    """Decorator: run the handler with a session only if the user has ``role`` now.

    The handler commits (:meth:`Access.commit`) before it reports a change; what is left is
    committed when it returns, and rolled back if it raises.

    Without the role: nothing runs, the attempt is audited (``access.denied``) and logged, and
    the user gets the catalogue text ``committee-only`` (an alert for a button).
    """

    def decorate(func: Guarded) -> Callable[..., Awaitable[None]]:
        @functools.wraps(func)
        async def handler(update: Update, context: BotContext, *args: Any) -> None:
            user = update.effective_user
            if user is None:
                return
            runtime = context.runtime
            language = await context.language()
            outcome = "ok"
            async with runtime.sessions() as session:
                edition = await current_edition(session)
                roles = await roles_of(
                    session,
                    user.id,
                    admin_ids=runtime.settings.admin_ids,
                    edition_id=edition.id if edition else None,
                )
                if not roles.has(role):
                    audit.record_denied(
                        session,
                        now=runtime.now(),
                        actor_id=user.id,
                        attempted=attempted_action(update),
                        role=role.value,
                    )
                    outcome = "denied"
                elif edition is None:
                    outcome = "no-edition"
                else:
                    access = Access(session, edition, roles, language, runtime.now(), runtime)
                    await func(update, context, access, *args)
                await session.commit()
            if outcome == "denied":
                logger.warning(
                    "Refused %s to user %s (needs %s)",
                    attempted_action(update),
                    user.id,
                    role.value,
                )
                await answer_briefly(update, t(language, "committee-only"), alert=True)
            elif outcome == "no-edition":
                await answer_briefly(update, t(language, "no-edition"), alert=True)

        return handler

    return decorate
