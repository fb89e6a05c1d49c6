"""The check-in link's payload (valid on its day, within the hours; another day and forged
told apart) and the command line: ``iga-bot attendance link`` and ``export``."""

from datetime import UTC, date, datetime

from openpyxl import load_workbook
from pypdf import PdfReader

from bot.services.attendance.link import (
    PREFIX,
    Verdict,
    link_day,
    payload_for,
    read_payload,
)
from bot.storage.models import Event
from tests.conftest import EVENT_FILE

SECRET = b"test secret"
EVENT = Event(slug="blitar-2022", timezone="Asia/Jakarta", starts_on=date(2022, 12, 7),
              ends_on=date(2022, 12, 7), attendance={"check_in": {"opens": "06.00",
                                                                   "closes": "17.00"}})  # fmt: skip


def at(hour: int, day: int = 7) -> datetime:
    return (
        datetime(2022, 12, day, hour - 7, 0, tzinfo=UTC)
        if hour >= 7
        else datetime(2022, 12, day - 1, hour + 17, 0, tzinfo=UTC)
    )


def test_the_payload_is_short_safe_and_unguessable() -> None:
    payload = payload_for(SECRET, EVENT, EVENT.starts_on)
    assert payload.startswith(PREFIX) and len(payload) == 24
    assert all(c.isalnum() or c in "-_" for c in payload)
    assert payload != payload_for(b"other secret", EVENT, EVENT.starts_on)


def test_verdicts() -> None:
    payload = payload_for(SECRET, EVENT, EVENT.starts_on)
    assert read_payload(SECRET, EVENT, payload, at(8)).verdict is Verdict.VALID
    assert read_payload(SECRET, EVENT, payload, at(5)).verdict is Verdict.EARLY
    assert read_payload(SECRET, EVENT, payload, at(18)).verdict is Verdict.CLOSED
    assert read_payload(SECRET, EVENT, payload, at(8, day=8)).verdict is Verdict.OTHER_DAY
    assert read_payload(SECRET, EVENT, "h-" + "A" * 22, at(8)).verdict is Verdict.FORGED
    tomorrow = payload_for(SECRET, EVENT, date(2022, 12, 8))
    reading = read_payload(SECRET, EVENT, tomorrow, at(8))
    assert reading.verdict is Verdict.OTHER_DAY and reading.day == date(2022, 12, 8)


def test_the_link_of_a_poster_printed_before_the_event_is_the_first_day() -> None:
    assert link_day(EVENT, datetime(2022, 11, 1, tzinfo=UTC)) == date(2022, 12, 7)


def test_cli_prints_the_link_and_writes_the_poster_and_the_list(tmp_path, monkeypatch, capsys):
    from bot.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    monkeypatch.setenv("EVENT_CONFIG", str(EVENT_FILE))
    monkeypatch.setenv("CHECKIN_SECRET", "test secret")
    poster = tmp_path / "poster.pdf"
    assert main(["attendance", "link", "--bot", "iga_blitar_bot", "--poster", str(poster)]) == 0
    out = capsys.readouterr()
    link = out.out.strip()
    event = Event(slug="blitar-2022", timezone="Asia/Jakarta", starts_on=date(2022, 12, 7),
                  ends_on=date(2022, 12, 7))  # fmt: skip
    assert (
        link == f"https://t.me/iga_blitar_bot?start={payload_for(SECRET, event, event.starts_on)}"
    )
    assert "Valid on 2022-12-07 only." in out.err
    assert link in PdfReader(poster).pages[0].extract_text()

    assert main(["attendance", "export", "--out", str(tmp_path / "hadir.pdf")]) == 0
    assert "DAFTAR HADIR" in PdfReader(tmp_path / "hadir.pdf").pages[0].extract_text()
    assert main(["attendance", "export", "--out", str(tmp_path / "hadir.xlsx")]) == 0
    assert load_workbook(tmp_path / "hadir.xlsx").active["A2"].value == "DAFTAR HADIR"
    assert main(["attendance", "export", "--out", str(tmp_path / "hadir.doc")]) == 2
    assert ".pdf or .xlsx" in capsys.readouterr().err


