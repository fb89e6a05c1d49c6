"""Any text a person typed, written into a PDF (fpdf2) as typed: emoji and symbols the main
font (DejaVu Sans) lacks come from a symbol font (Symbola, Debian ``fonts-symbola``) set as
fpdf2's fallback font, and right-to-left or combining scripts (Arabic, Hebrew, the Indic
scripts) are shaped with HarfBuzz (``uharfbuzz``). One definition for the certificates and
the daftar hadir, so a name prints alike on both.

Both cost time (the fallback font's subset, shaping every cell), so :func:`prepare` loads
them only when the texts need them.
"""

from __future__ import annotations

import functools
import importlib.util
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF

SYMBOL_FONTS = (
    Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
    Path("/usr/share/fonts/truetype/symbola/Symbola.ttf"),
    Path("/usr/local/share/fonts/Symbola.ttf"),
)
"""Where a font with emoji and symbols is looked for (Debian ``fonts-symbola``, local)."""

SYMBOL_FAMILY = "Symbola"


def find_symbol_font() -> Path | None:
    """A font with emoji and symbols (Symbola), or None if none is installed."""
    return next((path for path in SYMBOL_FONTS if path.is_file()), None)


@functools.cache
def covered(font: Path) -> frozenset[int]:
    """The code points ``font`` has glyphs for (read once per process)."""
    with TTFont(font, lazy=True) as ttfont:
        return frozenset(ttfont.getBestCmap())


def needs_shaping(texts: Iterable[str]) -> bool:
    """Whether any text has right-to-left letters or combining marks, which only HarfBuzz
    draws correctly (Arabic letters joined, right-to-left runs in order)."""
    return any(
        unicodedata.bidirectional(character) in ("R", "AL", "AN")
        or unicodedata.category(character) in ("Mn", "Mc")
        for text in texts
        for character in text
        if ord(character) > 0x2FF
    )


def prepare(pdf: FPDF, main_font: Path, texts: Iterable[str]) -> None:
    """Set up ``pdf`` (whose text font is ``main_font``) for ``texts``: the symbol font as
    fallback when a printable character is missing from ``main_font`` and a symbol font is
    installed; text shaping when :func:`needs_shaping` and uharfbuzz is installed."""
    texts = list(texts)
    font_has = covered(main_font)
    symbols = find_symbol_font()
    missing = any(
        ord(character) not in font_has
        for text in texts
        for character in text
        if character.isprintable() and not character.isspace()
    )
    if symbols is not None and missing:
        pdf.add_font(SYMBOL_FAMILY, "", str(symbols))
        pdf.set_fallback_fonts([SYMBOL_FAMILY], exact_match=False)
    if needs_shaping(texts) and importlib.util.find_spec("uharfbuzz") is not None:
        pdf.set_text_shaping(use_shaping_engine=True)
