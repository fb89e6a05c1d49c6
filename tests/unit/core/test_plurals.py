"""English counts agree with their number ("1 mandatory indicator is", "2 … are"): every
English message that puts a count before a noun chooses the noun with a Fluent plural
selector."""

from __future__ import annotations

import re

import pytest

from bot.i18n import LOCALES_DIR, plain_text

COUNTS = ("count", "words", "answers", "entries", "judges", "officers", "present",
          "recipients", "documents", "problems", "minutes", "days", "uses")  # fmt: skip
"""Placeholders that hold a count of things."""

BARE_PLURAL = re.compile(r"\{ \$(" + "|".join(COUNTS) + r") \}</?b?>? (?:more |unanswered |"
                         r"withdrawn |mandatory )?([a-z–-]+s)\b")  # fmt: skip


def _lines_outside_variants(path) -> list[tuple[int, str]]:
    """The file's lines that are not a selector's variant (``[one] …``, ``*[other] …``)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line) for n, line in enumerate(lines, 1)
            if not re.match(r"\s+\*?\[", line) and not line.startswith("#")]  # fmt: skip


def test_no_english_count_is_followed_by_a_bare_plural() -> None:
    found = [
        f"{path.name}:{number}: {match.group(0)}"
        for path in sorted((LOCALES_DIR / "en").glob("*.ftl"))
        for number, line in _lines_outside_variants(path)
        for match in BARE_PLURAL.finditer(line)
        if match.group(2) not in ("is", "was", "has")
    ]
    assert found == []


@pytest.mark.parametrize(
    ("key", "args", "one", "other"),
    [
        ("entry-summary-lacking", {"names": "2. SDM"}, "1 mandatory indicator is not",
         "2 mandatory indicators are not"),
        ("entry-summary-problems", {}, "1 field marked", "2 fields marked"),
        ("entry-words", {}, "(1 word)", "(2 words)"),
        ("workspace-warning-unvalidated", {}, "1 indicator not validated",
         "2 indicators not validated"),
        ("evidence-purge-done", {"objects": 1}, "1 file of withdrawn innovations was deleted",
         "2 files of withdrawn innovations were deleted"),
        ("attendance-list-caption", {"event": "IGA"}, "(1 person)", "(2 people)"),
    ],
)  # fmt: skip
def test_one_and_more(key: str, args: dict, one: str, other: str) -> None:
    name = next(n for n in COUNTS if n not in args and n in _placeholders(key))
    assert one in plain_text("en", key, **args, **{name: 1})
    assert other in plain_text("en", key, **args, **{name: 2})


def _placeholders(key: str) -> str:
    for path in (LOCALES_DIR / "en").glob("*.ftl"):
        text = path.read_text(encoding="utf-8")
        match = re.search(rf"^{re.escape(key)} =.*(\n[ \t]+.*)*", text, re.M)
        if match:
            return match.group(0)
    raise KeyError(key)
