"""The reference: a minimal echo bot written with plain python-telegram-bot.

Runs against the same emulator as the IGA bot; the benchmarks divide the IGA bot's figures by
this one's. Environment: TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE_URL, TELEGRAM_API_FILE_URL.
"""

import os

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Sends the text back."""
    await update.effective_message.reply_text(update.effective_message.text)


def main() -> None:
    application = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .base_file_url(os.environ["TELEGRAM_API_FILE_URL"])
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling(allowed_updates=["message"])


if __name__ == "__main__":
    main()
