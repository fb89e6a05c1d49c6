"""Parse modes, UTF-16 offsets, detection and HTML rendering (pure functions)."""

from __future__ import annotations

import pytest

from bot.sandbox.entities import (
    EntityParseError,
    parse,
    parse_html,
    parse_markdown_v2,
    to_html,
    utf16_len,
)


def test_offsets_count_utf16_code_units() -> None:
    text, entities = parse_html("😀 <b>Rp 5.000</b>")
    assert text == "😀 Rp 5.000"
    assert entities == [{"offset": 3, "length": 8, "type": "bold"}]
    assert utf16_len("😀") == 2


def test_error_offsets_count_utf8_bytes() -> None:
    with pytest.raises(EntityParseError, match="byte offset 5"):
        parse_html("😀 <x>")


def test_bare_ampersand_switch() -> None:
    with pytest.raises(EntityParseError):
        parse_html("A & B")
    assert parse_html("A & B", strict_ampersand=False)[0] == "A & B"


def test_whitespace_trimmed_and_entities_moved() -> None:
    text, entities = parse("  <b>hi</b>  ", "HTML")
    assert text == "hi" and entities == [{"offset": 0, "length": 2, "type": "bold"}]


def test_detected_entities() -> None:
    text, entities = parse("/start@iga_bot lihat https://iga.example.id #IGA2022 @panitia", None)
    assert [e["type"] for e in entities] == ["bot_command", "url", "hashtag", "mention"]
    assert text[: entities[0]["length"]] == "/start@iga_bot"


def test_no_detection_inside_code() -> None:
    _, entities = parse("<code>/start</code>", "HTML")
    assert [e["type"] for e in entities] == ["code"]


def test_markdown_v2_pre_with_language_and_escapes() -> None:
    text, entities = parse_markdown_v2("```python\nprint(1)\n``` a\\_b")
    assert text == "print(1)\n a_b"
    assert entities[0] == {"type": "pre", "offset": 0, "length": 9, "language": "python"}


def test_markdown_v2_blockquote() -> None:
    text, entities = parse_markdown_v2(">kutipan\n>dua\nbiasa")
    assert text == "kutipan\ndua\nbiasa"
    assert entities == [{"type": "blockquote", "offset": 0, "length": 11}]


@pytest.mark.parametrize(
    "source",
    [
        "<b>bold <i>both</i></b> &lt;tag&gt; &amp;",
        '<a href="https://example.org/">link</a> 😀 <u>u</u>',
        '<pre><code class="language-py">x</code></pre>',
        "<blockquote expandable>q</blockquote><tg-spoiler>s</tg-spoiler>",
    ],
)
def test_to_html_round_trip(source: str) -> None:
    text, entities = parse_html(source)
    assert to_html(text, entities) == source
