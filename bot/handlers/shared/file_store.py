"""The bot's file store (:class:`~bot.services.evidence.store.FileStore`) as the handlers
reach it: created and put in ``bot_data`` by the evidence feature's download worker, read by
any feature that sends a stored file again (the committee's and judges' entry views)."""

from __future__ import annotations

from bot.handlers.shared.context import BotContext
from bot.services.evidence.store import FileStore
from bot.slots import Slot

STORE: Slot[FileStore] = Slot("evidence_store")
"""The bot's :class:`~bot.services.evidence.store.FileStore`."""


def store_of(context: BotContext) -> FileStore | None:
    """The bot's file store, or None before the evidence feature installed it."""
    return STORE.get(context.application)
