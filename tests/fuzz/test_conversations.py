"""Fuzzing the whole bot through the emulator: two users at a time, each starting in some
conversation state (a stranger, an attendee, an officer in the entry form or at its summary,
an admin, an admin writing a broadcast), send random sequences of updates — texts with emoji,
right-to-left and HTML-looking text, 4,096-character texts, every command, taps on current
and stale buttons, forged callback data, documents, photos, albums, edits, locations and
contacts. Invariants after each example:

- the bot still answers: ``/start`` gets the welcome;
- the emulator rejected none of the bot's calls (Telegram's rules were kept);
- no handler failed unexpectedly (no generic apology was sent), and the form's progress
  never counts past its total;
- the database is consistent (checked by queries, :func:`inconsistencies`);
- neither user ever saw the other's text or name.

Bounded for CI (slow-ish: 15–40 s per database on 2 shared cores): 25 examples per database
without shrinking, each with fresh users on the running bot.
"""

from __future__ import annotations

import asyncio
import re
import secrets
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from telegram.ext import CommandHandler, ConversationHandler

from bot.i18n import t
from bot.sandbox.client import EmulatorControlError
from bot.sandbox.users import press_callback
from bot.services.core.events import current_edition
from bot.services.entries.submissions import officer_units, start_entry
from bot.storage.models import Submission, SubmissionStatus
from tests.e2e.helpers.entries import (
    IN_WINDOW,
    active_entry_id,
    invite_code,
    prefilled_entry,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]

ROLES = ("stranger", "attendee", "officer_form", "officer_summary", "admin", "admin_broadcast")
ADMIN_ROLES = {"admin", "admin_broadcast"}
UNITS = {"A": "DLH", "B": "DINSOS"}
"""Each of the two users joins another unit, so neither may see the other's entries."""

SAMPLE_TEXTS = (
    "Halo 👋🏽 apa kabar? 🇮🇩 👨‍👩‍👧",
    "مرحبا بكم في جائزة الابتكار الحكومي",
    "שלום \u202eevil\u202c עולם",
    "<b>tebal</b> <script>alert(1)</script> &amp; &lt; > \" '",
    "<a href='javascript:alert(1)'>klik</a> </pre> <tg-spoiler>",
    ("Rancang <b>inovasi</b> & مرحبا 🚀 " * 160)[:4096],
    "ß" * 4096,
    "10/01/2022",
    "31/02/2022",
    "Rp10.000.000",
    "-5",
    "9" * 40,
    "https://youtu.be/sidoti",
    "javascript:alert(1)",
    "0812-3456-7890",
    "1",
    "Ya",
    "📝 Kirim Inovasi",
    "📅 Agenda",
)

CALLBACK_PREFIXES = ("entry:", "agenda:", "bc:", "cm:", "sub:", "lang:", "jd:", "win:", "")

texts = st.one_of(
    st.sampled_from(SAMPLE_TEXTS),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        min_size=1,
        max_size=60,
    ).filter(str.strip),
)
ENTRY_ACTIONS = (
    "open", "new", "edit", "pick", "toggle", "next", "skip", "clear", "summary", "review",
    "confirm", "withdraw", "withdrawok", "indicators", "indicator", "level", "noevidence",
)  # fmt: skip
"""Actions of the entry form's buttons (``entry:<action>:<entry id>[:<index>[:<value>]]``)."""

callback_data = st.one_of(
    st.builds(
        lambda prefix, words, numbers: prefix + ":".join([*words, *map(str, numbers)]),
        st.sampled_from(CALLBACK_PREFIXES),
        st.lists(st.sampled_from(ENTRY_ACTIONS + ("day", "now", "e", "x")), max_size=2),
        st.lists(st.one_of(st.integers(0, 40), st.integers(-5, 10**12)), max_size=3),
    ),
    st.text(min_size=1, max_size=20),
).filter(lambda data: 0 < len(data.encode()) <= 64)

