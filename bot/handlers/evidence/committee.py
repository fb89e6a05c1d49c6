"""The committee's evidence tools in the chat: ``/export berkas`` (the documents archive as a
ZIP) and ``/hapus_berkas`` (purge the files of withdrawn entries, after a confirmation).
Admins only, checked at the moment of use; the purge is audited."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.evidence.downloads import store_of
from bot.handlers.shared.access import Access, requires
from bot.handlers.shared.callback_data import Codec
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.keyboards import button
from bot.handlers.shared.text import alert_text, split_text
from bot.handlers.shared.updates import message_of, query_of, tapped_message, user_of
from bot.i18n import format_megabytes, format_moment
from bot.services.core import audit
from bot.services.core.roles import Role
from bot.services.evidence.archive import edition_entries, write_archive
from bot.services.evidence.files import delete_objects, purge, purge_plan

TELEGRAM_UPLOAD_LIMIT = 50 * 1024 * 1024
"""Largest file a bot may send through the Bot API (50 MB), in bytes."""

SELF_HOSTED_UPLOAD_LIMIT = 2000 * 1024 * 1024
"""Largest file a bot may send through a self-hosted Bot API server (2,000 MB), in bytes."""

PURGE_LINES = 30
"""Files listed by name in the purge's question (the rest are counted)."""


@dataclass(frozen=True)
class PurgeConfirm:
    """The purge's confirmation: the edition and how many files the committee was shown (a
    changed list asks again)."""

    edition: int
    count: int


PURGE = Codec("evidence:purge", PurgeConfirm)


async def send_archive(update: Update, access: Access, context: BotContext) -> None:
    """``/export berkas``: writes the documents archive to a temporary file (documents copied
    from the store in chunks) and sends it, or says how to get it when it is over the
    largest file a bot may send."""
    from bot.services.evidence.answers import answers_pdf  # fpdf2: at the first archive

    message = message_of(update)
    settings = access.runtime.settings
    limit = SELF_HOSTED_UPLOAD_LIMIT if settings.telegram_api_self_hosted else TELEGRAM_UPLOAD_LIMIT
    await message.reply_text(access.t("evidence-archive-wait"))
    with tempfile.TemporaryFile() as file:
        entries = edition_entries(access.session, access.edition, answers_pdf, "id")
        result = await write_archive(entries, store_of(context), file, "id")
        size = file.tell()
        if size > limit:
            await message.reply_text(
                access.t(
                    "evidence-archive-too-big",
                    size=format_megabytes(size, access.language),
                    limit=format_megabytes(limit, access.language),
                ),
            )
            return
        file.seek(0)
        caption = access.t(
            "evidence-archive-caption",
            edition=access.edition.name,
            moment=format_moment(access.now, settings.zone, access.language),
            entries=result.entries,
            documents=result.written,
            problems=result.problems,
        )
        await message.reply_document(
            file,
            filename=Path(f"berkas-{access.edition.code}.zip").name,
            caption=caption,
        )


@requires(Role.ADMIN)
async def purge_command(update: Update, context: BotContext, access: Access) -> None:
    """``/hapus_berkas``: lists the files of withdrawn entries that a purge would delete and
    asks to confirm; nothing is deleted yet."""
    plan = await purge_plan(access.session, access.edition.id)
    message = message_of(update)
    if not plan:
        await message.reply_text(access.t("evidence-purge-nothing"))
        return
    size = sum(item.size for item in plan if not item.shared)
    lines = [
        access.t(
            "evidence-purge-ask",
            count=len(plan),
            entries=len({item.entry for item in plan}),
            size=format_megabytes(size, access.language),
        )
    ]
    for item in plan[:PURGE_LINES]:
        key = "evidence-purge-line-shared" if item.shared else "evidence-purge-line"
        lines.append(access.t(key, entry=item.entry, name=item.file_name))
    if len(plan) > PURGE_LINES:
        lines.append(access.t("evidence-purge-more", count=len(plan) - PURGE_LINES))
    pages = split_text(lines)
    for page in pages[:-1]:
        await message.reply_text(page)
    markup = InlineKeyboardMarkup(
        [[button(access.t("evidence-purge-button", count=len(plan)),
                 PURGE.pack(PurgeConfirm(access.edition.id, len(plan))))]]
    )  # fmt: skip
    await message.reply_text(pages[-1], reply_markup=markup)


@requires(Role.ADMIN)
async def purge_confirmed(update: Update, context: BotContext, access: Access) -> None:
    """The purge's button: deletes the files listed, if the list is still what was shown."""
    query = query_of(update)
    confirm = PURGE.parse(query.data)
    plan = await purge_plan(access.session, access.edition.id)
    if confirm is None or confirm.edition != access.edition.id or confirm.count != len(plan):
        await query.answer(alert_text(access.t("evidence-purge-changed")), show_alert=True)
        return
    doomed = await purge(access.session, plan, access.now)
    audit.record(
        access.session,
        now=access.now,
        actor_id=user_of(update).id,
        action="evidence.purge",
        entity="edition",
        entity_id=access.edition.id,
        after={"attachments": [item.attachment_id for item in plan], "objects": len(doomed)},
    )
    await query.answer()  # commits the purge: the files go only once the rows say so
    deleted = await delete_objects(store_of(context), doomed)
    await query.edit_message_reply_markup(None)
    await tapped_message(query).reply_text(
        access.t("evidence-purge-done", count=len(plan), objects=deleted),
    )


def register(application: Application) -> None:
    """Adds /hapus_berkas and its confirmation button (``/export berkas`` is routed by
    ``/export``)."""
    application.add_handler(CommandHandler(command_names("hapus_berkas"), purge_command))
    application.add_handler(CallbackQueryHandler(purge_confirmed, pattern=PURGE.pattern))
