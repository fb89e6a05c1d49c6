"""Each language's texts name commands as that language's menu does: an Indonesian text says
/penilai, an English one /judges (QA: the Indonesian usage of /penilai showed /judges). The
Indonesian help may give the English name in parentheses after its own."""

from __future__ import annotations

import re

import pytest

from bot.handlers.shared.commands import ENGLISH_NAMES
from bot.i18n import LOCALES_DIR

OTHER_LANGUAGE = {
    "id": set(ENGLISH_NAMES.values()) - set(ENGLISH_NAMES),
    "en": set(ENGLISH_NAMES) - set(ENGLISH_NAMES.values()),
}
"""Per language, the command names that belong to the other language only."""

COMMAND = re.compile(r"(?<![\w/<])(\()?/([a-z_]+)\b")


def foreign_commands(language: str, line: str) -> list[str]:
    """The commands ``line`` names by the other language's name (an alias in parentheses
    after the Indonesian name is allowed in Indonesian)."""
    return [
        match.group(0)
        for match in COMMAND.finditer(line)
        if match.group(2) in OTHER_LANGUAGE[language] and not (language == "id" and match.group(1))
    ]


@pytest.mark.parametrize("language", ["id", "en"])
def test_texts_name_commands_in_their_language(language: str) -> None:
    found = [
        f"{path.name}:{number}: {name}"
        for path in sorted((LOCALES_DIR / language).glob("*.ftl"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if not line.startswith("#")
        for name in foreign_commands(language, line)
    ]
    assert found == []


def test_the_check_finds_a_foreign_command() -> None:
    assert foreign_commands("id", "Menambah penilai: <code>/judges add ID</code>") == ["/judges"]
    assert foreign_commands("en", "Please send /hapus_berkas again.") == ["/hapus_berkas"]
    assert foreign_commands("id", "/penilai (/judges) — tim penilai") == []
