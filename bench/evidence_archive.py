"""The documents archive of a large edition: ZIP export time and resident memory peak.

    python bench/evidence_archive.py [--files 5000] [--size-kb 400] [--per-entry 10]
                                     [--store folder|s3] [--keep DIR]

A fresh SQLite database gets the seed event and ``--files / --per-entry`` submitted entries,
each with ``--per-entry`` attachments spread over the file fields and the indicators; every
file is ``--size-kb`` KiB of distinct bytes, put into the file store (a folder, or a local
moto S3 server with ``--store s3``) as the download job would. Then the committee's command
runs as its own process, ``python -m bot export --out archive.zip``, and the benchmark
prints its wall time, the archive's size and the process's peak resident memory (VmHWM, from
``getrusage`` of the finished child). The defaults write about 2 GB.

Target (issue 16): resident memory under 200 MB, flat in the archive's size.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import insert, select  # noqa: E402

from bot.services.core.event_file import load_event_file  # noqa: E402
from bot.services.core.event_import import import_event_file  # noqa: E402
from bot.services.core.events import current_edition  # noqa: E402
from bot.services.entries.submissions import evidence_key  # noqa: E402
from bot.services.evidence.store import FileStore, FolderStore, S3Store  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.setup import prepare_database  # noqa: E402
from bot.storage.database import create_engine, create_session_factory  # noqa: E402
from bot.storage.models import (  # noqa: E402
    Attachment,
    FileState,
    Indicator,
    Submission,
    SubmissionStatus,
    Unit,
)

BLOCK = os.urandom(64 * 1024)
"""Random bytes the files are made of (each file gets its own header, so all differ)."""


def _file_bytes(number: int, size: int) -> bytes:
    header = f"%PDF-1.4\n% berkas {number}\n".encode()
    body = (BLOCK * (size // len(BLOCK) + 1))[: size - len(header)]
    return header + body


async def _fill(settings: Settings, store: FileStore, files: int, size: int, per_entry: int) -> int:
    engine = create_engine(settings.database_url)
    sessions = create_session_factory(engine)
    written = 0
    try:
        async with sessions() as session, session.begin():
            await import_event_file(session, load_event_file(REPO / "config" / "event.yaml"))
        async with sessions() as session, session.begin():
            edition = await current_edition(session)
            units = list(await session.scalars(select(Unit).where(Unit.edition_id == edition.id)))
            indicators = list(
                await session.scalars(select(Indicator).where(Indicator.edition_id == edition.id))
            )
            slots = ["anggaran", "profil_bisnis"] + [evidence_key(i) for i in indicators]
            entries = (files + per_entry - 1) // per_entry
            for index in range(entries):
                result = await session.execute(
                    insert(Submission).values(
                        edition_id=edition.id,
                        unit_id=units[index % len(units)].id,
                        title=f"Inovasi nomor {index + 1}",
                        status=SubmissionStatus.SUBMITTED,
                        sequence=index + 1,
                        number=f"IGA-2022-{index + 1:04d}",
                        created_by=1,
                    )
                )
                submission_id = result.inserted_primary_key[0]
                rows = []
                for slot in range(min(per_entry, files - index * per_entry)):
                    data = _file_bytes(written, size)
                    kept = await store.put_bytes(data)
                    written += 1
                    rows.append(
                        dict(
                            submission_id=submission_id,
                            field_key=slots[slot % len(slots)],
                            file_id=f"f{written}",
                            file_unique_id=f"u{written}",
                            file_name=f"Bukti {written}.pdf",
                            mime_type="application/pdf",
                            size_bytes=len(data),
                            state=FileState.STORED,
                            sha256=kept.sha256,
                        )
                    )
                await session.execute(insert(Attachment), rows)
    finally:
        await engine.dispose()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--size-kb", type=int, default=400, help="KiB per file")
    parser.add_argument("--per-entry", type=int, default=10)
    parser.add_argument("--store", choices=("folder", "s3"), default="folder")
    parser.add_argument("--keep", type=Path, default=None, help="work folder to keep")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="iga-archive-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{work / 'bench.db'}",
           "FILES_DIR": str(work / "files")}  # fmt: skip
    server = None
    if args.store == "s3":
        from moto.server import ThreadedMotoServer

        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        env.update(FILES_S3_ENDPOINT=f"http://{host}:{port}", FILES_S3_BUCKET="bench",
                   FILES_S3_ACCESS_KEY="bench", FILES_S3_SECRET_KEY="bench")  # fmt: skip
    settings = Settings(_env_file=None, database_url=env["DATABASE_URL"])  # type: ignore[call-arg]
    prepare_database(settings)
    store: FileStore = (
        S3Store(env["FILES_S3_ENDPOINT"], "bench", "bench", "bench", "us-east-1")
        if server
        else FolderStore(work / "files")
    )

    async def fill() -> int:
        try:
            return await _fill(settings, store, args.files, args.size_kb * 1024, args.per_entry)
        finally:
            await store.close()

    started = time.perf_counter()
    written = asyncio.run(fill())
    filled = time.perf_counter() - started
    out = work / "archive.zip"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "export", "--out", str(out)], cwd=REPO, env=env, check=True
    )
    took = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    size_mb = out.stat().st_size / 1e6
    print()
    print("| files | size per file | store | archive | export | peak RSS (export process) |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {written:,} | {args.size_kb} KiB | {args.store} | {size_mb:,.0f} MB "
        f"| {took:.1f} s ({size_mb / took:.0f} MB/s) | {peak_mb:.0f} MB |"
    )
    print(f"(filling the store took {filled:.1f} s; work folder {work})")
    if server is not None:
        server.stop()
    if args.keep is None:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