actions = st.one_of(
    st.tuples(st.just("text"), texts),
    st.tuples(
        st.just("command"), st.integers(0, 200), st.sampled_from(["", " 1", " x <b>", " 99999"])
    ),
    st.tuples(st.just("tap"), st.integers(0, 50)),
    st.tuples(st.just("tap"), st.integers(0, 50)),
    st.tuples(st.just("forged"), callback_data),
    st.tuples(
        st.just("document"), st.sampled_from([("a.pdf", "application/pdf"), ("x.exe", None)])
    ),
    st.tuples(st.just("photo")),
    st.tuples(st.just("album"), st.integers(2, 3)),
    st.tuples(st.just("edit"), texts),
    st.tuples(st.just("location"), st.floats(-90, 90), st.floats(-180, 180)),
    st.tuples(st.just("contact")),
)


@dataclass
class Actor:
    """One fuzzed user: the driver, their role and the marker in everything they send."""

    name: str
    role: str
    driver: Any
    marker: str
    log: list[str] = field(default_factory=list)
    """What the user did, resolved (the button tapped…), for failure messages."""


def registered_commands(application: Any) -> list[str]:
    """Every command the bot registered, conversations' entry points and fallbacks included."""
    found: set[str] = set()

    def walk(handlers: list[Any]) -> None:
        for handler in handlers:
            if isinstance(handler, CommandHandler):
                found.update(handler.commands)
            elif isinstance(handler, ConversationHandler):
                walk(handler.entry_points)
                walk(handler.fallbacks)
                for state_handlers in handler.states.values():
                    walk(state_handlers)

    for group in application.handlers.values():
        walk(group)
    return sorted(found)


async def new_entry(bot: Any, user_id: int) -> None:
    """A new draft of the officer's unit, opened for them at the first field (the unit may
    have drafts of earlier examples, which the menu button would offer to choose from)."""
    async with bot.runtime.transaction() as session:
        edition = await current_edition(session)
        officer = (await officer_units(session, user_id, edition.id))[0]
        await start_entry(session, officer, edition, IN_WINDOW)


async def setup_actor(name: str, role: str, bot: Any, users: Any) -> Actor:
    """A fresh user brought into ``role``'s conversation state."""
    marker = f"QZ{name}{secrets.token_hex(4).upper()}"
    driver = await users.create(f"Fuzz {marker}", admin=role in ADMIN_ROLES)
    if role == "attendee":
        await driver.send("/start")
        await driver.expect_message("Selamat datang")
    elif role.startswith("officer"):
        await driver.send(f"/daftar {await invite_code(bot, UNITS[name])}")
        await driver.expect_message("terdaftar sebagai petugas")
        if role == "officer_form":
            await new_entry(bot, driver.id)
            await driver.send("/lanjutkan")
            await driver.expect_message("Nama inovasi (")
        else:
            await prefilled_entry(bot, driver.id)
            await driver.send("/lanjutkan")
            await driver.expect_message("Ringkasan:")
    elif role == "admin":
        await driver.send("/entries")
        await driver.expect_message()
    elif role == "admin_broadcast":
        await driver.send("/broadcast")
        await driver.expect_message()
    return Actor(name, role, driver, marker)


def _buttons(data: dict[str, Any]) -> list[tuple[int | None, str]]:
    """(message id, callback data) of every inline button, newest message first, then
    (None, label) of the reply keyboard's buttons."""
    found: list[tuple[int | None, str]] = []
    for message in reversed(data["messages"]):
        if message["from"] != "bot" or message["deleted"]:
            continue
        for row in message.get("inline_keyboard") or []:
            found += [
                (message["message_id"], b["callback_data"]) for b in row if "callback_data" in b
            ]
    for row in (data.get("reply_keyboard") or {}).get("keyboard", []):
        found += [(None, b if isinstance(b, str) else b["text"]) for b in row]
    return found


