"""The questions' rules in the services: open from a session's start until closed, the
limits per person (counted from the database), one vote per person, hidden for good, and the
event file's ``questions`` section."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.services.core.event_file import EventFileError, load_event_file, parse_event_file
from bot.services.core.event_import import import_event_file
from bot.services.core.events import current_event
from bot.services.questions.asking import (
    QuestionGone,
    RateLimited,
    SessionClosed,
    TooLong,
    VoteOutcome,
    ask,
    is_open,
    open_sessions,
    question_sessions,
    questions_ahead,
    sessions_asked_about,
    shown_questions,
    vote,
)
from bot.services.questions.moderation import moderate, queue, set_closed
from tests.conftest import EVENT_FILE


def _wib(hour: int, minute: int = 0) -> datetime:
    return datetime(2022, 12, 7, hour - 7, minute, tzinfo=UTC)


async def _event(sessions):
    async with sessions() as session, session.begin():
        await import_event_file(session, load_event_file(EVENT_FILE))
    async with sessions() as session:
        return await current_event(session)


def _item(event, key):
    return next(item for item in event.agenda if item.key == key)


async def test_open_from_the_start_until_closed(sessions) -> None:
    event = await _event(sessions)
    talk = _item(event, "materi-kemendagri")
    async with sessions() as session, session.begin():
        assert talk not in await open_sessions(session, event, _wib(9, 59))
        assert [i.key for i in await sessions_asked_about(session, event, _wib(10, 5))] == [
            "materi-kemendagri"
        ]
        with pytest.raises(SessionClosed):
            await ask(session, event, talk, asker_id=1, asker_name=None, text="?", now=_wib(9, 59))
        # after its end it still takes questions until the moderator closes it
        assert talk in await open_sessions(session, event, _wib(12, 30))
        assert await set_closed(session, talk, closed=True, actor_id=9, now=_wib(12, 30))
        assert not await set_closed(session, talk, closed=True, actor_id=9, now=_wib(12, 31))
        assert talk not in await open_sessions(session, event, _wib(12, 31))
        with pytest.raises(SessionClosed):
            await ask(session, event, talk, asker_id=1, asker_name=None, text="?", now=_wib(13))


async def test_only_the_narasumbers_sessions_and_only_until_the_events_last_day(sessions) -> None:
    """Registration and the break take no questions; after the event's last day nothing is
    open (a session the moderator never closed included), on the next day or years later."""
    event = await _event(sessions)
    talk = _item(event, "materi-kemendagri")
    async with sessions() as session, session.begin():
        afternoon = _wib(15, 37)  # the event ended at 14.30; nobody closed anything
        assert [i.key for i in await open_sessions(session, event, afternoon)] == [
            "materi-balitbang-jatim",
            "materi-bappeda-jatim",
            "materi-kemendagri",
            "penganugerahan-iga",
            "pembukaan",
        ]
        assert not questions_ahead(event, afternoon)
        assert questions_ahead(event, _wib(12, 30))  # the afternoon talk is still to come
        lunch = _item(event, "ishoma")
        assert not await is_open(session, event, lunch.id, _wib(12, 30))
        with pytest.raises(SessionClosed):
            await ask(session, event, lunch, asker_id=1, asker_name=None, text="?", now=_wib(12))
        for later in (_wib(23, 59) + timedelta(minutes=1), _wib(10) + timedelta(days=4 * 365)):
            assert await open_sessions(session, event, later) == []
            assert question_sessions(event, later) == []
            assert not questions_ahead(event, later)
            with pytest.raises(SessionClosed):
                await ask(session, event, talk, asker_id=1, asker_name=None, text="?", now=later)
        assert talk in await open_sessions(session, event, _wib(23, 59))


async def test_limits_votes_once_and_hidden_for_good(sessions) -> None:
    event = await _event(sessions)
    talk = _item(event, "materi-kemendagri")
    now = _wib(10, 5)
    async with sessions() as session, session.begin():
        with pytest.raises(TooLong) as too_long:
            await ask(session, event, talk, asker_id=1, asker_name="A", text="x" * 501, now=now)
        assert (too_long.value.length, too_long.value.limit) == (501, 500)
        asked = [
            await ask(
                session,
                event,
                talk,
                asker_id=1,
                asker_name="A",
                text=f"Q{n}",
                now=now + timedelta(minutes=n),
            )
            for n in range(3)
        ]
        with pytest.raises(RateLimited) as limited:
            await ask(
                session,
                event,
                talk,
                asker_id=1,
                asker_name="A",
                text="Q3",
                now=now + timedelta(minutes=3),
            )
        assert limited.value.retry_at == now + timedelta(minutes=10)  # the first leaves the window
        await ask(
            session,
            event,
            talk,
            asker_id=1,
            asker_name="A",
            text="Q3",
            now=now + timedelta(minutes=10, seconds=1),
        )

        with pytest.raises(QuestionGone):  # pending: not votable
            await vote(session, event, asked[0].id, voter_id=2, now=now)
        for question in asked:
            await moderate(session, event, question.id, "approve", actor_id=9, now=now)
        assert (
            await vote(session, event, asked[1].id, voter_id=2, now=now)
        ).outcome == VoteOutcome.COUNTED
        again = await vote(session, event, asked[1].id, voter_id=2, now=now)
        assert again.outcome == VoteOutcome.ALREADY and again.question.votes == 1
        assert [q.text for q in await shown_questions(session, talk.id)] == ["Q1", "Q0", "Q2"]

        await moderate(session, event, asked[1].id, "hide", actor_id=9, now=now)
        for action in ("approve", "answer", "edit", "hide"):
            with pytest.raises(QuestionGone):
                await moderate(session, event, asked[1].id, action, actor_id=9, now=now, text="x")
        with pytest.raises(QuestionGone):
            await vote(session, event, asked[1].id, voter_id=3, now=now)
        shown = await queue(session, talk.id)
        assert "Q1" not in [q.text for q in shown.approved + shown.answered + shown.pending]


async def test_vote_limit_per_minute(sessions) -> None:
    event = await _event(sessions)
    event.questions = {"votes_per_minute": 2}
    talk = _item(event, "materi-kemendagri")
    now = _wib(10, 5)
    async with sessions() as session, session.begin():
        asked = []
        for n in range(3):
            question = await ask(
                session, event, talk, asker_id=10 + n, asker_name=None, text=f"Q{n}", now=now
            )
            await moderate(session, event, question.id, "approve", actor_id=9, now=now)
            asked.append(question)
        await vote(session, event, asked[0].id, voter_id=2, now=now)
        await vote(session, event, asked[1].id, voter_id=2, now=now + timedelta(seconds=10))
        with pytest.raises(RateLimited) as limited:
            await vote(session, event, asked[2].id, voter_id=2, now=now + timedelta(seconds=20))
        assert limited.value.retry_at == now + timedelta(minutes=1)


def test_the_event_files_questions_section() -> None:
    text = EVENT_FILE.read_text(encoding="utf-8").replace(
        "  participants:\n",
        "  questions:\n    moderators: [12345]\n    max_length: 10\n  participants:\n",
        1,
    )
    with pytest.raises(EventFileError) as error:
        parse_event_file(text)
    assert any(p.startswith("event.questions.max_length") for p in error.value.problems)
    spec = parse_event_file(text.replace("max_length: 10", "max_length: 300"))
    assert spec.event.questions.moderators == [12345]
    assert spec.event.questions.max_length == 300
