"""Every PDF the bot makes (fpdf2) is a :class:`UnicodePdf`, and writes any text as typed:
emoji and symbols the main font (DejaVu Sans) lacks come from a symbol font (Symbola, Debian
``fonts-symbola``) set as fpdf2's fallback font, and right-to-left or combining scripts
(Arabic, Hebrew, the Indic scripts) are shaped with HarfBuzz (``uharfbuzz``). One definition
for the results report, the certificates, the daftar hadir and the entries' answers, so a
name prints alike on all.

Both cost time (the fallback font's subset, shaping every cell), so :meth:`UnicodePdf.clean`,
which every text goes through, loads them at the first text that needs them.
"""

from __future__ import annotations

import functools
import importlib.util
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from fpdf import FPDF

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
)
"""Where DejaVu Sans is looked for (Debian/Ubuntu, Fedora/Alpine, local installs)."""

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


def find_unicode_font() -> tuple[Path, Path] | None:
    """Paths of DejaVu Sans regular and bold, or None if not installed."""
    for directory in FONT_DIRS:
        regular, bold = directory / "DejaVuSans.ttf", directory / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


class UnicodePdf(FPDF):
    """An A4 document in DejaVu Sans when installed (``family``, ``unicode``), else in
    Helvetica; every text it writes goes through :meth:`clean`."""

    def __init__(self, orientation: str = "P") -> None:
        super().__init__(orientation=orientation, format="A4")
        fonts = find_unicode_font()
        self.main_font = fonts[0] if fonts is not None else None
        self.symbols_loaded = self.shaping_on = False
        if fonts is None:
            self.family, self.unicode = "helvetica", False
        else:
            self.add_font("DejaVu", "", str(fonts[0]))
            self.add_font("DejaVu", "B", str(fonts[1]))
            self.family, self.unicode = "DejaVu", True

    def clean(self, text: Any) -> str:
        """``text`` as the font can write it: with DejaVu Sans as typed (the symbol font and
        shaping loaded when it needs them); in Helvetica with what Latin-1 lacks replaced."""
        text = "" if text is None else str(text)
        if self.main_font is not None:
            self._prepare_for(text)
            return text
        text = text.replace("—", "-").replace("–", "-").replace("“", '"').replace("”", '"')
        return text.encode("latin-1", "replace").decode("latin-1")

    def _prepare_for(self, text: str) -> None:
        """The symbol font as fallback when a printable character of ``text`` is missing from
        the main font and a symbol font is installed; text shaping when
        :func:`needs_shaping` and uharfbuzz is installed. Each is set once, for the texts
        written from then on."""
        if not self.symbols_loaded and self.main_font is not None:
            font_has = covered(self.main_font)
            missing = any(
                ord(character) not in font_has
                for character in text
                if character.isprintable() and not character.isspace()
            )
            symbols = find_symbol_font() if missing else None
            if symbols is not None:
                self.add_font(SYMBOL_FAMILY, "", str(symbols))
                self.set_fallback_fonts([SYMBOL_FAMILY], exact_match=False)
                self.symbols_loaded = True
        if (
            not self.shaping_on
            and needs_shaping([text])
            and importlib.util.find_spec("uharfbuzz") is not None
        ):
            self.set_text_shaping(use_shaping_engine=True)
            self.shaping_on = True
