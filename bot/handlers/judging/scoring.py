"""The judge's ``/nilai``: assigned entries with progress, scoring each rubric criterion with
buttons or a typed number, validating the self-assessed indicator levels.

Every command and button checks the judge role at the moment of use (see
:func:`bot.handlers.committee.review.requires`); a judge only reaches entries assigned to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
)

from bot.handlers.shared.access import Access, attempted_action, requires
from bot.handlers.shared.callback_data import Codec, NoValue, any_pattern, parse_any
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.entry_view import entry_texts, files_button, send_files
from bot.handlers.shared.file_store import store_of
from bot.handlers.shared.keyboards import button, keyboard
from bot.handlers.shared.pending_input import (
    InputRoute,
    accept_input,
    drop_input,
    pending_of,
    start_waiting,
)
from bot.handlers.shared.replies import edit_html, reply_html
from bot.handlers.shared.text import alert_text
from bot.handlers.shared.updates import MissingUpdatePart, chat_of, message_of, query_of
from bot.i18n import format_number, plain_text
from bot.services.core.edition_guard import ensure_entry_open
from bot.services.core.roles import Role
from bot.services.entries.submissions import assigned_entry
from bot.services.judging import scoring as judging
from bot.services.judging.ranking import weighted_score
from bot.services.shared.pending_input import Pending, input_kind, take
from bot.storage.models import Indicator, Submission

QUICK_SCORES = (50, 60, 65, 70, 75, 80, 85, 90, 95, 100)
"""Score buttons offered for a criterion; any other 0–100 value can be typed."""
INDICATORS_PER_PAGE = 5
NUMBER = re.compile(r"^\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*$")


@input_kind("judging.score")
@dataclass(frozen=True)
class TypedScore:
    """The judge's next message is the score of criterion ``index`` (in the rubric) of
    entry ``entry_id``."""

    entry_id: int
    index: int


@dataclass(frozen=True)
class EntryTap:
    entry_id: int


@dataclass(frozen=True)
class CriterionTap:
    entry_id: int
    index: int


@dataclass(frozen=True)
class ScoreTap:
    entry_id: int
    index: int
    value: int


@dataclass(frozen=True)
class PageTap:
    entry_id: int
    page: int


@dataclass(frozen=True)
class LevelTap:
    entry_id: int
    indicator_id: int
    level: int
    page: int


@dataclass(frozen=True)
class CardTap:
    """Back to the scoring card of an entry, in place (the entry is not sent again)."""

    entry_id: int


@dataclass(frozen=True)
class FilesTap:
    entry_id: int


LIST = Codec("jd:l", NoValue)
ENTRY = Codec("jd:e", EntryTap)
CARD = Codec("jd:k", CardTap)
FILES = Codec("jd:f", FilesTap)
CRITERION = Codec("jd:c", CriterionTap)
SCORE = Codec("jd:s", ScoreTap)
VALIDATION = Codec("jd:v", PageTap)
LEVEL = Codec("jd:lv", LevelTap)
BUTTONS = (LIST, ENTRY, CARD, FILES, CRITERION, SCORE, VALIDATION, LEVEL)


def _number(value: float | None, language: str) -> str:
    """A score or level as the language writes it ("87,5"), "–" for none."""
    return "–" if value is None else format_number(value, language)


async def _list_view(access: Access) -> tuple[str, InlineKeyboardMarkup | None]:
    judge = access.roles.as_judge
    lines = [access.t("score-header", name=judge.name)]
    rows: list[list[InlineKeyboardButton]] = []
    progress = await judging.progress(access.session, judge)
    returned = await judging.returned_entries(access.session, judge)
    if not progress and not returned:
        lines.append(access.t("score-none"))
    elif progress:
        # sent (✅) apart from complete but not sent (☑️): only "Kirim penilaian" makes a
        # sheet final, and a judge reading the chat must not believe they are done (QA #11)
        done = sum(1 for line in progress if line.submitted)
        lines.append(access.t("score-progress", done=done, total=len(progress)))
        unsent = sum(1 for line in progress if line.complete and not line.submitted)
        if unsent:
            lines.append(access.t("score-progress-unsent", count=unsent))
        for line in progress:
            text = plain_text(  # a button's label is plain text, never escaped
                access.language,
                "score-entry-line",
                mark="✅" if line.submitted else "☑️" if line.complete else "✏️",
                number=line.submission.number or "—",
                title=(line.submission.title or "—")[:40],
                scored=line.scored,
                total=line.total,
            )
            rows.append([button(text, ENTRY.pack(EntryTap(line.submission.id)))])
    for entry in returned:
        lines.append(
            access.t("score-returned", number=entry.number or "—", title=entry.title or "—")
        )
    if judging.is_closed(access.edition):
        lines.append(access.t("score-closed"))
    return "\n".join(lines), keyboard(rows)


async def _entry_view(
    access: Access, entry_id: int
) -> tuple[str, InlineKeyboardMarkup | None] | None:
    """The scoring card of an assigned entry: each criterion with the judge's score, the
    weighted score, and the buttons that can be used now (no scoring once judging is
    closed or the judge submitted the score sheet in the workspace); None if the entry is
    not assigned to the judge."""
    judge = access.roles.as_judge
    if entry_id not in await judging.assigned_ids(access.session, judge.id):
        return None
    entry = await assigned_entry(access.session, entry_id)
    criteria = judging.rubric(access.edition)
    scores = await judging.scores_of(access.session, judge.id, entry_id)
    closed = judging.is_closed(access.edition)
    submitted = await judging.is_submitted(access.session, judge.id, entry_id)
    lines = [
        access.t(
            "score-entry-header",
            number=entry.number or "—",
            title=entry.title or "—",
            unit=entry.unit.name,
        )
    ]
    rows = []
    for index, criterion in enumerate(criteria):
        value = scores.get(criterion.key)
        shown = _number(value, access.language) if value is not None else access.t("score-not-yet")
        lines.append(
            access.t(
                "score-criterion-line",
                name=criterion.label(access.language),
                weight=format_number(criterion.weight, access.language),
                value=shown,
            )
        )
        if not (closed or submitted):
            label = f"{criterion.label(access.language)[:40]}: {shown}"
            rows.append([button(label, CRITERION.pack(CriterionTap(entry_id, index)))])
    total = weighted_score(scores, criteria)
    if total is not None:
        lines.append(
            access.t("score-weighted", value=format_number(total, access.language, decimals=2))
        )
    if closed:
        lines.append(access.t("score-closed"))
    elif submitted:
        lines.append(access.t("score-submitted"))
    rows.append(files_button(access.language, entry, FILES.pack(FilesTap(entry_id))))
    rows.append(
        [
            button(access.t("score-button-validate"), VALIDATION.pack(PageTap(entry_id, 0))),
            button(access.t("score-button-back"), LIST.pack(NoValue())),
        ]
    )
    return "\n".join(lines), keyboard(rows)


async def _edit_or_reply(update: Update, text: str, markup: InlineKeyboardMarkup | None) -> None:
    query = query_of(update)
    if query is not None:
        await edit_html(query, text, markup)
    else:
        await message_of(update).reply_text(text, reply_markup=markup)


async def _show_entry(update: Update, access: Access, entry_id: int) -> None:
    """The scoring card, in place of the tapped message."""
    view = await _entry_view(access, entry_id)
    if view is None:
        await _refuse_judging(update, access, "not-assigned")
        return
    await _edit_or_reply(update, *view)


async def _open_entry(update: Update, access: Access, entry_id: int) -> None:
    """The whole entry (answers, self-assessment with evidence), then the scoring card last,
    as new messages: the judge reads before scoring."""
    view = await _entry_view(access, entry_id)
    if view is None:
        await _refuse_judging(update, access, "not-assigned")
        return
    await query_of(update).answer()
    entry = await assigned_entry(access.session, entry_id)
    message = message_of(update)
    mine = await judging.own_levels(access.session, access.roles.as_judge.id, entry_id)
    zone = access.runtime.settings.zone
    for text in entry_texts(access.language, access.edition, entry, zone, own_levels=mine):
        await reply_html(message, text)
    await reply_html(message, *view)


async def _send_files(update: Update, context: BotContext, access: Access, entry_id: int) -> None:
    if entry_id not in await judging.assigned_ids(access.session, access.roles.as_judge.id):
        await _refuse_judging(update, access, "not-assigned")
        return
    await query_of(update).answer()
    entry = await assigned_entry(access.session, entry_id)
    chat_id = chat_of(update).id
    await send_files(
        context.bot, chat_id, access.language, access.edition, entry, store_of(context)
    )


async def _refuse_change(
    update: Update, access: Access, entry_id: int, error: judging.JudgingError
) -> None:
    """Refuse a judging change politely and audit the refusal (nothing else is written)."""
    judging.record_refusal(
        access.session,
        actor_id=access.roles.user_id,
        judge_id=access.roles.as_judge.id,
        submission_id=entry_id,
        error=error,
        attempted=attempted_action(update),
        now=access.now,
    )  # committed with the answer (the update's transaction)
    await _refuse_judging(update, access, error.code)


async def _refuse_judging(update: Update, access: Access, code: str) -> None:
    text = access.t(f"judging-error-{code}")
    if update.callback_query is not None:
        await update.callback_query.answer(alert_text(text), show_alert=True)
    else:
        await message_of(update).reply_text(text)


@requires(Role.JUDGE)
async def score_command(update: Update, context: BotContext, access: Access) -> None:
    """Lists the judge's assigned entries with their progress."""
    await drop_input(access.session, update, TypedScore)
    text, markup = await _list_view(access)
    await message_of(update).reply_text(text, reply_markup=markup)


