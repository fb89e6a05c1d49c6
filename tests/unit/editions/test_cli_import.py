"""``iga-bot event import FILE --dry-run``: the changes printed, nothing written; the real
import then starts the next edition; a bad file is refused with the problem located."""

import sqlite3

from tests.conftest import EVENT_FILE
from tests.unit.editions.test_succession import NEXT_FILE


def _rows(path) -> dict[str, list]:
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"'))) for t in tables}


def test_dry_run_prints_the_changes_and_writes_nothing(tmp_path, monkeypatch, capsys) -> None:
    from bot.cli import main

    database = tmp_path / "bot.db"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("EVENT_CONFIG", str(EVENT_FILE))
    assert main(["event", "import", str(EVENT_FILE)]) == 0
    capsys.readouterr()
    before = _rows(database)
    assert main(["event", "import", str(NEXT_FILE), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "New edition iga-2023 (2023), following iga-2022 (it becomes read-only)." in out
    assert "  renamed: DISKOMINFO (Dinas Komunikasi dan Informatika) from DISKOMINFOTIK" in out
    assert "  added: DPPKB" in out and "  removed: SETWAN (Sekretariat DPRD)" in out
    assert "Dry run of" in out and "nothing was written" in out
    assert _rows(database) == before

    assert main(["event", "import", str(NEXT_FILE)]) == 0
    assert "Imported" in capsys.readouterr().out
    assert main(["event", "show"]) == 0
    shown = capsys.readouterr().out
    assert "Edisi berjalan: iga-2023; ditutup (hanya dapat dilihat): iga-2022" in shown
    # the 2022 file again, but as a new edition code for 2022: an earlier year, refused
    earlier = tmp_path / "iga-2021.yaml"
    earlier.write_text(
        EVENT_FILE.read_text(encoding="utf-8")
        .replace("code: iga-2022", "code: iga-2021")
        .replace("year: 2022", "year: 2021")
        .replace("slug: blitar-2022", "slug: blitar-2021"),
        encoding="utf-8",
    )
    after = _rows(database)
    assert main(["event", "import", str(earlier)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("edition.year: 2021 is not after the current edition iga-2023")
    assert "1 problem; nothing was written." in captured.out
    assert _rows(database) == after


def test_dry_run_of_the_same_code_with_next_years_dates_lists_every_moved_date(
    tmp_path, monkeypatch, capsys
) -> None:
    """A QA finding: the 2022 file with every date a year later but the code kept was
    "updated in place" without a word about the dates."""
    from bot.cli import main

    database = tmp_path / "bot.db"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("EVENT_CONFIG", str(EVENT_FILE))
    assert main(["event", "import", str(EVENT_FILE)]) == 0
    capsys.readouterr()
    moved = tmp_path / "moved.yaml"
    moved.write_text(
        EVENT_FILE.read_text(encoding="utf-8")
        .replace("2022-12-07", "2023-12-07")  # the event's day, announcement, certificates
        .replace("entries_close: 2022-10-31T23:59", "entries_close: 2023-10-31T23:59"),
        encoding="utf-8",
    )
    before = _rows(database)
    assert main(["event", "import", str(moved), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Edition iga-2022 (2022): updated in place." in out
    assert "  edition.entries_close: 2022-10-31 23:59 WIB → 2023-10-31 23:59 WIB" in out
    assert "  edition.results_announce_at: 2022-12-07 09:00 WIB → 2023-12-07 09:00 WIB" in out
    assert "  event.date: 2022-12-07 → 2023-12-07" in out
    assert _rows(database) == before
