"""Settings of the emulator: Telegram's limits, flood control, fault injection, clocks.

Every rule the emulator enforces can be switched off or rescaled here, for tests and
benchmarks. Defaults are Telegram's published values (core.telegram.org/bots/api,
core.telegram.org/bots/faq "My bot is hitting limits").
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class RateLimits:
    """Flood control (Bot API FAQ: "My bot is hitting limits").

    Attributes:
        enabled: False turns flood control off.
        scale: multiplies every rate (messages per second); 2.0 doubles what is allowed.
        global_per_second: messages per second to all chats together (Telegram: about 30).
        global_burst: bucket size of the global limit (messages).
        private_per_second: messages per second to one private chat (Telegram: about 1).
        private_burst: bucket size per private chat (messages; a small burst is tolerated).
        group_per_minute: messages per minute to one group or supergroup (Telegram: 20).
        group_burst: bucket size per group (messages).
    """

    enabled: bool = True
    scale: float = 1.0
    global_per_second: float = 30.0
    global_burst: int = 30
    private_per_second: float = 1.0
    private_burst: int = 3
    group_per_minute: float = 20.0
    group_burst: int = 20


@dataclass
class Limits:
    """Size limits of the Bot API; ``enforce`` switches the checks.

    Attributes:
        enforce: False accepts everything (lengths, callback data, sizes).
        text_max: message text, characters after entities parsing (Bot API sendMessage: 4096).
        caption_max: media caption, characters after entities parsing (Bot API: 1024).
        callback_data_max: inline button callback_data, bytes UTF-8 (Bot API: 1-64).
        callback_answer_max: answerCallbackQuery text, characters (Bot API: 0-200).
        download_max_bytes: largest file getFile serves (Bot API getFile: 20 MB).
        upload_max_bytes: largest uploaded file (Bot API sending files: 50 MB).
        album_min: fewest items of sendMediaGroup (Bot API: 2).
        album_max: most items of sendMediaGroup (Bot API: 10).
        callback_answer_seconds: how long a callback query can be answered, seconds.
        html_strict_ampersand: reject a bare "&" in HTML text. Real Telegram keeps it as a
            literal; the emulator is stricter by default because unescaped text is a bug.
        webhook_require_https: refuse non-https webhook URLs like Telegram (off for loopback).
    """

    enforce: bool = True
    text_max: int = 4096
    caption_max: int = 1024
    callback_data_max: int = 64
    callback_answer_max: int = 200
    download_max_bytes: int = 20 * 1024 * 1024
    upload_max_bytes: int = 50 * 1024 * 1024
    album_min: int = 2
    album_max: int = 10
    callback_answer_seconds: float = 15.0
    html_strict_ampersand: bool = True
    webhook_require_https: bool = False


@dataclass
class EmulatorConfig:
    """Everything configurable about an :class:`~bot.sandbox.emulator.Emulator`.

    Attributes:
        limits: Telegram's size rules.
        rate_limits: Telegram's flood control.
        bot_token: if set, the only accepted token; otherwise any ``<digits>:<secret>``.
        bot_first_name: getMe ``first_name``.
        bot_username: getMe ``username`` (also recognised in ``/cmd@username``).
        group_privacy: Telegram's privacy mode: in groups the bot only gets commands and
            replies to its own messages.
        seed: seed of the random generator used by probabilistic faults.
        max_poll_timeout: longest getUpdates wait honoured, seconds (Telegram caps it too).
        webhook_retry_seconds: pause after a failed webhook delivery, seconds.
        clock: monotonic clock in seconds (flood control, callback deadlines); inject a fake
            one in tests.
        wall_clock: Unix time in seconds (message ``date``).
        plain_http_web_apps: accept ``http://`` Mini App addresses (web_app buttons, the
            menu button); only ``iga-bot sandbox`` sets it, for its own local address.
            Telegram accepts https only.
    """

    limits: Limits = field(default_factory=Limits)
    rate_limits: RateLimits = field(default_factory=RateLimits)
    bot_token: str | None = None
    bot_first_name: str = "IGA Bot"
    bot_username: str = "iga_sandbox_bot"
    group_privacy: bool = True
    seed: int = 0
    max_poll_timeout: float = 50.0
    webhook_retry_seconds: float = 1.0
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    wall_clock: Callable[[], float] = field(default=time.time, repr=False)
    plain_http_web_apps: bool = False

    def to_json(self) -> dict[str, Any]:
        """Returns the JSON-able settings (the clocks left out)."""
        return {
            "limits": asdict(self.limits),
            "rate_limits": asdict(self.rate_limits),
            "bot_token": self.bot_token,
            "bot_first_name": self.bot_first_name,
            "bot_username": self.bot_username,
            "group_privacy": self.group_privacy,
            "seed": self.seed,
            "max_poll_timeout": self.max_poll_timeout,
            "webhook_retry_seconds": self.webhook_retry_seconds,
        }

    def update(self, patch: dict[str, Any]) -> None:
        """Applies a partial JSON patch such as ``{"rate_limits": {"enabled": false}}``.

        Raises:
            ValueError: on an unknown key.
        """
        for key, value in patch.items():
            if key in ("limits", "rate_limits"):
                target = getattr(self, key)
                names = {f.name for f in fields(target)}
                for sub, sub_value in dict(value).items():
                    if sub not in names:
                        raise ValueError(f"unknown setting {key}.{sub}")
                    setattr(target, sub, sub_value)
            elif key in ("clock", "wall_clock") or key not in {f.name for f in fields(self)}:
                raise ValueError(f"unknown setting {key}")
            else:
                setattr(self, key, value)
