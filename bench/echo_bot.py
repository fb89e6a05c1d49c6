"""The reference: a minimal echo bot written with plain python-telegram-bot.

Runs against the same emulator as the IGA bot; the benchmarks divide the IGA bot's figures by
this one's. Environment: TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE_URL, TELEGRAM_API_FILE_URL.

With REFERENCE_REPLY set to a JSON file holding a Bot API message (``text``, ``entities``,
``reply_markup``, as the emulator stored one of the IGA bot's replies), it answers every text
with that message instead of the echo: the cost of sending the IGA bot's reply with plain
python-telegram-bot and nothing else, the floor under the IGA bot's own figures.
"""

import json
import os

from telegram import (
    InlineKeyboardMarkup,
    MessageEntity,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Sends the text back."""
    await update.effective_message.reply_text(update.effective_message.text)


def canned_reply(path: str):  # type: ignore[no-untyped-def]
    """A handler answering with the message stored in the JSON file at ``path``."""
    message = json.loads(open(path, encoding="utf-8").read())  # noqa: SIM115
    entities = MessageEntity.de_list(message.get("entities") or [], None)
    markup = message.get("reply_markup") or {}
    if "inline_keyboard" in markup:
        reply_markup = InlineKeyboardMarkup.de_json(markup, None)
    elif "keyboard" in markup:
        reply_markup = ReplyKeyboardMarkup.de_json(markup, None)
    elif markup.get("remove_keyboard"):
        reply_markup = ReplyKeyboardRemove()
    else:
        reply_markup = None

    async def reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text(
            message["text"], entities=entities, reply_markup=reply_markup
        )

    return reply


def main() -> None:
    application = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .base_file_url(os.environ["TELEGRAM_API_FILE_URL"])
        .build()
    )
    reply_file = os.environ.get("REFERENCE_REPLY")
    handler = canned_reply(reply_file) if reply_file else echo
    application.add_handler(MessageHandler(filters.TEXT, handler))
    application.run_polling(allowed_updates=["message"])


if __name__ == "__main__":
    main()
