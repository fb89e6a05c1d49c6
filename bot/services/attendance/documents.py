"""The event day's printed documents: the daftar hadir (PDF and XLSX) and the entrance's
check-in poster (PDF with the QR code).

The daftar hadir follows the government layout: the kop (``attendance.kop`` of the event
file, else the organiser), "DAFTAR HADIR", the event's title, day and date and place; the
columns No, Nama, NIP, Jabatan, Unit Kerja, Waktu hadir, Tanda tangan (room to sign, headings
repeated on every page); the closing block with the committee's signatory from the event file
(``attendance.signatory``: place, role, name, NIP; one marked ``example`` prints a visible
"contoh" line); page numbers "Halaman 2 dari 5". Names and texts are written whole, as typed
(a PDF has no markup to escape) through :class:`bot.services.shared.pdf_text.UnicodePdf`,
as every PDF of the bot (DejaVu Sans, emoji and symbols it lacks from the symbol font,
right-to-left scripts shaped); the XLSX keeps everything as typed.

fpdf2 and segno are imported here, and this module only where a document is built (the
report's reasoning: they cost memory and start time).
"""

from __future__ import annotations

import io
import logging
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from fpdf.enums import XPos, YPos
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from bot.i18n import format_clock, format_day, format_time_range, plain_text
from bot.services.attendance.records import Listing
from bot.services.core.event_view import AgendaItemView, EventView
from bot.services.shared.nip import format_nip
from bot.services.shared.pdf_text import UnicodePdf
from bot.services.shared.signatory import Signatory
from bot.storage.models import AttendanceRecord

logging.getLogger("fontTools").setLevel(logging.WARNING)
logging.getLogger("fpdf.output").setLevel(logging.ERROR)  # "missing glyph" per emoji

COLUMN_WIDTHS = (10, 50, 43, 46, 46, 20, 46)
"""Widths (mm) of No, Nama, NIP, Jabatan, Unit Kerja, Waktu hadir, Tanda tangan on A4
landscape within 18 mm margins (261 mm)."""

ROW_HEIGHT = 11
"""Least height of a row (mm): room for a signature."""


def signatory_of(event: EventView) -> Signatory | None:
    """The event file's signatory of the daftar hadir, if given."""
    return Signatory.from_config((event.attendance or {}).get("signatory"))


TIME_FORMATS = {"id": 'hh"."mm', "en": "hh:mm"}
"""How the workbook shows the check-in time (the cell keeps the whole local date and time):
"07.45" in Indonesian, "07:45" in English, as the PDF prints it."""


def sign_off_place(signatory: Signatory, event: EventView, language: str) -> str:
    """The sign-off's first line: the place and the event's date, "Blitar, 7 Desember 2022"
    (the same in the PDF and the workbook)."""
    return f"{signatory.place}, {format_day(event.starts_on, language).split(', ', 1)[-1]}"


def kop_lines(event: EventView) -> list[str]:
    """The letterhead's lines: ``attendance.kop`` of the event file, else the organiser
    ("Pemerintah Kota Blitar melalui Bappeda": "PEMERINTAH KOTA BLITAR", "BAPPEDA")."""
    lines = (event.attendance or {}).get("kop") or []
    if lines:
        return list(lines)
    parts = re.split(r"\s+melalui\s+", event.organiser.strip(), flags=re.IGNORECASE)
    return [part.upper() for part in parts if part]


class _Document(UnicodePdf):
    def __init__(self, orientation: str, footer: str | None) -> None:
        super().__init__(orientation)
        self.footer_template = footer
        self.set_auto_page_break(auto=True, margin=16)
        self.set_margins(18, 14, 18)
        self.alias_nb_pages()

    def footer(self) -> None:
        if self.footer_template is None:
            return
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        text = self.footer_template.replace("{page}", str(self.page_no()))
        self.cell(0, 6, self.clean(text), align="C")

    def line_of(self, text: str, size: float, bold: bool = False, align: str = "C") -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.multi_cell(0, size * 0.5, self.clean(text), align=align,
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip


def _kop(pdf: _Document, event: EventView) -> None:
    lines = kop_lines(event)
    for index, line in enumerate(lines):
        if index == 0 and len(lines) > 1:
            pdf.line_of(line, 12, bold=True)
        elif index <= 1:
            pdf.line_of(line, 14, bold=True)
        else:
            pdf.line_of(line, 9)
    y = pdf.get_y() + 1.5
    pdf.set_line_width(0.8)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, y + 1.2, pdf.w - pdf.r_margin, y + 1.2)
    pdf.set_y(y + 4)


def _place(event: EventView) -> str:
    if event.venue is None:
        return ""
    return ", ".join(part for part in (event.venue.name, event.venue.city) if part)


