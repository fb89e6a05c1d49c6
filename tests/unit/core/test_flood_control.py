"""RetryOnFloodControl: retries after retry_after, gives up past max_wait, and lets a caller
that handles 429 itself opt out."""

import pytest
from telegram.error import RetryAfter

from bot.flood_control import NO_RETRY, RetryOnFloodControl


class FloodedCall:
    """A request that Telegram answers 429 ``failures`` times, then accepts."""

    def __init__(self, failures: int, retry_after: int = 0) -> None:
        self.failures = failures
        self.retry_after = retry_after
        self.calls = 0

    async def __call__(self) -> dict:
        self.calls += 1
        if self.calls <= self.failures:
            raise RetryAfter(self.retry_after)
        return {"ok": True}


async def run(limiter: RetryOnFloodControl, call: FloodedCall, rate_limit_args=None):
    return await limiter.process_request(
        call, (), {}, "sendMessage", {"chat_id": 1}, rate_limit_args
    )


async def test_retries_until_accepted() -> None:
    call = FloodedCall(failures=2)
    assert await run(RetryOnFloodControl(max_retries=3), call) == {"ok": True}
    assert call.calls == 3


async def test_gives_up_after_max_retries() -> None:
    call = FloodedCall(failures=5)
    with pytest.raises(RetryAfter):
        await run(RetryOnFloodControl(max_retries=2), call)
    assert call.calls == 3


async def test_a_long_wait_goes_to_the_caller() -> None:
    call = FloodedCall(failures=1, retry_after=60)
    with pytest.raises(RetryAfter):
        await run(RetryOnFloodControl(max_wait=5), call)
    assert call.calls == 1


async def test_no_retry_for_callers_that_pace_themselves() -> None:
    call = FloodedCall(failures=1)
    with pytest.raises(RetryAfter):
        await run(RetryOnFloodControl(), call, rate_limit_args=NO_RETRY)
    assert call.calls == 1
