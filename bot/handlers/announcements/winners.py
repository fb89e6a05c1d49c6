"""The "🏆 Pemenang IGA" menu button and /pemenang; the committee's /umumkan_pada and
/batal_umumkan.

What anyone sees of the results is decided by :mod:`bot.services.judging.results` only: before the
announcement time a non-admin sees when they will be announced and nothing else, an admin
sees them marked as not yet public.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import Application, CommandHandler, MessageHandler

from bot.handlers.announcements.reminders import schedule_pending, winners_lines
from bot.handlers.shared.access import guarded
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.dates import parse_moment
from bot.handlers.shared.menus import button_filter
from bot.handlers.shared.updates import message_of, user_of
from bot.i18n import example_moment, format_moment, t, zone_abbreviation
from bot.services.announcements.reminders import edition_zone
from bot.services.core.admins import is_admin
from bot.services.core.events import award_edition, current_edition
from bot.services.core.roles import Role
from bot.services.judging.results import (
    AlreadyAnnouncedError,
    AnnouncementInPastError,
    NoAnnouncementError,
    cancel_announcement,
    has_awards,
    results_visible,
    set_announcement_time,
    visible_awards,
)
from bot.storage.models import Edition


async def show_winners(update: Update, context: BotContext) -> None:
    """Shows the winners once announced; before, when they will be (admins: a preview)."""
    language = await context.language()
    runtime = context.runtime
    now = runtime.now()
    user_id = update.effective_user.id if update.effective_user else 0
    async with runtime.sessions() as session:
        edition = await award_edition(session, now)  # last year's while its awarding is ahead
        if edition is None:
            await message_of(update).reply_text(t(language, "winners-no-edition"))
            return
        admin = await is_admin(session, user_id, runtime.settings.admin_ids)
        awards = await visible_awards(session, edition, now, viewer_is_admin=admin)
        zone = await edition_zone(session, edition.id, runtime.settings.zone)
    at = edition.results_announce_at
    moment = format_moment(at, zone, language) if at else None
    if not results_visible(edition, now) and not admin:
        key = "winners-pending" if at else "winners-not-scheduled"
        text = t(language, key, edition=edition.name, moment=moment or "")
    elif not awards:
        text = t(language, "winners-none", edition=edition.name)
    else:
        text = t(
            language, "winners-list", edition=edition.name, list=winners_lines(awards, language)
        )
        if not results_visible(edition, now):
            note = (
                t(language, "winners-admin-preview", moment=moment)
                if moment
                else t(language, "winners-admin-preview-unscheduled")
            )
            text = f"{note}\n\n{text}"
    await message_of(update).reply_text(text)


async def _admin_edition(
    update: Update, context: BotContext, language: str, session: AsyncSession
) -> Edition | None:
    """The current edition, or None after saying there is none (the handlers are
    :func:`guarded`: the role is checked before their transaction opens)."""
    edition = await current_edition(session)
    if edition is None:
        await message_of(update).reply_text(t(language, "winners-no-edition"))
    return edition


@guarded(Role.ADMIN)
async def schedule_announcement(update: Update, context: BotContext) -> None:
    """Sets or moves the announcement time (admins): ``/umumkan_pada 07/12/2022 09.00``."""
    language = await context.language()
    runtime = context.runtime
    now = runtime.now()
    reply = message_of(update).reply_text
    argument = " ".join(context.args or [])
    async with runtime.transaction() as session:
        edition = await _admin_edition(update, context, language, session)
        if edition is None:
            return
        zone = await edition_zone(session, edition.id, runtime.settings.zone)
        example = example_moment(now.astimezone(zone).date() + timedelta(days=1))
        if not argument:
            await reply(
                t(language, "winners-schedule-usage",
                  zone=zone_abbreviation(now.astimezone(zone)), example=example),
            )  # fmt: skip
            return
        try:
            at = parse_moment(argument, zone)
            await set_announcement_time(
                session, edition, at, actor_id=user_of(update).id, now=now, zone=zone
            )
            no_winners = not await has_awards(session, edition)
        except AlreadyAnnouncedError as exc:
            moment = format_moment(exc.announced_at, zone, language)
            await reply(t(language, "winners-schedule-already", moment=moment))
            return
        except AnnouncementInPastError:
            await reply(
                t(language, "winners-schedule-past", now=format_moment(now, zone, language))
            )
            return
        except ValueError:
            await reply(t(language, "winners-schedule-bad", text=argument, example=example))
            return
    await schedule_pending(context.application)
    text = t(
        language,
        "winners-schedule-done",
        edition=edition.name,
        moment=format_moment(at, zone, language),
    )
    if no_winners:  # held: announced only if the winners are set by then
        text = f"{text}\n\n{t(language, 'winners-schedule-no-winners')}"
    await reply(text)


@guarded(Role.ADMIN)
async def cancel_scheduled_announcement(update: Update, context: BotContext) -> None:
    """Cancels the planned announcement (admins); the results stay private."""
    language = await context.language()
    runtime = context.runtime
    now = runtime.now()
    reply = message_of(update).reply_text
    async with runtime.transaction() as session:
        edition = await _admin_edition(update, context, language, session)
        if edition is None:
            return
        zone = await edition_zone(session, edition.id, runtime.settings.zone)
        try:
            cancelled = await cancel_announcement(
                session, edition, actor_id=user_of(update).id, now=now, zone=zone
            )
        except AlreadyAnnouncedError as exc:
            moment = format_moment(exc.announced_at, zone, language)
            await reply(t(language, "winners-schedule-already", moment=moment))
            return
        except NoAnnouncementError:
            await reply(t(language, "winners-cancel-none"))
            return
    await schedule_pending(context.application)
    await reply(t(language, "winners-cancel-done", moment=format_moment(cancelled, zone, language)))


def register(application: Application) -> None:
    """Adds /pemenang (/winners), the menu button, /umumkan_pada and /batal_umumkan."""
    application.add_handler(CommandHandler(command_names("pemenang"), show_winners))
    application.add_handler(MessageHandler(button_filter("menu-winners"), show_winners))
    application.add_handler(CommandHandler(command_names("umumkan_pada"), schedule_announcement))
    application.add_handler(
        CommandHandler(command_names("batal_umumkan"), cancel_scheduled_announcement)
    )