def build_daftar_hadir(
    event: EventView,
    records: list[AttendanceRecord],
    *,
    language: str = "id",
    subtitle: str | None = None,
    times: list[datetime] | None = None,
) -> bytes:
    """The daftar hadir as PDF bytes (A4 landscape), rows in check-in order.

    Args:
        event: The event, its venue loaded.
        records: :func:`bot.services.attendance.records.attendees_of`.
        language: Of the headings and dates.
        subtitle: Under the title (an agenda session's name and time), optional.
        times: The time shown per row (a session's check-in), else each record's.
    """
    zone = ZoneInfo(event.timezone)

    def _t(key: str, **args: object) -> str:
        return plain_text(language, key, **args)

    signatory = signatory_of(event)
    pdf = _Document("L", _t("attendance-pdf-page", page="{page}", pages="{nb}"))
    pdf.set_title(_t("attendance-pdf-title"))
    pdf.set_author(event.organiser)
    pdf.add_page()
    _kop(pdf, event)
    pdf.line_of(_t("attendance-pdf-title"), 14, bold=True)
    pdf.line_of(event.title, 10.5, bold=True)
    if subtitle:
        pdf.line_of(subtitle, 10)
    pdf.ln(2)
    for label, value in (
        (_t("attendance-pdf-day"), format_day(event.starts_on, language)),
        (_t("attendance-pdf-place"), _place(event)),
    ):
        pdf.set_font(pdf.family, "", 10)
        pdf.cell(32, 6, pdf.clean(label))
        pdf.multi_cell(0, 6, pdf.clean(f": {value}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    headers = [_t(f"attendance-col-{name}") for name in
               ("no", "name", "nip", "jabatan", "unit", "time", "signature")]  # fmt: skip
    pdf.set_font(pdf.family, "", 9)
    with pdf.table(
        col_widths=COLUMN_WIDTHS,
        text_align=("CENTER", "LEFT", "LEFT", "LEFT", "LEFT", "CENTER", "LEFT"),
        line_height=4.6,
        min_row_height=ROW_HEIGHT,
        v_align="MIDDLE",
        repeat_headings=1,
        width=sum(COLUMN_WIDTHS),
    ) as table:
        heading = table.row()
        for text in headers:
            heading.cell(pdf.clean(text), align="CENTER")
        for number, record in enumerate(records, start=1):
            moment = times[number - 1] if times else record.checked_in_at
            row = table.row()
            # signatures alternate left and right, as on paper lists, so neighbours do not
            # sign over each other
            sign = f"{number}." if number % 2 else f"          {number}."
            for value in (
                str(number),
                record.name,
                format_nip(record.nip) or "-",
                record.jabatan or "-",
                record.unit_name or "-",
                format_clock(moment, zone, language),
                sign,
            ):
                row.cell(pdf.clean(value))
    if signatory is not None:
        if pdf.get_y() + 62 > pdf.page_break_trigger:
            pdf.add_page()
        pdf.ln(8)
        width = 100
        left = pdf.w - pdf.r_margin - width
        place_day = sign_off_place(signatory, event, language)
        lines = [(place_day, False), (signatory.role, False), ("", False), ("", False),
                 ("", False), (signatory.name, True),
                 (signatory.employee_number, False)]  # fmt: skip
        if signatory.example:
            lines.append((_t("attendance-pdf-example"), True))
        for text, bold in lines:
            pdf.set_x(left)
            pdf.set_font(pdf.family, "B" if bold else "", 10)
            pdf.multi_cell(width, 5.5, pdf.clean(text), align="C",
                           new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
    return bytes(pdf.output())


def build_daftar_hadir_xlsx(
    event: EventView,
    records: list[AttendanceRecord],
    *,
    language: str = "id",
    subtitle: str | None = None,
    times: list[datetime] | None = None,
) -> bytes:
    """The daftar hadir as an Excel workbook: the heading lines, then one row per person
    (NIP as text, the check-in time as a local date-time to the second shown as "07.45"),
    and the sign-off "<place>, <date>" as in the PDF, ready to print or to paste."""
    zone = ZoneInfo(event.timezone)

    def _t(key: str, **args: object) -> str:
        return plain_text(language, key, **args)

    book = Workbook()
    sheet = book.active
    sheet.title = _t("attendance-pdf-title")[:31]
    heading = [
        " — ".join(kop_lines(event)[:2]),
        _t("attendance-pdf-title"),
        event.title,
        *([subtitle] if subtitle else []),
        f"{_t('attendance-pdf-day')}: {format_day(event.starts_on, language)}",
        f"{_t('attendance-pdf-place')}: {_place(event)}",
    ]
    for index, text in enumerate(heading, start=1):
        sheet.cell(row=index, column=1, value=text).font = Font(bold=index <= 3)
    first = len(heading) + 2
    headers = [_t(f"attendance-col-{name}") for name in
               ("no", "name", "nip", "jabatan", "unit", "time", "role")]  # fmt: skip
    for column, text in enumerate(headers, start=1):
        sheet.cell(row=first, column=column, value=text).font = Font(bold=True)
    for number, record in enumerate(records, start=1):
        moment = times[number - 1] if times else record.checked_in_at
        local = moment.astimezone(zone).replace(tzinfo=None, microsecond=0)
        values = [number, record.name, record.nip or "", record.jabatan, record.unit_name,
                  local, _t(f"attendance-kind-{record.role.value}")]  # fmt: skip
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=first + number, column=column, value=value)
            cell.alignment = Alignment(wrap_text=column in (2, 4, 5), vertical="top")
            if column == 3:
                cell.number_format = "@"
            if column == 6:
                cell.number_format = TIME_FORMATS.get(language, TIME_FORMATS["id"])
    for column, width in enumerate((5, 40, 22, 32, 32, 17, 14), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=first + 1, column=1)
    signatory = signatory_of(event)
    if signatory is not None:
        row = first + len(records) + 3
        example = (_t("attendance-pdf-example"),) if signatory.example else ()
        place_day = sign_off_place(signatory, event, language)
        for offset, text in enumerate((place_day, signatory.role, "", "", signatory.name,
                                       signatory.employee_number, *example)):  # fmt: skip
            sheet.cell(row=row + offset, column=5, value=text)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def session_subtitle(item: AgendaItemView, zone: ZoneInfo, language: str) -> str:
    """The line naming a session under the title: "Sesi: <title> (09.00–09.30 WIB)"."""
    hours = format_time_range(item.starts_at, item.ends_at, zone, language)
    return plain_text(language, "attendance-pdf-session", title=item.title, hours=hours)


def build_listing(event: EventView, listing: Listing, *, as_xlsx: bool, language: str = "id"):
    """The daftar hadir of :func:`bot.services.attendance.records.listing` (the event's, or
    one session's) as ``(bytes, file name)``: PDF, or XLSX with ``as_xlsx``."""
    zone = ZoneInfo(event.timezone)
    subtitle = session_subtitle(listing.item, zone, language) if listing.item else None
    suffix = f"-{listing.item.key}" if listing.item else ""
    if as_xlsx:
        content = build_daftar_hadir_xlsx(event, listing.records, language=language,
                                          subtitle=subtitle, times=listing.times)  # fmt: skip
        return content, f"daftar-hadir-{event.slug}{suffix}.xlsx"
    content = build_daftar_hadir(event, listing.records, language=language, subtitle=subtitle,
                                 times=listing.times)  # fmt: skip
    return content, f"daftar-hadir-{event.slug}{suffix}.pdf"


def qr_png(link: str) -> bytes:
    """The QR code of ``link`` as a PNG (error correction M, 4 modules of quiet zone)."""
    import segno

    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buffer, kind="png", scale=12, border=4)
    return buffer.getvalue()


