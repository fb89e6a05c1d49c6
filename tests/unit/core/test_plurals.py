"""English counts agree with their number ("1 mandatory indicator is", "2 … are"): every
English message that puts a count before a noun chooses the noun with a Fluent plural
selector."""

from __future__ import annotations

import re

import pytest

from bot.i18n import LOCALES_DIR, plain_text

COUNTS = ("count", "words", "answers", "entries", "judges", "officers", "present",
          "recipients", "documents", "problems", "minutes", "days", "uses", "changes",
          "invited", "unreachable", "total")  # fmt: skip
"""Placeholders that hold a count of things."""

BARE_PLURAL = re.compile(r"\{ \$(" + "|".join(COUNTS) + r") \}(?:</?b>)? (?:[a-z]+ )?"
                         r"([a-z–-]+s|people|[a-z]+\(s\))(?=[\s/.,;:)<]|$)")  # fmt: skip
"""A count, perhaps bold, then a plural noun (perhaps after one adjective: "2 chosen
recipients"), "people", or a noun with "(s)"."""


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


def test_the_detector_finds_bare_plurals() -> None:
    """The check above can fail: each way a count was written without its selector."""
    for line in ("({ $count } people/groups)", "{ $count } chosen recipients",
                 "<b>{ $unreachable }</b> invitations", "{ $count } judge(s))",
                 "of { $total } entries fully"):  # fmt: skip
        assert BARE_PLURAL.search(line), line


def test_no_english_noun_hedges_its_number() -> None:
    """ "judge(s)" and "people/groups" read as a form, not a sentence: choose the noun."""
    found = [
        f"{path.name}:{number}: {line.strip()[:80]}"
        for path in sorted((LOCALES_DIR / "en").glob("*.ftl"))
        for number, line in _lines_outside_variants(path)
        if re.search(r"[a-z]\(s\)|\bpeople/", line)
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
        ("broadcast-confirm", {"audience": "Semua"}, "(1 person or group)",
         "(2 people or groups)"),
        ("broadcast-audience-chats", {}, "1 chosen recipient", "2 chosen recipients"),
        ("reload-done", {"created": 0, "updated": 1}, "1 programme change.",
         "2 programme changes."),
        ("score-progress", {"done": 0}, "of 1 entry submitted", "of 2 entries submitted"),
        ("score-progress-unsent", {}, "1 entry is fully", "2 entries are fully"),
        ("ranking-line", {"rank": 1, "number": "IGA-2022-001", "unit": "DINSOS", "title": "T",
                          "final": "80", "mean": "80", "self": "80"}, "; 1 judge)", "; 2 judges)"),
        ("attendance-unreachable-header", {}, "1</b> invitation (", "2</b> invitations ("),
        ("evaluation-summary-text", {"label": "Saran"}, "1 text answer", "2 text answers"),
    ],
)  # fmt: skip
def test_one_and_more(key: str, args: dict, one: str, other: str) -> None:
    text = _placeholders(key)
    name = next(n for n in COUNTS if n not in args and re.search(rf"\{{ \${n}\b", text))
    assert one in plain_text("en", key, **args, **{name: 1})
    assert other in plain_text("en", key, **args, **{name: 2})


def _placeholders(key: str) -> str:
    for path in (LOCALES_DIR / "en").glob("*.ftl"):
        text = path.read_text(encoding="utf-8")
        match = re.search(rf"^{re.escape(key)} =.*(\n[ \t]+.*)*", text, re.M)
        if match:
            return match.group(0)
    raise KeyError(key)
