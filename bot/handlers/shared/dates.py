"""Dates and times typed by admins."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.services.core.event_file import parse_clock

MOMENT_PATTERN = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}[.:]\d{2})\s*$")
"""``07/12/2022 09.00``: day/month/year and a time of day, as written in Indonesia."""


def parse_moment(text: str, zone: ZoneInfo) -> datetime:
    """Parse ``DD/MM/YYYY HH.MM`` as a moment in ``zone`` (the event's, e.g. WIB).

    Raises:
        ValueError: Not a valid date and time.
    """
    match = MOMENT_PATTERN.match(text)
    if match is None:
        raise ValueError(text)
    day, month, year, clock = match.groups()
    return datetime.combine(
        datetime(int(year), int(month), int(day)).date(), parse_clock(clock), tzinfo=zone
    )
