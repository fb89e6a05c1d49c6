"""Update throughput and latency of the IGA bot, side by side with a plain python-telegram-bot
echo bot on the same emulator.

    python bench/throughput.py [--database sqlite|postgresql] [--runs 3] [--requests 600]

For each scenario (``/start``, an agenda lookup, a form step that writes to the database when
that feature exists) it measures the maximum throughput with closed-loop virtual users, then
the latency (p50/p95/p99) at half that rate. The headline figure is the ratio of the bot's
throughput to the reference's. Targets (issue 8): read paths ≥ 70 % of the reference, the form
step ≥ 40 %, p95 < 50 ms at half the maximum throughput.

"bot CPU ms/update" is the CPU time the bot process spent per update during the closed loop
(user + system, from /proc); its ratio to the reference's ("CPU ratio", reference CPU / bot
CPU) depends much less on what else the machine runs than the rates do.

``--same-reply`` adds, per scenario, the plain PTB bot answering every message with the IGA
bot's own reply (text, entities, keyboard): what sending that reply costs with nothing else,
the floor under the IGA bot's figures for that scenario.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import tempfile
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    BOT_TOKEN,
    REFERENCE_TOKEN,
    REPO,
    Answers,
    LoadResult,
    bot_environment,
    closed_loop,
    drop_database,
    event_file_open_now,
    fresh_database,
    open_loop,
    print_table,
    spawn,
    spread,
    start_emulator,
    wait_answering,
)

TARGETS = {"start": 0.70, "agenda": 0.70, "form": 0.40}
LATENCY_MS = 50.0
"""p95 latency target at half the peak rate, milliseconds."""


FORM_FIELD = "rancang_bangun"
"""A long-text field of the seed form (``LONG_FIELD`` of the tests' entry helpers): each
message is appended to the saved answer and the officer stays on the field, so every message
is a form step that writes to the database."""

FORM_TEXT = "Layanan daring bagi warga Kota Blitar: pengaduan, antrean dan pelacakan berkas."

FORM_RECEIPT = re.compile(r"^Tersimpan \d+ kata untuk ")
"""The answer to one more piece of a long text (``entry-long-saved`` in Indonesian): a
form step is answered by its receipt, sent once the piece is committed, not by whatever
message the chat gets next."""


def is_start_offer(text: str) -> bool:
    """Whether a bot message is /start's last one in a private chat with no subscription:
    the subscription offer (``start-offer-subscribe``) under the welcome. A /start step is
    answered by it; counting the welcome would let the offer pass for the next step's
    answer (two messages per step, half of them counted as instant replies)."""
    return text.startswith("🔔")


def is_form_receipt(text: str) -> bool:
    """Whether a bot message is the receipt of a form step (:data:`FORM_RECEIPT`)."""
    return FORM_RECEIPT.match(text) is not None


async def officers_in_form(database_url: str, people: Sequence[Any]) -> None:
    """Make each virtual user an officer with a draft entry open at :data:`FORM_FIELD`."""
    from tests.e2e.helpers.entries import officers_at_long_field

    await officers_at_long_field(database_url, [user.id for user in people])


async def answers_were_saved(database_url: str, people: Sequence[Any], sent: int) -> None:
    """Check that every form step was stored: the officers' answers hold ``sent`` messages
    (each step counted on its own receipt, which the bot sends after the commit, so what was
    answered is saved by the time this reads).

    Raises:
        RuntimeError: The bot answered without saving (the scenario measured something else).
    """
    from sqlalchemy import select

    from bot.storage.database import create_engine, create_session_factory
    from bot.storage.models import Answer, Submission

    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            values = await session.scalars(
                select(Answer.value)
                .join(Submission, Submission.id == Answer.submission_id)
                .where(
                    Answer.field_key == FORM_FIELD,
                    Submission.created_by.in_([user.id for user in people]),
                )
            )
            saved = sum(value.count(FORM_TEXT) for value in values)
    finally:
        await engine.dispose()
    if saved != sent:
        raise RuntimeError(f"{sent} form steps answered but {saved} saved")


@dataclass
class Scenario:
    """What the virtual users send. ``prepare(database_url, users)`` runs before they start;
    ``verify(database_url, users, replies)`` after the closed loop raises if the bot did not
    do the work it answered for; ``answers`` tells a step's answer from other bot messages
    of the chat (None: the first message after the step)."""

    name: str
    texts: list[str]
    prepare: Callable[[str, Sequence[Any]], Awaitable[None]] | None = None
    verify: Callable[[str, Sequence[Any], int], Awaitable[None]] | None = None
    answers: Answers | None = None


SCENARIOS = [
    Scenario("start", ["/start"], answers=is_start_offer),
    Scenario("agenda", ["/agenda"]),
    Scenario("form", [FORM_TEXT], officers_in_form, answers_were_saved, is_form_receipt),
]


def last_reply(emulator: Any) -> dict[str, Any]:
    """The bot's last message in the busiest chat, as a Bot API message with its keyboard."""
    chat = max(emulator.world.chats.values(), key=lambda c: len(c.messages))
    stored = max((m for m in chat.messages.values() if m.from_bot), key=lambda m: m.message_id)
    message = dict(stored.api)
    if getattr(stored, "keyboard", None):
        message["reply_markup"] = stored.keyboard
    return message


async def measure(
    command: list[str],
    token: str,
    database_url: str | None,
    scenario: Scenario,
    args: argparse.Namespace,
    workdir: Path,
    *,
    reference_reply: Path | None = None,
    capture_reply: Path | None = None,
) -> tuple[LoadResult, LoadResult]:
    """Start a fresh emulator and bot process, then run the closed and open loops.

    ``reference_reply`` makes the reference answer with that stored message (see
    bench/echo_bot.py); ``capture_reply`` stores one of the bot's replies of the closed loop
    there, as the emulator holds it."""
    emulator, replies = await start_emulator()
    env = bot_environment(emulator, database_url or "", token, event_file_open_now(workdir))
    if reference_reply is not None:
        env["REFERENCE_REPLY"] = str(reference_reply)
    process = spawn(command, env, workdir)
    try:
        await wait_answering(emulator, replies)
        texts = scenario.texts if token == BOT_TOKEN else ["halo"]
        answers = scenario.answers if token == BOT_TOKEN else None
        prepare, prepared = None, []
        if token == BOT_TOKEN and scenario.prepare is not None:

            async def prepare(people: Sequence[Any]) -> None:
                prepared[:] = people
                await scenario.prepare(database_url, people)

        peak = await closed_loop(
            emulator,
            replies,
            texts,
            users=args.users,
            requests=args.requests,
            prepare=prepare,
            process=process,
            answers=answers,
        )
        if prepare is not None and scenario.verify is not None:
            await scenario.verify(database_url, prepared, peak.requests)
        if capture_reply is not None:
            sample = json.dumps(last_reply(emulator))
            await asyncio.to_thread(capture_reply.write_text, sample, encoding="utf-8")
        steady = await open_loop(
            emulator,
            replies,
            texts,
            rate=max(1.0, peak.throughput / 2),
            requests=args.requests // 2,
            prepare=prepare,
            answers=answers,
        )
        return peak, steady
    finally:
        process.stop()
        await emulator.stop()


def table_row(
    label: str,
    runs: Sequence[tuple[LoadResult, LoadResult]],
    reference: Sequence[tuple[LoadResult, LoadResult]],
) -> list[str]:
    """Rate, ratio, latency and CPU cells of one bot over its runs, against the reference's
    runs (run i is compared with the reference's run i)."""
    rates = [peak.throughput for peak, _ in runs]
    ref_rates = [peak.throughput for peak, _ in reference]
    cpu = [peak.cpu_ms_per_update for peak, _ in runs]
    ref_cpu = [peak.cpu_ms_per_update for peak, _ in reference]
    return [
        label,
        spread(rates),
        spread([rate / ref for rate, ref in zip(rates, ref_rates, strict=False)], 2),
        spread([steady.percentile(0.5) for _, steady in runs]),
        spread([steady.percentile(0.95) for _, steady in runs]),
        spread([steady.percentile(0.99) for _, steady in runs]),
        spread(cpu, 2),
        f"{statistics.median(ref_cpu) / statistics.median(cpu):.2f}",
    ]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--scenario", action="append", help="only these scenarios")
    parser.add_argument(
        "--same-reply",
        action="store_true",
        help="also run the plain PTB bot answering with the IGA bot's reply of each scenario",
    )
    args = parser.parse_args()

    scenarios = [s for s in SCENARIOS if not args.scenario or s.name in args.scenario]
    bot_command = [sys.executable, "-m", "bot", "run"]
    reference_command = [sys.executable, str(REPO / "bench" / "echo_bot.py")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        reference = [
            await measure(reference_command, REFERENCE_TOKEN, None, scenarios[0], args, workdir)
            for _ in range(args.runs)
        ]
        ref_rate = [peak.throughput for peak, _ in reference]
        rows.append([*table_row("reference echo (plain PTB)", reference, reference), "-"])
        for scenario in scenarios:
            runs = []
            sample = workdir / f"reply-{scenario.name}.json"
            for _ in range(args.runs):
                run_dir = workdir / uuid.uuid4().hex[:6]
                run_dir.mkdir()
                url = await fresh_database(args.database, run_dir)
                try:
                    runs.append(
                        await measure(
                            bot_command,
                            BOT_TOKEN,
                            url,
                            scenario,
                            args,
                            run_dir,
                            capture_reply=sample,
                        )
                    )
                finally:
                    await drop_database(url)
            target = TARGETS.get(scenario.name, 0.7)
            ratios = [peak.throughput / ref for (peak, _), ref in zip(runs, ref_rate, strict=False)]
            ok = min(ratios) >= target and max(s.percentile(0.95) for _, s in runs) < LATENCY_MS
            verdict = f"{'met' if ok else 'MISSED'} (≥{target:.0%}, p95<{LATENCY_MS:.0f} ms)"
            label = f"IGA bot: {scenario.name} ({args.database})"
            rows.append([*table_row(label, runs, reference), verdict])
            if args.same_reply:
                floor = [
                    await measure(
                        reference_command,
                        REFERENCE_TOKEN,
                        None,
                        scenario,
                        args,
                        workdir,
                        reference_reply=sample,
                    )
                    for _ in range(args.runs)
                ]
                label = f"plain PTB sending the same reply as {scenario.name}"
                rows.append([*table_row(label, floor, reference), "-"])
    print_table(
        f"Update throughput and latency ({args.runs} runs, {args.requests} requests, "
        f"{args.users} closed-loop users; latency at half the peak rate)",
        [
            "bot and scenario",
            "updates/s",
            "ratio to reference",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "bot CPU ms/update",
            "CPU ratio",
            "target",
        ],
        rows,
    )


if __name__ == "__main__":
    asyncio.run(main())
