"""An entry's answers as a PDF, the first file of its folder in the documents archive."""

from __future__ import annotations

import logging

from bot.i18n import format_day, format_number, plain_text
from bot.services.committee.exports import answer_text, localized, status_label
from bot.services.committee.report import _Report
from bot.services.evidence.names import safe_name
from bot.storage.models import Edition, Submission

# fontTools reports every font subset at INFO: a dozen lines per entry's PDF in an archive
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)


def answers_pdf(edition: Edition, submission: Submission, language: str = "id") -> bytes:
    """Every answer of the entry in the form's order, then its self-assessment (number,
    indicator, level claimed and validated, weight, evidence), as PDF bytes.

    ``submission`` must have its unit, answers, attachments and assessments loaded.
    """

    def _t(key: str, **args: object) -> str:
        return plain_text(language, key, **args)

    name = submission.title or "—"
    pdf = _Report(f"{submission.number or ''} · {name}")
    pdf.set_title(name)
    pdf.add_page()
    pdf.heading(name, 15)
    status = status_label(language, submission.status)
    pdf.paragraph(f"{submission.unit.name} · {submission.number or '—'} · {status}", bold=True)
    answers = {answer.field_key: answer.value for answer in submission.answers}
    for spec in (edition.config or {}).get("form", []):
        if spec["key"] not in answers:
            continue
        value = answer_text(spec, answers[spec["key"]], language)
        if hasattr(value, "strftime"):
            value = format_day(value, language)
        pdf.paragraph(localized(spec.get("label", spec["key"]), language), 9, bold=True)
        pdf.paragraph("—" if value in (None, "") else str(value), 9)
    by_indicator = {a.indicator_id: a for a in submission.assessments}
    if by_indicator:
        files: dict[str, list[str]] = {}
        for attachment in submission.attachments:
            files.setdefault(attachment.field_key, []).append(safe_name(attachment.file_name))
        from bot.services.entries.submissions import evidence_key

        pdf.heading(_t("archive-self-assessment"))
        rows = []
        for indicator in sorted(edition.indicators, key=lambda i: i.number):
            assessment = by_indicator.get(indicator.id)
            if assessment is None:
                continue
            evidence = files.get(evidence_key(indicator), [])
            if assessment.evidence_url:
                evidence.append(assessment.evidence_url)
            rows.append(
                [
                    indicator.number,
                    indicator.name,
                    assessment.level,
                    assessment.validated_level or "—",
                    format_number(indicator.weight, language),
                    "\n".join(evidence) or "—",
                ]
            )
        pdf.grid(
            [
                _t("archive-col-indicator-number"),
                _t("archive-col-indicator"),
                _t("archive-col-level"),
                _t("archive-col-validated"),
                _t("archive-col-weight"),
                _t("archive-col-evidence"),
            ],
            rows,
            (10, 52, 16, 20, 16, 60),
        )
    return bytes(pdf.output())