def test_a_session_link_is_told_from_the_event_link() -> None:
    event = Event(slug="blitar-2022", timezone="Asia/Jakarta", starts_on=date(2022, 12, 7),
                  ends_on=date(2022, 12, 7),
                  attendance={"sessions": ["diseminasi-iga"]})  # fmt: skip
    session = payload_for(SECRET, event, event.starts_on, "diseminasi-iga")
    assert session != payload_for(SECRET, event, event.starts_on)
    reading = read_payload(SECRET, event, session, at(9))
    assert (reading.verdict, reading.session) == (Verdict.VALID, "diseminasi-iga")
    assert (
        read_payload(SECRET, event, payload_for(SECRET, event, event.starts_on), at(9)).session
        is None
    )
    other = payload_for(SECRET, event, event.starts_on, "pembukaan")  # not a separate session
    assert read_payload(SECRET, event, other, at(9)).verdict is Verdict.FORGED


def test_cli_session_list_and_link(tmp_path, monkeypatch, capsys) -> None:
    from bot.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHECKIN_SECRET", "test secret")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    monkeypatch.setenv("EVENT_CONFIG", str(EVENT_FILE))
    out = tmp_path / "sesi.pdf"
    assert main(["attendance", "export", "--out", str(out), "--session", "diseminasi-iga"]) == 0
    assert "Sesi: Diseminasi Laporan Hasil IGA" in PdfReader(out).pages[0].extract_text()
    assert main(["attendance", "export", "--out", str(out), "--session", "nope"]) == 2
    assert "'nope' does not check in separately" in capsys.readouterr().err
    poster = tmp_path / "poster.pdf"
    args = [
        "attendance",
        "link",
        "--bot",
        "b",
        "--session",
        "diseminasi-iga",
        "--poster",
        str(poster),
    ]
    assert main(args) == 0
    assert "Diseminasi Laporan Hasil IGA" in PdfReader(poster).pages[0].extract_text()


def test_cli_refuses_a_link_no_running_bot_would_accept(tmp_path, monkeypatch, capsys) -> None:
    """A QA finding: without CHECKIN_SECRET or a token the link was keyed by a fixed word, so
    the sandbox refused it, and the command created a database in the project folder."""
    from bot.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHECKIN_SECRET", raising=False)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    assert main(["attendance", "link", "--bot", "iga_blitar_bot"]) == 2
    assert "neither CHECKIN_SECRET nor TELEGRAM_BOT_TOKEN" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cli_prints_the_sandboxs_own_link(tmp_path, monkeypatch, capsys) -> None:
    """``--sandbox`` reads the database and the clock the sandbox of the folder recorded: a
    sandbox started with ``--database`` (here with the event moved, as --event-tomorrow
    does) is read, not a ``sandbox.db`` an earlier run left; the day is the sandbox's (⏩
    included)."""
    from datetime import timedelta

    from bot.cli import main
    from bot.sandbox.run import SANDBOX_TOKEN, SandboxState, write_event_file, write_state
    from bot.services.attendance.link import secret_of
    from bot.services.core.event_file import load_event_file, shift_dates
    from bot.settings import Settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHECKIN_SECRET", raising=False)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert main(["attendance", "link", "--sandbox"]) == 2
    assert "no sandbox has run in this folder" in capsys.readouterr().err
    # QA2 #30: the recorded --database is gone: one line, status 2, no traceback, no file
    gone = tmp_path / "gone" / "x.db"
    write_state(SandboxState(f"sqlite+aiosqlite:///{gone}", timedelta(0)))
    assert main(["attendance", "link", "--sandbox"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "cannot be opened" in error and str(gone) in error
    assert not gone.parent.exists()
    # an earlier plain run's sandbox.db, and the running sandbox's --database, its event moved
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'sandbox.db'}")
    assert main(["event", "import", str(EVENT_FILE)]) == 0
    moved = tmp_path / "moved.yaml"
    write_event_file(shift_dates(load_event_file(EVENT_FILE), 1191), moved)  # 2026-03-12
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'kept.db'}")
    assert main(["event", "import", str(moved)]) == 0
    monkeypatch.delenv("DATABASE_URL")
    write_state(SandboxState(f"sqlite+aiosqlite:///{tmp_path / 'kept.db'}", timedelta(0)))
    capsys.readouterr()
    assert main(["attendance", "link", "--sandbox"]) == 0
    sandbox_secret = secret_of(Settings(telegram_bot_token=SANDBOX_TOKEN))
    event = Event(slug="blitar-2022", timezone="Asia/Jakarta", starts_on=date(2026, 3, 12),
                  ends_on=date(2026, 3, 12))  # fmt: skip
    payload = payload_for(sandbox_secret, event, event.starts_on)
    assert capsys.readouterr().out.strip() == f"https://t.me/iga_sandbox_bot?start={payload}"
