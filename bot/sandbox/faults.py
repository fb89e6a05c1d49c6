"""Fault injection: make chosen Bot API calls fail the way Telegram or the network can.

A :class:`FaultRule` matches calls by method and/or chat and fires a fixed number of times
(``count``) or with a probability drawn from a seeded random generator.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from . import errors

#: Kinds of fault: HTTP answers, a dropped connection, added latency, or a call held until
#: released (before it is served, or served and its answer held).
FAULT_KINDS = ("429", "403", "500", "502", "drop", "latency", "hold", "hold-answer")


@dataclass
class FaultRule:
    """One injected fault.

    Attributes:
        kind: "429" (flood answer), "403" (blocked), "500", "502", "drop" (the connection
            is closed without an answer), "latency" (the call is delayed, then served),
            "hold" (the call waits, unserved, until :meth:`FaultInjector.release`; a call
            whose client went away meanwhile is never served) or "hold-answer" (the call is
            served, its answer waits until released: the bot dies with the request in flight).
        method: Bot API method it applies to (case-insensitive), None for all.
        chat_id: chat it applies to, None for all.
        count: how many more times it fires; None for no limit.
        probability: chance of firing on each matching call (0-1), drawn from the seeded RNG.
        retry_after: ``retry_after`` of a 429, seconds.
        latency: delay of a "latency" fault, seconds.
        description: replaces Telegram's default text for 403/500/502.
        id: identifier given by the emulator.
        fired: times it has fired.
    """

    kind: str
    method: str | None = None
    chat_id: int | None = None
    count: int | None = 1
    probability: float = 1.0
    retry_after: int = 1
    latency: float = 0.0
    description: str | None = None
    id: int = 0
    fired: int = field(default=0)

    def to_json(self) -> dict[str, Any]:
        """Returns the rule as JSON."""
        return asdict(self)


class FaultInjector:
    """Holds the fault rules and decides, per call, which one fires.

    Args:
        seed: seed of the random generator for probabilistic rules.
    """

    def __init__(self, seed: int = 0) -> None:
        self.rules: list[FaultRule] = []
        self.rng = random.Random(seed)
        self._ids = itertools.count(1)
        self.held = 0
        """Calls held now by "hold" and "hold-answer" rules."""
        self._released: asyncio.Event | None = None

    async def hold(self, gone: Callable[[], bool]) -> bool:
        """Wait until :meth:`release` or until ``gone()`` (the client disconnected).

        Returns:
            Whether the client is still there.
        """
        if self._released is None:
            self._released = asyncio.Event()
        released = self._released
        self.held += 1
        try:
            while not released.is_set() and not gone():
                with contextlib.suppress(TimeoutError):  # not wait_for: see world.wait_for
                    async with asyncio.timeout(0.05):
                        await released.wait()
        finally:
            self.held -= 1
        return not gone()

    def release(self) -> None:
        """Let every held call go on; later calls matching a hold rule are held again."""
        if self._released is not None:
            self._released.set()
            self._released = None

    def reset(self, seed: int | None = None) -> None:
        """Removes every rule and releases held calls; reseeds the generator when ``seed``
        is given."""
        self.rules.clear()
        self.release()
        if seed is not None:
            self.rng.seed(seed)

    def add(self, raw: dict[str, Any]) -> FaultRule:
        """Adds a rule from JSON (the fields of :class:`FaultRule`).

        Raises:
            ValueError: unknown kind or field.
        """
        data = dict(raw)
        data.pop("id", None)
        data.pop("fired", None)
        data["kind"] = str(data.get("kind", ""))
        if data["kind"] not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {data['kind']!r}; one of {FAULT_KINDS}")
        if data.get("method"):
            data["method"] = str(data["method"]).lower()
        rule = FaultRule(**data)
        rule.id = next(self._ids)
        self.rules.append(rule)
        return rule

    def pick(self, method: str, chat_id: int | None) -> FaultRule | None:
        """Returns the rule firing for this call (and counts it), or None."""
        for rule in self.rules:
            if rule.method and rule.method != method.lower():
                continue
            if rule.chat_id is not None and rule.chat_id != chat_id:
                continue
            if rule.count is not None and rule.count <= 0:
                continue
            if rule.probability < 1.0 and self.rng.random() >= rule.probability:
                continue
            if rule.count is not None:
                rule.count -= 1
            rule.fired += 1
            return rule
        return None


def fault_error(rule: FaultRule) -> errors.ApiError:
    """Returns the Bot API error a fault rule of an HTTP kind answers with."""
    if rule.kind == "429":
        error = errors.too_many_requests(rule.retry_after)
    elif rule.kind == "403":
        error = errors.ApiError(403, rule.description or errors.BLOCKED)
    elif rule.kind == "500":
        error = errors.ApiError(500, rule.description or errors.INTERNAL)
    else:
        error = errors.ApiError(502, rule.description or errors.BAD_GATEWAY)
    error.injected = True
    return error
