"""The one splitter of long texts: every message within Telegram's limit as the emulator
parses it (UTF-16, tags dropped), nothing lost, no word, tag or entity cut."""

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.handlers.shared.text import split_text, utf16_length
from bot.sandbox.entities import parse_html

CONTINUED = "<i>(lanjutan)</i>"


def visible(message: str) -> str:
    return parse_html(message)[0]


def words(texts: list[str]) -> list[str]:
    return " ".join(texts).split()


def test_short_parts_stay_one_message() -> None:
    assert split_text(["<b>Judul</b>", "satu", "dua"]) == ["<b>Judul</b>\nsatu\ndua"]


def test_a_long_answer_is_split_between_words_with_the_rest_following() -> None:
    answer = " ".join(f"kata{index}" for index in range(1000))  # 7,890 characters
    parts = ["<b>IGA-2022-001 — SIDOTI</b>", "<b>Rancang bangun</b>\n" + answer, "<b>Tujuan</b>"]
    messages = split_text(parts, continued=CONTINUED)
    assert len(messages) == 2
    assert all(utf16_length(visible(message)) <= 4096 for message in messages)
    for message in messages[1:]:
        assert message.startswith(CONTINUED + "\n")
    shown = [visible(m).removeprefix("(lanjutan)") for m in messages]
    assert words(shown) == words([visible("\n".join(parts))])


def test_formatting_open_at_a_cut_is_closed_and_opened_again() -> None:
    quote = "<blockquote>" + "sangat " * 1000 + "</blockquote>"
    messages = split_text([quote], limit=1000, continued=CONTINUED)
    assert len(messages) > 1
    for message in messages:
        parse_html(message)  # raises if a tag is unbalanced
        assert "<blockquote>" in message and message.endswith("</blockquote>")


def test_a_message_that_starts_at_a_part_needs_no_marker() -> None:
    parts = ["a " * 300, "b " * 300]
    messages = split_text(parts, limit=700, continued=CONTINUED)
    assert messages == [("a " * 300).strip(), ("b " * 300).strip()]


def test_entities_and_emoji_count_as_telegram_counts_them() -> None:
    text = " ".join(["&lt;🚀&gt;"] * 2000)  # 4 UTF-16 units each, 9 characters of HTML
    messages = split_text([text], limit=4096)
    assert all(utf16_length(visible(message)) <= 4096 for message in messages)
    assert all(not message.endswith("&") for message in messages)
    assert words([visible(m) for m in messages]) == ["<🚀>"] * 2000


def test_a_word_longer_than_a_message_is_cut_as_a_last_resort() -> None:
    messages = split_text(["a" * 250], limit=100)
    assert "".join(messages) == "a" * 250
    assert all(len(message) <= 100 for message in messages)


def test_paragraph_breaks_are_preferred_in_the_second_half() -> None:
    first = "Paragraf pertama " * 20
    second = "Paragraf kedua " * 20
    messages = split_text([f"{first.strip()}\n\n{second.strip()}"], limit=500)
    assert messages == [first.strip(), second.strip()]


text_pieces = st.lists(
    st.one_of(
        st.text(alphabet="abc 🚀\n\tمرحبا", min_size=0, max_size=30).map(html.escape),
        st.sampled_from(["<b>", "</b>", " &amp; ", "\n\n", " " * 50, "x" * 80]),
    ),
    max_size=80,
)


def balanced(pieces: list[str]) -> str:
    text = "".join(pieces)
    opened = text.count("<b>") - text.count("</b>")
    text = text.replace("<b>", "").replace("</b>", "")
    return f"<b>{text}</b>" if opened else text


@settings(max_examples=200, deadline=None)
@given(st.lists(text_pieces.map(balanced), min_size=1, max_size=5), st.integers(120, 600))
def test_any_text_fits_and_nothing_is_lost(parts: list[str], limit: int) -> None:
    messages = split_text(parts, limit=limit, continued=CONTINUED)
    for message in messages:
        assert utf16_length(visible(message)) <= limit
    shown = [visible(m).replace("(lanjutan)", " ") for m in messages]
    assert "".join(words(shown)) == "".join(words([visible("\n".join(parts))]))


def test_a_15000_character_answer_is_kept_whole_over_several_messages() -> None:
    answer = " ".join(f"kata{index}" for index in range(1800))
    header = "<b>Rancang bangun</b>: "
    messages = split_text(["<b>IGA-2022-001</b>", header + answer], limit=4000)
    assert len(messages) >= 4 and all(utf16_length(visible(m)) <= 4000 for m in messages)
    words = " ".join(visible(message) for message in messages).split()
    assert [word for word in words if word.startswith("kata")] == answer.split()