def build_poster(
    event: EventView,
    link: str,
    day: date | None = None,
    *,
    language: str = "id",
    session: str | None = None,
) -> bytes:
    """The entrance's A4 poster: the kop, "Daftar hadir", the event, its day and place, a QR
    code of ``link`` 150 mm wide, the link as text and how to use it.

    Args:
        event: The event, its venue loaded.
        link: :func:`bot.services.attendance.link.link_for` of the day.
        day: The day the link is for (the event's first day when None).
        session: The agenda session's title when the link is a session's.
    """

    def _t(key: str, **args: object) -> str:
        return plain_text(language, key, **args)

    pdf = _Document("P", None)
    pdf.set_title(_t("attendance-poster-title"))
    pdf.set_author(event.organiser)
    pdf.add_page()
    _kop(pdf, event)
    pdf.ln(4)
    pdf.line_of(_t("attendance-poster-title"), 26, bold=True)
    pdf.ln(2)
    pdf.line_of(event.short_title, 14, bold=True)
    if session:
        pdf.line_of(session, 12, bold=True)
    pdf.line_of(format_day(day or event.starts_on, language), 12)
    pdf.line_of(_place(event), 11)
    pdf.ln(4)
    size = 150
    pdf.image(io.BytesIO(qr_png(link)), x=(pdf.w - size) / 2, y=pdf.get_y(), w=size, h=size)
    pdf.set_y(pdf.get_y() + size + 4)
    pdf.line_of(_t("attendance-poster-how"), 12)
    pdf.ln(2)
    pdf.line_of(link, 9)
    return bytes(pdf.output())
