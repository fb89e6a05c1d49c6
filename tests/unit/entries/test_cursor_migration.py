"""Migration 0009: positions stored as strings with "#" prefixes become typed cursors, and every
officer in the form gets the pending input that routes their messages to it (and back)."""

from alembic import command
from sqlalchemy import text

from bot.services.entries.cursor import AtEvidence, AtField, AtLevel, AtSummary, from_json
from bot.services.entries.submissions import FillingEntry
from bot.services.shared.pending_input import pending_input
from bot.storage.migrate import alembic_config, upgrade_engine
from bot.storage.models import Submission, SubmissionStatus
from tests.factories import make_entry, make_officer, seed_edition

POSITIONS = {
    "nama": AtField("nama"),
    "#summary": AtSummary(),
    "#summary:tahapan": AtSummary("tahapan"),
    "#level:regulasi": AtLevel("regulasi"),
    "#evidence:regulasi": AtEvidence("regulasi"),
}


async def _downgrade(engine, revision: str) -> None:  # type: ignore[no-untyped-def]
    config = alembic_config(engine.url.render_as_string(hide_password=False))

    def run(connection) -> None:  # type: ignore[no-untyped-def]
        config.attributes["connection"] = connection
        command.downgrade(config, revision)

    async with engine.begin() as connection:
        await connection.run_sync(run)


async def test_stored_positions_become_cursors_and_officers_keep_the_form(engine, sessions) -> None:
    async with sessions() as session, session.begin():
        edition = await seed_edition(session)
        ids = []
        for number, position in enumerate(POSITIONS, start=1):
            entry = await make_entry(
                session, edition, "DLH", f"Draf {number}", status=SubmissionStatus.DRAFT
            )
            officer = await make_officer(session, edition, "DLH", 100 + number)
            officer.current_submission_id = entry.id
            ids.append((entry.id, officer.user_id, position))
    kept = await _kept(engine)
    await _downgrade(engine, "0008")
    assert await _kept(engine) == kept
    async with engine.begin() as connection:
        for entry_id, _user, position in ids:
            await connection.execute(
                text("UPDATE submissions SET current_field = :p WHERE id = :i"),
                {"p": position, "i": entry_id},
            )
    await upgrade_engine(engine)
    assert await _kept(engine) == kept
    async with sessions() as session:
        for entry_id, user_id, position in ids:
            entry = await session.get(Submission, entry_id)
            assert from_json(entry.cursor) == POSITIONS[position]
            pending = await pending_input(session, user_id, user_id)
            assert pending is not None and pending.payload == FillingEntry(entry_id)

    await _downgrade(engine, "0008")  # and back: the strings again
    async with engine.connect() as connection:
        rows = await connection.execute(text("SELECT id, current_field FROM submissions"))
        assert {row[0]: row[1] for row in rows} == {i: p for i, _u, p in ids}
    assert await _kept(engine) == kept


async def _kept(engine) -> tuple[int, int, list[tuple[int, int]]]:  # type: ignore[no-untyped-def]
    """What altering the table must not touch: answers, files, officers in the form."""
    async with engine.connect() as connection:
        answers = (await connection.execute(text("SELECT count(*) FROM answers"))).scalar_one()
        files = (await connection.execute(text("SELECT count(*) FROM attachments"))).scalar_one()
        officers = await connection.execute(
            text("SELECT user_id, current_submission_id FROM officers ORDER BY user_id")
        )
        return answers, files, [tuple(row) for row in officers]
