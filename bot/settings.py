"""Runtime settings, read once at start from the environment and a `.env` file.

The variables are a contract (see ``shared/design.md``): deployment, tests and documentation
rely on their names and defaults.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///iga-bot.db"
SUPPORTED_LANGUAGES = ("id", "en")


class SettingsError(Exception):
    """A setting has a wrong value; the message is one line naming the variable."""


class Settings(BaseSettings):
    """The bot's settings.

    Attributes:
        telegram_bot_token: Bot token from BotFather; secret, never logged or printed.
        telegram_api_base_url: Bot API base URL, passed to python-telegram-bot's ``base_url``.
        telegram_api_file_url: File base URL, passed to ``base_file_url``.
        database_url: SQLAlchemy URL with an async driver; ``postgres://`` and
            ``postgresql://`` are mapped to ``postgresql+asyncpg://``.
        admin_ids: Telegram user ids of the committee's admins.
        event_config: Path of the event/competition YAML file.
        timezone: IANA zone of the event (default ``Asia/Jakarta``, WIB, UTC+7).
        default_language: ``id`` or ``en``.
        webhook_url: Public HTTPS URL; when set the bot runs in webhook mode.
        webhook_secret: Secret checked in Telegram's ``X-Telegram-Bot-Api-Secret-Token`` header.
        port: Port for the webhook listener, as the hosting platform gives it.
        log_level: Python logging level name.
        telegram_api_self_hosted: The Bot API server at ``telegram_api_base_url`` is a
            self-hosted ``telegram-bot-api``: files above Telegram's 20 MB download limit are
            accepted (up to its 2,000 MB), and the store takes what it serves.
        files_dir: Folder of the file store (the evidence officers send).
        files_s3_endpoint: S3-compatible object storage instead of the folder when set
            (``https://…``); with ``files_s3_bucket``, ``files_s3_access_key``,
            ``files_s3_secret_key`` and ``files_s3_region``.
        public_url: The workspace's (Mini App's) public HTTPS address, e.g.
            ``https://iga.example.go.id``; the bot's web server on ``port`` must be reachable
            there. Unset: the workspace is off.
        sandbox_plain_http: Accept an ``http://`` ``public_url`` (set only by ``iga-bot
            sandbox``: Telegram opens Mini Apps over HTTPS only).
        webapp_script_url: Address of Telegram's ``telegram-web-app.js`` in the pages.
        init_data_max_age: Seconds a Mini App's init data is accepted after its ``auth_date``.
        workspace_file_limit: Largest file served through the workspace (bytes; the Bot API's
            getFile serves up to 20 MB).
        outbox_per_second: The outbox sender's pace, messages per second overall (Telegram
            allows about 30; the default 25 leaves room for replies to users).
        outbox_max_in_flight: Most outbox messages awaiting Telegram's answer at once (also
            the most a crash can send twice: the Bot API has no idempotency key).
        outbox_lease_seconds: How long a sender's claim on an outbox message lasts unless
            renewed: after a replica dies, another sends its messages within this time.
        checkin_secret: Key of the entrance's check-in link (an HMAC of the event and the
            day); unset: derived from the bot token. Changing it voids printed posters.
    """

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_api_file_url: str = "https://api.telegram.org/file/bot"
    database_url: str = DEFAULT_DATABASE_URL
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(default_factory=frozenset)
    event_config: Path = Path("config/event.yaml")
    timezone: str = "Asia/Jakarta"
    default_language: str = "id"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    port: int = Field(default=8443, ge=1, le=65535)
    log_level: str = "INFO"
    telegram_api_self_hosted: bool = False
    files_dir: Path = Path("files")
    files_s3_endpoint: str | None = None
    files_s3_bucket: str | None = None
    files_s3_access_key: SecretStr | None = None
    files_s3_secret_key: SecretStr | None = None
    files_s3_region: str = "us-east-1"
    sandbox_plain_http: bool = False
    public_url: str | None = None
    webapp_script_url: str = "https://telegram.org/js/telegram-web-app.js"
    init_data_max_age: int = Field(default=3600, ge=60)
    workspace_file_limit: int = Field(default=20 * 1024 * 1024, ge=1)
    outbox_per_second: float = Field(default=25.0, gt=0)
    outbox_max_in_flight: int = Field(default=10, ge=1)
    outbox_lease_seconds: float = Field(default=30.0, ge=3)
    checkin_secret: SecretStr | None = None

    @field_validator("database_url", mode="before")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        value = str(value).strip()
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+asyncpg://" + value[len(prefix) :]
        if value.startswith("sqlite://") and not value.startswith("sqlite+"):
            return "sqlite+aiosqlite://" + value[len("sqlite://") :]
        return value

    @field_validator("public_url")
    @classmethod
    def _https_public_url(cls, value: str | None, info: ValidationInfo) -> str | None:
        value = (value or "").strip().rstrip("/")
        if not value:
            return None
        scheme, _, rest = value.partition("://")
        if scheme not in ("https", "http") or not rest:
            raise ValueError(f"'{value}' is not an address such as https://iga.example.go.id")
        if scheme == "http" and not info.data.get("sandbox_plain_http"):
            raise ValueError(
                f"'{value}': Telegram opens Mini Apps over https:// only (plain http is "
                "accepted in `iga-bot sandbox` alone)"
            )
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: object) -> frozenset[int]:
        if isinstance(value, str):
            parts = [part.strip() for part in value.replace(";", ",").split(",")]
            ids = set()
            for part in parts:
                if not part:
                    continue
                if not part.lstrip("-").isdigit():
                    raise ValueError(
                        f"'{part}' is not a Telegram user id (expected numbers, comma-separated)"
                    )
                ids.add(int(part))
            return frozenset(ids)
        return value  # type: ignore[return-value]

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone '{value}' (expected an IANA name such as Asia/Jakarta)"
            ) from None
        return value

    @field_validator("default_language")
    @classmethod
    def _supported_language(cls, value: str) -> str:
        value = value.strip().lower()
        if value not in SUPPORTED_LANGUAGES:
            raise ValueError(f"'{value}' is not supported (expected id or en)")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        value = value.strip().upper()
        if value not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"'{value}' is not a logging level (DEBUG, INFO, WARNING, ERROR)")
        return value

    @model_validator(mode="after")
    def _complete_s3(self) -> Settings:
        if self.files_s3_endpoint and not self.files_s3_bucket:
            raise ValueError("FILES_S3_BUCKET: required when FILES_S3_ENDPOINT is set")
        return self

    @property
    def zone(self) -> ZoneInfo:
        """The event's time zone as a ``ZoneInfo``."""
        return ZoneInfo(self.timezone)

    @property
    def workspace_url(self) -> str | None:
        """Address of the workspace's page (``PUBLIC_URL/app/``), or None when it is off."""
        return f"{self.public_url}/app/" if self.public_url else None

    @property
    def is_sqlite(self) -> bool:
        """Whether the database is an SQLite file (or memory)."""
        return self.database_url.startswith("sqlite")


def load_settings(**overrides: object) -> Settings:
    """Load the settings from the environment and ``.env``.

    Args:
        **overrides: Values that take precedence (used by tests and the sandbox).

    Returns:
        The validated settings.

    Raises:
        SettingsError: One line naming the variable and the problem.
    """
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        error = exc.errors()[0]
        message = str(error["msg"]).removeprefix("Value error, ")
        if not error["loc"]:  # a rule across variables names them itself
            raise SettingsError(message) from None
        raise SettingsError(f"{str(error['loc'][0]).upper()}: {message}") from None
