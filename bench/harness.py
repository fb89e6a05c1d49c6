"""Shared pieces of the benchmarks: an in-process emulator that timestamps every bot reply,
bots started as real processes against it, and the table printed at the end.

The emulator runs in the benchmark's own event loop so that sending a user's message and
seeing the bot's reply are measured without HTTP polling on the measuring side; the bot under
test is a separate process speaking HTTP to the emulator, exactly as in production.
"""

from __future__ import annotations

import asyncio
import gc
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.sandbox.emulator import Emulator
from bot.sandbox.users import send_text

REPO = Path(__file__).resolve().parent.parent
BOT_TOKEN = "123456789:AAHbench-token-0123456789abcdefghij"
REFERENCE_TOKEN = "987654321:AAHreference-token-0123456789abcdef"
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"

Answers = Callable[[str], bool]
"""Whether a bot message (its text or caption) is the answer a virtual user waits for."""


class ReplyClock:
    """Records when the bot's messages arrive, per chat, and lets callers await the next one
    (or the next one that answers what they sent: a chat may still be getting the rest of
    an earlier answer, e.g. /start's subscription offer under its welcome)."""

    def __init__(self) -> None:
        self.arrivals: dict[int, list[float]] = defaultdict(list)
        self.waiters: dict[int, list[tuple[asyncio.Future[float], Answers | None]]] = defaultdict(
            list
        )

    def record(self, chat_id: int, text: str = "") -> None:
        moment = time.perf_counter()
        self.arrivals[chat_id].append(moment)
        waiting = []
        for waiter, answers in self.waiters[chat_id]:
            if waiter.done():
                continue
            if answers is None or answers(text):
                waiter.set_result(moment)
            else:
                waiting.append((waiter, answers))
        self.waiters[chat_id] = waiting

    def next_reply(self, chat_id: int, answers: Answers | None = None) -> asyncio.Future[float]:
        """The time of the chat's next bot message (whose text or caption ``answers``
        accepts, when given)."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiters[chat_id].append((future, answers))
        return future


async def start_emulator(rate_limits: RateLimits | None = None) -> tuple[Emulator, ReplyClock]:
    """An emulator on a free loopback port whose bot messages are timestamped."""
    config = EmulatorConfig(rate_limits=rate_limits or RateLimits(enabled=False))
    emulator = Emulator(config)
    replies = ReplyClock()
    original = emulator.world.add_message

    def add_message(chat, sender, from_bot, **content):  # type: ignore[no-untyped-def]
        stored = original(chat, sender, from_bot, **content)
        if from_bot:
            replies.record(chat.id, stored.api.get("text") or stored.api.get("caption") or "")
        return stored

    emulator.world.add_message = add_message  # type: ignore[method-assign]
    await emulator.start(host="127.0.0.1", port=0)
    return emulator, replies


def event_file_open_now(directory: Path) -> Path:
    """A copy of the seed event file whose entry period includes the real "now" (the bot
    process runs on the real clock, and the form scenario fills in entries)."""
    data = yaml.safe_load((REPO / "config" / "event.yaml").read_text(encoding="utf-8"))
    now = datetime.now(UTC).replace(microsecond=0)
    data["edition"]["entries_open"] = (now - timedelta(days=1)).isoformat()
    data["edition"]["entries_close"] = (now + timedelta(days=30)).isoformat()
    path = directory / "event-open-now.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


async def fresh_database(kind: str, directory: Path) -> str:
    """A new database migrated to head: an SQLite file in ``directory``, or a new database on
    the PostgreSQL server of TEST_DATABASE_URL (default ``postgresql://postgres@127.0.0.1/test``).

    Returns:
        Its SQLAlchemy URL (drop it with :func:`drop_database`).
    """
    from sqlalchemy.engine import make_url

    from bot.settings import Settings
    from bot.storage.migrate import upgrade
    from tests.conftest import _pg_execute

    if kind == "sqlite":
        os.makedirs(directory, exist_ok=True)
        url = f"sqlite+aiosqlite:///{directory / 'bench.db'}"
    else:
        admin = Settings(database_url=os.environ.get("TEST_DATABASE_URL", DEFAULT_PG)).database_url
        name = f"iga_bench_{uuid.uuid4().hex[:8]}"
        await _pg_execute(admin, f"CREATE DATABASE {name}")
        url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    await asyncio.to_thread(upgrade, url)
    return url


async def drop_database(url: str) -> None:
    """Drop a PostgreSQL database made by :func:`fresh_database` (SQLite files go with their
    temporary directory)."""
    from sqlalchemy.engine import make_url

    from tests.conftest import _pg_execute

    if url.startswith("sqlite"):
        return
    parsed = make_url(url)
    admin = parsed.set(database="postgres").render_as_string(hide_password=False)
    await _pg_execute(admin, f"DROP DATABASE IF EXISTS {parsed.database} WITH (FORCE)")


def bot_environment(
    emulator: Emulator,
    database_url: str,
    token: str = BOT_TOKEN,
    event_config: Path | None = None,
) -> dict[str, str]:
    """Environment for ``python -m bot run`` against ``emulator``; the bot imports
    ``event_config`` (default the seed event file) into an empty database when it starts.
    The bot's code is this checkout's (``PYTHONPATH`` first): the process runs in a scratch
    folder, where a relative ``PYTHONPATH=.`` would leave it the installed one."""
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])),
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE_URL=emulator.bot_api_base_url,
        TELEGRAM_API_FILE_URL=emulator.file_base_url,
        DATABASE_URL=database_url,
        EVENT_CONFIG=str(event_config or REPO / "config" / "event.yaml"),
        ADMIN_IDS="",
        LOG_LEVEL="WARNING",
    )
    return env


@dataclass
class Process:
    """A bot running as a child process."""

    popen: subprocess.Popen[bytes]
    started_at: float

    def cpu_seconds(self) -> float:
        """CPU time the process has used so far (user + system), seconds; read from
        ``/proc/<pid>/stat`` (Linux), so it does not count time spent waiting for the CPU
        while other processes ran."""
        fields = Path(f"/proc/{self.popen.pid}/stat").read_text().rsplit(")", 1)[1].split()
        utime, stime = int(fields[11]), int(fields[12])  # clock ticks (proc(5))
        return (utime + stime) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.popen.terminate()
        try:
            self.popen.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait()


def spawn(command: Sequence[str], env: dict[str, str], cwd: Path) -> Process:
    """Start ``command`` with output kept in a log file beside ``cwd``."""
    log = open(cwd / "process.log", "ab")  # noqa: SIM115 - closed with the process
    popen = subprocess.Popen(list(command), env=env, cwd=cwd, stdout=log, stderr=log)
    return Process(popen, time.perf_counter())


async def wait_answering(emulator: Emulator, replies: ReplyClock, timeout: float = 60.0) -> float:
    """Send /start from a fresh user until the bot answers; return the time it answered."""
    world = emulator.world
    user = world.add_user("Warmup", language_code="id")
    chat = world.chats[user.id]
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        reply = replies.next_reply(chat.id)
        await send_text(world, user, chat, "/start")
        try:
            return await asyncio.wait_for(reply, timeout=2.0)
        except TimeoutError:
            continue
    raise RuntimeError("the bot did not answer within the deadline")


@dataclass
class LoadResult:
    """Figures of one load run."""

    requests: int
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    cpu_seconds: float = 0.0
    """CPU time the bot process used during the run (see :meth:`Process.cpu_seconds`)."""

    @property
    def cpu_ms_per_update(self) -> float:
        return 1000 * self.cpu_seconds / self.requests if self.requests else float("nan")

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
        return ordered[index]


async def warm_up(world: Any, replies: ReplyClock, people: Sequence[Any]) -> None:
    """Each user sends /start once (not measured): steady state is users who have talked to
    the bot before; a first contact also records the chat in the database.

    Each /start is waited for until the bot has handled it (the update confirmed to the
    emulator, which the IGA bot's inbox does only then), not only until its first message:
    /start also sends the subscription offer, which would otherwise arrive during the
    measured loop and pass for the answer to the user's first step."""

    async def one(user: Any) -> None:
        chat = world.chats[user.id]
        reply = replies.next_reply(chat.id)
        sent = await send_text(world, user, chat, "/start")
        await asyncio.wait_for(reply, timeout=30)
        update_id = sent["update_id"]
        if not await world.wait_for(
            lambda: all(u["update_id"] != update_id for u in world.updates), 30
        ):
            raise RuntimeError(f"/start of user {user.id} was not handled within 30 s")

    for start in range(0, len(people), 20):
        await asyncio.gather(*(one(user) for user in people[start : start + 20]))
    # /start may answer with more than one message: wait until the bot confirmed every
    # update (it does once handled), so no late welcome is taken for a measured reply
    await world.wait_for(lambda: not world.updates, 30)


@contextmanager
def harness_collector_still() -> Iterator[None]:
    """While a loop measures, the collector leaves alone what this process holds already
    (the emulator's chats and messages): collected once, then frozen. A full collection of
    it stopped the emulator for up to 100 ms, which showed as the bot's p95 and p99 in one
    run out of three (``bench/throughput.py``, /agenda on SQLite: p95 77 ms, 7 ms without)."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


async def closed_loop(
    emulator: Emulator,
    replies: ReplyClock,
    texts: Sequence[str],
    *,
    users: int,
    requests: int,
    prepare: Any = None,
    process: Process | None = None,
    answers: Answers | None = None,
) -> LoadResult:
    """``users`` virtual users each send a text and wait for the first reply (the first that
    ``answers`` accepts, when given), repeatedly, until ``requests`` replies arrived: the
    maximum throughput (and, given the bot's ``process``, the CPU time it spent on them)."""
    world = emulator.world
    people = [world.add_user(f"Peserta {i}", language_code="id") for i in range(users)]
    if prepare is not None:
        await prepare(people)
    await warm_up(world, replies, people)
    remaining = requests
    latencies: list[float] = []

    async def user_loop(index: int) -> None:
        nonlocal remaining
        user = people[index]
        chat = world.chats[user.id]
        turn = 0
        while remaining > 0:
            remaining -= 1
            text = texts[turn % len(texts)]
            turn += 1
            reply = replies.next_reply(chat.id, answers)
            sent = time.perf_counter()
            await send_text(world, user, chat, text)
            answered = await asyncio.wait_for(reply, timeout=30)
            latencies.append((answered - sent) * 1000)

    with harness_collector_still():
        cpu_before = process.cpu_seconds() if process else 0.0
        start = time.perf_counter()
        await asyncio.gather(*(user_loop(i) for i in range(users)))
        elapsed = time.perf_counter() - start
        cpu = process.cpu_seconds() - cpu_before if process else 0.0
    return LoadResult(len(latencies), elapsed, latencies, cpu)


async def open_loop(
    emulator: Emulator,
    replies: ReplyClock,
    texts: Sequence[str],
    *,
    rate: float,
    requests: int,
    users: int = 200,
    prepare: Any = None,
    answers: Answers | None = None,
) -> LoadResult:
    """Send ``requests`` messages at ``rate`` per second, spread over ``users`` users, and
    measure each one's time to the bot's first reply (the first that ``answers`` accepts,
    when given)."""
    world = emulator.world
    people = [world.add_user(f"Tamu {i}", language_code="id") for i in range(users)]
    if prepare is not None:
        await prepare(people)
    await warm_up(world, replies, people)
    latencies: list[float] = []
    tasks = []

    async def one(index: int) -> None:
        user = people[index % users]
        chat = world.chats[user.id]
        reply = replies.next_reply(chat.id, answers)
        sent = time.perf_counter()
        await send_text(world, user, chat, texts[index % len(texts)])
        answered = await asyncio.wait_for(reply, timeout=30)
        latencies.append((answered - sent) * 1000)

    with harness_collector_still():
        start = time.perf_counter()
        for index in range(requests):
            due = start + index / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            # one outstanding request per user at a time keeps "first reply" unambiguous
            if index >= users:
                await tasks[index - users]
            tasks.append(asyncio.ensure_future(one(index)))
        await asyncio.gather(*tasks)
    return LoadResult(len(latencies), time.perf_counter() - start, latencies)


def spread(values: Sequence[float], digits: int = 1) -> str:
    """Median and range of several runs, e.g. ``412.0 (398.1–420.7)``."""
    if not values:
        return "-"
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    median = statistics.median(values)
    return f"{median:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def machine_line() -> str:
    """One line naming the machine and interpreter."""
    return (
        f"{platform.node()} · {platform.machine()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · {platform.system()} {platform.release()}"
    )


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Print a Markdown table with the machine and the command that produced it."""
    print(f"\n### {title}\n")
    print(f"machine: {machine_line()}")
    print(f"command: {shlex.join([Path(sys.executable).name, *sys.argv])}\n")
    print("| " + " | ".join(headers) + " |")
    print("|" + "|".join("---" for _ in headers) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
