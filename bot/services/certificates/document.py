"""A certificate as a PDF (fpdf2): one A4 landscape page with the title (SERTIFIKAT or PIAGAM
PENGHARGAAN), the holder's name, what it is for, the event, the signatory's block, the code
and a QR code that opens the public verification page.

The page is in Indonesian (an official document; texts from the catalogue, ``certificate-*``
keys). Names are written as given: any length up to the 300 characters a check-in accepts
(the font shrinks, then the name wraps over more lines; nothing is cut), any script (text
shaping with HarfBuzz puts right-to-left names in order), emoji through a symbol font when
one is installed.

Fonts: DejaVu Sans (Debian ``fonts-dejavu-core``), falling back to the PDF core font
Helvetica with characters outside Latin-1 replaced; emoji and symbols DejaVu lacks come from
Symbola (Debian ``fonts-symbola``) when installed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import segno
from fpdf.enums import XPos, YPos

from bot.i18n import format_day, plain_text
from bot.services.shared.pdf_text import UnicodePdf
from bot.services.shared.signatory import Signatory

LANGUAGE = "id"
"""The certificate's language (an Indonesian government document)."""

NAME_SIZES = (26, 22, 18, 15, 13, 11)
"""Font sizes tried for the holder's name (pt), largest first: the first that fits the name
in :data:`NAME_LINES` lines is used; at the smallest, the name takes the lines it needs."""
NAME_LINES = 2
"""Lines the name may take before a smaller size is tried."""
SCALES = (1.0, 0.85, 0.72, 0.6, 0.5)
"""Scales of the body's type tried, largest first, until it fits above the footer."""
LINE = 0.5
"""Line height as a share of the font size (mm per pt)."""
QR_SIZE = 32.0
"""Side of the QR code (mm): scannable from a printed page and a phone screen."""


@dataclass(frozen=True)
class CertificateText:
    """What one certificate says.

    Attributes:
        kind: ``participant``, ``judge``, ``narasumber`` or ``winner`` (the piagam).
        code: The public code (``K7Q2-M9XD-3HTP-8WZC``).
        name: The holder: a person's name, or the winning unit's.
        detail: A person's jabatan and unit or institution; a winner's innovation.
        rank_title: The winner's rank ("Juara I"), else None.
        event_title: The event's full title.
        organiser: The organiser (the kop).
        event_day: The event's day.
        place: The venue and city.
        signed_on: The date under the signature.
        signatory: Who signs, or None (the block is left out).
        verify_url: The verification page's address, encoded in the QR code.
    """

    kind: str
    code: str
    name: str
    detail: str
    rank_title: str | None
    event_title: str
    organiser: str
    event_day: date
    place: str
    signed_on: date
    signatory: Signatory | None
    verify_url: str


def _text(key: str, **args: object) -> str:
    return plain_text(LANGUAGE, key, **args)


class _Page(UnicodePdf):
    def __init__(self) -> None:
        super().__init__(orientation="L")
        self.set_auto_page_break(auto=False)
        self.set_margins(24, 20, 24)

    def lines_needed(self, text: str, size: float, width: float, bold: bool = True) -> int:
        self.set_font(self.family, "B" if bold else "", size)
        lines = self.multi_cell(width, size * 0.45, self.clean(text), dry_run=True, output="LINES")
        return len(lines) if isinstance(lines, list) else 1


def _frame(pdf: _Page) -> None:
    pdf.set_draw_color(120, 90, 20)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, pdf.w - 16, pdf.h - 16)
    pdf.set_line_width(0.3)
    pdf.rect(11, 11, pdf.w - 22, pdf.h - 22)
    pdf.set_draw_color(0, 0, 0)


def _name_size(pdf: _Page, name: str, scale: float) -> float:
    """The largest of :data:`NAME_SIZES` (scaled) that fits ``name`` in :data:`NAME_LINES`."""
    sizes = [size * scale for size in NAME_SIZES]
    return next(
        (size for size in sizes if pdf.lines_needed(name, size, pdf.epw) <= NAME_LINES), sizes[-1]
    )


def _purpose(text: CertificateText) -> list[str]:
    """The lines saying what it is for, below the name."""
    if text.kind == "winner":
        return [
            _text("certificate-pdf-winner", rank=text.rank_title or ""),
            _text("certificate-pdf-innovation", innovation=text.detail),
        ]
    lines = [text.detail] if text.detail else []
    return [*lines, _text(f"certificate-pdf-as-{text.kind}")]


