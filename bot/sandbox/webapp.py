"""Mini App init data as Telegram signs it, for the sandbox's panel and the tests.

Telegram's algorithm (core.telegram.org/bots/webapps, "Validating data received via the Mini
App"): the fields as ``key=value`` lines sorted by key, joined by newlines (the
data-check-string); ``hash`` = hex HMAC-SHA256 of it with the secret key
HMAC-SHA256(key="WebAppData", message=bot token). The emulator knows the bot's token, so it
signs as Telegram does.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any
from urllib.parse import urlencode


def sign_init_data(
    bot_token: str,
    user: dict[str, Any],
    *,
    auth_date: int | None = None,
    start_param: str | None = None,
    query_id: str = "AAE-sandbox",
) -> str:
    """The ``Telegram.WebApp.initData`` string for ``user`` (a Telegram ``WebAppUser``:
    id, first_name, language_code…), signed with ``bot_token``.

    Args:
        auth_date: Unix time of the sign-in (seconds); now when None.
        start_param: The ``startapp`` parameter of a link, if any.
    """
    fields = {
        "query_id": query_id,
        "user": json.dumps(user, separators=(",", ":"), ensure_ascii=False),
        "auth_date": str(int(time.time()) if auth_date is None else auth_date),
    }
    if start_param:
        fields["start_param"] = start_param
    check = "\n".join(f"{key}={fields[key]}" for key in sorted(fields))
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)


WEB_APP_VERSION = "8.0"
"""Bot API version of the Mini App features the stand-in script offers."""

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "bg_color": "#ffffff",
        "text_color": "#000000",
        "hint_color": "#707579",
        "link_color": "#3390ec",
        "button_color": "#3390ec",
        "button_text_color": "#ffffff",
        "secondary_bg_color": "#f4f4f5",
        "header_bg_color": "#ffffff",
        "section_bg_color": "#ffffff",
        "destructive_text_color": "#e53935",
    },
    "dark": {
        "bg_color": "#212121",
        "text_color": "#ffffff",
        "hint_color": "#aaaaaa",
        "link_color": "#8774e1",
        "button_color": "#8774e1",
        "button_text_color": "#ffffff",
        "secondary_bg_color": "#0f0f0f",
        "header_bg_color": "#212121",
        "section_bg_color": "#212121",
        "destructive_text_color": "#ff595a",
    },
}
"""themeParams of Telegram Web's light and dark themes, as the sandbox's panel passes them."""
