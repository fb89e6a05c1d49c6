"""Money answers are whole rupiah: the migration turns amounts an older version stored as
floats into integers, exactly (issue 14, item 12). Both databases."""

from alembic import command
from sqlalchemy import select, update

from bot.storage.migrate import alembic_config
from bot.storage.models import Answer, SubmissionStatus
from tests.factories import make_entry, seed_edition


async def _migrate(engine, revision: str, *, down: bool = False) -> None:  # type: ignore[no-untyped-def]
    config = alembic_config(engine.url.render_as_string(hide_password=False))

    def run(connection) -> None:  # type: ignore[no-untyped-def]
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)

    async with engine.begin() as connection:
        await connection.run_sync(run)


async def test_float_amounts_become_whole_rupiah(engine, sessions) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        entry = await make_entry(session, edition, "DLH", "SIDOTI", status=SubmissionStatus.DRAFT)
        for key, value in (("anggaran_nilai", 2.5e8), ("nama_inisiator", "1.5")):
            await session.execute(
                update(Answer)
                .where(Answer.submission_id == entry.id, Answer.field_key == key)
                .values(value=value)
            )
    await _migrate(engine, "0009", down=True)  # before 0010, the money migration
    await _migrate(engine, "head")
    async with sessions() as session:
        values = dict((await session.execute(select(Answer.field_key, Answer.value))).all())
    assert values["anggaran_nilai"] == 250_000_000
    assert isinstance(values["anggaran_nilai"], int)
    assert values["nama_inisiator"] == "1.5"  # only money answers change
