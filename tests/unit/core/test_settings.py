"""Settings: the contract variables, their defaults, and one-line errors with status 2."""

import subprocess
import sys

import pytest

from bot.settings import DEFAULT_DATABASE_URL, Settings, SettingsError, load_settings

CONTRACT = {
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "TELEGRAM_API_FILE_URL",
    "DATABASE_URL",
    "ADMIN_IDS",
    "EVENT_CONFIG",
    "TIMEZONE",
    "DEFAULT_LANGUAGE",
    "WEBHOOK_URL",
    "WEBHOOK_SECRET",
    "PORT",
    "LOG_LEVEL",
    "TELEGRAM_API_SELF_HOSTED",
    "FILES_DIR",
    "FILES_S3_ENDPOINT",
    "FILES_S3_BUCKET",
    "FILES_S3_ACCESS_KEY",
    "FILES_S3_SECRET_KEY",
    "FILES_S3_REGION",
    "PUBLIC_URL",
    "OUTBOX_PER_SECOND",
    "OUTBOX_MAX_IN_FLIGHT",
    "OUTBOX_LEASE_SECONDS",
}
WORKSPACE = {"SANDBOX_PLAIN_HTTP", "WEBAPP_SCRIPT_URL", "INIT_DATA_MAX_AGE", "WORKSPACE_FILE_LIMIT"}
"""The workspace's own settings beside the contract (documented in config/.env.example)."""
ATTENDANCE = {"CHECKIN_SECRET"}
"""The check-in link's key beside the contract (documented in config/.env.example)."""


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    for name in CONTRACT | WORKSPACE | ATTENDANCE:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_defaults_follow_the_contract() -> None:
    settings = load_settings()
    assert settings.telegram_bot_token is None
    assert settings.telegram_api_base_url == "https://api.telegram.org/bot"
    assert settings.telegram_api_file_url == "https://api.telegram.org/file/bot"
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.admin_ids == frozenset()
    assert str(settings.event_config) == "config/event.yaml"
    assert settings.timezone == "Asia/Jakarta"
    assert settings.default_language == "id"
    assert settings.webhook_url is None
    assert settings.log_level == "INFO"
    assert str(settings.files_dir) == "files"
    assert settings.files_s3_endpoint is None
    assert settings.telegram_api_self_hosted is False
    assert (settings.outbox_per_second, settings.outbox_max_in_flight) == (25.0, 10)


def test_an_s3_store_needs_its_bucket(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FILES_S3_ENDPOINT", "https://s3.example.id")
    with pytest.raises(SettingsError, match="^FILES_S3_BUCKET: required"):
        load_settings()
    monkeypatch.setenv("FILES_S3_BUCKET", "iga-berkas")
    assert load_settings().files_s3_bucket == "iga-berkas"


def test_settings_have_exactly_the_contract_variables() -> None:
    assert {name.upper() for name in Settings.model_fields} == CONTRACT | WORKSPACE | ATTENDANCE


def test_public_url_is_https_except_in_the_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().workspace_url is None
    monkeypatch.setenv("PUBLIC_URL", "https://iga.example.go.id/")
    assert load_settings().workspace_url == "https://iga.example.go.id/app/"
    monkeypatch.setenv("PUBLIC_URL", "http://iga.example.go.id")
    with pytest.raises(SettingsError, match="^PUBLIC_URL: .*https:// only"):
        load_settings()
    assert load_settings(sandbox_plain_http=True).public_url == "http://iga.example.go.id"
    monkeypatch.setenv("PUBLIC_URL", "iga.example.go.id")
    with pytest.raises(SettingsError, match="^PUBLIC_URL: "):
        load_settings()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@db.example:5432/iga", "postgresql+asyncpg://u:p@db.example:5432/iga"),
        ("postgresql://u@localhost/iga", "postgresql+asyncpg://u@localhost/iga"),
        ("postgresql+asyncpg://u@localhost/iga", "postgresql+asyncpg://u@localhost/iga"),
        ("sqlite:///x.db", "sqlite+aiosqlite:///x.db"),
    ],
)
def test_database_url_forms(monkeypatch: pytest.MonkeyPatch, given: str, expected: str) -> None:
    monkeypatch.setenv("DATABASE_URL", given)
    assert load_settings().database_url == expected


def test_admin_ids_and_dotenv(tmp_path) -> None:
    (tmp_path / ".env").write_text("ADMIN_IDS=10, 20,30\nDEFAULT_LANGUAGE=EN\n")
    settings = load_settings()
    assert settings.admin_ids == {10, 20, 30}
    assert settings.default_language == "en"


@pytest.mark.parametrize(
    ("variable", "value", "fragment"),
    [
        ("ADMIN_IDS", "12,abc", "ADMIN_IDS: 'abc' is not a Telegram user id"),
        ("TIMEZONE", "Asia/Atlantis", "TIMEZONE: unknown time zone 'Asia/Atlantis'"),
        ("DEFAULT_LANGUAGE", "jv", "DEFAULT_LANGUAGE: 'jv' is not supported"),
        ("PORT", "99999", "PORT:"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL:"),
    ],
)
def test_wrong_values_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, fragment: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value).startswith(fragment)
    assert "\n" not in str(caught.value)


def test_cli_wrong_setting_is_one_line_and_status_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "1;two")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "db", "upgrade"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "iga-bot: ADMIN_IDS: 'two' is not a Telegram user id (expected numbers, comma-separated)"
    ]
    assert "Traceback" not in result.stderr


def test_token_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    token = "123456:SECRET-token-value"
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)
    settings = load_settings()
    assert token not in repr(settings)
    assert token not in str(settings.model_dump())


def test_run_without_token_explains_in_two_lines() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "BotFather" in lines[0]
    assert "iga-bot sandbox" in lines[1]
