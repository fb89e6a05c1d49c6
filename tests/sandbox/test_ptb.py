"""python-telegram-bot's own Bot parses the emulator's objects."""

from __future__ import annotations

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden

from bot.sandbox import Emulator, EmulatorClient

from .conftest import TOKEN


async def test_ptb_bot_round_trip(emu: Emulator, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti", last_name="Rahma", username="siti", language_code="id")
    bot = Bot(TOKEN, base_url=emu.bot_api_base_url, base_file_url=emu.file_base_url)
    async with bot:
        me = await bot.get_me()
        assert me.username == "iga_sandbox_bot" and me.is_bot

        await bot.delete_webhook()
        await siti.send("/start")
        [update] = await bot.get_updates(timeout=2)
        assert update.message.text == "/start"
        assert update.message.from_user.language_code == "id"
        assert update.message.entities[0].type == "bot_command"

        keyboard = InlineKeyboardMarkup(
            [[InlineKeyboardButton("Agenda 📅", callback_data="agenda:list")]]
        )
        sent = await bot.send_message(
            update.effective_chat.id,
            "<b>Selamat datang</b>, Siti &amp; tim!",
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard,
        )
        assert sent.text == "Selamat datang, Siti & tim!"
        assert sent.entities[0].type == "bold" and sent.entities[0].length == 14
        assert sent.reply_markup.inline_keyboard[0][0].callback_data == "agenda:list"
        seen = await siti.expect_message(contains="Selamat")
        assert seen["html"] == "<b>Selamat datang</b>, Siti &amp; tim!"

        tap = await siti.tap("Agenda 📅")
        [cb] = await bot.get_updates(offset=update.update_id + 1, timeout=2)
        assert cb.callback_query.data == "agenda:list"
        assert cb.callback_query.message.message_id == sent.message_id
        assert await cb.callback_query.answer("OK")
        assert (await siti.expect_callback_answer(tap))["text"] == "OK"

        edited = await bot.edit_message_text("Agenda hari ini", sent.chat_id, sent.message_id)
        assert edited.text == "Agenda hari ini" and edited.edit_date is not None

        # a file sent by the user, downloaded by PTB
        await siti.send_document(b"%PDF-1.4 proposal", "proposal.pdf", "application/pdf")
        updates = await bot.get_updates(offset=cb.update_id + 1, timeout=2)
        document = updates[-1].message.document
        assert document.file_name == "proposal.pdf" and document.file_size == 17
        file = await bot.get_file(document.file_id)
        assert bytes(await file.download_as_bytearray()) == b"%PDF-1.4 proposal"

        # a file sent by the bot (multipart upload), downloaded again
        doc_msg = await bot.send_document(
            siti.id, b"a,b\n1,2\n", filename="rekap.csv", caption="<i>Rekap</i>", parse_mode="HTML"
        )
        assert doc_msg.document.file_name == "rekap.csv" and doc_msg.caption == "Rekap"
        again = await bot.get_file(doc_msg.document.file_id)
        assert bytes(await again.download_as_bytearray()) == b"a,b\n1,2\n"

        chat = await bot.get_chat(siti.id)
        assert chat.first_name == "Siti"

        with pytest.raises(BadRequest, match="(?i)unsupported start tag"):
            await bot.send_message(siti.id, "<foo>x</foo>", parse_mode="HTML")
        await siti.block()
        with pytest.raises(Forbidden, match="bot was blocked by the user"):
            await bot.send_message(siti.id, "halo")


async def test_ptb_application_polls_and_replies(emu: Emulator, client: EmulatorClient) -> None:
    from telegram import Update
    from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Greets and offers the agenda button."""
        await update.message.reply_html(
            "<b>Halo</b>, " + update.effective_user.first_name,
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("Agenda", callback_data="agenda")]]
            ),
        )

    async def agenda(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answers the tap and edits the message."""
        await update.callback_query.answer()
        await update.callback_query.edit_message_text("Agenda: pembukaan 09.00")

    application = (
        Application.builder()
        .token(TOKEN)
        .base_url(emu.bot_api_base_url)
        .base_file_url(emu.file_base_url)
        .build()
    )
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CallbackQueryHandler(agenda, pattern="^agenda$"))
    siti = await client.create_user("Siti", language_code="id")
    async with application:
        await application.start()
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            await siti.send("/start")
            greeting = await siti.expect_message(contains="Halo, Siti", timeout=5)
            assert greeting["html"] == "<b>Halo</b>, Siti"
            tap = await siti.tap("Agenda")
            await siti.expect_callback_answer(tap)
            edited = await siti.expect_message(contains="pembukaan", timeout=5)
            assert edited["message_id"] == greeting["message_id"] and edited["edited"]
        finally:
            await application.updater.stop()
            await application.stop()
    assert await client.rejections() == []
