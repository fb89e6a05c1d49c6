"""The sender's pacing rules (Telegram's limits), without Telegram."""

from __future__ import annotations

import time

from bot.broadcast.sender import _ChatLimits, _Pacer


def test_one_message_a_second_to_a_private_chat() -> None:
    limits = _ChatLimits(per_chat_interval=1.0, group_per_minute=20)
    assert limits.ready_at(42, now=100.0) <= 100.0
    limits.record(42, 100.0)
    assert limits.ready_at(42, now=100.2) == 101.0
    assert limits.ready_at(43, now=100.2) <= 100.2  # another chat is not held back


def test_twenty_a_minute_to_a_group() -> None:
    limits = _ChatLimits(per_chat_interval=1.0, group_per_minute=20)
    for second in range(20):
        assert limits.ready_at(-100, now=float(second)) == float(second)
        limits.record(-100, float(second))
    assert limits.ready_at(-100, now=20.0) == 60.0  # the first of the 20 leaves the window
    assert limits.ready_at(-100, now=60.5) == 60.5


async def test_pacer_spaces_sends_evenly() -> None:
    pacer = _Pacer(per_second=200.0)
    started = time.monotonic()
    for _ in range(41):
        await pacer.wait()
    elapsed = time.monotonic() - started
    assert 0.19 <= elapsed < 0.5, elapsed  # 40 intervals of 5 ms
