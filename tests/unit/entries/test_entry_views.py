"""Views of the entry form that need no database: long answers split for "Periksa kembali"."""

import pytest

from bot.handlers.entries.views import _pieces


def assert_whole_words(text: str, pieces: list[str], size: int) -> None:
    assert all(0 < len(piece) <= size for piece in pieces)
    assert " ".join(pieces).split() == text.split()  # nothing lost, no word cut in two


def test_long_answer_is_split_at_a_paragraph_break() -> None:
    first = "Paragraf pertama tentang latar belakang inovasi."
    second = "Paragraf kedua tentang metode dan hasil yang panjang sekali."
    pieces = _pieces(f"{first}\n\n{second}", 80)
    assert pieces == [first, second]


def test_a_long_word_after_short_ones_is_not_cut() -> None:
    link = "https://drive.example.id/" + "x" * 50
    text = "lihat dokumen pada tautan " + link + " untuk rinciannya"
    pieces = _pieces(text, 80)
    assert pieces[0] == "lihat dokumen pada tautan"
    assert_whole_words(text, pieces, 80)


@pytest.mark.parametrize("separator", [" ", "\t", "\n", "\u3000"])
def test_words_are_never_cut_whatever_the_white_space(separator) -> None:
    text = separator.join(["panjang"] * 400)
    pieces = _pieces(text, 100)
    assert_whole_words(text, pieces, 100)


def test_a_word_longer_than_a_message_is_cut_as_a_last_resort() -> None:
    pieces = _pieces("a" * 250, 100)
    assert pieces == ["a" * 100, "a" * 100, "a" * 50]
