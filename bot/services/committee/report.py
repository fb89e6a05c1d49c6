"""The results report, "Laporan Hasil IGA <year>", as a PDF (fpdf2): the winners, the
ranking table, a one-page summary per winning entry, the judges' panel and the legal basis.

It is the report disseminated at the event (Diseminasi Laporan Hasil IGA). It holds the
results, so before the announcement only admins get it. Texts come from the catalogue
(``report-*``); user and config text is written as it is (a PDF has no markup).

Fonts: :class:`bot.services.shared.pdf_text.UnicodePdf`, as every PDF of the bot (DejaVu Sans,
emoji from the symbol font, shaped right-to-left scripts; Helvetica without DejaVu).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date
from fpdf.enums import XPos, YPos
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.i18n import format_day, format_moment, format_number, plain_text
from bot.services.committee.exports import answer_text, localized, status_label
from bot.services.judging.ranking import compute_ranking, final_formula, unvalidated_entries
from bot.services.judging.results import visible_awards
from bot.services.judging.scoring import list_judges
from bot.services.shared.pdf_text import UnicodePdf
from bot.services.shared.signatory import Signatory
from bot.storage.models import Edition, Event, Submission, Unit

logging.getLogger("fontTools").setLevel(logging.WARNING)
"""fpdf2 subsets the font with fontTools, which logs dozens of INFO lines per report."""

SIGNATURE_HEIGHT = 60
"""Room the signature block needs (mm); it starts a new page when less is left."""

SUMMARY_CHARS = 700
"""Longest excerpt of a long answer in a winner's one-page summary, in characters."""

SUMMARY_FIELDS = ("long_text", "short_text", "single_choice", "multiple_choice", "date", "url")
"""Kinds of form fields shown in a winner's summary (files and contacts are left out)."""


