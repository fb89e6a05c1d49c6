"""The ballroom screen's pages over HTTP: public (no sign-in), a question's HTML escaped, the
per-session page, an unknown session 404, our own scripts only (the security headers), the
checked-in count once people checked in."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.services.questions.asking import ask
from bot.services.questions.moderation import moderate
from bot.storage.models import AgendaItem, AttendanceRecord

pytestmark = [pytest.mark.e2e, pytest.mark.public_url]

WIB = ZoneInfo("Asia/Jakarta")


async def test_public_escaped_per_session_and_unknown(bot, clock, web) -> None:
    clock.set(datetime(2022, 12, 7, 10, 5, tzinfo=WIB))
    runtime = bot.runtime
    event = await runtime.event()
    async with runtime.transaction() as session:
        item = await session.get(
            AgendaItem, next(i.id for i in event.agenda if i.key == "pembukaan")
        )
        question = await ask(
            session, event, item, asker_id=7, asker_name="<i>Budi</i>",
            text="<img src=x onerror=alert(1)>?", now=runtime.now(),
        )  # fmt: skip
        await moderate(session, event, question.id, "approve", actor_id=1, now=runtime.now())

    page = await web.get("/layar")
    assert page.status == 200
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    body = await page.text()
    assert "Arah kebijakan perencanaan" in body  # on now
    assert "<img" not in body  # the pembukaan's question is not the current session's

    per_session = await (await web.get("/layar/sesi/pembukaan/panel")).text()
    assert "&lt;img src=x onerror=alert(1)&gt;?" in per_session and "<img" not in per_session
    assert "&lt;i&gt;Budi&lt;/i&gt;" in per_session
    assert "ketik /tanya" in per_session  # the opening's questions are still taken

    # an unknown session: the polite page the verification page uses, not aiohttp's "404"
    for path in ("/layar/sesi/tidak-ada", "/layar/sesi/tidak-ada/panel", "/layar/sesi/Foo%20Bar"):
        unknown = await web.get(path)
        assert unknown.status == 404, path
        body = await unknown.text()
        assert "Sesi tidak ditemukan" in body and "Not Found" not in body, path
        assert 'id="verdict"' in body and "/app/static/verify.css" in body
    english = await web.get("/layar/sesi/<b>x", headers={"Accept-Language": "en-GB,en"})
    body = await english.text()
    assert english.status == 404 and "Session not found" in body
    assert "&lt;b&gt;x" in body and "<b>x" not in body


async def test_after_the_event_winners_numbered_once_and_no_invitation(bot, clock, web) -> None:
    """At 15.37 on the event day (it ended at 14.30, the winners announced at 09.00): the
    winners listed once each by their rank titles (no list numbers too), and no invitation
    to ask after "Acara telah selesai"."""
    clock.set(datetime(2022, 12, 7, 15, 37, tzinfo=WIB))
    body = await (await web.get("/layar/panel")).text()
    assert "Acara telah selesai" in body
    assert "/tanya" not in body and "Ajukan pertanyaan" not in body
    winners = re.search(r'<section class="winners">.*?</section>', body, re.S)
    assert winners is not None and "Juara I" in winners.group()
    assert "<ol" not in winners.group() and "<ul>" in winners.group()

    # over lunch the questions shown are the last narasumber's, not the break's (it has none)
    clock.set(datetime(2022, 12, 7, 12, 30, tzinfo=WIB))
    body = await (await web.get("/layar/panel")).text()
    assert "Pertanyaan untuk narasumber · Prioritas pembangunan Provinsi" in body
    assert "ketik /tanya" in body
    # after the event's last day: no questions' section left ("no approved questions yet")
    clock.set(datetime(2022, 12, 8, 0, 30, tzinfo=WIB))
    body = await (await web.get("/layar/panel")).text()
    assert "Acara telah selesai" in body and 'class="questions"' not in body


async def test_the_checked_in_count(bot, clock, web) -> None:
    clock.set(datetime(2022, 12, 7, 8, 40, tzinfo=WIB))
    assert "hadir" not in await (await web.get("/layar/panel")).text()  # nobody checked in
    event = await bot.runtime.event()
    async with bot.runtime.transaction() as session:
        for n in range(3):
            session.add(
                AttendanceRecord(
                    event_id=event.id,
                    person_key=f"u:{100 + n}",
                    user_id=100 + n,
                    name=f"Peserta {n}",
                    checked_in_at=bot.runtime.now(),
                )
            )
    assert 'data-present="3">3 hadir<' in await (await web.get("/layar/panel")).text()
