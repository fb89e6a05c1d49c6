"""What a stuck or failed end-to-end test prints to explain itself: the event loop's tasks
with their stacks, and on PostgreSQL what each connection to the test's database is doing
and which other connection it waits for."""

from __future__ import annotations

import asyncio
import io
from typing import Any

from sqlalchemy.engine import make_url

from tests.conftest import pg_connect


def tasks_report() -> str:
    """Every task of the running event loop with the chain of coroutines it is suspended in
    (``Task.print_stack`` shows only the outermost one)."""
    out = io.StringIO()
    for task in asyncio.all_tasks():
        out.write(f"--- task {task.get_name()}\n")
        awaited: Any = task.get_coro()
        while awaited is not None:
            frame = getattr(awaited, "cr_frame", None) or getattr(awaited, "gi_frame", None)
            if frame is not None:
                code = frame.f_code
                out.write(f"    {code.co_filename}:{frame.f_lineno} in {code.co_name}\n")
            awaited = getattr(awaited, "cr_await", None) or getattr(awaited, "gi_yieldfrom", None)
    return out.getvalue()


async def connections_report(database_url: str) -> str:
    """The connections to ``database_url``'s database (PostgreSQL only; "" on SQLite): state,
    what each waits for, the pids blocking it, its transaction's age and its last statement."""
    url = make_url(database_url)
    if not url.drivername.startswith("postgresql"):
        return ""
    connection = await pg_connect(database_url)
    try:
        rows = await connection.fetch(
            "SELECT pid, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by,"
            " round(extract(epoch FROM now() - xact_start)::numeric, 1) AS xact_seconds,"
            " left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query"
            " FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            url.database,
        )
    finally:
        await connection.close()
    return "\n".join(
        f"pid {r['pid']} {r['state']} wait={r['wait_event_type']}/{r['wait_event']}"
        f" blocked_by={list(r['blocked_by'])} xact={r['xact_seconds']}s: {r['query']}"
        for r in rows
    )
