"""An entry as people read it in the chat: answers as shown (labels of choices, dates,
money, files by name), every answer whole (split across messages, never cut), the
self-assessment with each indicator's evidence by name and, for the committee and the
judges, the panel's validation; its files sent only when asked, as albums. The officer's
form (``bot.handlers.entries.views``) and the committee's and judges' views use it."""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Bot, InlineKeyboardButton, InputFile, InputMediaDocument, InputMediaPhoto
from telegram.error import BadRequest, TelegramError

from bot.handlers.shared.keyboards import button
from bot.handlers.shared.text import split_text
from bot.i18n import format_day, format_moment, format_money, format_number, t
from bot.services.core.event_file import FormFieldSpec, localized
from bot.services.core.event_view import EditionView, IndicatorView
from bot.services.entries.form import answer_files, form_fields, visible_fields
from bot.services.entries.submissions import (
    answers_of,
    assessment_of,
    assessment_score,
    evidence_indicator,
    evidence_key,
    files_of,
    self_assessment_on,
)
from bot.services.evidence.names import is_photo, safe_name
from bot.services.evidence.store import FileStore, ObjectMissing
from bot.storage.models import Attachment, Edition, FileState, Indicator, Submission

logger = logging.getLogger(__name__)

ALBUM_MAX = 10
"""Most documents in one album (Bot API sendMediaGroup: 2–10 items)."""


def label_of(spec: FormFieldSpec, language: str) -> str:
    """The field's label in ``language``."""
    return localized(spec.label, language)


def choice_label(spec: FormFieldSpec, value: str, language: str) -> str:
    """The label of a choice value (the value itself if the form no longer has it)."""
    choice = next((c for c in spec.choices if c.value == value), None)
    return localized(choice.label, language) if choice else value


def display_value(spec: FormFieldSpec, value: Any, language: str) -> str:
    """An answer as people read it (plain text, to be escaped): labels of choices, dates as
    "Rabu, 17 Agustus 2022", money as "Rp10.000.000", files by name."""
    if value is None:
        return t(language, "entry-value-skipped")
    if spec.kind == "single_choice":
        return choice_label(spec, value, language)
    if spec.kind == "multiple_choice":
        return ", ".join(choice_label(spec, item, language) for item in value)
    if spec.kind == "date":
        return format_day(date.fromisoformat(value), language)
    if spec.kind == "money":
        return format_money(int(value), language)
    if spec.kind == "file":
        unnamed = t(language, "entry-value-file")
        names = [safe_name(f.get("file_name"), fallback=unnamed) for f in answer_files(value)]
        return ", ".join(f"📎 {name}" for name in names) or t(language, "entry-value-skipped")
    return str(value)


def score_line(language: str, score: Any) -> str:
    """ "Skor sementara: 40 dari 117 (5/20 indikator)" and the mandatory ones lacking
    evidence."""
    text = t(
        language,
        "entry-score",
        score=format_number(score.score, language),
        maximum=format_number(score.maximum, language),
        assessed=score.assessed,
        evidenced=score.evidenced,
        total=score.total,
    )
    if score.lacking:
        names = ", ".join(f"{i.number}. {i.name}" for i in score.lacking)
        text += "\n" + t(language, "entry-score-lacking", names=names)
    return text


def entry_blocks(
    language: str,
    edition: Edition | EditionView,
    visible: Sequence[FormFieldSpec],
    submission: Submission,
    answers: dict[str, Any],
    *,
    self_assessment: bool,
    validated: bool = False,
    own_levels: Mapping[int, int] | None = None,
) -> list[str]:
    """The entry as HTML blocks, every answer whole: each asked field with its label, then
    (when the edition has a self-assessment) the score and each indicator's level and
    evidence by file name or link. ``validated`` adds the panel's validated level (what the
    committee reads), or with ``own_levels`` (indicator id → level) a judge's own. Split
    into messages with
    :func:`bot.handlers.shared.text.split_text`."""
    blocks = []
    for spec in visible:
        shown = display_value(spec, answers.get(spec.key), language) if spec.key in answers else "—"
        label = t(language, "entry-review-label", label=label_of(spec, language))
        blocks.append(f"{label}\n{html.escape(shown)}")
    if self_assessment:
        score = assessment_score(edition.indicators, submission)
        title = t(language, "entry-review-assessment-title")
        blocks.append(f"{title}\n{score_line(language, score)}")
        for indicator in edition.indicators:
            label = t(language, "entry-review-label", label=f"{indicator.number}. {indicator.name}")
            assessment = assessment_of(submission, indicator)
            files = files_of(submission, evidence_key(indicator))
            text = assessment_text(
                language, indicator, assessment, files, validated=validated, own_levels=own_levels
            )
            blocks.append(f"{label}\n{text}")
    return blocks


