"""The entrance's check-in link: ``https://t.me/<bot>?start=<payload>``.

The payload is ``h-`` and an HMAC-SHA256 of the event's slug and one day, keyed by the
check-in secret (``CHECKIN_SECRET``, or one derived from the bot token), cut to 128 bits in
base64url (22 characters; Telegram allows 64 of ``A-Za-z0-9_-``). It cannot be guessed or
made for another day without the secret, and it is valid on its day only, within the event
file's check-in hours (``attendance.check_in``). A printed poster of yesterday, or of another
event, is refused with a polite reason (:func:`read_payload`).
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.services.core.event_file import parse_clock
from bot.services.core.event_view import EventView
from bot.settings import Settings

PREFIX = "h-"
"""Deep-link payloads of the check-in link start with this."""

SEARCH_DAYS = 60
"""How far around the event a payload's day is looked for, to tell "another day" from
"forged"."""


def secret_of(settings: Settings) -> bytes:
    """The check-in secret: ``CHECKIN_SECRET`` when set, else an HMAC of the bot token (so a
    deployment without it still has one that only the bot knows); a fixed word without a
    token (nothing to check in then)."""
    if settings.checkin_secret is not None and settings.checkin_secret.get_secret_value():
        return settings.checkin_secret.get_secret_value().encode()
    token = settings.telegram_bot_token
    seed = (token.get_secret_value() if token else "iga-bot-without-token").encode()
    return hmac.new(seed, b"iga-bot check-in link", hashlib.sha256).digest()


def payload_for(secret: bytes, event: EventView, day: date, session: str | None = None) -> str:
    """The payload of ``event``'s check-in link on ``day``, or of one agenda ``session``'s
    (an agenda key of ``attendance.sessions``)."""
    place = f"|{session}" if session else ""
    message = f"check-in|{event.slug}|{day.isoformat()}{place}".encode()
    digest = hmac.new(secret, message, hashlib.sha256).digest()[:16]
    return PREFIX + base64.urlsafe_b64encode(digest).decode().rstrip("=")


def link_for(bot_username: str, payload: str) -> str:
    """The deep link a QR code carries."""
    return f"https://t.me/{bot_username}?start={payload}"


def event_days(event: EventView) -> list[date]:
    """The event's days, first to last."""
    return [
        event.starts_on + timedelta(days=offset)
        for offset in range((event.ends_on - event.starts_on).days + 1)
    ]


def link_day(event: EventView, now: datetime) -> date:
    """The day a link printed now is for: today when it is one of the event's days, else the
    event's first day (a poster is printed before the event)."""
    today = now.astimezone(ZoneInfo(event.timezone)).date()
    return today if today in event_days(event) else event.starts_on


class Verdict(enum.StrEnum):
    """What a scanned payload means now."""

    VALID = "valid"
    EARLY = "early"
    """Today's link, before the check-in opens."""
    CLOSED = "closed"
    """Today's link, after the check-in closed."""
    OTHER_DAY = "other-day"
    """A genuine link of this event, but for another day (an old or a future poster)."""
    FORGED = "forged"
    """Not a link this bot made for this event."""


@dataclass(frozen=True)
class Reading:
    """A payload's verdict and, for a genuine one, the day it is for and the agenda session
    (None: the event's own link)."""

    verdict: Verdict
    day: date | None = None
    session: str | None = None


def sessions_of(event: EventView) -> list[str]:
    """Agenda keys of the sessions that check in separately (``attendance.sessions``)."""
    return list((event.attendance or {}).get("sessions") or [])


def check_in_hours(event: EventView) -> tuple[str, str]:
    """When the check-in opens and closes on the day (``HH.MM``, from the event file)."""
    settings = (event.attendance or {}).get("check_in") or {}
    return settings.get("opens", "05.00"), settings.get("closes", "23.59")


def read_payload(secret: bytes, event: EventView, payload: str, now: datetime) -> Reading:
    """Check a scanned payload against the event and the current instant.

    Comparison is constant-time (:func:`hmac.compare_digest`); days from
    :data:`SEARCH_DAYS` before the event to as long after it are tried, so a genuine link of
    another day is told apart from a forged one.
    """
    zone = ZoneInfo(event.timezone)
    local = now.astimezone(zone)
    first = event.starts_on - timedelta(days=SEARCH_DAYS)
    found: date | None = None
    session: str | None = None
    for offset in range((event.ends_on - event.starts_on).days + 2 * SEARCH_DAYS + 1):
        day = first + timedelta(days=offset)
        for key in [None, *sessions_of(event)]:
            if hmac.compare_digest(payload_for(secret, event, day, key), payload):
                found, session = day, key
                break
        if found is not None:
            break
    if found is None:
        return Reading(Verdict.FORGED)
    if found != local.date() or found not in event_days(event):
        return Reading(Verdict.OTHER_DAY, found, session)
    opens, closes = (parse_clock(text) for text in check_in_hours(event))
    clock = local.time().replace(tzinfo=None)
    if clock < opens:
        return Reading(Verdict.EARLY, found, session)
    if clock > closes:
        return Reading(Verdict.CLOSED, found, session)
    return Reading(Verdict.VALID, found, session)