async def forge_callback(emulator: Any, actor: Actor, data: str) -> None:
    """A callback query with ``data`` on the user's latest bot message, as a tampered client
    could send it (the emulator's tap only presses real buttons)."""
    world = emulator.world
    chat = world.chats[actor.driver.id]
    latest = [m for _, m in sorted(chat.messages.items()) if m.from_bot and not m.deleted]
    if latest:
        await press_callback(world, world.users[actor.driver.id], chat, latest[-1], data)


async def perform(action: tuple, actor: Actor, commands: list[str], emulator: Any) -> None:
    """Carry out one drawn action, then wait briefly for the bot's reaction (a change of the
    chat, at most half a second: some updates rightly get no answer)."""
    driver, kind, marker = actor.driver, action[0], actor.marker
    before = await driver.client.transcript(driver.chat_id)
    if kind == "text":
        await driver.send(f"{marker} {action[1]}"[:4096])
    elif kind == "command":
        actor.log.append(f"/{commands[action[1] % len(commands)]}{action[2]}")
        await driver.send(actor.log[-1])
    elif kind == "tap":
        buttons = _buttons(before)
        if not buttons:
            return
        message_id, value = buttons[action[1] % len(buttons)]
        actor.log.append(f"tap {value!r} on message {message_id}")
        try:
            if message_id is None:
                await driver.tap(value)
            else:
                await driver.tap(data=value, message_id=message_id)
        except EmulatorControlError as error:
            if error.status != 404:
                raise
            actor.log.append("(the bot had just replaced that button)")
    elif kind == "forged":
        actor.log.append(f"forged callback {action[1]!r}")
        await forge_callback(emulator, actor, action[1])
    elif kind == "document":
        name, mime = action[1]
        await driver.send_document(b"%PDF-1.4\n% " + marker.encode(), f"{marker}-{name}", mime)
    elif kind == "photo":
        await driver.send_photo(b"\xff\xd8\xff\xe0 fake jpeg", caption=marker)
    elif kind == "album":
        items = [
            {"kind": "document", "data": b"%PDF-1.4\n", "file_name": f"{marker}-{i}.pdf",
             "mime_type": "application/pdf"}
            for i in range(action[1])
        ]  # fmt: skip
        await driver.send_album(items)
    elif kind == "edit":
        own = [m for m in before["messages"] if m["from"] == "user" and m.get("text")]
        if own:
            await driver.edit(own[-1]["message_id"], f"{marker} {action[1]}"[:4096])
    elif kind == "location":
        await driver.share_location(action[1], action[2])
    elif kind == "contact":
        await driver.share_contact("+6281234567890")
    await driver.client.wait(driver.chat_id, since_version=before["version"], timeout=0.5)


async def inconsistencies(runtime: Any) -> list[str]:
    """Rows that break the data model's rules (each query names what it checks)."""
    checks = {
        "answer without its entry": "SELECT count(*) FROM answers a LEFT JOIN submissions s "
        "ON s.id = a.submission_id WHERE s.id IS NULL",
        "attachment without its entry": "SELECT count(*) FROM attachments a LEFT JOIN "
        "submissions s ON s.id = a.submission_id WHERE s.id IS NULL",
        "officer without unit": "SELECT count(*) FROM officers o LEFT JOIN units u "
        "ON u.id = o.unit_id WHERE u.id IS NULL",
        "officer filling in another unit's entry": "SELECT count(*) FROM officers o JOIN "
        "submissions s ON s.id = o.current_submission_id WHERE s.unit_id <> o.unit_id",
        "duplicate delivery": "SELECT count(*) FROM (SELECT broadcast_id, chat_id FROM "
        "deliveries GROUP BY broadcast_id, chat_id HAVING count(*) > 1) d",
        "duplicate subscription": "SELECT count(*) FROM (SELECT chat_id, topic FROM "
        "subscribers GROUP BY chat_id, topic HAVING count(*) > 1) d",
    }
    problems = []
    async with runtime.sessions() as session:
        for name, query in checks.items():
            if count := await session.scalar(text(query)):
                problems.append(f"{name}: {count}")
        numbers = await session.execute(
            select(Submission.edition_id, Submission.number, func.count())
            .where(Submission.number.is_not(None))
            .group_by(Submission.edition_id, Submission.number)
            .having(func.count() > 1)
        )
        problems += [f"number {n} used {c} times" for _, n, c in numbers]
        for entry in await session.scalars(select(Submission)):
            numbered = entry.number is not None
            if numbered != (entry.status is not SubmissionStatus.DRAFT):
                problems.append(f"entry {entry.id} {entry.status} with number {entry.number}")
    return problems