def _qr(pdf: _Page, url: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``url`` as filled squares (vector: sharp at any print size)."""
    qr = segno.make(url, error="m", micro=False)
    matrix = qr.matrix
    quiet = 2
    count = len(matrix) + 2 * quiet
    module = size / count
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(x, y, size, size, style="F")
    pdf.set_fill_color(0, 0, 0)
    for row_index, row in enumerate(matrix):
        column = 0
        while column < len(row):
            if row[column] & 1:
                start = column
                while column < len(row) and row[column] & 1:
                    column += 1
                pdf.rect(
                    x + (quiet + start) * module,
                    y + (quiet + row_index) * module,
                    (column - start) * module,
                    module,
                    style="F",
                )
            else:
                column += 1


def _footer(pdf: _Page, text: CertificateText) -> None:
    """The QR code with the code and address at the bottom left; the signatory at the right."""
    top = pdf.h - 20 - QR_SIZE - 6
    left = pdf.l_margin
    _qr(pdf, text.verify_url, left, top, QR_SIZE)
    pdf.set_xy(left, top + QR_SIZE + 1)
    pdf.set_font(pdf.family, "B", 9)
    pdf.cell(90, 4.5, pdf.clean(_text("certificate-pdf-code", code=text.code)))
    pdf.set_xy(left, top + QR_SIZE + 5.5)
    pdf.set_font(pdf.family, "", 7)
    pdf.cell(90, 3.5, pdf.clean(text.verify_url))
    pdf.set_xy(left + QR_SIZE + 3, top + 4)
    pdf.set_font(pdf.family, "", 8)
    pdf.multi_cell(50, 3.8, pdf.clean(_text("certificate-pdf-scan")), align="L")

    signatory = text.signatory
    if signatory is None:
        return
    width = 95
    x = pdf.w - pdf.r_margin - width
    day = format_day(text.signed_on, LANGUAGE).split(", ", 1)[-1]
    pdf.set_xy(x, top - 6)
    rows = [
        (f"{signatory.place}, {day}", "", 10),
        (signatory.role, "", 10),
        ("", "", 18),
        (signatory.name, "B", 11),
        (signatory.employee_number, "", 9),
    ]
    if signatory.example:  # never passed off as the real signatory (as on the daftar hadir)
        rows.append((_text("certificate-pdf-example"), "B", 7))
    for value, style, size in rows:
        pdf.set_x(x)
        pdf.set_font(pdf.family, style, size)
        if value:
            pdf.multi_cell(width, 5, pdf.clean(value), align="C", new_x=XPos.LMARGIN,
                           new_y=YPos.NEXT)  # fmt: skip
        else:
            pdf.ln(size)


def _body(pdf: _Page, text: CertificateText, scale: float) -> list[tuple[str, float, bool, float]]:
    """The lines above the footer at ``scale``: (text, size in pt, bold, gap after in mm)."""
    day = format_day(text.event_day, LANGUAGE)
    title = _text(f"certificate-pdf-title-{text.kind}")
    rows: list[tuple[str, float, bool, float]] = [
        (text.organiser.upper(), 11, True, 4),
        (title, 30, True, 0),
        (_text("certificate-pdf-number", code=text.code), 10, False, 5),
        (_text(f"certificate-pdf-given-{text.kind}"), 12, False, 2),
    ]
    rows = [(value, size * scale, bold, gap * scale) for value, size, bold, gap in rows]
    rows.append((text.name, _name_size(pdf, text.name, scale), True, 2 * scale))
    rows += [(value, 12 * scale, False, 0) for value in _purpose(text)]
    rows += [
        (_text("certificate-pdf-event", event=text.event_title), 11 * scale, False, 0),
        (_text("certificate-pdf-when", day=day, place=text.place), 11 * scale, False, 0),
    ]
    return rows


def render_certificate(text: CertificateText) -> bytes:
    """The certificate's PDF (one page).

    Args:
        text: What it says.

    Returns:
        The PDF's bytes (about 30–60 kB with the fonts' subsets).
    """
    pdf = _Page()
    pdf.set_title(_text(f"certificate-pdf-title-{text.kind}") + " — " + text.name[:80])
    pdf.set_author(text.organiser)
    pdf.set_creator("iga-bot")
    pdf.add_page()
    _frame(pdf)
    pdf.set_y(20)
    bottom = pdf.h - 20 - QR_SIZE - 12  # the footer's top, less a gap
    for scale in SCALES:  # the body at the largest scale that leaves room for the footer
        rows = _body(pdf, text, scale)
        height = sum(
            pdf.lines_needed(value, size, pdf.epw, bold) * size * LINE + gap
            for value, size, bold, gap in rows
        )
        if pdf.get_y() + height <= bottom:
            break
    for value, size, bold, gap in rows:
        pdf.set_font(pdf.family, "B" if bold else "", size)
        pdf.multi_cell(
            0, size * LINE, pdf.clean(value), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        pdf.ln(gap)
    _footer(pdf, text)
    return bytes(pdf.output())
