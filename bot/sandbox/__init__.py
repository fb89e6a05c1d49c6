"""Local Telegram Bot API emulator with simulated users, for tests and demos.

Modules: ``emulator`` (server, CLI), ``botapi`` (Bot API methods), ``entities`` (parse
modes), ``state`` (users, chats, messages, files, updates), ``users`` (what simulated users
do), ``control`` (control API, documented there), ``ratelimit`` (flood control),
``faults`` (fault injection), ``config`` (settings), ``errors`` (Telegram's error texts),
``client`` / ``driver`` (Python client of the control API).
"""

from .client import EmulatorClient, EmulatorControlError
from .config import EmulatorConfig, Limits, RateLimits
from .driver import UserDriver
from .emulator import Emulator

__all__ = [
    "Emulator",
    "EmulatorClient",
    "EmulatorConfig",
    "EmulatorControlError",
    "Limits",
    "RateLimits",
    "UserDriver",
]