def _visible_text(data: dict[str, Any]) -> str:
    """Everything a user sees in their chat: texts, captions, buttons, file names."""
    parts = []
    for message in data["messages"]:
        parts += [message.get("text") or "", message.get("caption") or ""]
        parts += [str(message.get("inline_keyboard") or ""), str(message.get("document") or "")]
    return "\n".join(parts)


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: bounded time in CI
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(
    roles=st.tuples(st.sampled_from(ROLES), st.sampled_from(ROLES)),
    sequences=st.tuples(
        st.lists(actions, min_size=3, max_size=10), st.lists(actions, min_size=3, max_size=10)
    ),
)
async def test_random_updates_keep_the_bot_answering_correct_and_private(
    bot, users, emu, emulator, roles, sequences
) -> None:
    bot.clock.set(IN_WINDOW)
    commands = registered_commands(bot.application)
    actors = [
        await setup_actor(name, role, bot, users)
        for name, role in zip(("A", "B"), roles, strict=True)
    ]

    async def play(actor: Actor, sequence: list[tuple]) -> None:
        for action in sequence:
            await perform(action, actor, commands, emulator)

    await asyncio.gather(*(play(a, s) for a, s in zip(actors, sequences, strict=True)))

    for actor in actors:  # still answering
        driver = actor.driver
        last = max((m["message_id"] for m in await driver.transcript()), default=0)
        await driver.send("/start")
        await driver.expect_message(
            predicate=lambda m, last=last: (
                m["message_id"] > last
                and any(w in (m.get("text") or "") for w in ("Selamat datang", "Welcome"))
            ),
            timeout=10,
        )
    rejected = [(r["method"], r["chat_id"], r["description"]) for r in await emu.rejections()]
    assert rejected == [], [(actor.role, actor.log) for actor in actors]
    apologies = {t("id", "error-generic"), t("en", "error-generic")}
    for actor in actors:
        said = [m.get("text") or "" for m in await actor.driver.bot_messages()]
        assert not apologies & set(said), (actor.role, actor.log)
        for done, total in re.findall(r"\((\d+) (?:dari|of) (\d+)\)", "\n".join(said)):
            assert int(done) <= int(total), (actor.role, actor.log)  # form progress
    assert await inconsistencies(bot.runtime) == []
    if not ADMIN_ROLES & set(roles):  # admins may rightly see officers' entries
        seen = [_visible_text(await emu.transcript(a.driver.chat_id)) for a in actors]
        assert actors[0].marker not in seen[1]
        assert actors[1].marker not in seen[0]


async def test_forged_entry_buttons_with_missing_or_wrong_numbers_are_ignored(
    bot, users, emu, emulator
) -> None:
    bot.clock.set(IN_WINDOW)
    actor = await setup_actor("A", "officer_summary", bot, users)
    entry = await active_entry_id(bot, actor.driver.id)
    forged = [f"entry:{action}" for action in ENTRY_ACTIONS] + [
        f"entry:{action}:{entry}:{tail}"
        for action in ("level", "pick", "toggle")
        for tail in ("0", "0:99", "99:1", "0:0:7")
    ]
    for data in forged:
        await forge_callback(emulator, actor, data)
    await actor.driver.send("/start")
    await actor.driver.expect_message("Selamat datang")
    said = {m.get("text") for m in await actor.driver.bot_messages()}
    assert t("id", "error-generic") not in said
    assert await emu.rejections() == []
    assert all(record.answer is not None for record in emulator.world.callbacks.values())
