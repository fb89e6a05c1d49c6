"""Long texts split into messages: nothing lost, never cut inside a word, a tag, an element
or an entity."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.handlers.shared.text import cut_html, split_text


def test_a_10000_character_answer_is_kept_whole_over_several_messages() -> None:
    answer = " ".join(f"kata{index}" for index in range(1800))  # about 15,000 characters
    header = "<b>Rancang bangun</b>: "
    messages = split_text(["<b>IGA-2022-001</b>", header + answer], limit=4000)
    assert len(messages) >= 4 and all(len(message) <= 4000 for message in messages)
    joined = " ".join(messages)
    assert re.sub(r"\s+", " ", joined).endswith(answer.split(" ", 1)[1][-200:])
    words = re.sub(r"<[^>]+>", " ", joined).split()
    assert [word for word in words if word.startswith("kata")] == answer.split()


def test_never_inside_an_element_or_an_entity() -> None:
    text = "x" * 90 + " <b>tebal tebal</b> &amp; &lt;akhir&gt; " + "y" * 10
    for limit in range(95, 120):
        for piece in cut_html(text, limit):
            assert len(piece) <= limit
            assert piece.count("<b>") == piece.count("</b>")
            assert not re.search(r"&[a-z]*$", piece)


@given(st.lists(st.sampled_from(["kata", "&amp;", "<b>t</b>", "\n", "panjang"]), max_size=400))
def test_nothing_lost(tokens: list[str]) -> None:
    text = " ".join(tokens)
    pieces = cut_html(text, 50)
    assert all(len(piece) <= 50 for piece in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())
