"""/langganan and /berhenti (and the "Pengumuman" menu button): announcements by topic; and
the bot's own membership (a user blocking or unblocking the bot, a group adding or removing it).

The screen has one button per topic showing its state (✅ subscribed, ⬜ not); a tap sets the
state the button names (``subs:on:schedule``), so a double tap does no harm.
"""

from __future__ import annotations

import logging

from telegram import ChatMember, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
)

from bot.handlers.core.start import AFTER_WELCOME, DEEP_LINKS
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext, chat_info
from bot.handlers.shared.groups import in_group, redirect_to_private
from bot.handlers.shared.menus import button_filter
from bot.handlers.shared.replies import edit_html
from bot.handlers.shared.updates import button_message, chat_of, membership_of, message_of, query_of
from bot.i18n import plain_text, t
from bot.services.announcements.subscriptions import (
    TOPICS,
    resume_chat,
    subscribe,
    subscribed_topics,
    unsubscribe,
)
from bot.services.core.chats import mark_blocked

logger = logging.getLogger(__name__)

CALLBACK_PATTERN = r"^subs:(on|off):(general|schedule|results|all)(:stop)?$"
OFFER_CALLBACK = "subs:welcome"
"""The one-tap subscription under /start's welcome: every topic at once."""
"""A topic button: ``subs:<on|off>:<topic>``; ``:stop`` marks the /berhenti screen, which
keeps its title after a tap."""
GONE = (ChatMember.BANNED, ChatMember.LEFT)
"""The bot's statuses in a chat where it can no longer send ("kicked" is a blocked bot)."""


def _screen(
    language: str, topics: set[str], *, stopping: bool = False, note_key: str | None = None
) -> tuple[str, InlineKeyboardMarkup]:
    """The subscriptions screen: /langganan's, or /berhenti's (``stopping``) whose buttons
    say so, so the screen keeps its title after a tap; ``note_key`` adds a line under it."""
    lines = [t(language, "subs-stop-intro" if stopping else "subs-intro")]
    if note_key is not None:
        lines.append(t(language, note_key))
    lines.append("")
    suffix = ":stop" if stopping else ""
    for topic in TOPICS:
        state = "subs-state-on" if topic in topics else "subs-state-off"
        lines.append(t(language, state, topic=plain_text(language, f"subs-topic-{topic}")))
    rows = [
        [
            InlineKeyboardButton(
                ("✅ " if topic in topics else "⬜ ") + plain_text(language, f"subs-topic-{topic}"),
                callback_data=f"subs:{'off' if topic in topics else 'on'}:{topic}{suffix}",
            )
        ]
        for topic in TOPICS
    ]
    bulk = []
    if len(topics) < len(TOPICS):
        bulk.append(("on", "subs-start-all"))
    if topics:
        bulk.append(("off", "subs-stop-all"))
    rows.append(
        [
            InlineKeyboardButton(
                plain_text(language, key), callback_data=f"subs:{action}:all{suffix}"
            )
            for action, key in bulk
        ]
    )
    return "\n".join(lines), InlineKeyboardMarkup(rows)


async def _show(update: Update, context: BotContext, *, stopping: bool) -> None:
    if in_group(update):
        await redirect_to_private(update, context, "langganan")
        return
    language = await context.language()
    async with context.runtime.sessions() as session:
        topics = await subscribed_topics(session, chat_of(update).id)
    if stopping and not topics:  # nothing to stop: say so and offer the topics
        text, keyboard = _screen(language, topics, note_key="subs-none")
    else:
        text, keyboard = _screen(language, topics, stopping=stopping)
    await message_of(update).reply_text(text, reply_markup=keyboard)


async def show_subscriptions(update: Update, context: BotContext) -> None:
    """Shows the topics with their state, to subscribe with one tap."""
    await _show(update, context, stopping=False)


async def show_unsubscribe(update: Update, context: BotContext) -> None:
    """Shows the topics with their state, to stop one or all with one tap; says so when
    nothing is subscribed."""
    await _show(update, context, stopping=True)


async def change_subscription(update: Update, context: BotContext) -> None:
    """Subscribes to or stops the tapped topic (or all) and updates the screen."""
    query = query_of(update)
    language = await context.language()
    action, topic = context.matched(1), context.matched(2)
    stopping = bool(context.match and context.match.group(3))  # the pattern's (:stop)?
    chat_id = button_message(query).chat.id
    topics = TOPICS if topic == "all" else (topic,)
    runtime = context.runtime
    async with runtime.transaction() as session:
        if action == "on":
            await subscribe(session, chat_id, topics, runtime.now())
        else:
            await unsubscribe(session, chat_id, topics)
        now_subscribed = await subscribed_topics(session, chat_id)
    await query.answer(plain_text(language, "subs-saved"))
    text, keyboard = _screen(language, now_subscribed, stopping=stopping)
    await edit_html(query, text, keyboard)  # a double tap changes nothing: not an error


async def offer_at_start(update: Update, context: BotContext, language: str) -> None:
    """Under /start's welcome, to a chat with no subscription: event reminders and
    announcements in one tap (nothing is subscribed without asking)."""
    async with context.runtime.sessions() as session:
        if await subscribed_topics(session, chat_of(update).id):
            return
    button = InlineKeyboardButton(
        plain_text(language, "start-button-subscribe"), callback_data=OFFER_CALLBACK
    )
    await message_of(update).reply_text(
        t(language, "start-offer-subscribe"),
        reply_markup=InlineKeyboardMarkup([[button]]),
    )


async def accept_offer(update: Update, context: BotContext) -> None:
    """The one tap of /start's offer: every topic, and the offer says it is done."""
    query = query_of(update)
    language = await context.language()
    runtime = context.runtime
    async with runtime.transaction() as session:
        await subscribe(session, button_message(query).chat.id, TOPICS, runtime.now())
    await query.answer(plain_text(language, "subs-saved"))
    await edit_html(query, t(language, "start-subscribed"), None)


async def track_membership(update: Update, context: BotContext) -> None:
    """Marks a chat inactive when the user blocks the bot (or a group removes it), and active
    again when they restart it (or add it again)."""
    member_update = membership_of(update)
    chat = member_update.chat
    status = member_update.new_chat_member.status
    runtime = context.runtime
    async with runtime.transaction() as session:
        if status in GONE:
            await mark_blocked(session, chat.id, runtime.now())
            runtime.forget_chat(chat.id)
            logger.info("Chat %s blocked or removed the bot", chat.id)
        elif await resume_chat(session, chat_info(chat), runtime.now()):
            logger.info("Chat %s let the bot back", chat.id)


def register(application: Application) -> None:
    """Adds /langganan (/subscribe), /berhenti (/unsubscribe), the menu button, the topic
    buttons, membership tracking, the ``/start langganan`` deep link and the subscription
    offered under /start's welcome."""
    application.add_handler(CommandHandler(command_names("langganan"), show_subscriptions))
    application.add_handler(CommandHandler(command_names("berhenti"), show_unsubscribe))
    application.add_handler(MessageHandler(button_filter("menu-announcements"), show_subscriptions))
    application.add_handler(CallbackQueryHandler(change_subscription, pattern=CALLBACK_PATTERN))
    application.add_handler(CallbackQueryHandler(accept_offer, pattern=f"^{OFFER_CALLBACK}$"))
    application.add_handler(ChatMemberHandler(track_membership, ChatMemberHandler.MY_CHAT_MEMBER))
    DEEP_LINKS["langganan"] = show_subscriptions
    AFTER_WELCOME["subscribe"] = offer_at_start
