"""The role guard every admin and judge command and button goes through.

Security: every command and every button checks the role on the server at the moment of use
(:func:`requires`); a forged or replayed callback from someone without the role changes
nothing, gets a polite refusal and is recorded in the audit log (``access.denied``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.handlers.shared.context import BotContext
from bot.handlers.shared.groups import in_group, redirect_to_private
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

    async def edition_refusal(self, edition_id: int | None, *, viewing: bool = False) -> str | None:
        """Why a button packed for edition ``edition_id`` may not act now, politely in the
        user's language, or None when it is this edition (the current one, open).

        A button does not follow "the current edition" (issue 19): one sent before the next
        edition's import would otherwise act on the new edition. ``edition_id`` None: a
        button from before buttons carried their edition. ``viewing``: a button that only
        shows (a list's page), answered "this is IGA <year>'s, send the command again" also
        for a closed edition.
        """
        if edition_id == self.edition.id:
            return None
        tapped = await self.session.get(Edition, edition_id) if edition_id is not None else None
        if tapped is None:
            return self.t("edition-button-outdated")
        if tapped.closed_at is not None and not viewing:
            return self.t("edition-closed", year=str(tapped.year))
        return self.t("edition-button-other", year=str(tapped.year), current=str(self.edition.year))


Guarded = Callable[..., Awaitable[Any]]
"""A guarded handler: ``(update, context, access, *more)``."""
Handler = Callable[..., Coroutine[Any, Any, Any]]
"""What a decorator returns: a coroutine function, as python-telegram-bot's handlers take."""


def attempted_action(update: Update) -> str:
    """What the update tried, for the audit log: ``callback:<data>`` or ``message:<text>``."""
    if update.callback_query is not None:
        return f"callback:{update.callback_query.data}"
    message = update.effective_message
    return f"message:{(message.text or '')[:60]}" if message else "update"


Check = Callable[[AsyncSession, Runtime, int], Awaitable[bool]]
"""Whether user ``user_id`` may act now (reads only): ``(session, runtime, user_id)``."""


@dataclass(frozen=True)
class Requirement:
    """Who may do something, for the guard (:func:`guarded`, :func:`has_role_or_refuse`).

    Attributes:
        role: The role's name, written in the audit log of a refusal.
        check: Whether a user has it now (from the database at the moment of use).
        refusal: Catalogue key of the polite refusal.
    """

    role: str
    check: Check
    refusal: str = "committee-only"


async def _has_role(role: Role, session: AsyncSession, runtime: Runtime, user_id: int) -> bool:
    if role is Role.ADMIN:
        return await is_admin(session, user_id, runtime.settings.admin_ids)
    return (await _edition_and_roles(session, runtime, user_id))[1].has(role)


async def _in_committee(session: AsyncSession, runtime: Runtime, user_id: int) -> bool:
    roles = (await _edition_and_roles(session, runtime, user_id))[1]
    return roles.admin or roles.judge is not None


COMMITTEE = Requirement("committee", _in_committee)
"""An admin or a judge of the current edition (the workspace's users)."""


def requirement_of(role: Role | Requirement) -> Requirement:
    """``role`` as a :class:`Requirement` (a :class:`Role`: held now, per :func:`roles_of`)."""
    if isinstance(role, Requirement):
        return role
    return Requirement(role.value, functools.partial(_has_role, role))


async def has_role_or_refuse(update: Update, context: BotContext, role: Role | Requirement) -> bool:
    """Whether the user has ``role`` now (read, nothing written). When not: the refusal, the
    one way every guard refuses (:func:`refuse`). Call it before the handler writes anything
    (better: decorate the handler with :func:`guarded` or :func:`requires`).

    In a group it is False for a holder too (QA #24): what a role shows (entries with contact
    phones, exports, the ranking, the audit log) would reach every member, so the holder is
    only pointed to the private chat (:func:`to_private_chat`)."""
    runtime = context.runtime
    user = update.effective_user
    if user is None:
        return False
    requirement = requirement_of(role)
    async with runtime.sessions() as session:
        allowed = await requirement.check(session, runtime, user.id)
    if not allowed:
        await refuse(update, context, requirement)
        return False
    if in_group(update):
        await to_private_chat(update, context)
        return False
    return True


async def to_private_chat(update: Update, context: BotContext) -> None:
    """A role holder's command or button in a group: the one polite pointer to the private
    chat (a link button; a tap gets an alert only the tapper sees), nothing else sent there
    and nothing written, not an access refusal (not audited)."""
    await redirect_to_private(update, context, None, key="group-use-private")


async def _edition_and_roles(
    session: AsyncSession, runtime: Runtime, user_id: int
) -> tuple[Edition | None, Roles]:
    edition = await current_edition(session)
    roles = await roles_of(
        session,
        user_id,
        admin_ids=runtime.settings.admin_ids,
        edition_id=edition.id if edition else None,
    )
    return edition, roles


async def admin_or_refuse(update: Update, context: BotContext) -> bool:
    """Whether the user is an admin now (``ADMIN_IDS`` or an ``admins`` row), else refused
    (:func:`has_role_or_refuse` with :attr:`Role.ADMIN`). For code that cannot be
    decorated (an input route); handlers take :func:`guarded`."""
    return await has_role_or_refuse(update, context, Role.ADMIN)


async def refuse(update: Update, context: BotContext, role: Role | Requirement) -> None:
    """Refuse the update: the attempt is audited (``access.denied``) in the update's
    transaction, which writes nothing else (with the update's ledger row, so a redelivered
    refusal is not audited twice), then logged, and the user gets the requirement's polite
    text in their language (``committee-only`` for a role; an alert for a button, so it
    never spins)."""
    runtime = context.runtime
    requirement = requirement_of(role)
    user = update.effective_user
    if user is not None:
        async with runtime.transaction() as session:
            audit.record_denied(
                session,
                now=runtime.now(),
                actor_id=user.id,
                attempted=attempted_action(update),
                role=requirement.role,
            )
    logger.warning(
        "Refused %s to user %s (needs %s)",
        attempted_action(update),
        user and user.id,
        requirement.role,
    )
    language = await context.language()
    await answer_briefly(update, t(language, requirement.refusal), alert=True)


GUARD_ATTRIBUTE = "guarded_role"
"""Attribute set on a handler wrapped by :func:`guarded` or :func:`requires`: the
:class:`Requirement` it needs (the refusal tests find every guarded handler of the
application by it)."""


def guarded(role: Role | Requirement) -> Callable[[Callable[..., Awaitable[Any]]], Handler]:
    """Decorator: run the handler only if the user has ``role`` now; otherwise refuse
    (:func:`refuse`) before anything else runs, so a refused user causes no write but the
    audit of the refusal. For handlers that open their own transactions; those that want one
    opened for them take :func:`requires`."""

    def decorate(func: Callable[..., Awaitable[Any]]) -> Handler:
        @functools.wraps(func)
        async def handler(update: Update, context: BotContext, *args: Any) -> Any:
            if not await has_role_or_refuse(update, context, role):
                return None
            return await func(update, context, *args)

        setattr(handler, GUARD_ATTRIBUTE, requirement_of(role))
        return handler

    return decorate


async def answer_briefly(update: Update, text: str, *, alert: bool = False) -> None:
    """Answer a button tap with a short notice, or reply to a message."""
    if update.callback_query is not None:
        await update.callback_query.answer(alert_text(text), show_alert=alert)
    elif update.effective_message is not None:
        await update.effective_message.reply_text(text)


def requires(role: Role) -> Callable[[Guarded], Handler]:
    """Decorator: run the handler with a session only if the user has ``role`` now.

    The session is the update's transaction (``runtime.transaction(replying=True)``): the
    handler writes, then answers, and its first Bot API call commits what it wrote together
    with the update's ledger row and that reply, so the action takes effect exactly once and
    is answered again after a crash (:mod:`bot.update_ledger`). Rolled back if it raises
    before answering.

    Without the role: nothing runs and nothing is written but the refusal's audit
    (:func:`refuse`, as :func:`guarded`). In a group, the holder is pointed to the private
    chat (:func:`to_private_chat`), as :func:`guarded` does.
    """

    def decorate(func: Guarded) -> Handler:
        @functools.wraps(func)
        async def handler(update: Update, context: BotContext, *args: Any) -> None:
            user = update.effective_user
            if user is None:
                return
            runtime = context.runtime
            language = await context.language()
            outcome = "ok"
            async with runtime.transaction(replying=True) as session:
                edition, roles = await _edition_and_roles(session, runtime, user.id)
                if not roles.has(role):
                    outcome = "denied"  # nothing written in this session: refuse() audits
                elif in_group(update):
                    outcome = "group"
                elif edition is None:
                    outcome = "no-edition"
                else:
                    access = Access(session, edition, roles, language, runtime.now(), runtime)
                    await func(update, context, access, *args)
            if outcome == "denied":
                await refuse(update, context, role)
            elif outcome == "group":
                await to_private_chat(update, context)
            elif outcome == "no-edition":
                await answer_briefly(update, t(language, "no-edition"), alert=True)

        setattr(handler, GUARD_ATTRIBUTE, requirement_of(role))
        return handler

    return decorate
