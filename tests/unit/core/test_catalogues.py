"""Both languages have the same keys and the same placeholders, and every text formats."""

import re
from datetime import date

import pytest
from fluent.syntax import FluentParser, ast, visitor

from bot.i18n import (
    LANGUAGES,
    LOCALES_DIR,
    MissingMessageError,
    date_examples,
    example_moment,
    format_money,
    t,
)


class _Placeholders(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802
        self.names.add(node.id.name)


def _catalogue(language: str) -> dict[str, set[str]]:
    messages: dict[str, set[str]] = {}
    for path in sorted((LOCALES_DIR / language).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
        assert not junk, f"{path}: syntax error {junk[0].annotations[0].message}"
        for entry in resource.body:
            if isinstance(entry, ast.Message):
                assert entry.id.name not in messages, f"{path}: {entry.id.name} defined twice"
                found = _Placeholders()
                found.visit(entry)
                messages[entry.id.name] = found.names
    return messages


def test_every_key_in_every_language_with_the_same_placeholders() -> None:
    catalogues = {language: _catalogue(language) for language in LANGUAGES}
    reference = catalogues["id"]
    for language, messages in catalogues.items():
        assert set(messages) == set(reference), (
            f"{language}: missing {sorted(set(reference) - set(messages))}, "
            f"extra {sorted(set(messages) - set(reference))}"
        )
        for key, names in messages.items():
            assert names == reference[key], f"{language}:{key} placeholders {names}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_formats_without_errors(language: str) -> None:
    for key, names in _catalogue(language).items():
        text = t(language, key, **{name: "x" for name in names})
        assert text.strip(), key
        assert not re.search(r"\{\s*\$", text), key


def test_arguments_are_html_escaped() -> None:
    text = t("id", "start-welcome", name="<b>&", event="A & B", day="d", venue="v")
    assert "&lt;b&gt;&amp;" in text
    assert "A &amp; B" in text


def test_missing_key_raises() -> None:
    with pytest.raises(MissingMessageError):
        t("en", "no-such-key")


def test_money_in_indonesian_form() -> None:
    assert format_money(10_000_000, "id") == "Rp10.000.000"


def test_long_arguments_are_kept_whole_and_escaped() -> None:
    long_name = "<Nama panjang & lengkap> " * 400  # 10,000 characters, a long form answer
    text = t("id", "start-welcome", name=long_name, event="IGA", day="d", venue="v")
    assert text.count("&lt;Nama panjang &amp; lengkap&gt;") == 400
    assert "\ue000" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_names_a_year_of_its_own(language: str) -> None:
    """Examples of dates and years come from the edition or the clock (QA: "contoh: 17/08/2022"
    while the event was another year): no catalogue text writes a year itself."""
    for path in sorted((LOCALES_DIR / language).glob("*.ftl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.lstrip().startswith("#"):
                assert not re.search(r"\b(19|20)\d\d\b", line), f"{path.name}:{number}: {line}"


def test_date_examples_are_of_the_year_given() -> None:
    assert date_examples(2025, "id") == {
        "example_numeric": "17/08/2025",
        "example_dashed": "17-08-2025",
        "example_written": "17 Agustus 2025",
    }
    hint = t("en", "entry-hint-date", **date_examples(2031, "en"))
    assert hint == "Type the date, for example 17/08/2031 or 17 August 2031."
    assert example_moment(date(2030, 1, 2)) == "02/01/2030 09.00"
