"""``/ranking`` (the provisional ranking, closing and reopening judging) and
``/tetapkan_juara`` (turning the ranking into the results). Admins only, checked at the moment
of use; the results stay private until the announcement (``bot.services.judging.results``).
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.shared.access import Access, requires
from bot.handlers.shared.callback_data import Codec, EditionTap, any_pattern, parse_any
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.edition_args import edition_asked, read_only
from bot.handlers.shared.keyboards import button, keyboard
from bot.handlers.shared.replies import edit_html, reply_html
from bot.handlers.shared.text import alert_text, split_text
from bot.handlers.shared.updates import message_of, query_of, tapped_message
from bot.i18n import Markup, format_moment, format_number
from bot.services.core.roles import Role
from bot.services.judging import ranking
from bot.services.judging import scoring as judging

CLOSE = Codec("rk:close", EditionTap)
CLOSE_ANYWAY = Codec("rk:close:ok", EditionTap)
"""Close judging although a self-assessment would count 0 (asked first)."""
REOPEN = Codec("rk:open", EditionTap)
SET = Codec("rk:set", EditionTap)
"""Asks to confirm setting the winners."""
SET_OK = Codec("rk:set:ok", EditionTap)
BUTTONS = (CLOSE, CLOSE_ANYWAY, REOPEN, SET, SET_OK)
"""``rk:<action>:<edition id>``: each acts on the edition it was sent for, never on the
next one imported meanwhile."""
LEGACY = r"^rk:(close|close:ok|open|set|set:ok)$"
"""The same buttons without their edition (sent by an older version of the bot)."""


def _tap(codec: Codec[EditionTap], access: Access) -> str:
    return codec.pack(EditionTap(access.edition.id))


def _score(value: float | None, language: str) -> str:
    """A score with two decimals as the language writes it ("81,50"), "–" for none."""
    return "–" if value is None else format_number(value, language, decimals=2)


def unvalidated_warning(access: Access, ranked: list[ranking.RankedEntry]) -> str | None:
    """ "⚠️ Penilaian mandiri belum divalidasi (dihitung 0): IGA-2022-002 (20 indikator)",
    or None when every self-assessed level has been validated."""
    lines = ranking.unvalidated_entries(ranked)
    if not lines:
        return None
    entries = ", ".join(
        access.t(
            "ranking-unvalidated-entry",
            number=line.submission.number or "—",
            count=line.unvalidated,
        )
        for line in lines
    )
    return access.t("ranking-unvalidated", entries=Markup(entries))


async def unsent_warning(access: Access) -> str | None:
    """ "⚠️ Lembar penilaian yang belum dikirim: Dewi Lestari: IGA-2022-002 (1/5)", or None
    when every assigned judge has sent every sheet (QA #13: closing left them unfinished)."""
    unsent = await judging.unsent_sheets(access.session, access.edition)
    if not unsent:
        return None
    sheets = "; ".join(
        access.t(
            "ranking-unsent-judge",
            judge=judge.name,
            entries=Markup(
                ", ".join(
                    access.t(
                        "ranking-unsent-entry",
                        number=line.submission.number or "—",
                        scored=line.scored,
                        total=line.total,
                    )
                    for line in lines
                )
            ),
        )
        for judge, lines in unsent
    )
    count = sum(len(lines) for _, lines in unsent)
    return access.t("ranking-unsent", count=count, sheets=Markup(sheets))


def unjudged_warning(access: Access, ranked: list[ranking.RankedEntry]) -> str | None:
    """ "⚠️ Nominasi yang belum dinilai lengkap oleh penilai mana pun: IGA-2022-001", or
    None when every nominee has a judge's complete score."""
    lines = ranking.unjudged_nominees(ranked)
    if not lines:
        return None
    return access.t("ranking-unjudged", entries=_numbers(lines))


def _numbers(lines: list[ranking.RankedEntry]) -> str:
    return ", ".join(line.submission.number or "—" for line in lines)


def _blocked(
    access: Access, blocker: str, ranked: list[ranking.RankedEntry]
) -> tuple[str, InlineKeyboardMarkup | None]:
    """Why the winners cannot be set now, with the button that removes the obstacle when
    there is one: 🔒 close judging while it is open, 🔓 reopen it while a nominee is
    unjudged (the panel scores it first)."""
    if blocker == "open":
        close = button(access.t("ranking-button-close"), _tap(CLOSE, access))
        return access.t("ranking-error-open"), keyboard([[close]])
    if blocker == "unjudged":
        text = access.t(
            "ranking-error-unjudged", entries=_numbers(ranking.unjudged_nominees(ranked))
        )
        reopen = button(access.t("ranking-button-reopen"), _tap(REOPEN, access))
        return text, keyboard([[reopen]])
    return access.t(f"ranking-error-{blocker}"), None


async def _ranking_view(access: Access) -> tuple[list[str], InlineKeyboardMarkup | None]:
    formula = ranking.final_formula(access.edition)
    lines = [
        access.t(
            "ranking-header",
            judges=format_number(float(formula["judges"]) * 100, access.language),
            self=format_number(float(formula["self_assessment"]) * 100, access.language),
        ),
        access.t("edition-heading", name=access.edition.name),  # which year (issue 19)
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
    for warning in (unvalidated_warning(access, ranked), unjudged_warning(access, ranked)):
        if warning:
            lines.append(warning)
    edition = access.edition
    closed_at = edition.judging_closed_at
    rows = []
    if closed_at is not None:
        moment = format_moment(closed_at, access.runtime.settings.zone, access.language)
        lines.append(access.t("ranking-judging-closed", moment=moment))
    elif not judging.is_closed(edition):  # announced results close judging too
        lines.append(access.t("ranking-judging-open"))
        rows.append([button(access.t("ranking-button-close"), _tap(CLOSE, access))])
    if edition.results_announced_at is not None:
        lines.append(access.t("ranking-announced"))
    elif closed_at is not None:
        rows.append([button(access.t("ranking-button-reopen"), _tap(REOPEN, access))])
        if ranking.results_blocker(edition, ranked) is None:
            rows.append([button(access.t("ranking-button-set"), _tap(SET, access))])
    if read_only(access):  # a past edition (/peringkat 2022): to read, nothing to act on
        lines.append(access.t("ranking-read-only", year=str(edition.year)))
        rows = []
    return split_text(lines), keyboard(rows)


async def _send_ranking(update: Update, access: Access) -> None:
    messages, markup = await _ranking_view(access)
    message = message_of(update)
    for index, text in enumerate(messages):
        last = index == len(messages) - 1
        await reply_html(message, text, markup if last else None)


@requires(Role.ADMIN)
async def ranking_command(update: Update, context: BotContext, access: Access) -> None:
    """Shows the provisional ranking with the buttons that can be used now; ``/peringkat
    2022`` a past edition's, for reading only; any other word is answered with the usage."""
    asked, args = await edition_asked(update, access, list(context.args or []))
    if asked is None:
        return
    access = asked
    if args:
        past = str(access.edition.year - 1)
        await reply_html(message_of(update), access.t("ranking-usage", word=args[0], year=past))
        return
    await _send_ranking(update, access)


async def _confirm(access: Access) -> tuple[str, InlineKeyboardMarkup | None]:
    """The question before setting the winners, with the unvalidated self-assessments; or,
    when the results cannot be set now, why not (:func:`_blocked`)."""
    ranked = await ranking.compute_ranking(access.session, access.edition)
    blocker = ranking.results_blocker(access.edition, ranked)
    if blocker is not None:
        return _blocked(access, blocker, ranked)
    titles = ", ".join((access.edition.config or {}).get("rank_titles") or [])
    text = access.t("results-confirm", titles=titles)
    warning = unvalidated_warning(access, ranked)
    if warning:
        text += "\n\n" + warning
    return text, keyboard([[button(access.t("results-button-confirm"), _tap(SET_OK, access))]])


@requires(Role.ADMIN)
async def set_winners_command(update: Update, context: BotContext, access: Access) -> None:
    """Asks to confirm turning the ranking into the results, or says why it cannot be done."""
    await reply_html(message_of(update), *await _confirm(access))


async def _set_closed(update: Update, access: Access, closing: bool) -> None:
    query = query_of(update)
    if access.edition.results_announced_at is not None:
        # the announcement closed judging for good: closing is done already, reopening refused
        key = "ranking-closed-announced" if closing else "ranking-error-announced"
        await query.answer(alert_text(access.t(key)), show_alert=True)
        return
    await judging.set_judging_closed(
        access.session,
        access.edition,
        closing,
        actor_id=access.roles.user_id,
        now=access.now,
    )
    await query.answer(alert_text(access.t("ranking-closed" if closing else "ranking-reopened")))
    await _send_ranking(update, access)


@requires(Role.ADMIN)
async def on_button(update: Update, context: BotContext, access: Access) -> None:
    """``rk:close`` closes judging (asking first when a self-assessment would count 0 or a
    judge has not sent a score sheet: ``rk:close:ok``), ``rk:open`` reopens it, ``rk:set``
    asks to confirm, ``rk:set:ok`` sets the results; a button that no longer applies
    (judging's state, or another edition than the one it was sent for) is explained and
    changes nothing."""
    query = query_of(update)
    tap = parse_any(query.data, BUTTONS)
    refusal = await access.edition_refusal(tap.edition if tap is not None else None)
    if refusal is not None:
        await query.answer(alert_text(refusal), show_alert=True)
        return
    codec = next(codec for codec in BUTTONS if codec.matches(query.data))
    if codec is CLOSE:
        ranked = await ranking.compute_ranking(access.session, access.edition)
        warnings = [unvalidated_warning(access, ranked), await unsent_warning(access)]
        warning = "\n\n".join(w for w in warnings if w)
        if warning and not judging.is_closed(access.edition):
            await query.answer()
            anyway = button(access.t("ranking-button-close-anyway"), _tap(CLOSE_ANYWAY, access))
            markup = keyboard([[anyway]])
            text = warning + "\n\n" + access.t("ranking-close-ask")
            await reply_html(tapped_message(query), text, markup)
            return
        await _set_closed(update, access, True)
    elif codec is CLOSE_ANYWAY:
        await _set_closed(update, access, True)
    elif codec is REOPEN:
        await _set_closed(update, access, False)
    elif codec is SET:
        await query.answer()
        await reply_html(tapped_message(query), *await _confirm(access))
    else:
        try:
            results = await ranking.set_results(
                access.session, access.edition, actor_id=access.roles.user_id, now=access.now
            )
        except ranking.RankingError as error:
            ranked = await ranking.compute_ranking(access.session, access.edition)
            text, markup = _blocked(access, error.code, ranked)
            await query.answer(alert_text(text), show_alert=True)
            if markup is not None:  # the way out, as a message with its button
                await reply_html(tapped_message(query), text, markup)
            return
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
        await edit_html(query, "\n".join(lines), None)


def register(application: Application) -> None:
    """Adds /ranking, /tetapkan_juara and their buttons."""
    application.add_handler(CommandHandler(command_names("peringkat"), ranking_command))
    application.add_handler(CommandHandler(command_names("tetapkan_juara"), set_winners_command))
    application.add_handler(CallbackQueryHandler(on_button, pattern=any_pattern(BUTTONS)))
    application.add_handler(CallbackQueryHandler(on_button, pattern=LEGACY))
