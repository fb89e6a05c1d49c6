"""Every guarded command and button, walked as a user without the role (issue 13: a refused
action still wrote): each is refused aloud with the one polite text (a button's answer, so
nothing spins), audited once, and the whole database is unchanged but for the audit rows.

The walk finds the guarded handlers in the running application itself (the ``guarded_role``
mark of :func:`bot.handlers.shared.access.guarded` and ``requires``), so a new guarded
command or button is walked without a change here; callback data are made from each
handler's pattern, every alternative of it, with ids that exist."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.handlers.questions.moderation import EditingQuestion
from bot.handlers.shared.access import GUARD_ATTRIBUTE
from bot.i18n import plain_text, t
from bot.sandbox.users import press_callback
from bot.services.shared.pending_input import wait_for
from bot.storage.models import Attachment, AuditEntry, FileState
from tests.e2e.helpers.database import whole_database
from tests.factories import edition, make_entry, make_judge, make_officer

try:  # Python 3.11+
    from re import _parser as regex_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse as regex_parser  # type: ignore[no-redef]

pytestmark = [pytest.mark.e2e, pytest.mark.fast_typing]

MOST_SAMPLES = 40
"""Most callback data made from one pattern."""


def samples(pattern: str) -> list[str]:
    """Strings matching ``pattern``: every alternative and optional part once, each digit
    run as "1" and each class as its first character (a word: "a")."""
    return sorted(set(_expand(list(regex_parser.parse(pattern)))))[:MOST_SAMPLES]


def _expand(items: list) -> list[str]:  # type: ignore[type-arg]
    results = [""]
    for op, value in items:
        options = _options(str(op), value)
        results = [done + option for done in results for option in options][: MOST_SAMPLES * 4]
    return results


def _options(op: str, value) -> list[str]:  # type: ignore[no-untyped-def]
    if op == "LITERAL":
        return [chr(value)]
    if op == "AT":
        return [""]
    if op == "SUBPATTERN":
        return _expand(list(value[-1]))
    if op == "BRANCH":
        return [text for branch in value[1] for text in _expand(list(branch))]
    if op == "IN":
        return [_first_of(value)]
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _, inner = value
        once = _expand(list(inner))
        return ([""] if low == 0 else []) + [text * max(low, 1) for text in once]
    if op in ("ANY", "NOT_LITERAL"):
        return ["a"]
    raise AssertionError(f"cannot make a sample of {op}")


def _first_of(members) -> str:  # type: ignore[no-untyped-def]
    for op, value in members:
        name = str(op)
        if name == "LITERAL":
            return chr(value)
        if name == "RANGE":
            low, high = value
            return "1" if low <= ord("1") <= high else chr(low)
        if name == "CATEGORY":
            return "1" if "DIGIT" in str(value) else "a"
    return "a"


def guarded_handlers(application) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """(kind, handler) of every guarded command and button handler of the application."""
    found = []
    for handlers in application.handlers.values():
        for handler in handlers:
            if getattr(handler.callback, GUARD_ATTRIBUTE, None) is None:
                continue
            if isinstance(handler, CommandHandler):
                found.append(("command", handler))
            elif isinstance(handler, CallbackQueryHandler):
                found.append(("button", handler))
    return found


async def test_every_guarded_action_refused_without_a_write(bot, users, emulator) -> None:
    runtime = bot.runtime
    async with runtime.transaction() as session:  # rows the forged ids point at
        current = await edition(session)
        await make_officer(session, current, "DLH", 501)
        entry = await make_entry(session, current, "DLH", "Bank Sampah Digital", created_by=501)
        await make_judge(session, current, 502, "Dr. Ani")
        await session.execute(  # the download worker leaves the factory's files alone
            update(Attachment).values(state=FileState.FAILED)
        )
    assert entry.id is not None
    eko = await users.create("Eko")  # no role at all
    await eko.send("/start")
    await eko.expect_message("Selamat datang")

    handlers = guarded_handlers(bot.application)
    refusals = {}  # command or callback data → the catalogue key its guard refuses with
    for kind, h in handlers:
        key = getattr(h.callback, GUARD_ATTRIBUTE).refusal
        if kind == "command":
            refusals.update({f"/{command}": key for command in h.commands})
        else:
            pattern = h.pattern.pattern if isinstance(h.pattern, re.Pattern) else h.pattern
            refusals.update({data: key for data in samples(pattern)})
    commands = sorted(c for c in refusals if c.startswith("/"))
    buttons = sorted(d for d in refusals if not d.startswith("/"))
    assert len(commands) >= 20 and len(buttons) >= 20, (commands, buttons)
    for moderated in ("/moderasi", "/ruang_kerja"):  # guarded by the shared guard too
        assert moderated in commands, moderated

    before = await whole_database(runtime)
    async with runtime.sessions() as session:
        audited = list(await session.scalars(select(AuditEntry.id)))
    for command in commands:
        await eko.send(f"{command} DLH")
        reply = await eko.expect_message(plain_text("id", refusals[command]))
        assert reply["html"] == t("id", refusals[command]), command
    world = emulator.world
    chat = world.chats[eko.id]
    message = max((m for m in chat.messages.values() if m.from_bot), key=lambda m: m.message_id)
    for data in buttons:
        tapped = await press_callback(world, world.users[eko.id], chat, message, data)
        answer = await eko.expect_callback_answer(tapped)
        assert answer["text"] == plain_text("id", refusals[data]), data
        assert answer["show_alert"], data

    assert await whole_database(runtime) == before
    async with runtime.sessions() as session:
        new = list(await session.scalars(select(AuditEntry).where(AuditEntry.id.not_in(audited))))
    assert len(new) == len(commands) + len(buttons)  # each refusal audited, once
    assert {(a.action, a.actor_id) for a in new} == {("access.denied", eko.id)}


async def test_a_corrected_question_from_someone_no_longer_moderating_is_refused(
    bot, users
) -> None:
    """The corrected text of a question (an input, not a command or a button) goes through
    the same guard: refused with the moderators' text, audited as ``moderator``, nothing
    written (the input stays as it was)."""
    runtime = bot.runtime
    eko = await users.create("Eko")  # tapped ✏️ as a moderator, then was removed
    await eko.send("/start")
    await eko.expect_message("Selamat datang")
    async with runtime.transaction() as session:
        await wait_for(session, eko.id, eko.id, EditingQuestion(1), bot.clock())
    before = await whole_database(runtime)

    await eko.send("Bagaimana target indikator kinerja 2024?")
    reply = await eko.expect_message(plain_text("id", "questions-moderators-only"))
    assert reply["html"] == t("id", "questions-moderators-only")

    assert await whole_database(runtime) == before
    async with runtime.sessions() as session:
        denied = list(await session.scalars(select(AuditEntry)))
    assert [(a.action, a.actor_id, a.entity_id) for a in denied] == [
        ("access.denied", eko.id, "moderator")
    ]