def safe_file_name(attachment: Attachment) -> str:
    """A file's name as shown (cleaned of what could mislead: :func:`safe_name`)."""
    return safe_name(attachment.file_name)


def assessment_text(
    language: str,
    indicator: Indicator | IndicatorView,
    assessment: Any,
    files: Sequence[Attachment],
    *,
    validated: bool = False,
    own_levels: Mapping[int, int] | None = None,
) -> str:
    """ "tingkat 2 (Peraturan Kepala Daerah); bukti: 📎 sk-tim.pdf, https://…" (HTML): the
    evidence by file name and link, with the panel's validated level when ``validated`` (a
    judge's own from ``own_levels`` when given)."""
    if assessment is None:
        return "—"
    description = next(
        (lvl["description"] for lvl in indicator.levels if lvl["level"] == assessment.level), ""
    )
    names = [f"📎 {safe_file_name(attachment)}" for attachment in files]
    evidence = ", ".join([*names, assessment.evidence_url or ""]).strip(", ") or "—"
    text = t(
        language,
        "entry-review-assessment",
        level=assessment.level,
        description=description,
        evidence=evidence,
    )
    if validated:
        level = assessment.validated_level if own_levels is None else own_levels.get(indicator.id)
        key = "entry-review-validated" if level else "entry-review-not-validated"
        text += "; " + t(language, key, level=level or 0)
    return text


def entry_texts(
    language: str,
    edition: Edition,
    entry: Submission,
    zone: ZoneInfo,
    own_levels: Mapping[int, int] | None = None,
) -> list[str]:
    """The entry's messages: number, title, unit and when it was sent, then every asked field
    with its whole answer and the self-assessment (levels, evidence, validation: the panel's,
    or a judge's ``own_levels``)."""
    submitted = format_moment(entry.submitted_at, zone, language) if entry.submitted_at else "—"
    header = t(
        language,
        "entry-detail-header",
        number=entry.number or "—",
        title=entry.title or "—",
        unit=entry.unit.name,
        submitted=submitted,
    )
    answers = answers_of(entry)
    visible = visible_fields(form_fields(edition.config or {}), answers)
    blocks = entry_blocks(
        language,
        edition,
        visible,
        entry,
        answers,
        self_assessment=self_assessment_on(edition),
        validated=True,
        own_levels=own_levels,
    )
    continued = t(language, "text-continued")
    return split_text([header, *blocks], separator="\n\n", continued=continued)


def files_button(language: str, entry: Submission, data: str) -> list[InlineKeyboardButton]:
    """The "📎 Berkas (3)" button (callback ``data``) as a keyboard row, or an empty row when
    the entry has no file."""
    if not entry.attachments:
        return []
    return [button(t(language, "entry-button-files", count=len(entry.attachments)), data)]


def attachment_label(language: str, edition: Edition, attachment: Attachment) -> str:
    """What a file is, by name: "Dokumen anggaran · anggaran.pdf", "Bukti indikator
    1. Regulasi inovasi daerah · sk.pdf" (plain text)."""
    indicator = evidence_indicator(edition, attachment.field_key)
    if indicator is not None:
        label = t(language, "entry-evidence-label", name=f"{indicator.number}. {indicator.name}")
    else:
        field = next(
            (f for f in (edition.config or {}).get("form", []) if f["key"] == attachment.field_key),
            None,
        )
        label = localized(field["label"], language) if field else t(language, "entry-value-file")
    return f"{label} · {safe_file_name(attachment)}" if attachment.file_name else label


