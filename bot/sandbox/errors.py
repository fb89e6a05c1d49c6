"""Telegram's error answers, as the Bot API sends them.

Every rejection the emulator produces is an :class:`ApiError`; the server turns it into
Telegram's envelope ``{"ok": false, "error_code": N, "description": "...", "parameters": {...}}``.
The description texts are copied from the real Bot API (core.telegram.org/bots/api and the
answers of api.telegram.org), so a bot tested here meets the same strings in production.
"""

from __future__ import annotations

from typing import Any

# Texts of the real Bot API (HTTP status in the comment).
TEXT_EMPTY = "Bad Request: message text is empty"  # 400
TEXT_TOO_LONG = "Bad Request: message is too long"  # 400
CAPTION_TOO_LONG = "Bad Request: message caption is too long"  # 400
CANT_PARSE = "Bad Request: can't parse entities: "  # 400, followed by the detail
BUTTON_DATA_INVALID = "Bad Request: BUTTON_DATA_INVALID"  # 400
BUTTON_TEXT_EMPTY = "Bad Request: text buttons are unallowed in the inline keyboard"  # 400
BUTTON_URL_INVALID = "Bad Request: BUTTON_URL_INVALID"  # 400
BUTTON_TYPE_INVALID = "Bad Request: BUTTON_TYPE_INVALID"  # 400, e.g. web_app outside a private chat
WEB_APP_URL_INVALID = (  # 400, followed by nothing: Telegram's wording for a non-https Mini App
    "Bad Request: inline keyboard button Web App URL is invalid: Only HTTPS links are allowed"
)
MENU_BUTTON_INVALID = "Bad Request: can't parse menu button JSON object"  # 400
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)  # 400
EDIT_NOT_FOUND = "Bad Request: message to edit not found"  # 400
DELETE_NOT_FOUND = "Bad Request: message to delete not found"  # 400
CANT_EDIT = "Bad Request: message can't be edited"  # 400
CANT_DELETE = "Bad Request: message can't be deleted"  # 400
NO_TEXT_TO_EDIT = "Bad Request: there is no text in the message to edit"  # 400
NO_CAPTION_TO_EDIT = "Bad Request: there is no caption in the message to edit"  # 400
REPLY_NOT_FOUND = "Bad Request: message to be replied not found"  # 400
QUERY_TOO_OLD = (
    "Bad Request: query is too old and response timeout expired or query ID is invalid"  # 400
)
CHAT_NOT_FOUND = "Bad Request: chat not found"  # 400
CHAT_ID_EMPTY = "Bad Request: chat_id is empty"  # 400
BLOCKED = "Forbidden: bot was blocked by the user"  # 403
CANT_INITIATE = "Forbidden: bot can't initiate conversation with a user"  # 403
MIGRATED = "Bad Request: group chat was upgraded to a supergroup chat"  # 400
FILE_TOO_BIG = "Bad Request: file is too big"  # 400
WRONG_FILE_ID = "Bad Request: wrong file identifier/HTTP URL specified"  # 400
FILE_MISSING = "Bad Request: there is no document in the request"  # 400
PHOTO_MISSING = "Bad Request: there is no photo in the request"  # 400
ENTITY_TOO_LARGE = "Request Entity Too Large"  # 413
TOO_MANY = "Too Many Requests: retry after {}"  # 429
UNAUTHORIZED = "Unauthorized"  # 401
NOT_FOUND = "Not Found"  # 404
INTERNAL = "Internal Server Error"  # 500
BAD_GATEWAY = "Bad Gateway"  # 502
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)  # 409
POLL_CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)  # 409
UNSUPPORTED_PARSE_MODE = "Bad Request: unsupported parse_mode"  # 400
MARKUP_JSON = "Bad Request: can't parse reply keyboard markup JSON object"  # 400
ENTITIES_JSON = "Bad Request: can't parse entities JSON object"  # 400
WRONG_ACTION = "Bad Request: wrong parameter action in request"  # 400
MEDIA_GROUP_SIZE = "Bad Request: wrong number of media in the album: must be between 2 and 10"
MEDIA_GROUP_MIXED = "Bad Request: document can't be mixed with other media types"  # 400
BAD_WEBHOOK = "Bad Request: bad webhook: HTTPS url must be provided for webhook"  # 400
COMMAND_INVALID = "Bad Request: BOT_COMMAND_INVALID"  # 400
COMMAND_DESCRIPTION_INVALID = "Bad Request: command description must be non-empty"  # 400
LOCATION_INVALID = "Bad Request: wrong latitude or longitude specified"  # 400
CALLBACK_ANSWER_TOO_LONG = "Bad Request: MESSAGE_TOO_LONG"  # 400, answerCallbackQuery over 200

OVER_LIMIT = frozenset(
    {TEXT_TOO_LONG, CAPTION_TOO_LONG, CALLBACK_ANSWER_TOO_LONG, BUTTON_DATA_INVALID}
)
"""Refusals of something longer than Telegram allows (a text over 4,096 characters, a caption
over 1,024, a callback answer over 200, callback data over 64 bytes): a bot that meets one
has lost what it meant to say; the e2e harness fails any test in which the bot met one."""


class ApiError(Exception):
    """A Bot API rejection.

    Args:
        error_code: HTTP status and ``error_code`` field (400, 401, 403, 404, 409, 413, 429, 5xx).
        description: Telegram's ``description`` text, e.g. "Bad Request: chat not found".
        parameters: Optional ``ResponseParameters`` (``retry_after`` seconds,
            ``migrate_to_chat_id``).
        injected: True when the error comes from fault injection rather than a rule.
    """

    def __init__(
        self,
        error_code: int,
        description: str,
        parameters: dict[str, Any] | None = None,
        *,
        injected: bool = False,
    ) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = parameters
        self.injected = injected

    def envelope(self) -> dict[str, Any]:
        """Returns the JSON body Telegram answers with."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(description: str) -> ApiError:
    """Returns a 400 error; ``description`` already starts with "Bad Request: "."""
    return ApiError(400, description)


def too_many_requests(retry_after: int) -> ApiError:
    """Returns Telegram's 429 flood-control answer.

    Args:
        retry_after: whole seconds to wait (Bot API: ``parameters.retry_after``).
    """
    return ApiError(429, TOO_MANY.format(retry_after), {"retry_after": retry_after})
