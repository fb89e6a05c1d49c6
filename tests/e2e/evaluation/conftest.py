"""The evaluation survey's tests: flood control scaled up, and the reminders' catch-up job
off (each test drives time and the schedule itself)."""

from __future__ import annotations

import pytest

from bot.handlers.announcements.reminders import CATCH_UP_JOB
from bot.sandbox.config import EmulatorConfig, RateLimits
from tests.e2e.conftest import RunningBot


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """A survey goes to many people at once: flood control scaled up."""
    return EmulatorConfig(rate_limits=RateLimits(scale=20.0, private_burst=20))


@pytest.fixture(autouse=True)
def no_catch_up(bot: RunningBot) -> None:
    """The test drives time and the schedule itself."""
    for job in bot.application.job_queue.get_jobs_by_name(CATCH_UP_JOB):
        job.schedule_removal()
