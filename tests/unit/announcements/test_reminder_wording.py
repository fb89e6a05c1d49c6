"""The event reminders say when the event starts, from their offset, in both languages
(QA #16: the day-before and the hour-before reminders read word for word the same)."""

from __future__ import annotations

import pytest

from bot.handlers.announcements.reminders import _how_soon


@pytest.mark.parametrize(
    ("language", "offset", "said"),
    [
        ("id", {"days_before": 1, "at": "08.00"}, "besok"),
        ("id", {"days_before": 0, "at": "06.00"}, "hari ini"),
        ("id", {"days_before": 3, "at": "08.00"}, "3 hari lagi"),
        ("id", {"minutes_before": 60}, "dalam 1 jam"),
        ("id", {"minutes_before": 120}, "dalam 2 jam"),
        ("id", {"minutes_before": 30}, "dalam 30 menit"),
        ("en", {"days_before": 1, "at": "08.00"}, "tomorrow"),
        ("en", {"days_before": 0, "at": "06.00"}, "today"),
        ("en", {"days_before": 3, "at": "08.00"}, "in 3 days"),
        ("en", {"minutes_before": 60}, "in 1 hour"),
        ("en", {"minutes_before": 120}, "in 2 hours"),
        ("en", {"minutes_before": 90}, "in 90 minutes"),
    ],
)  # fmt: skip
def test_each_reminder_says_when(language: str, offset: dict, said: str) -> None:
    assert _how_soon(language, offset) == said
