"""300 attendees vote for the questions of the session on now within one minute: every vote
counted once, the reply time to each tap, and how soon the ballroom screen shows it.

    python bench/question_votes.py [--database postgresql|sqlite] [--people 300]
                                   [--seconds 60] [--double 0.2]

A fresh database and a bot process (``python -m bot run``, its web server on a free port for
``/layar``) against the in-process emulator, the seed event moved so that one session is on
now (real clock). Five approved questions are written before the run; each attendee opens
``/tanya`` (not measured), then at its moment of the minute (spread evenly, an open loop)
taps 👍 on one question; a share (``--double``) taps the same button a second time, as an
impatient thumb does. Measured:

* reply time: from the tap to the bot's answerCallbackQuery (p50/p95/max);
* every vote once: the votes in the database against the attendees (the second taps add
  nothing);
* the screen's update delay: ``/layar/panel`` is fetched every 100 ms during the run; for
  each vote, the time from its answer until the panel shows a total that includes it. The
  page itself fetches the panel every ``bot.web.screen.POLL_MS`` (1.5 s), which adds up to
  that much on the projector.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    REPO,
    bot_environment,
    drop_database,
    fresh_database,
    print_table,
    spawn,
    start_emulator,
    wait_answering,
)
from bot.handlers.questions.views import VOTE, Vote  # noqa: E402
from bot.sandbox import botapi  # noqa: E402
from bot.sandbox.users import find_button, press_callback, send_text  # noqa: E402
from bot.web.screen import POLL_MS  # noqa: E402

WIB = ZoneInfo("Asia/Jakarta")
SESSION = "materi-kemendagri"
QUESTIONS = 5


def event_file_on_now(directory: Path) -> Path:
    """The seed event moved to yesterday, with the session ``SESSION`` on now (today, real
    clock): it alone is running, so ``/tanya`` opens its board."""
    data = yaml.safe_load((REPO / "config" / "event.yaml").read_text(encoding="utf-8"))
    now = datetime.now(UTC).astimezone(WIB)
    data["event"]["date"] = (now.date() - timedelta(days=1)).isoformat()
    data["event"]["end_date"] = now.date().isoformat()
    data["event"].pop("evaluation", None)
    data["event"].pop("certificates", None)
    for item in data["event"]["agenda"]:
        if item["key"] == SESSION:
            item["start"] = (now - timedelta(minutes=5)).strftime("%Y-%m-%d %H.%M")
            item["end"] = (now + timedelta(hours=1)).strftime("%Y-%m-%d %H.%M")
    data["event"]["questions"] = {"votes_per_minute": 30}
    path = directory / "event-session-on-now.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def approved_questions(database_url: str) -> list[int]:
    """Write :data:`QUESTIONS` approved questions for the session (as moderators would)."""
    from sqlalchemy import select

    from bot.services.core.events import current_event
    from bot.services.questions.asking import ask
    from bot.services.questions.moderation import moderate
    from bot.storage.database import create_engine, create_session_factory
    from bot.storage.models import AgendaItem

    engine = create_engine(database_url)
    try:
        sessions = create_session_factory(engine)
        now = datetime.now(UTC)
        async with sessions() as session, session.begin():
            event = await current_event(session, now)
            item = await session.scalar(select(AgendaItem).where(AgendaItem.key == SESSION))
            ids = []
            for n in range(QUESTIONS):
                question = await ask(
                    session, event, item, asker_id=900 + n, asker_name=f"Penanya {n + 1}",
                    text=f"Pertanyaan nomor {n + 1} untuk narasumber?", now=now,
                )  # fmt: skip
                await moderate(session, event, question.id, "approve", actor_id=1, now=now)
                ids.append(question.id)
        return ids
    finally:
        await engine.dispose()


async def counted(database_url: str) -> tuple[int, int]:
    """(vote rows, the questions' counters summed)."""
    from sqlalchemy import func, select

    from bot.storage.database import create_engine
    from bot.storage.models import Question, QuestionVote

    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = await connection.scalar(select(func.count()).select_from(QuestionVote))
            total = await connection.scalar(select(func.coalesce(func.sum(Question.votes), 0)))
        return int(rows or 0), int(total or 0)
    finally:
        await engine.dispose()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def run(args: argparse.Namespace, workdir: Path) -> list[list[Any]]:
    answered: dict[str, float] = {}
    waiters: dict[str, asyncio.Future[float]] = {}
    original = botapi.BotApi.m_answercallbackquery

    async def timed(self: Any, params: Any) -> bool:  # every answer, timestamped
        result = await original(self, params)
        query_id = params.text("callback_query_id") or ""
        moment = time.perf_counter()
        answered[query_id] = moment
        if query_id in waiters and not waiters[query_id].done():
            waiters[query_id].set_result(moment)
        return result

    botapi.BotApi.m_answercallbackquery = timed  # type: ignore[method-assign]
    emulator, replies = await start_emulator()
    url = await fresh_database(args.database, workdir)
    port = free_port()
    env = bot_environment(emulator, url, event_config=event_file_on_now(workdir))
    env.update(PUBLIC_URL=f"http://127.0.0.1:{port}", PORT=str(port), SANDBOX_PLAIN_HTTP="1")
    process = spawn([sys.executable, "-m", "bot", "run"], env, workdir)
    try:
        await wait_answering(emulator, replies)
        question_ids = await approved_questions(url)
        world = emulator.world
        people = [world.add_user(f"Peserta {n}", language_code="id") for n in range(args.people)]

        async def open_board(user: Any) -> None:
            chat = world.chats[user.id]
            reply = replies.next_reply(chat.id)
            await send_text(world, user, chat, "/tanya")
            await asyncio.wait_for(reply, timeout=60)

        for start in range(0, len(people), 20):
            await asyncio.gather(*(open_board(user) for user in people[start : start + 20]))

        screen: list[tuple[float, int]] = []
        stop, all_seen = asyncio.Event(), asyncio.Event()

        async def watch(http: aiohttp.ClientSession) -> None:
            while not stop.is_set():
                async with http.get(f"http://127.0.0.1:{port}/layar/panel") as response:
                    body = await response.text()
                total = sum(int(part.split("<", 1)[0]) for part in body.split("👍 ")[1:])
                screen.append((time.perf_counter(), total))
                if total >= len(people):
                    all_seen.set()
                try:
                    await asyncio.wait_for(stop.wait(), 0.1)
                except TimeoutError:
                    pass

        latencies: list[float] = []
        counted_at: list[float] = []

        async def vote(index: int, user: Any, at: float) -> None:
            await asyncio.sleep(max(0.0, at - time.perf_counter()))
            chat = world.chats[user.id]
            data = VOTE.pack(Vote(question_ids[index % len(question_ids)]))
            stored, _ = find_button(world, chat, message_id=None, text=None, data=data)
            taps = 2 if index < args.double * len(people) else 1
            for _ in range(taps):
                sent = time.perf_counter()
                tapped = await press_callback(world, user, chat, stored, data)
                waiter = waiters[tapped["query_id"]] = asyncio.get_running_loop().create_future()
                if tapped["query_id"] in answered:
                    waiter.set_result(answered[tapped["query_id"]])
                moment = await asyncio.wait_for(waiter, timeout=60)
                latencies.append(1000 * (moment - sent))
            counted_at.append(moment)

        async with aiohttp.ClientSession() as http:
            watcher = asyncio.create_task(watch(http))
            began = time.perf_counter()
            step = args.seconds / len(people)
            try:
                await asyncio.gather(
                    *(vote(n, user, began + n * step) for n, user in enumerate(people))
                )
            except BaseException:
                stop.set()
                await watcher
                raise
            took = time.perf_counter() - began
            try:
                await asyncio.wait_for(all_seen.wait(), 30)
            except TimeoutError:
                pass  # reported: fewer votes seen on the screen
            stop.set()
            await watcher
        rows, total = await counted(url)
        delays = []
        for rank, moment in enumerate(sorted(counted_at), start=1):
            shown = next((t for t, votes in screen if t >= moment and votes >= rank), None)
            if shown is not None:
                delays.append(1000 * (shown - moment))
        taps = len(latencies)
        return [
            [
                args.database,
                len(people),
                taps,
                f"{took:.1f}",
                f"{rows} / {total}",
                "yes" if rows == total == len(people) else "NO",
                f"{statistics.median(latencies):.0f}",
                f"{percentile(latencies, 0.95):.0f}",
                f"{max(latencies):.0f}",
                f"{statistics.median(delays):.0f}" if delays else "-",
                f"{percentile(delays, 0.95):.0f}" if delays else "-",
                f"{len(delays)}/{len(people)}",
            ]
        ]
    finally:
        process.stop()
        await emulator.stop()
        await drop_database(url)
        botapi.BotApi.m_answercallbackquery = original  # type: ignore[method-assign]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--double", type=float, default=0.2, help="share that taps twice")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = await run(args, Path(tmp))
    print_table(
        "300 attendees voting within one minute",
        [
            "database", "attendees", "taps", "seconds", "votes rows / counters",
            "every vote once", "reply p50 ms", "reply p95 ms", "reply max ms",
            "screen p50 ms", "screen p95 ms", "votes seen on screen",
        ],
        rows,
    )  # fmt: skip
    print(f"\nThe projector's page fetches the panel every {POLL_MS} ms (adds up to that).")


if __name__ == "__main__":
    asyncio.run(main())
