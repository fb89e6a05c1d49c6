"""Example entries of the sandbox, so a newcomer can review and judge at once: two entries of
one unit, one submitted (to verify or return), one verified and assigned to the judge persona,
each with every answer (one of about 10,000 characters), documents and a self-assessment with
evidence. The documents are small PDFs kept in the emulator's file store, as if the unit had
sent them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fpdf import FPDF
from sqlalchemy.ext.asyncio import AsyncSession

from bot.sandbox.state import World
from bot.services.entries.submissions import evidence_key, registration_number
from bot.services.judging.scoring import indicators_of
from bot.storage.models import (
    Answer,
    Attachment,
    Edition,
    Judge,
    JudgeAssignment,
    SelfAssessment,
    Submission,
    SubmissionStatus,
    Unit,
)

PARAGRAPH = (
    "Antrean layanan bantuan sosial di kantor dinas sering mencapai ratusan orang setiap hari "
    "Senin, sehingga warga lanjut usia menunggu berjam-jam. Inovasi ini memindahkan "
    "pendaftaran antrean ke aplikasi daring dan layanan pesan singkat, menampilkan perkiraan "
    "waktu tunggu, dan mengirim pengingat sebelum giliran tiba. "
)
LONG_ANSWER_CHARACTERS = 10_000
"""Length of the design answer (rancang bangun): longer than one Telegram message."""


def example_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF with a title and some lines (fpdf2's core font: Latin-1 only, so
    dashes become hyphens)."""

    def latin(text: str) -> str:
        text = text.replace("—", "-").replace("–", "-")
        return text.encode("latin-1", "replace").decode("latin-1")

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 10, latin(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 7, latin(line), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _long_answer() -> str:
    text = ""
    part = 1
    while len(text) < LONG_ANSWER_CHARACTERS:
        text += f"{part}. {PARAGRAPH}\n\n"
        part += 1
    return text[:LONG_ANSWER_CHARACTERS].rstrip()


def _answer(field: dict[str, Any], title: str) -> Any:
    kind, key = field["kind"], field["key"]
    if key == "nama":
        return title
    if key == "rancang_bangun":
        return _long_answer()
    if kind == "short_text":
        return "Seksi Perlindungan dan Jaminan Sosial"
    if kind == "long_text":
        return PARAGRAPH * 2
    if kind == "single_choice":
        return field["choices"][-1]["value"]
    if kind == "multiple_choice":
        return [field["choices"][0]["value"]]
    if kind == "date":
        return "2021-03-01" if "uji" in key else "2021-09-01"
    if kind == "money":
        return 25_000_000
    if kind == "url":
        return "https://example.org/video-si-antre"
    if kind == "phone":
        return "+6281234567890"
    return None


def _attach(
    session: AsyncSession, world: World, entry: Submission, key: str, name: str, body: list[str]
) -> Attachment:
    stored = world.store_file(example_pdf(name, body), name, "application/pdf", "document")
    attachment = Attachment(
        submission_id=entry.id,
        field_key=key,
        file_id=stored.file_id,
        file_unique_id=stored.file_unique_id,
        file_name=name,
        mime_type="application/pdf",
        size_bytes=len(stored.data),
    )
    session.add(attachment)
    return attachment


async def add_example_entries(
    session: AsyncSession,
    world: World,
    edition: Edition,
    unit: Unit,
    *,
    officer_id: int,
    judge: Judge,
    now: datetime,
) -> list[Submission]:
    """The example entries (see the module doc), numbered after the edition's last one."""
    prefix = (edition.config or {}).get("number_prefix", "IGA")
    examples = (
        ("SI-ANTRE (Sistem Informasi Antrean Daring) — contoh", SubmissionStatus.VERIFIED),
        ("Kartu Lansia Sehat — contoh", SubmissionStatus.SUBMITTED),
    )
    entries = []
    for sequence, (title, status) in enumerate(examples, start=1):
        entry = Submission(
            edition_id=edition.id,
            unit_id=unit.id,
            title=title,
            status=status,
            sequence=sequence,
            number=registration_number(prefix, edition.year, sequence),
            created_by=officer_id,
            created_at=now,
            updated_at=now,
            submitted_at=now,
        )
        session.add(entry)
        await session.flush()
        for field in (edition.config or {}).get("form", []):
            if field["kind"] == "file":
                name = f"{field['key']}.pdf"
                attachment = _attach(
                    session, world, entry, field["key"], name, [title, f"Dokumen: {field['key']}"]
                )
                await session.flush()
                value: Any = {"files": [{"attachment_id": attachment.id, "file_name": name}]}
            else:
                value = _answer(field, title)
            session.add(Answer(submission_id=entry.id, field_key=field["key"], value=value))
        for indicator in await indicators_of(session, edition.id):
            level = 3 if indicator.number % 3 == 0 else 2
            evidence = _attach(
                session,
                world,
                entry,
                evidence_key(indicator),
                f"bukti-{indicator.key}.pdf",
                [indicator.name, f"Bukti: {indicator.evidence}", f"Level {level}"],
            )
            await session.flush()
            session.add(
                SelfAssessment(
                    submission_id=entry.id,
                    indicator_id=indicator.id,
                    level=level,
                    attachment_id=evidence.id,
                    updated_at=now,
                )
            )
        if status is SubmissionStatus.VERIFIED:
            session.add(JudgeAssignment(judge_id=judge.id, submission_id=entry.id))
        entries.append(entry)
    await session.flush()
    return entries
