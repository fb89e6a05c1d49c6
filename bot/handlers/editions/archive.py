"""``/arsip`` (``/archive``): the past editions; ``/arsip 2022`` or a year's button: that
year's winners (rank, unit, innovation) and its results report as a PDF, public once
announced (admins see them before, marked as a preview)."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.shared.callback_data import Codec
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.keyboards import button
from bot.handlers.shared.updates import message_of, query_of, tapped_message
from bot.i18n import Markup, t
from bot.services.core.admins import is_admin
from bot.services.editions.archive import award_event_of, edition_of_year, listed_editions
from bot.services.judging.results import results_visible, visible_awards


@dataclass(frozen=True)
class YearTap:
    """A year of the archive."""

    year: int


YEAR = Codec("ar:y", YearTap)


async def archive_command(update: Update, context: BotContext) -> None:
    """``/arsip``: the archived editions as buttons; ``/arsip <year>``: that year."""
    language = await context.language()
    message = message_of(update)
    argument = " ".join(context.args or []).strip()
    if argument:
        if not (argument.isdigit() and len(argument) == 4):
            async with context.runtime.sessions() as session:
                listed = await listed_editions(session, context.runtime.now())
            year = listed[0].year if listed else context.runtime.now().year - 1
            await message.reply_text(
                t(language, "archive-bad-year", given=argument[:50], year=str(year))
            )
            return
        await _show_year(update, context, message, int(argument))
        return
    async with context.runtime.sessions() as session:
        editions = await listed_editions(session, context.runtime.now())
    if not editions:
        await message.reply_text(t(language, "archive-none"))
        return
    lines = "\n".join(
        t(language, "archive-line", year=str(edition.year), name=edition.name)
        for edition in editions
    )
    buttons = [
        [
            button(
                t(language, "archive-button", year=str(edition.year)),
                YEAR.pack(YearTap(edition.year)),
            )
        ]
        for edition in editions
    ]
    await message.reply_text(
        t(language, "archive-list", list=Markup(lines)),
        reply_markup=InlineKeyboardMarkup(buttons),
    )


async def on_year(update: Update, context: BotContext) -> None:
    """A year's button of ``/arsip``."""
    query = query_of(update)
    tap = YEAR.tapped(query)
    await query.answer()
    await _show_year(update, context, tapped_message(query), tap.year)


async def _show_year(update: Update, context: BotContext, message: Message, year: int) -> None:
    language = await context.language()
    runtime = context.runtime
    now = runtime.now()
    user_id = update.effective_user.id if update.effective_user else 0
    async with runtime.sessions() as session:
        edition = await edition_of_year(session, year)
        if edition is None:
            await message.reply_text(t(language, "archive-unknown-year", year=str(year)))
            return
        admin = await is_admin(session, user_id, runtime.settings.admin_ids)
        awards = await visible_awards(session, edition, now, viewer_is_admin=admin)
        visible = results_visible(edition, now)
        if not visible and not admin:
            await message.reply_text(t(language, "archive-pending", year=str(year)))
            return
        lines = "\n".join(
            t(
                language,
                "archive-winner-line",
                title=award.title,
                unit=award.unit.name,
                innovation=award.innovation,
            )
            for award in awards
        )
        text = (
            t(language, "archive-winners", year=str(year), name=edition.name, list=Markup(lines))
            if awards
            else t(language, "archive-no-winners", year=str(year))
        )
        if not visible:
            text = t(language, "archive-admin-preview", year=str(year)) + "\n\n" + text
        from bot.services.committee import report  # fpdf2 only where a report is made

        event = await award_event_of(session, edition)
        pdf = await report.build_report(
            session, edition, event, now=now, zone=runtime.settings.zone, language="id"
        )
        title = report.report_title(edition)
    await message.reply_text(text)
    await message.reply_document(
        pdf,
        filename=title.file_name,
        caption=t(language, "archive-report-caption", title=title.title),
    )


def register(application: Application) -> None:
    """Adds /arsip (also /archive) and its year buttons."""
    application.add_handler(CommandHandler(command_names("arsip"), archive_command))
    application.add_handler(CallbackQueryHandler(on_year, pattern=YEAR.pattern))