@requires(Role.JUDGE)
async def on_button(update: Update, context: BotContext, access: Access) -> None:
    """Routes the judge's buttons: list, entry, criterion, score, validation page, level."""
    query = query_of(update)
    tap = parse_any(query.data, BUTTONS)
    if tap is None:  # routed by the codecs' patterns
        raise MissingUpdatePart("callback data of the judge's buttons")
    live = isinstance(tap, ScoreTap) and await _picker_live(access, update, tap)
    await drop_input(access.session, update, TypedScore)  # a tap leaves the typed score
    try:
        if isinstance(tap, NoValue):
            await query.answer()
            await _edit_or_reply(update, *await _list_view(access))
        elif isinstance(tap, EntryTap):
            await _open_entry(update, access, tap.entry_id)
        elif isinstance(tap, CardTap):
            await query.answer()
            await _show_entry(update, access, tap.entry_id)
        elif isinstance(tap, FilesTap):
            await _send_files(update, context, access, tap.entry_id)
        elif isinstance(tap, CriterionTap):
            await _ask_score(update, access, tap.entry_id, tap.index)
        elif isinstance(tap, ScoreTap) and live:
            await _save_score(update, access, tap.entry_id, tap.index, float(tap.value))
        elif isinstance(tap, ScoreTap):
            await _refuse_stale_score(update, access, tap)
        elif isinstance(tap, PageTap):
            await query.answer()
            await _validation_view(update, access, tap.entry_id, tap.page)
        elif isinstance(tap, LevelTap):
            await judging.validate_level(
                access.session,
                access.roles.as_judge,
                tap.entry_id,
                tap.indicator_id,
                tap.level,
                now=access.now,
            )
            indicator = await access.session.get_one(Indicator, tap.indicator_id)
            saved = access.t("validate-saved", indicator=indicator.number, level=tap.level)
            await query.answer(alert_text(saved))
            await _validation_view(update, access, tap.entry_id, tap.page)
    except judging.JudgingError as error:
        await _refuse_change(update, access, tap.entry_id, error)


