"""``/ranking`` (the provisional ranking, closing and reopening judging) and
``/tetapkan_juara`` (turning the ranking into the results). Admins only, checked at the moment
of use; the results stay private until the announcement (``bot.services.judging.results``).
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.shared.access import Access, requires
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.keyboards import button
from bot.handlers.shared.text import split_text
from bot.i18n import format_moment, format_number
from bot.services.core.roles import Role
from bot.services.judging import ranking
from bot.services.judging import scoring as judging


def _score(value: float | None, language: str) -> str:
    """A score with two decimals as the language writes it ("81,50"), "–" for none."""
    return "–" if value is None else format_number(value, language, decimals=2)


async def _ranking_view(access: Access) -> tuple[list[str], InlineKeyboardMarkup]:
    formula = ranking.final_formula(access.edition)
    lines = [
        access.t(
            "ranking-header",
            judges=format_number(float(formula["judges"]) * 100, access.language),
            self=format_number(float(formula["self_assessment"]) * 100, access.language),
        )
    ]
    ranked = await ranking.compute_ranking(access.session, access.edition)
    if not ranked:
        lines.append(access.t("ranking-empty"))
    for line in ranked:
        lines.append(
            access.t(
                "ranking-line",
                rank=line.rank,
                number=line.submission.number or "—",
                unit=line.submission.unit.name,
                title=line.submission.title or "—",
                final=_score(line.final, access.language),
                mean=_score(line.judges_mean, access.language),
                self=_score(line.self_assessment, access.language),
                count=len(line.judge_scores),
            )
        )
    closed_at = access.edition.judging_closed_at
    if closed_at is None:
        lines.append(access.t("ranking-judging-open"))
        rows = [[button(access.t("ranking-button-close"), "rk:close")]]
    else:
        moment = format_moment(closed_at, access.runtime.settings.zone, access.language)
        lines.append(access.t("ranking-judging-closed", moment=moment))
        rows = [
            [button(access.t("ranking-button-reopen"), "rk:open")],
            [button(access.t("ranking-button-set"), "rk:set")],
        ]
    return split_text(lines), InlineKeyboardMarkup(rows)


async def _send_ranking(update: Update, access: Access) -> None:
    messages, markup = await _ranking_view(access)
    message = update.effective_message
    for index, text in enumerate(messages):
        last = index == len(messages) - 1
        await message.reply_text(
            text, parse_mode=ParseMode.HTML, reply_markup=markup if last else None
        )


@requires(Role.ADMIN)
async def ranking_command(update: Update, context: BotContext, access: Access) -> None:
    """Shows the provisional ranking with the judging-state buttons."""
    await _send_ranking(update, access)


def _confirm(access: Access) -> tuple[str, InlineKeyboardMarkup]:
    titles = ", ".join((access.edition.config or {}).get("rank_titles") or [])
    return access.t("results-confirm", titles=titles), InlineKeyboardMarkup(
        [[button(access.t("results-button-confirm"), "rk:set:ok")]]
    )


@requires(Role.ADMIN)
async def set_winners_command(update: Update, context: BotContext, access: Access) -> None:
    """Asks to confirm turning the ranking into the results."""
    text, markup = _confirm(access)
    await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)


@requires(Role.ADMIN)
async def on_button(update: Update, context: BotContext, access: Access) -> None:
    """``rk:close`` / ``rk:open`` judging, ``rk:set`` asks to confirm, ``rk:set:ok`` sets the
    results."""
    query = update.callback_query
    action = query.data.removeprefix("rk:")
    if action in ("close", "open"):
        closing = action == "close"
        await judging.set_judging_closed(
            access.session,
            access.edition,
            closing,
            actor_id=access.roles.user_id,
            now=access.now,
        )
        await access.commit()
        await query.answer(access.t("ranking-closed" if closing else "ranking-reopened"))
        await _send_ranking(update, access)
    elif action == "set":
        await query.answer()
        text, markup = _confirm(access)
        await query.message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    else:
        try:
            results = await ranking.set_results(
                access.session, access.edition, actor_id=access.roles.user_id, now=access.now
            )
        except ranking.RankingError as error:
            await query.answer(access.t(f"ranking-error-{error.code}"), show_alert=True)
            return
        await access.commit()
        await query.answer()
        units = {unit.id: unit.name for unit in access.edition.units}
        lines = [access.t("results-done")] + [
            access.t(
                "results-line",
                title=award.title,
                unit=units.get(award.unit_id, ""),
                innovation=award.innovation,
            )
            for award in results.awards
        ]
        lines.append(access.t("results-private"))
        await query.edit_message_text("\n".join(lines), parse_mode=ParseMode.HTML)


def register(application: Application) -> None:
    """Adds /ranking, /tetapkan_juara and their buttons."""
    application.add_handler(CommandHandler(command_names("peringkat"), ranking_command))
    application.add_handler(CommandHandler(command_names("tetapkan_juara"), set_winners_command))
    application.add_handler(
        CallbackQueryHandler(on_button, pattern=r"^rk:(close|open|set|set:ok)$")
    )
