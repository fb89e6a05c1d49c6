"""The sender's pacing rules (Telegram's limits), without Telegram."""

from __future__ import annotations

import time

from bot.outbox.sender import PACER_SLACK, _ChatLimits, _Pacer


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
    # 40 intervals of 5 ms, the first two of them made up at once (slack 10 ms)
    assert 0.18 <= elapsed < 0.5, elapsed


class _LateClock:
    """A fake monotonic clock whose sleeps wake up ``late`` seconds late, as the event
    loop's timers do."""

    def __init__(self, late: float) -> None:
        self.now = 1000.0
        self.late = late
        self.sends: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds + self.late


async def _send(pacer: _Pacer, clock: _LateClock, count: int) -> None:
    for _ in range(count):
        await pacer.wait()
        clock.sends.append(clock.now)


def _most_in_a_second(sends: list[float]) -> int:
    return max(sum(1 for t in sends if start <= t < start + 1.0) for start in sends)


async def test_pacer_makes_up_late_wake_ups() -> None:
    """Timers that wake up 1 ms late do not slow the pace (before: 25/s became 24.4/s, and
    500/s became 333/s), and no second carries more than the pace plus the bucket."""
    for per_second in (25.0, 500.0):
        clock = _LateClock(late=0.001)
        pacer = _Pacer(per_second, clock=clock, sleep=clock.sleep)
        await _send(pacer, clock, int(per_second * 10) + 1)
        rate = (len(clock.sends) - 1) / (clock.sends[-1] - clock.sends[0])
        assert per_second <= rate <= per_second * 1.01, (per_second, rate)
        bucket = 1 + per_second * max(1 / per_second, PACER_SLACK)
        assert _most_in_a_second(clock.sends) <= per_second + bucket


async def test_pacer_does_not_make_up_a_pause() -> None:
    """After a pause (a 429, nothing to send) only the bucket goes at once; then the pace."""
    clock = _LateClock(late=0.0)
    pacer = _Pacer(100.0, clock=clock, sleep=clock.sleep)
    await _send(pacer, clock, 50)
    clock.now += 5.0  # five seconds without sending
    resumed = len(clock.sends)
    await _send(pacer, clock, 100)
    after = clock.sends[resumed:]
    at_once = sum(1 for t in after if t == after[0])
    assert at_once == 1 + round(100 * PACER_SLACK)  # 2: the bucket, not 500 missed slots
    assert _most_in_a_second(after) <= 100 + 2