async def _picker_live(access: Access, update: Update, tap: ScoreTap) -> bool:
    """Whether the tapped picker's criterion still waits for its score: a picker left (a
    value typed or tapped, /batal, another button) stays in the chat, but is stale."""
    pending = await pending_of(access.session, update, TypedScore)
    return pending is not None and pending.payload == TypedScore(tap.entry_id, tap.index)


async def _refuse_stale_score(update: Update, access: Access, tap: ScoreTap) -> None:
    """A stale picker's value changes nothing; the alert says which score is kept. What the
    judge may no longer do at all (closed, submitted…) is refused as such first."""
    await ensure_entry_open(access.session, tap.entry_id)
    await judging.check_can_judge(access.session, access.roles.as_judge, tap.entry_id)
    criteria = judging.rubric(access.edition)
    if not 0 <= tap.index < len(criteria):
        raise judging.JudgingError("unknown-criterion")
    criterion = criteria[tap.index]
    scores = await judging.scores_of(access.session, access.roles.as_judge.id, tap.entry_id)
    text = access.t(
        "score-button-stale",
        name=criterion.label(access.language),
        value=_number(scores.get(criterion.key), access.language),
    )
    await query_of(update).answer(alert_text(text), show_alert=True)


async def _ask_score(update: Update, access: Access, entry_id: int, index: int) -> None:
    criteria = judging.rubric(access.edition)
    await judging.check_can_judge(access.session, access.roles.as_judge, entry_id)
    if not 0 <= index < len(criteria):
        raise judging.JudgingError("unknown-criterion")
    criterion = criteria[index]
    entry = await access.session.get_one(Submission, entry_id)
    replaced = await start_waiting(
        access.session, update, TypedScore(entry_id, index), access.now, access.language
    )
    values = [button(str(v), SCORE.pack(ScoreTap(entry_id, index, v))) for v in QUICK_SCORES]
    back = button(access.t("score-button-back"), CARD.pack(CardTap(entry_id)))
    rows = [values[:5], values[5:], [back]]
    await query_of(update).answer()
    question = access.t(
        "score-ask-value",
        name=criterion.label(access.language),
        weight=format_number(criterion.weight, access.language),
        number=entry.number or "—",
    )
    await _edit_or_reply(update, question, InlineKeyboardMarkup(rows))
    if replaced is not None:
        await message_of(update).reply_text(replaced)


