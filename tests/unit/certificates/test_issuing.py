"""Who gets which certificate, when, and only once; revoking and reissuing (the services,
on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.services.attendance.records import Person, check_in
from bot.services.certificates.issuing import (
    AlreadyReplaced,
    AlreadyRevoked,
    BadName,
    UnknownCertificate,
    find_certificate,
    issue_due,
    reissue,
    revoke,
    summary,
)
from bot.services.core.events import current_event
from bot.services.shared.outbox import make_document
from bot.settings import Settings
from bot.storage.models import (
    AttendanceRole,
    AuditEntry,
    Broadcast,
    Certificate,
    CertificateKind,
    Delivery,
    Edition,
)
from tests.factories import make_judge, make_officer, seed_edition

PUBLIC_URL = "https://iga.example.go.id"
SEND_AT = datetime(2022, 12, 7, 8, 0, tzinfo=UTC)  # 15.00 WIB, the event file's send_at
BEFORE = SEND_AT - timedelta(minutes=1)
AFTER = SEND_AT + timedelta(minutes=1)
DAY = datetime(2022, 12, 7, 1, 0, tzinfo=UTC)


async def _world(sessions) -> int:
    """The seed event; Siti (11) and a guest checked in, Dewi (21) a judge who checked in,
    Joko (31) a judge who did not, a narasumber checked in by the committee; Budi (41) an
    officer of DINSOS (Juara I) who did not check in."""
    async with sessions.begin() as session:
        edition = await seed_edition(session)
        event = await current_event(session)
        await make_judge(session, edition, 21, "Dewi Lestari")
        await make_judge(session, edition, 31, "Joko Susilo")
        await make_officer(session, edition, "DINSOS", 41)
        people = [
            (Person(name="Siti Aminah", jabatan="Kasubag Program", unit_name="Dinas Sosial"), 11),
            (Person(name="Tamu Undangan"), None),
            (Person(name="Dewi Lestari", jabatan="Akademisi"), 21),
            (
                Person(name="Narasumber Kementerian Dalam Negeri",
                       role=AttendanceRole.NARASUMBER),
                None,
            ),
        ]  # fmt: skip
        for person, user_id in people:
            await check_in(session, event.id, person, now=DAY, user_id=user_id, by=user_id or 1)
        return event.id


async def _issue(sessions, now: datetime):
    async with sessions.begin() as session:
        event = await current_event(session)
        return await issue_due(session, event, now, PUBLIC_URL)


async def _certificates(sessions) -> dict[str, Certificate]:
    async with sessions() as session:
        rows = await session.scalars(select(Certificate).order_by(Certificate.id))
        return {row.name: row for row in rows}


async def _deliveries(sessions) -> list[tuple[str, int]]:
    async with sessions() as session:
        rows = await session.execute(
            select(Broadcast.key, Delivery.chat_id)
            .join(Delivery, Delivery.broadcast_id == Broadcast.id)
            .where(Broadcast.kind == "certificate")
            .order_by(Delivery.chat_id)
        )
        return [tuple(row) for row in rows]


async def _announce(sessions, at: datetime) -> None:
    async with sessions.begin() as session:
        edition = await session.scalar(select(Edition))
        edition.results_announced_at = at


async def test_nothing_before_the_time_then_each_person_who_checked_in_once(sessions) -> None:
    await _world(sessions)
    assert (await _issue(sessions, BEFORE)).issued == []
    assert await _certificates(sessions) == {}

    report = await _issue(sessions, AFTER)
    assert report.winners_waiting
    certificates = await _certificates(sessions)
    kinds = {name: c.kind for name, c in certificates.items()}
    assert kinds == {
        "Siti Aminah": CertificateKind.PARTICIPANT,
        "Tamu Undangan": CertificateKind.PARTICIPANT,
        "Dewi Lestari": CertificateKind.JUDGE,
        "Narasumber Kementerian Dalam Negeri": CertificateKind.NARASUMBER,
    }
    assert certificates["Siti Aminah"].detail == "Kasubag Program — Dinas Sosial"
    assert certificates["Narasumber Kementerian Dalam Negeri"].detail == "Kementerian Dalam Negeri"
    # messages only to those with a chat: Siti and Dewi; not Joko (no check-in), not Budi
    assert [chat for _, chat in await _deliveries(sessions)] == [11, 21]

    again = await _issue(sessions, AFTER + timedelta(hours=1))
    assert again.issued == []
    assert len(await _deliveries(sessions)) == 2


async def test_the_piagam_waits_for_the_winners_announcement(sessions) -> None:
    await _world(sessions)
    await _issue(sessions, AFTER)
    assert not any(
        c.kind == CertificateKind.WINNER for c in (await _certificates(sessions)).values()
    )

    await _announce(sessions, AFTER + timedelta(hours=1))
    report = await _issue(sessions, AFTER + timedelta(hours=1))
    piagam = {c.name: c for c in report.issued}
    assert piagam["Dinas Sosial"].rank_title == "Juara I"
    assert piagam["Dinas Sosial"].detail == "Sosial Home Care Lanjut Usia"
    assert piagam["Dinas Sosial"].chat_ids == [41]  # the unit's officer
    assert all(c.kind == CertificateKind.WINNER for c in report.issued)
    assert 41 in [chat for _, chat in await _deliveries(sessions)]
    assert (await _issue(sessions, AFTER + timedelta(hours=2))).issued == []


async def test_revoke_and_reissue(sessions) -> None:
    await _world(sessions)
    await _issue(sessions, AFTER)
    siti = (await _certificates(sessions))["Siti Aminah"]
    settings = Settings(_env_file=None, public_url=PUBLIC_URL)  # type: ignore[call-arg]

    async with sessions.begin() as session:
        document = await make_document(session, f"certificate:{siti.code}", settings)
        assert document is not None and document.content.startswith(b"%PDF")
        assert document.file_name == f"Sertifikat-{siti.code}.pdf"
        old, new = await reissue(
            session, siti.code.lower(), actor_id=1, now=AFTER, public_url=PUBLIC_URL,
            name="Siti Aminah, S.E. 😀",
        )  # fmt: skip
    assert new.code != old.code and new.revision == 2 and new.name == "Siti Aminah, S.E. 😀"
    async with sessions.begin() as session:
        assert await make_document(session, f"certificate:{siti.code}", settings) is None
        old = await find_certificate(session, siti.code)
        assert old.revoked_at is not None and old.replaced_by_id == new.id
        with pytest.raises(AlreadyReplaced) as replaced:
            await reissue(session, siti.code, actor_id=1, now=AFTER, public_url=PUBLIC_URL)
        assert replaced.value.replacement == new.code
        with pytest.raises(BadName):
            await reissue(session, new.code, actor_id=1, now=AFTER, public_url=PUBLIC_URL,
                          name="x" * 301)  # fmt: skip
        with pytest.raises(UnknownCertificate):
            await revoke(session, "0000-0000-0000-0000", actor_id=1, reason="x", now=AFTER)
        await revoke(session, new.code, actor_id=1, reason="salah unit", now=AFTER)
        with pytest.raises(AlreadyRevoked):
            await revoke(session, new.code, actor_id=1, reason="x", now=AFTER)
    # the new one went to the same chat, once; the issuing job does not issue Siti again
    assert [key for key, chat in await _deliveries(sessions) if chat == 11] == [
        f"certificate:{siti.code}",
        f"certificate:{new.code}",
    ]
    assert (await _issue(sessions, AFTER + timedelta(hours=1))).issued == []
    async with sessions() as session:
        actions = list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
        assert actions[-2:] == ["certificate.reissue", "certificate.revoke"]
        event = await current_event(session)
        figures = await summary(session, event.id)
        assert figures.revoked == 2
        assert figures.by_kind[CertificateKind.PARTICIPANT] == 1  # the guest
        assert figures.waiting == 3
        count = await session.scalar(select(func.count()).select_from(Certificate))
        assert count == 5


async def test_a_limit_issues_in_batches_and_nothing_twice(sessions) -> None:
    await _world(sessions)
    seen: list[str] = []
    more = True
    while more:
        async with sessions.begin() as session:
            event = await current_event(session)
            report = await issue_due(session, event, AFTER, PUBLIC_URL, limit=3)
        assert len(report.issued) <= 3
        seen += [c.holder for c in report.issued]
        more = report.more
    assert len(seen) == len(set(seen)) == 4
    assert len(await _deliveries(sessions)) == 2
