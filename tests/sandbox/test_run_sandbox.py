"""``iga-bot sandbox`` (bot/sandbox/run.py): the emulator serving the page, the real bot on the
seed event, the personas with their roles, --event-tomorrow, the default database, a busy
port, and a clean stop on Ctrl+C."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.handlers.announcements.reminders import process_due
from bot.i18n import plain_text, t
from bot.runtime import application_runtime
from bot.sandbox.client import EmulatorClient
from bot.sandbox.driver import UserDriver
from bot.sandbox.run import (
    PERSONAS,
    Sandbox,
    SandboxState,
    event_tomorrow_shift,
    read_state,
    run_sandbox,
    start_sandbox,
)
from bot.services.core.event_file import load_event_file
from bot.services.core.events import current_edition, current_event
from bot.services.core.roles import Role, roles_of
from bot.settings import Settings
from bot.storage.models import Broadcast, Officer, Unit
from tests.conftest import EVENT_FILE, REPO
from tests.e2e.conftest import wait_until
from tests.sandbox.helpers import start_command

pytestmark = pytest.mark.e2e

NOW = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)
"""Rabu, 11 Maret 2026, 03.00 WIB: "tomorrow" in the event's zone is 12 March."""


def _settings(**values: object) -> Settings:
    return Settings(_env_file=None, event_config=EVENT_FILE, admin_ids="", **values)  # type: ignore[call-arg]


@pytest.fixture
async def sandbox(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Sandbox]:
    monkeypatch.chdir(tmp_path)  # the sandbox writes its event file in the working folder
    running = await start_sandbox(
        "127.0.0.1", 0, event_tomorrow=False, database_url=database_url, settings=_settings()
    )
    yield running
    await running.stop()


async def test_page_and_bot_answer_on_one_port(sandbox: Sandbox) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(sandbox.url) as page:
            assert page.status == 200
            assert "IGA bot sandbox" in await page.text()
        for name in ("app.js", "style.css"):
            async with http.get(f"{sandbox.url}static/{name}") as asset:
                assert asset.status == 200
        async with http.get(f"{sandbox.url}_sandbox/info") as info_response:
            info = await info_response.json()
    assert [p["key"] for p in info["personas"]] == [p.key for p in PERSONAS]
    assert info["event"] == "Penganugerahan IGA Kota Blitar 2022"

    async with EmulatorClient(sandbox.emulator.base_url) as client:
        siti = UserDriver(client, {"id": sandbox.personas["attendee"]})
        assert {"start", "help"} <= set(await siti.command_menu())
        await siti.send("/start")
        reply = await siti.expect_message("Selamat datang, Bapak/Ibu Siti", timeout=10)
        assert "Rabu, 7 Desember 2022" in reply["text"]
        assert reply["keyboard"]["keyboard"]
        assert await client.rejections() == []


async def test_personas_hold_their_roles(sandbox: Sandbox) -> None:
    runtime = application_runtime(sandbox.application)
    ids = sandbox.personas
    async with runtime.sessions() as session:
        edition = await current_edition(session)
        assert edition is not None

        async def held(key: str) -> frozenset[Role]:
            roles = await roles_of(session, ids[key], admin_ids=(), edition_id=edition.id)
            return roles.roles

        assert await held("attendee") == {Role.PUBLIC}
        assert await held("officer") == {Role.PUBLIC, Role.OFFICER}
        assert await held("judge") == {Role.PUBLIC, Role.JUDGE}
        assert await held("admin") == {Role.PUBLIC, Role.ADMIN}
        unit = await session.scalar(
            select(Unit.code)
            .join(Officer, Officer.unit_id == Unit.id)
            .where(Officer.user_id == ids["officer"])
        )
        assert unit == "DINSOS"


async def test_the_officer_can_submit_out_of_the_box(sandbox: Sandbox) -> None:
    async with EmulatorClient(sandbox.emulator.base_url) as client:
        budi = UserDriver(client, {"id": sandbox.personas["officer"]})
        await budi.send("/start")
        await budi.expect_message("Selamat datang", timeout=10)
        await budi.tap(t("id", "menu-submit"))
        await budi.expect_message(regex=r"\(1 dari \d+\)", timeout=10)


def test_event_tomorrow_shift_is_counted_in_the_event_zone() -> None:
    spec = load_event_file(EVENT_FILE)
    days = event_tomorrow_shift(spec, NOW)
    assert spec.event.date.toordinal() + days == date(2026, 3, 12).toordinal()


