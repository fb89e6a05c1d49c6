"""``/export`` (the Excel workbook), ``/export csv [table]`` (one table as CSV), ``/export
berkas`` (the documents archive) and
``/laporan`` (the results report PDF). Admins only, checked at the moment of use: these files
hold the results. A year as the last word (``/ekspor 2022``, ``/laporan 2022``) opens that
edition (the archive, issue 19); else the current one.

The report module (fpdf2, with Pillow and fontTools) is imported at the first ``/laporan``,
not when the bot starts: about 35 MB and 0.25 s of every start (``docs/benchmarks.md``).
"""

from __future__ import annotations

import tempfile

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.handlers.shared.access import Access, requires
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.edition_args import edition_asked
from bot.handlers.shared.updates import message_of
from bot.i18n import format_moment
from bot.services.committee import exports
from bot.services.core.roles import Role
from bot.services.editions.archive import award_event_of

ARCHIVE_WORDS = ("berkas", "files", "zip")
"""``/export berkas``: the documents archive instead of the workbook."""


@requires(Role.ADMIN)
async def export_command(update: Update, context: BotContext, access: Access) -> None:
    """Sends the workbook, with ``csv [table]`` one table as CSV (entries by default), or
    with ``berkas`` the documents archive (:func:`bot.handlers.evidence.committee.send_archive`).

    The file is written to an unnamed temporary file (gone when closed), the rows read from
    the database a chunk at a time and written in a worker thread
    (:func:`bot.services.committee.exports.write_workbook`): the bot keeps answering other users and
    never holds the tables in memory.
    """
    asked, args = await edition_asked(update, access, [a.lower() for a in context.args or []])
    if asked is None:
        return
    access = asked
    known = 2 if args[:1] == ["csv"] else 1  # csv takes a table's name
    unknown = [a for a in args[:1] if a not in (*ARCHIVE_WORDS, "csv")] + args[known:]
    if unknown:  # an unknown word is answered, never ignored
        past = str(access.edition.year - 1)
        await message_of(update).reply_text(access.t("export-usage", word=unknown[0], year=past))
        return
    if args and args[0] in ARCHIVE_WORDS:
        from bot.handlers.evidence.committee import send_archive

        await send_archive(update, access, context)
        return
    zone = access.runtime.settings.zone
    tables = exports.export_tables(access.session, access.edition, zone, "id")
    caption = access.t(
        "export-caption",
        edition=access.edition.name,
        moment=format_moment(access.now, zone, access.language),
    )
    message = message_of(update)
    table = None
    if args and args[0] == "csv":
        table = exports.table_named(tables, args[1] if len(args) > 1 else "entries")
        if table is None:
            names = ", ".join(f"{t.key} ({t.title})" for t in tables)
            await message.reply_text(access.t("export-unknown-sheet", sheets=names))
            return
    with tempfile.TemporaryFile() as file:
        if table is not None:
            await exports.write_csv(table, file)
            name = exports.file_name(access.edition, "csv", table.key)
        else:
            await exports.write_workbook(tables, file)
            name = exports.file_name(access.edition, "xlsx")
        file.seek(0)
        await message.reply_document(file, filename=name, caption=caption)


@requires(Role.ADMIN)
async def report_command(update: Update, context: BotContext, access: Access) -> None:
    """Sends the results report, "Laporan Hasil IGA <year>", as a PDF."""
    from bot.services.committee import report  # see the module's docstring

    asked, args = await edition_asked(update, access, list(context.args or []))
    if asked is None:
        return
    access = asked
    if args:  # an unknown word is answered, never ignored
        past = str(access.edition.year - 1)
        await message_of(update).reply_text(access.t("report-usage", word=args[0], year=past))
        return
    event = await award_event_of(access.session, access.edition)
    pdf = await report.build_report(
        access.session,
        access.edition,
        event,
        now=access.now,
        zone=access.runtime.settings.zone,
        language="id",
    )
    title = report.report_title(access.edition)
    await message_of(update).reply_document(
        pdf,
        filename=title.file_name,
        caption=access.t("report-caption", title=title.title),
    )


def register(application: Application) -> None:
    """Adds /export and /laporan."""
    application.add_handler(CommandHandler(command_names("ekspor"), export_command))
    application.add_handler(CommandHandler(command_names("laporan"), report_command))
