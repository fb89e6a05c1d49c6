"""The process's state in python-telegram-bot's ``bot_data``, each entry under a typed
:class:`Slot` (as aiohttp's ``web.AppKey`` for the web app): one name, one type, one owner
module that puts it, instead of string keys read back as ``Any``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from telegram.ext import Application

T = TypeVar("T")

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


class Slot(Generic[T]):
    """One entry of ``application.bot_data`` holding a ``T``.

    Args:
        name: Its key in ``bot_data`` (unique; shown in errors).
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def put(self, application: AnyApplication, value: T) -> None:
        """Keep ``value`` (build time, ``post_init``)."""
        application.bot_data[self.name] = value

    def get(self, application: AnyApplication) -> T | None:
        """The value, or None when it was never put (or taken)."""
        value: T | None = application.bot_data.get(self.name)
        return value

    def of(self, application: AnyApplication) -> T:
        """The value.

        Raises:
            RuntimeError: It was never put: the application was not built by
                :func:`bot.app.build_application`.
        """
        value = self.get(application)
        if value is None:
            raise RuntimeError(f"bot_data has no {self.name}: build the bot with build_application")
        return value

    def setdefault(self, application: AnyApplication, make: Callable[[], T]) -> T:
        """The value, put first from ``make()`` when there is none."""
        value = self.get(application)
        if value is None:
            value = make()
            self.put(application, value)
        return value

    def take(self, application: AnyApplication) -> T | None:
        """Remove the value and return it (None when there was none)."""
        value: T | None = application.bot_data.pop(self.name, None)
        return value

    def __repr__(self) -> str:
        return f"Slot({self.name!r})"