async def _save_score(
    update: Update, access: Access, entry_id: int, index: int, value: float
) -> None:
    criteria = judging.rubric(access.edition)
    if not 0 <= index < len(criteria):
        raise judging.JudgingError("unknown-criterion")
    criterion = criteria[index]
    await judging.set_score(
        access.session, access.roles.as_judge, entry_id, criterion.key, value, now=access.now
    )
    language = access.language
    saved = access.t("score-saved", name=criterion.label(language), value=_number(value, language))
    if update.callback_query is not None:
        await update.callback_query.answer(alert_text(saved))
        await _show_entry(update, access, entry_id)
    else:
        await message_of(update).reply_text(saved)
        view = await _entry_view(access, entry_id)
        if view is not None:
            await message_of(update).reply_text(view[0], reply_markup=view[1])


async def _validation_view(update: Update, access: Access, entry_id: int, page: int) -> None:
    judge = access.roles.as_judge
    if entry_id not in await judging.assigned_ids(access.session, judge.id):
        raise judging.JudgingError("not-assigned")
    entry = await assigned_entry(access.session, entry_id)
    indicators = list(await judging.indicators_of(access.session, access.edition.id))
    pages = max(1, -(-len(indicators) // INDICATORS_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    shown = indicators[page * INDICATORS_PER_PAGE : (page + 1) * INDICATORS_PER_PAGE]
    levels = {a.indicator_id: a for a in entry.assessments}
    mine = await judging.own_levels(access.session, judge.id, entry_id)  # never another's
    locked = judging.is_closed(access.edition) or await judging.is_submitted(
        access.session, judge.id, entry_id
    )
    lines = [access.t("validate-header", number=entry.number or "—", page=page + 1, pages=pages)]
    rows = []
    for indicator in shown:
        assessment = levels.get(indicator.id)
        lines.append(
            access.t(
                "validate-line",
                indicator=indicator.number,
                name=indicator.name,
                weight=format_number(indicator.weight, access.language),
                level=str(assessment.level) if assessment and assessment.level else "–",
                validated=_number(mine.get(indicator.id), access.language),
            )
        )
        if not locked:  # validating is scoring: not once closed or submitted
            validated = mine.get(indicator.id)
            rows += [
                [
                    button(
                        _level_label(indicator, level, validated),
                        LEVEL.pack(LevelTap(entry_id, indicator.id, level, page)),
                    )
                ]
                for level in judging.LEVELS
            ]
    nav = []
    if page > 0:
        nav.append(button("◀", VALIDATION.pack(PageTap(entry_id, page - 1))))
    nav.append(button(access.t("score-button-back"), CARD.pack(CardTap(entry_id))))
    if page + 1 < pages:
        nav.append(button("▶", VALIDATION.pack(PageTap(entry_id, page + 1))))
    rows.append(nav)
    await _edit_or_reply(update, "\n".join(lines), InlineKeyboardMarkup(rows))


def _level_label(indicator: Indicator, level: int, validated: float | None) -> str:
    """A validation button: the indicator, the level and its name, ✓ on the current choice
    ("✓ 1. Regulasi inovasi daerah · 3 Peraturan Daerah")."""
    names = {item["level"]: item["description"] for item in indicator.levels or []}
    mark = "✓ " if validated == level else ""
    name = indicator.name if len(indicator.name) <= 28 else indicator.name[:27] + "…"
    return f"{mark}{indicator.number}. {name} · {level} {names.get(level, '')}".rstrip()


async def on_typed_score(update: Update, context: BotContext, pending: Pending) -> bool:
    """The judge's message while a criterion waits for its score (:class:`TypedScore`)."""
    await _take_typed_score(update, context, pending)
    return True


@requires(Role.JUDGE)
async def _take_typed_score(
    update: Update, context: BotContext, access: Access, pending: Pending
) -> None:
    match = NUMBER.match(message_of(update).text or "")
    value = float(match.group(1).replace(",", ".")) if match else None
    if value is None or not judging.MIN_SCORE <= value <= judging.MAX_SCORE:
        await message_of(update).reply_text(access.t("score-bad-number"))
        return  # still waiting for a number
    await take(access.session, pending)
    try:
        await _save_score(update, access, pending.payload.entry_id, pending.payload.index, value)
    except judging.JudgingError as error:  # the input is over (closed, submitted…): say why
        await _refuse_change(update, access, pending.payload.entry_id, error)


def register(application: Application) -> None:
    """Adds /nilai, the judge's buttons and the typed score."""
    application.add_handler(CommandHandler(command_names("nilai"), score_command))
    application.add_handler(CallbackQueryHandler(on_button, pattern=any_pattern(BUTTONS)))
    accept_input(
        TypedScore,
        InputRoute(
            on_message=on_typed_score,
            replaced_key="score-input-replaced",
            cancelled_key="score-input-cancelled",
        ),
    )