async def test_event_tomorrow_moves_event_and_announcement(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    spec = load_event_file(EVENT_FILE)
    running = await start_sandbox(
        "127.0.0.1",
        0,
        event_tomorrow=True,
        database_url=database_url,
        settings=_settings(),
        clock=lambda: NOW,
    )
    try:
        runtime = application_runtime(running.application)
        async with runtime.sessions() as session:
            event = await current_event(session)
            edition = await current_edition(session)
        assert event is not None and edition is not None
        assert event.starts_on == date(2026, 3, 12)
        shift = date(2026, 3, 12) - spec.event.date
        announce = spec.edition.results_announce_at
        assert announce is not None
        assert edition.results_announce_at == announce + shift
        # /muat_ulang reloads the sandbox's own copy, with the same shifted dates
        reloaded = load_event_file(runtime.settings.event_config)
        assert reloaded.event.date == date(2026, 3, 12)
        assert reloaded.edition.results_announce_at == announce + shift
    finally:
        await running.stop()


async def test_default_database_is_a_fresh_sandbox_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sandbox.db").write_bytes(b"left over from an older run, not a database")
    running = await start_sandbox(
        "127.0.0.1", 0, event_tomorrow=False, database_url=None, settings=_settings()
    )
    try:
        assert (tmp_path / "sandbox.db").read_bytes().startswith(b"SQLite format 3")
    finally:
        await running.stop()


def test_busy_port_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        status = run_sandbox("127.0.0.1", port, False, "sqlite+aiosqlite://", _settings())
    assert status == 2
    err = capsys.readouterr().err
    assert err == f"iga-bot: port {port} on 127.0.0.1 is in use: choose another with --port\n"


def test_missing_event_file_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(_env_file=None, event_config=tmp_path / "none.yaml")  # type: ignore[call-arg]
    assert run_sandbox("127.0.0.1", 0, False, "sqlite+aiosqlite://", settings) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "EVENT_CONFIG" in err


def test_command_prints_the_url_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    process, url = start_command(tmp_path)
    try:
        process.send_signal(signal.SIGINT)
        started = time.monotonic()
        assert process.wait(timeout=15) == 0
        assert time.monotonic() - started < 10
        assert "Traceback" not in (tmp_path / "stderr.log").read_text()
        assert (tmp_path / "sandbox.db").exists()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_second_sandbox_in_the_folder_touches_nothing_and_says_one_line(
    tmp_path: Path,
) -> None:
    """QA #6: the second start (README's --event-tomorrow step) deleted the running one's
    sandbox.db and rewrote its event file before it found the lock, then died with a
    traceback. It now finds the folder taken first, says so in one line, status 2."""
    first, url = start_command(tmp_path)
    try:
        database, event_file = tmp_path / "sandbox.db", tmp_path / "sandbox-event.yaml"
        before = (database.stat().st_ino, database.stat().st_size, event_file.read_bytes())
        env = {**os.environ, "EVENT_CONFIG": str(EVENT_FILE), "PYTHONPATH": str(REPO)}
        env.pop("TELEGRAM_BOT_TOKEN", None)
        second = subprocess.run(
            [sys.executable, "-m", "bot", "sandbox", "--port", "0", "--event-tomorrow"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 2, second.stderr
        assert second.stderr == (
            f"iga-bot: a sandbox is already running in this folder ({url}): stop it first, "
            "or start the other one from another folder with EVENT_CONFIG set to this event "
            "file\n"
        )
        after = (database.stat().st_ino, database.stat().st_size, event_file.read_bytes())
        assert after == before
        with urllib.request.urlopen(f"{url}_sandbox/info", timeout=10) as info:
            assert json.load(info)["ready"] is True
    finally:
        first.send_signal(signal.SIGINT)
        assert first.wait(timeout=15) == 0
    again, _ = start_command(tmp_path)  # the folder is free once the first one stopped
    again.send_signal(signal.SIGINT)
    assert again.wait(timeout=15) == 0


async def test_a_plain_start_does_not_send_the_seeds_winners_as_news(sandbox: Sandbox) -> None:
    """The seed's winners were announced on 7 December 2022: the sandbox records that
    announcement as made then, so a newcomer is not sent 2022's winners (nor in a form)."""
    runtime = application_runtime(sandbox.application)
    async with EmulatorClient(sandbox.emulator.base_url) as client:
        budi = UserDriver(client, {"id": sandbox.personas["officer"]})
        await budi.send("/start")
        await budi.expect_message("Selamat datang", timeout=10)
        report = await process_due(sandbox.application)  # what the first catch-up does
        assert report.sent == []
        async with runtime.sessions() as session:
            edition = await current_edition(session)
            assert edition.results_announced_at == edition.results_announce_at
            assert await session.scalar(select(func.count()).select_from(Broadcast)) == 0
        await budi.send("/pemenang")  # the winners are there for whoever asks
        await budi.expect_message("Sosial Home Care Lanjut Usia", timeout=10)
        assert await _count(budi, "Selamat, Dinas Sosial", 0)


async def test_event_tomorrow_reminders_happen_when_skipping_ahead(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--event-tomorrow: ⏩ (Sandbox.skip) moves the bot's clock to each scheduled moment in
    turn; both event reminders reach the persona who subscribed to them, and only her; at the
    certificates' time the winning unit's officer gets the piagam."""
    monkeypatch.chdir(tmp_path)
    running = await start_sandbox(
        "127.0.0.1",
        0,
        event_tomorrow=True,
        database_url=database_url,
        settings=_settings(),
        clock=lambda: NOW,
    )
    try:
        async with EmulatorClient(running.emulator.base_url) as client:
            siti = UserDriver(client, {"id": running.personas["attendee"]})
            budi = UserDriver(client, {"id": running.personas["officer"]})
            for persona in (siti, budi):
                await persona.send("/start")
                await persona.expect_message("Selamat datang", timeout=10)
            await siti.expect_message(plain_text("id", "start-offer-subscribe"), timeout=10)
            await siti.tap(t("id", "start-button-subscribe"))
            await siti.expect_message(t("id", "start-subscribed"), timeout=10)
            kinds = []
            while (coming := await running.next_row()) is not None and coming["kind"] == "event":
                kinds.append(coming["label"])
                assert await running.skip()
            assert len(kinds) == 2  # a day before at 08.00, and 60 minutes before
            assert running.clock() > NOW
            await wait_until(lambda: _count(siti, "Pengingat acara", 2), timeout=15)
            assert await _count(budi, "Pengingat acara", 0)
            # on to the certificates' time: the winners are announced first, then the
            # officer of Juara I's unit gets its piagam (nobody checked in: no sertifikat)
            for _ in range(10):
                coming = await running.next_row()
                if coming is None or coming["kind"] == "certificates":
                    break
                await running.skip()
            assert coming is not None and coming["kind"] == "certificates"
            issued = [key for key in await running.skip() if key.startswith("certificates:")]
            assert len(issued) >= 1
            piagam = await budi.expect_message("piagam penghargaan", timeout=15)
            assert piagam["document"]["file_name"].startswith("Piagam-")
            assert not any(m.get("document") for m in await siti.transcript())
    finally:
        await running.stop()


async def _count(driver: UserDriver, text: str, wanted: int) -> bool:
    messages = await driver.transcript()
    return sum(text in (m["text"] or "") for m in messages if m["from"] == "bot") == wanted


async def test_a_restart_on_the_same_database_keeps_the_skipped_clock(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """⏩ moved the clock and the bot wrote rows at that time (a reminder sent); a restart on
    the same --database goes on from there (the clock going back would put those rows in the
    future), recorded for `iga-bot attendance link --sandbox`; a start on a fresh sandbox.db
    starts from the real time again."""
    monkeypatch.chdir(tmp_path)

    async def started(database: str | None) -> Sandbox:
        return await start_sandbox(
            "127.0.0.1", 0, event_tomorrow=True, database_url=database,
            settings=_settings(), clock=lambda: NOW,
        )  # fmt: skip

    running = await started(database_url)
    try:
        assert await running.skip()
        skipped = running.clock()
        assert skipped > NOW
    finally:
        await running.stop()
    state = read_state()
    assert state is not None and state.database_url == database_url
    assert NOW + state.ahead == skipped

    running = await started(database_url)
    try:
        assert running.clock() == skipped  # not back to NOW
    finally:
        await running.stop()
    running = await started(None)
    try:
        assert running.clock() == NOW  # a fresh sandbox.db: nothing was skipped in it
        assert read_state() == SandboxState(
            f"sqlite+aiosqlite:///{(tmp_path / 'sandbox.db').resolve()}", timedelta(0)
        )
    finally:
        await running.stop()
