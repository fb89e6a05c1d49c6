"""Helpers every handler uses: the runtime, the user's language, chat tracking."""

from __future__ import annotations

from typing import Any

from telegram import Chat as TelegramChat
from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot, JobQueue, Updater

from bot.handlers.shared.updates import MissingUpdatePart
from bot.runtime import Runtime, application_runtime
from bot.services.core.chats import ChatInfo, chat_language


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The context every handler and job receives (``CONTEXT_TYPES``): the bot's
    :class:`Runtime` and the language of the chat the update came from."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application, chat_id=chat_id, user_id=user_id)
        self.chat_id = chat_id

    @property
    def arguments(self) -> list[str]:
        """The words after the command (``args``), or a deep link's payload; none for an
        update that is no command."""
        return self.args or []

    def matched(self, group: int) -> str:
        """A group of the pattern that routed the update (``match``: a callback query's data,
        a message's text).

        Raises:
            MissingUpdatePart: No pattern matched, or the group took part in no match.
        """
        text = self.match.group(group) if self.match is not None else None
        if text is None:
            raise MissingUpdatePart(f"group {group} of the routing pattern")
        return text

    @property
    def runtime(self) -> Runtime:
        """The bot's :class:`Runtime` (set once by :func:`bot.app.build_application`)."""
        return application_runtime(self.application)

    async def language(self) -> str:
        """The language to answer in: the one chosen with /bahasa, else DEFAULT_LANGUAGE;
        cached per process in ``runtime.chat_languages`` (dropped when another process
        changes it: ``Runtime.fresh``)."""
        runtime = self.runtime
        if self.chat_id is None:
            return runtime.settings.default_language
        await runtime.fresh()
        language = runtime.chat_languages.get(self.chat_id)
        if language is not None:
            return language
        async with runtime.sessions() as session:
            chosen = await chat_language(session, self.chat_id)
        language = chosen or runtime.settings.default_language
        runtime.chat_languages[self.chat_id] = language
        return language

    async def user_language(self, user_id: int) -> str:
        """The language of one user where the chat's is not theirs (a pointer in a group,
        QA2 #4): the one they chose with /bahasa (their private chat's), else the chat's
        own rule (:meth:`language`)."""
        runtime = self.runtime
        if user_id == self.chat_id:
            return await self.language()
        await runtime.fresh()
        cached = runtime.chat_languages.get(user_id)  # their private chat's, when known
        if cached is not None:
            return cached
        async with runtime.sessions() as session:
            chosen = await chat_language(session, user_id)
        if chosen is not None:
            runtime.chat_languages[user_id] = chosen
            return chosen
        return await self.language()


CONTEXT_TYPES = ContextTypes(context=BotContext)
"""Give to ``ApplicationBuilder().context_types`` so handlers receive a :class:`BotContext`."""


def job_queue_of(application: Application[Any, Any, Any, Any, Any, Any]) -> JobQueue[Any]:
    """The application's job queue (the scheduler, the certificates' issuing job).

    Raises:
        RuntimeError: python-telegram-bot was installed without its ``job-queue`` extra
            (pyproject.toml asks for it).
    """
    if application.job_queue is None:
        raise RuntimeError("python-telegram-bot's job-queue extra is not installed")
    return application.job_queue


def updater_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Updater:
    """The application's updater (long polling; ``build_application`` always makes one).

    Raises:
        RuntimeError: The application was built with ``updater(None)``.
    """
    if application.updater is None:
        raise RuntimeError("the application has no updater")
    return application.updater


def chat_info(chat: TelegramChat) -> ChatInfo:
    """The parts of a Telegram chat the services keep."""
    return ChatInfo(
        id=chat.id,
        type=chat.type,
        title=chat.title,
        first_name=chat.first_name,
        username=chat.username,
    )


def remember_language(context: BotContext, language: str) -> None:
    """Update the cached language after the chat chose another one."""
    if context.chat_id is not None:
        context.runtime.chat_languages[context.chat_id] = language