class _Report(UnicodePdf):
    def __init__(self, footer_text: str) -> None:
        super().__init__()
        self.footer_text = footer_text
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.cell(0, 6, self.clean(f"{self.footer_text} · {self.page_no()}"), align="C")

    def heading(self, text: str, size: int = 13) -> None:
        self.ln(3)
        self.set_font(self.family, "B", size)
        self.multi_cell(0, 7, self.clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(self.family, "", 10)

    def paragraph(self, text: str, size: int = 10, bold: bool = False) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        # left-aligned: fpdf2 justifies by default, which spreads short lines with wide gaps
        self.multi_cell(0, 5.5, self.clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(self.family, "", 10)

    def signature(self, signatory: Signatory, day: str, example_line: str) -> None:
        """The signature block on the right half of the page: "Blitar, 7 Desember 2022"
        (``day`` formatted), the role, room to sign, the name in bold, the employee number
        and, for an example signatory, ``example_line``; kept on one page."""
        if self.get_y() + SIGNATURE_HEIGHT > self.page_break_trigger:
            self.add_page()
        self.ln(8)
        width = self.epw / 2
        left = self.l_margin + width
        lines = [
            (f"{signatory.place}, {day}", ""),
            (signatory.role, ""),
            ("", ""),
            ("", ""),
            (signatory.name, "B"),
            (signatory.employee_number, ""),
        ]
        if signatory.example:
            lines.append((example_line, "B"))
        for text, style in lines:
            self.set_x(left)
            self.set_font(self.family, style, 10)
            self.multi_cell(
                width, 6, self.clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
        self.set_font(self.family, "", 10)

    def grid(self, headers: list[str], rows: list[list[Any]], widths: tuple[int, ...]) -> None:
        self.set_font(self.family, "", 9)
        with self.table(col_widths=widths, text_align="LEFT", line_height=5) as table:
            header = table.row()
            for text in headers:
                header.cell(self.clean(text))
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(self.clean(value))
        self.set_font(self.family, "", 10)


@dataclass(frozen=True)
class ReportTitle:
    """The report's file name and title."""

    title: str
    file_name: str


def report_title(edition: Edition, language: str = "id") -> ReportTitle:
    """ "Laporan Hasil IGA 2022" and ``laporan-hasil-iga-2022.pdf``."""
    title = plain_text(language, "report-title", year=str(edition.year))
    return ReportTitle(title, f"laporan-hasil-{edition.code}.pdf")


async def build_report(
    session: AsyncSession,
    edition: Edition,
    event: Event | None,
    *,
    now: datetime,
    zone: ZoneInfo,
    language: str = "id",
) -> bytes:
    """The report as PDF bytes.

    Winners are the edition's ``Award`` rows by rank (imported results of past editions
    included, in the file's order); the ranking table lists the entries judged through the
    bot; each winning entry with a submission gets a one-page summary.
    """

    def _t(key: str, **args: object) -> str:
        return plain_text(language, key, **args)

    title = report_title(edition, language).title
    pdf = _Report(_t("report-footer", title=title, moment=format_moment(now, zone, language)))
    pdf.set_title(title)
    pdf.set_author(event.organiser if event else edition.name)
    pdf.add_page()

    pdf.heading(title, 18)
    pdf.paragraph(edition.name, 11, bold=True)
    if event is not None:
        pdf.paragraph(event.title)
        pdf.paragraph(_t("report-organiser", organiser=event.organiser))
        pdf.paragraph(_t("report-day", day=format_day(event.starts_on, language)))

    awards = await visible_awards(session, edition, now, viewer_is_admin=True)
    pdf.heading(_t("report-winners"))
    if awards:
        pdf.grid(
            [_t("report-col-rank"), _t("report-col-unit"), _t("report-col-innovation")],
            [[award.title, award.unit.name, award.innovation] for award in awards],
            (25, 50, 99),
        )
    else:
        pdf.paragraph(_t("report-no-winners"))

    ranking = await compute_ranking(session, edition)
    pdf.heading(_t("report-ranking"))
    if ranking:
        pdf.grid(
            [
                _t("report-col-position"),
                _t("report-col-unit"),
                _t("report-col-innovation"),
                _t("report-col-judges"),
                _t("report-col-self"),
                _t("report-col-final"),
            ],
            [
                [
                    line.rank,
                    line.submission.unit.name,
                    line.submission.title,
                    _number(line.judges_mean, language),
                    _number(line.self_assessment, language),
                    _number(line.final, language),
                ]
                for line in ranking
            ],
            (12, 40, 62, 20, 20, 20),
        )
        pdf.paragraph(_formula_text(edition, language), 8)
        unvalidated = unvalidated_entries(ranking)
        if unvalidated:
            entries = ", ".join(
                _t("report-unvalidated-entry", number=line.submission.number or "—",
                   count=line.unvalidated)
                for line in unvalidated
            )  # fmt: skip
            pdf.paragraph(_t("report-unvalidated", entries=entries), 8, bold=True)
    else:
        pdf.paragraph(_t("report-no-ranking"))

    judges = await list_judges(session, edition.id)
    units = {unit.id: unit.name for unit in await session.scalars(select(Unit))}
    pdf.heading(_t("report-panel"))
    if judges:
        for judge in judges:
            unit = units.get(judge.unit_id) if judge.unit_id else None
            pdf.paragraph(f"• {judge.name}" + (f" ({unit})" if unit else ""))
    else:
        pdf.paragraph(_t("report-no-panel"))

    pdf.heading(_t("report-legal-basis"))
    for basis in (event.legal_basis if event else []) or []:
        pdf.paragraph(f"• {basis}")

    signatory = Signatory.from_config((edition.config or {}).get("signatory"))
    if signatory is not None:
        day = format_date(now.astimezone(zone), "d MMMM y", locale=language)
        pdf.signature(signatory, day, _t("report-signatory-example"))

    lines = {line.submission.id: line for line in ranking}
    form = (edition.config or {}).get("form", [])
    for award in awards:
        if award.submission_id is None:
            continue
        entry = await session.scalar(
            select(Submission)
            .where(Submission.id == award.submission_id)
            .options(selectinload(Submission.unit), selectinload(Submission.answers))
        )
        if entry is None:
            continue
        pdf.add_page()
        pdf.heading(f"{award.title}: {award.innovation}", 14)
        status = status_label(language, entry.status)
        pdf.paragraph(f"{entry.unit.name} · {entry.number} · {status}")
        line = lines.get(entry.id)
        if line is not None:
            pdf.paragraph(
                _t(
                    "report-entry-scores",
                    judges=_number(line.judges_mean, language),
                    self=_number(line.self_assessment, language),
                    final=_number(line.final, language),
                ),
                bold=True,
            )
        answers = {answer.field_key: answer.value for answer in entry.answers}
        for field in form:
            if field["kind"] not in SUMMARY_FIELDS or field["key"] not in answers:
                continue
            value = answer_text(field, answers[field["key"]], language)
            if value is None:
                continue
            if hasattr(value, "strftime"):
                value = format_day(value, language)
            text = str(value)
            if len(text) > SUMMARY_CHARS:
                text = text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
            pdf.paragraph(localized(field["label"], language), 9, bold=True)
            pdf.paragraph(text, 9)
    return bytes(pdf.output())


def _number(value: float | None, language: str) -> str:
    """A score with two decimals as the language writes it ("61,25"), "–" for none."""
    return "–" if value is None else format_number(value, language, decimals=2)


def _formula_text(edition: Edition, language: str) -> str:
    formula = final_formula(edition)
    return plain_text(
        language,
        "report-formula",
        judges=format_number(float(formula["judges"]) * 100, language),
        self=format_number(float(formula["self_assessment"]) * 100, language),
        tiebreak=plain_text(language, f"report-tiebreak-{formula['tie_break']}"),
    )
