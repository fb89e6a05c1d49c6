"""Roles are read from the database at the moment of asking."""

from datetime import UTC, datetime

from sqlalchemy import select

from bot.services.core.admins import add_admin
from bot.services.core.roles import Role, remove_admin, roles_of
from bot.storage.models import AuditEntry
from tests.factories import make_judge, make_officer, seed_edition

NOW = datetime(2022, 11, 1, 2, 0, tzinfo=UTC)


async def test_public_user_has_only_the_public_role(sessions) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        roles = await roles_of(session, 555, admin_ids=frozenset(), edition_id=edition.id)
    assert roles.roles == {Role.PUBLIC}
    assert not roles.has(Role.ADMIN)


async def test_each_role_from_its_source(sessions) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        await add_admin(session, 10, NOW)
        judge = await make_judge(session, edition, 20, "Dr. Ani", "BAPPEDA")
        await make_officer(session, edition, "DINSOS", 30)
        configured = await roles_of(session, 1, admin_ids={1}, edition_id=edition.id)
        added = await roles_of(session, 10, admin_ids={1}, edition_id=edition.id)
        judging = await roles_of(session, 20, admin_ids={1}, edition_id=edition.id)
        officer = await roles_of(session, 30, admin_ids={1}, edition_id=edition.id)
    assert configured.roles == {Role.ADMIN, Role.PUBLIC}
    assert added.has(Role.ADMIN)
    assert judging.roles == {Role.JUDGE, Role.PUBLIC} and judging.judge.id == judge.id
    assert officer.roles == {Role.OFFICER, Role.PUBLIC} and len(officer.unit_ids) == 1


async def test_a_removed_admin_loses_the_role_at_once_and_it_is_audited(sessions) -> None:
    async with sessions() as session, session.begin():
        await add_admin(session, 10, NOW)
        assert (await roles_of(session, 10, admin_ids=(), edition_id=None)).admin
        assert await remove_admin(session, 10, NOW, removed_by=1)
        assert not await remove_admin(session, 10, NOW, removed_by=1)
        assert not (await roles_of(session, 10, admin_ids=(), edition_id=None)).admin
        actions = list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions == ["admin.add", "admin.remove"]