async def send_files(
    bot: Bot,
    chat_id: int,
    language: str,
    edition: Edition,
    entry: Submission,
    store: FileStore | None = None,
) -> None:
    """Send the entry's files as albums of up to :data:`ALBUM_MAX`, each captioned with the
    entry's number and what the file is: documents together, photos together (Telegram
    mixes neither in one album, and sends a photo again only as a photo).

    Each album goes by Telegram's ``file_id`` first (no upload); when Telegram refuses it (a
    new bot token, or a file Telegram dropped: issue 16), the album is uploaded again from
    ``store``, the bytes the download job kept. A file neither can deliver (not stored yet,
    purged, over the upload limit) is named in one short message; other failures are logged
    (the files stay available from the button)."""
    documents: list[tuple[Attachment, str]] = []
    photos: list[tuple[Attachment, str]] = []
    for attachment in entry.attachments:
        caption = t(
            language,
            "entry-attachment-caption",
            number=entry.number or "—",
            label=attachment_label(language, edition, attachment),
        )
        photo = is_photo(attachment.file_name, attachment.file_unique_id)
        (photos if photo else documents).append((attachment, caption))
    missing: list[Attachment] = []
    for group in (documents, photos):
        for start in range(0, len(group), ALBUM_MAX):
            album = group[start : start + ALBUM_MAX]
            try:
                await _send_album(bot, chat_id, [_by_file_id(a, c) for a, c in album])
            except BadRequest as error:  # the file_id is not (or no longer) Telegram's
                if store is None:
                    logger.warning("Could not send the files of entry %s: %s", entry.id, error)
                    continue
                missing += await _upload_album(bot, chat_id, store, album, entry.id)
            except TelegramError as error:
                logger.warning("Could not send the files of entry %s: %s", entry.id, error)
    if missing:
        names = ", ".join(safe_file_name(a) for a in missing)
        text = t(language, "entry-files-unavailable", names=names)
        try:
            await bot.send_message(chat_id, text)
        except TelegramError as error:
            logger.warning("Could not send the files of entry %s: %s", entry.id, error)


UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024
"""Largest file, and largest album in total, uploaded again from the store (Bot API: 50 MB
per uploaded file); the album's bytes are in memory while it is sent."""

Media = InputMediaDocument | InputMediaPhoto


def _by_file_id(attachment: Attachment, caption: str) -> Media:
    if is_photo(attachment.file_name, attachment.file_unique_id):
        return InputMediaPhoto(attachment.file_id, caption)
    return InputMediaDocument(attachment.file_id, caption)


async def _send_album(bot: Bot, chat_id: int, album: Sequence[Media]) -> None:
    """One album, or one document or photo alone (an album takes 2–10 items)."""
    if len(album) > 1:
        await bot.send_media_group(chat_id, album)
    elif isinstance(album[0], InputMediaPhoto):
        await bot.send_photo(chat_id, album[0].media, album[0].caption)
    else:
        await bot.send_document(chat_id, album[0].media, caption=album[0].caption)


async def _upload_album(
    bot: Bot,
    chat_id: int,
    store: FileStore,
    album: Sequence[tuple[Attachment, str]],
    entry_id: int,
) -> list[Attachment]:
    """Upload ``album`` from the store, in albums of at most :data:`UPLOAD_LIMIT_BYTES` in
    total; returns the files it could not send."""
    missing: list[Attachment] = []
    ready: list[tuple[Attachment, str]] = []
    for attachment, caption in album:
        sha256 = attachment.sha256 if attachment.state == FileState.STORED else None
        size = attachment.size_bytes or 0
        if not sha256 or size > UPLOAD_LIMIT_BYTES or not await store.has(sha256):
            missing.append(attachment)
        else:
            ready.append((attachment, caption))
    batch: list[tuple[Attachment, str]] = []
    for item in [*ready, None]:
        total = sum(a.size_bytes or 0 for a, _ in batch)
        if batch and (item is None or total + (item[0].size_bytes or 0) > UPLOAD_LIMIT_BYTES):
            try:
                media = [await _uploaded(store, a, c, len(batch) > 1) for a, c in batch]
                await _send_album(bot, chat_id, media)
            except (TelegramError, ObjectMissing) as error:
                logger.warning("Could not upload the files of entry %s: %s", entry_id, error)
                missing += [a for a, _ in batch]
            batch = []
        if item is not None:
            batch.append(item)
    return missing


async def _uploaded(
    store: FileStore, attachment: Attachment, caption: str, in_album: bool
) -> Media:
    """The attachment's stored bytes as an upload with its (cleaned) name; in an album each
    file is its own part of the request, named by ``attach://`` (Bot API InputMedia)."""
    assert attachment.sha256 is not None  # checked by the caller: stored
    data = b"".join([chunk async for chunk in store.read(attachment.sha256)])
    upload = InputFile(data, filename=safe_file_name(attachment), attach=in_album)
    if is_photo(attachment.file_name, attachment.file_unique_id):
        return InputMediaPhoto(upload, caption)
    return InputMediaDocument(upload, caption)
