"""File sizes in the unit that fits, so a small file never reads "0 KB"."""

import pytest

from bot.i18n import format_file_size


@pytest.mark.parametrize(
    ("size", "language", "shown"),
    [
        (193, "id", "193 B"),
        (0, "en", "0 B"),
        (4608, "id", "4,5 KB"),
        (4608, "en", "4.5 KB"),
        (25 * 1024 * 1024 + 300 * 1024, "id", "25,3 MB"),
    ],
)
def test_file_size(size: int, language: str, shown: str) -> None:
    assert format_file_size(size, language) == shown
