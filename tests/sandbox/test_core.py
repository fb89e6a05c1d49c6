"""Envelope, tokens, getMe, sendMessage, getUpdates long polling, the user driver."""

from __future__ import annotations

import asyncio

import pytest

from bot.sandbox import Emulator, EmulatorClient

from .conftest import TOKEN, BotApiCaller


async def test_get_me_and_envelope(api: BotApiCaller, session, emu: Emulator) -> None:
    me = await api.ok("getMe")
    assert me["id"] == 123456789 and me["is_bot"] is True
    assert me["first_name"] == "IGA Bot" and me["username"] == "iga_sandbox_bot"
    assert me["can_read_all_group_messages"] is False
    assert me["supports_inline_queries"] is False
    # method names are case-insensitive, GET works
    async with session.get(f"{emu.bot_api_base_url}{TOKEN}/GETME") as resp:
        assert (await resp.json())["result"]["id"] == 123456789


async def test_unauthorized_and_unknown_method(api: BotApiCaller, session, emu) -> None:
    async with session.post(f"{emu.bot_api_base_url}nonsense/getMe") as resp:
        assert resp.status == 401
        assert await resp.json() == {
            "ok": False,
            "error_code": 401,
            "description": "Unauthorized",
        }
    status, body = await api("frobnicate")
    assert status == 404 and body["description"] == "Not Found"


async def test_send_message_html_entities(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti", language_code="id", started=True)
    msg = await api.ok(
        "sendMessage",
        chat_id=siti.id,
        text="<b>Halo</b> &amp; <i>selamat</i> datang",
        parse_mode="HTML",
    )
    assert msg["text"] == "Halo & selamat datang"
    assert msg["entities"] == [
        {"offset": 0, "length": 4, "type": "bold"},
        {"offset": 7, "length": 7, "type": "italic"},
    ]
    assert msg["chat"] == {"id": siti.id, "type": "private", "first_name": "Siti"}
    assert msg["from"]["is_bot"] is True
    entry = (await siti.transcript())[-1]
    assert entry["html"] == "<b>Halo</b> &amp; <i>selamat</i> datang"
    assert entry["from"] == "bot"


async def test_form_encoded_fields_like_ptb(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti", started=True)
    markup = '{"inline_keyboard": [[{"text": "Agenda", "callback_data": "agenda:list"}]]}'
    status, body = await api.form(
        "sendMessage", {"chat_id": str(siti.id), "text": "Menu", "reply_markup": markup}
    )
    assert status == 200, body
    assert body["result"]["reply_markup"]["inline_keyboard"][0][0]["text"] == "Agenda"


async def test_get_updates_long_poll_and_offset(
    api: BotApiCaller, client: EmulatorClient, emu: Emulator
) -> None:
    siti = await client.create_user("Siti")
    assert await api.ok("getUpdates", timeout=0) == []
    poll = asyncio.create_task(api.ok("getUpdates", timeout=10))
    # the poll is waiting on the server before the user writes
    assert await emu.world.wait_for(lambda: emu.world.poll_generation == 2, 5)
    sent = await siti.send("/start")
    updates = await asyncio.wait_for(poll, 5)
    assert [u["update_id"] for u in updates] == [sent["update_id"]]
    message = updates[0]["message"]
    assert message["text"] == "/start"
    assert message["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    assert message["from"]["id"] == siti.id
    # not confirmed: comes again; confirmed with offset: gone
    assert len(await api.ok("getUpdates")) == 1
    await siti.send("kedua")
    rest = await api.ok("getUpdates", offset=sent["update_id"] + 1)
    assert [u["message"]["text"] for u in rest] == ["kedua"]
    assert await api.ok("getUpdates", offset=rest[-1]["update_id"] + 1, timeout=0) == []


async def test_get_updates_times_out_empty(api: BotApiCaller, emu: Emulator) -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    assert await api.ok("getUpdates", timeout=0.2) == []
    assert loop.time() - start >= 0.15


async def test_second_poll_terminates_the_first(api: BotApiCaller, emu: Emulator) -> None:
    first = asyncio.create_task(api("getUpdates", timeout=10))
    assert await emu.world.wait_for(lambda: emu.world.poll_generation == 1, 5)
    second = asyncio.create_task(api("getUpdates", timeout=0))
    status, body = await asyncio.wait_for(first, 5)
    assert status == 409 and body["description"].startswith("Conflict: terminated by other")
    await second


async def test_allowed_updates_filters(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti")
    await api.ok("getUpdates", allowed_updates=["callback_query"])
    sent = await siti.send("hello")
    assert sent["update_id"] is None
    assert await api.ok("getUpdates") == []


async def test_driver_expect_message_and_tap(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti", language_code="id")
    await siti.send("/start")
    [update] = await api.ok("getUpdates")

    async def bot_reply() -> None:
        await api.ok(
            "sendMessage",
            chat_id=update["message"]["chat"]["id"],
            text="Pilih menu",
            reply_markup={"inline_keyboard": [[{"text": "Agenda", "callback_data": "agenda"}]]},
        )

    task = asyncio.create_task(bot_reply())
    msg = await siti.expect_message(contains="Pilih", timeout=5)
    await task
    assert msg["inline_keyboard"][0][0]["callback_data"] == "agenda"
    tap = await siti.tap("Agenda")
    assert tap["kind"] == "callback"
    updates = await api.ok("getUpdates", offset=update["update_id"] + 1)
    query = updates[-1]["callback_query"]
    assert query["id"] == tap["query_id"] and query["data"] == "agenda"
    assert query["message"]["message_id"] == msg["message_id"]
    await api.ok("answerCallbackQuery", callback_query_id=query["id"], text="Oke", show_alert=True)
    answer = await siti.expect_callback_answer(tap)
    assert answer["text"] == "Oke" and answer["show_alert"] is True
    entry = (await siti.transcript())[-1]
    assert entry["callback_answers"][0]["text"] == "Oke"


async def test_expect_message_lists_what_arrived(api: BotApiCaller, client: EmulatorClient):
    siti = await client.create_user("Siti", started=True)
    await api.ok("sendMessage", chat_id=siti.id, text="something else")
    with pytest.raises(AssertionError, match="something else"):
        await siti.expect_message(contains="Agenda", timeout=0.2)
    # the non-matching message was not consumed
    assert (await siti.expect_message(timeout=1))["text"] == "something else"


async def test_tap_unknown_button_lists_available(api: BotApiCaller, client: EmulatorClient):
    siti = await client.create_user("Siti", started=True)
    await api.ok(
        "sendMessage",
        chat_id=siti.id,
        text="Menu",
        reply_markup={"inline_keyboard": [[{"text": "Agenda", "callback_data": "a"}]]},
    )
    with pytest.raises(AssertionError, match="Agenda"):
        await siti.tap("Juri")


async def test_reply_keyboard_press(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti", started=True)
    await api.ok(
        "sendMessage",
        chat_id=siti.id,
        text="Bahasa?",
        reply_markup={
            "keyboard": [[{"text": "Indonesia"}, {"text": "English"}]],
            "one_time_keyboard": True,
        },
    )
    pressed = await siti.tap("English")
    assert pressed["kind"] == "message"
    [update] = await api.ok("getUpdates")
    assert update["message"]["text"] == "English"
    transcript = await client.transcript(siti.id)
    assert transcript["reply_keyboard"] is None  # one-time keyboard hidden after use
    assert transcript["messages"][0]["keyboard"]["keyboard"][0][1]["text"] == "English"
