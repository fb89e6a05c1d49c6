"""Webhooks, files, albums, edits, block/unblock, groups, migration, other methods, the
control API and the standalone command."""

from __future__ import annotations

import asyncio
import struct
import sys
import zlib

import aiohttp
import pytest
from aiohttp import web

from bot.sandbox import Emulator, EmulatorClient, errors

from .conftest import TOKEN, BotApiCaller


def png(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + b"IHDR"
        + ihdr
        + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    )


@pytest.fixture(autouse=True)
def no_flood(emu: Emulator) -> None:
    emu.config.rate_limits.enabled = False


async def test_webhook_delivery_with_secret(api: BotApiCaller, client: EmulatorClient) -> None:
    received: asyncio.Queue = asyncio.Queue()

    async def hook(request: web.Request) -> web.Response:
        await received.put(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    try:
        siti = await client.create_user("Siti")
        await siti.send("before")  # pending, dropped by drop_pending_updates
        assert await api.ok(
            "setWebhook",
            url=f"http://127.0.0.1:{port}/hook",
            secret_token="s3cret-token",
            drop_pending_updates=True,
        )
        status, body = await api("getUpdates")
        assert status == 409 and body["description"] == (
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook "
            "to delete the webhook first"
        )
        sent = await siti.send("/start")
        secret, update = await asyncio.wait_for(received.get(), 5)
        assert secret == "s3cret-token"
        assert update["update_id"] == sent["update_id"]
        assert update["message"]["text"] == "/start"
        info = await api.ok("getWebhookInfo")
        assert info["url"].endswith("/hook") and info["has_custom_certificate"] is False
        assert await api.ok("deleteWebhook") is True
        assert (await api.ok("getWebhookInfo"))["url"] == ""
        await siti.send("polled")
        [polled] = await api.ok("getUpdates")
        assert polled["message"]["text"] == "polled"
    finally:
        await runner.cleanup()


async def test_webhook_failure_is_reported(api: BotApiCaller, client: EmulatorClient, emu):
    emu.config.webhook_retry_seconds = 0.05
    siti = await client.create_user("Siti")
    # a port nothing listens on
    probe = web.AppRunner(web.Application())
    await probe.setup()
    site = web.TCPSite(probe, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    await probe.cleanup()
    await api.ok("setWebhook", url=f"http://127.0.0.1:{port}/hook")
    await siti.send("x")

    assert await emu.world.wait_for(lambda: "last_error_message" in emu.world.webhook, 5)
    info = await api.ok("getWebhookInfo")
    assert info["pending_update_count"] == 1 and info["last_error_message"]


async def test_files_both_ways(api: BotApiCaller, client: EmulatorClient, emu, session) -> None:
    siti = await client.create_user("Siti", started=True)
    sent = await siti.send_photo(png(640, 480), "foto.png", "image/png", caption="Foto #IGA")
    [update] = await api.ok("getUpdates")
    photo = update["message"]["photo"][-1]
    assert (photo["width"], photo["height"]) == (640, 480)
    assert update["message"]["caption"] == "Foto #IGA"
    assert update["message"]["caption_entities"] == [{"type": "hashtag", "offset": 5, "length": 4}]
    file = await api.ok("getFile", file_id=photo["file_id"])
    assert file["file_size"] == len(png(640, 480))
    async with session.get(f"{emu.file_base_url}{TOKEN}/{file['file_path']}") as resp:
        assert resp.status == 200 and await resp.read() == png(640, 480)
    async with session.get(f"{emu.file_base_url}{TOKEN}/photos/none.png") as resp:
        assert resp.status == 404
    # the bot uploads a photo (multipart) and re-sends it by file_id
    form = aiohttp.FormData()
    form.add_field("chat_id", str(siti.id))
    form.add_field("photo", png(10, 20), filename="p.png", content_type="image/png")
    status, body = await api.form("sendPhoto", form)
    assert status == 200, body
    file_id = body["result"]["photo"][0]["file_id"]
    again = await api.ok("sendPhoto", chat_id=siti.id, photo=file_id)
    assert again["photo"][0]["file_id"] == file_id
    status, body = await api("sendPhoto", chat_id=siti.id, photo="unknown-id")
    assert body["description"] == "Bad Request: wrong file identifier/HTTP URL specified"
    entry = (await siti.transcript())[-1]
    assert entry["photo"]["width"] == 10
    assert await client.download(entry["photo"]["file_id"]) == png(10, 20)
    assert sent["file_id"] == photo["file_id"]


async def test_forgotten_file_ids_no_longer_work(
    api: BotApiCaller, client: EmulatorClient, emu, session
) -> None:
    siti = await client.create_user("Siti", started=True)
    await siti.send_document(b"%PDF-1.4 SK", "sk.pdf", "application/pdf")
    [update] = await api.ok("getUpdates")
    document = update["message"]["document"]
    file = await api.ok("getFile", file_id=document["file_id"])
    url = f"{emu.file_base_url}{TOKEN}/{file['file_path']}"
    assert await client.forget_files() == 1
    assert await client.forget_files() == 0
    status, body = await api("getFile", file_id=document["file_id"])
    assert (status, body["description"]) == (400, errors.WRONG_FILE_ID)
    async with session.get(url) as resp:
        assert resp.status == 404
    status, body = await api("sendDocument", chat_id=siti.id, document=document["file_id"])
    assert body["description"] == errors.WRONG_FILE_ID
    assert (await siti.transcript())[-1]["document"]["file_id"] == document["file_id"]
    await siti.send_document(b"%PDF-1.4 baru", "baru.pdf", "application/pdf")
    [update] = await api.ok("getUpdates", offset=update["update_id"] + 1)
    assert await api.ok("getFile", file_id=update["message"]["document"]["file_id"])


async def test_user_album_and_bot_album(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti", started=True)
    results = await siti.send_album(
        [
            {"kind": "photo", "data": png(1, 1), "file_name": "a.png", "caption": "Album"},
            {"kind": "photo", "data": png(2, 2), "file_name": "b.png"},
            {"kind": "photo", "data": png(3, 3), "file_name": "c.png"},
        ]
    )
    updates = await api.ok("getUpdates")
    assert [u["update_id"] for u in updates] == [r["update_id"] for r in results]
    group_ids = {u["message"]["media_group_id"] for u in updates}
    assert len(group_ids) == 1 and None not in group_ids
    form = aiohttp.FormData()
    form.add_field("chat_id", str(siti.id))
    form.add_field(
        "media",
        '[{"type": "document", "media": "attach://f1", "caption": "<b>Satu</b>",'
        ' "parse_mode": "HTML"}, {"type": "document", "media": "attach://f2"}]',
    )
    form.add_field("f1", b"one", filename="1.txt", content_type="text/plain")
    form.add_field("f2", b"two", filename="2.txt", content_type="text/plain")
    status, body = await api.form("sendMediaGroup", form)
    assert status == 200, body
    messages = body["result"]
    assert [m["document"]["file_name"] for m in messages] == ["1.txt", "2.txt"]
    assert messages[0]["caption"] == "Satu" and messages[0]["caption_entities"][0]["type"] == "bold"
    assert messages[0]["media_group_id"] == messages[1]["media_group_id"]
    status, body = await api(
        "sendMediaGroup",
        chat_id=siti.id,
        media=[{"type": "document", "media": messages[0]["document"]["file_id"]}],
    )
    assert status == 400 and "album" in body["description"]
    mixed = [
        {"type": "document", "media": messages[0]["document"]["file_id"]},
        {"type": "photo", "media": updates[0]["message"]["photo"][0]["file_id"]},
    ]
    status, body = await api("sendMediaGroup", chat_id=siti.id, media=mixed)
    assert body["description"] == "Bad Request: document can't be mixed with other media types"


async def test_user_edits_location_contact(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti", last_name="R")
    sent = await siti.send("judul lama")
    edit = await siti.edit(sent["message_id"], "judul baru")
    loc = await siti.share_location(-8.1, 112.16)
    contact = await siti.share_contact("+628123")
    updates = await api.ok("getUpdates")
    by_id = {u["update_id"]: u for u in updates}
    edited = by_id[edit["update_id"]]["edited_message"]
    assert edited["text"] == "judul baru" and edited["message_id"] == sent["message_id"]
    assert edited["edit_date"] >= edited["date"]
    assert by_id[loc["update_id"]]["message"]["location"] == {
        "latitude": -8.1,
        "longitude": 112.16,
    }
    shared = by_id[contact["update_id"]]["message"]["contact"]
    assert shared == {
        "phone_number": "+628123",
        "first_name": "Siti",
        "last_name": "R",
        "user_id": siti.id,
    }
    entry = (await siti.transcript())[0]
    assert entry["text"] == "judul baru" and entry["edits"][0]["text"] == "judul lama"


async def test_bot_edits_show_current_state(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti", started=True)
    msg = await api.ok(
        "sendMessage",
        chat_id=siti.id,
        text="Pilih",
        reply_markup={"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]},
    )
    await api.ok(
        "editMessageReplyMarkup",
        chat_id=siti.id,
        message_id=msg["message_id"],
        reply_markup={"inline_keyboard": [[{"text": "B", "callback_data": "b"}]]},
    )
    await api.ok(
        "editMessageText",
        chat_id=siti.id,
        message_id=msg["message_id"],
        text="<i>Dipilih</i>",
        parse_mode="HTML",
    )
    [entry] = await siti.transcript()
    assert entry["html"] == "<i>Dipilih</i>"
    assert entry["inline_keyboard"] is None  # editMessageText without markup removes it
    assert [e["reply_markup"]["inline_keyboard"][0][0]["text"] for e in entry["edits"]] == [
        "A",
        "B",
    ]
    doc = await api.ok(
        "sendDocument",
        chat_id=siti.id,
        document=(await siti.send_document(b"x", "x.txt"))["file_id"],
    )
    edited = await api.ok(
        "editMessageCaption",
        chat_id=siti.id,
        message_id=doc["message_id"],
        caption="Berkas <b>x</b>",
        parse_mode="HTML",
    )
    assert edited["caption"] == "Berkas x"


async def test_block_unblock_updates(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti", started=True)
    blocked = await siti.block()
    unblocked = await siti.unblock()
    updates = await api.ok("getUpdates")
    assert [u["update_id"] for u in updates] == [blocked["update_id"], unblocked["update_id"]]
    first, second = (u["my_chat_member"] for u in updates)
    assert first["old_chat_member"]["status"] == "member"
    assert first["new_chat_member"]["status"] == "kicked"
    assert first["new_chat_member"]["user"]["is_bot"] is True
    assert second["new_chat_member"]["status"] == "member"
    assert (await api("sendMessage", chat_id=siti.id, text="lagi"))[0] == 200
    # writing to a bot one blocked restarts it (Telegram's "Restart bot")
    await siti.block()
    await siti.send("/start")
    assert (await api("sendMessage", chat_id=siti.id, text="halo"))[0] == 200


async def test_group_privacy(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti")
    budi = await client.create_user("Budi")
    group = await client.create_group("Panitia IGA", [siti, budi])
    in_group = siti.in_chat(group["chat_id"])
    assert (await in_group.send("halo semua"))["update_id"] is None
    assert (await in_group.send("/agenda"))["update_id"] is not None
    assert (await in_group.send("/agenda@other_bot"))["update_id"] is None
    assert (await in_group.send("/agenda@iga_sandbox_bot"))["update_id"] is not None
    bot_msg = await api.ok("sendMessage", chat_id=group["chat_id"], text="Agenda ...")
    reply = await budi.in_chat(group["chat_id"]).send(
        "terima kasih", reply_to=bot_msg["message_id"]
    )
    assert reply["update_id"] is not None
    transcript = await client.transcript(group["chat_id"])
    assert [m["text"] for m in transcript["messages"]][:2] == ["halo semua", "/agenda"]
    updates = await api.ok("getUpdates")
    assert updates[0]["my_chat_member"]["new_chat_member"]["status"] == "member"
    assert updates[0]["my_chat_member"]["chat"]["type"] == "group"
    outsider = await client.create_user("Tono")
    with pytest.raises(AssertionError, match="not a member"):
        await outsider.in_chat(group["chat_id"]).send("/start")


async def test_migration(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti")
    group = await client.create_group("Juri", [siti])
    moved = await client.migrate_group(group["chat_id"])
    updates = await api.ok("getUpdates")
    messages = [u["message"] for u in updates if "message" in u]
    assert messages[0]["migrate_to_chat_id"] == moved["new_chat_id"]
    assert messages[1]["migrate_from_chat_id"] == group["chat_id"]
    assert messages[1]["chat"]["type"] == "supergroup"
    msg = await api.ok("sendMessage", chat_id=moved["new_chat_id"], text="pindah")
    assert msg["chat"]["id"] == moved["new_chat_id"]
    sent = await siti.in_chat(moved["new_chat_id"]).send("/mulai")
    assert sent["update_id"] is not None


async def test_other_methods(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti", started=True)
    venue = await api.ok(
        "sendVenue",
        chat_id=siti.id,
        latitude=-8.09,
        longitude=112.17,
        title="Hotel Puri Perdana",
        address="Jl. Merdeka, Blitar",
    )
    assert venue["venue"]["title"] == "Hotel Puri Perdana"
    assert venue["location"] == {"latitude": -8.09, "longitude": 112.17}
    status, body = await api("sendLocation", chat_id=siti.id, latitude=91, longitude=0)
    assert status == 400
    assert (await api.ok("sendLocation", chat_id=siti.id, latitude=1, longitude=2))["location"]
    assert await api.ok("sendChatAction", chat_id=siti.id, action="typing") is True
    status, body = await api("sendChatAction", chat_id=siti.id, action="dancing")
    assert body["description"] == "Bad Request: wrong parameter action in request"
    commands = [{"command": "start", "description": "Mulai"}]
    assert await api.ok("setMyCommands", commands=commands, language_code="id")
    assert await api.ok("getMyCommands", language_code="id") == commands
    assert await api.ok("getMyCommands") == []
    status, body = await api("setMyCommands", commands=[{"command": "Bad-Cmd", "description": "x"}])
    assert body["description"] == "Bad Request: BOT_COMMAND_INVALID"
    assert await api.ok("deleteMyCommands", language_code="id")
    assert await api.ok("getMyCommands", language_code="id") == []
    assert await api.ok("setChatMenuButton", menu_button={"type": "commands"})
    chat = await api.ok("getChat", chat_id=siti.id)
    assert chat["type"] == "private" and "accent_color_id" in chat
    assert await api.ok("close") is True and await api.ok("logOut") is True
    entries = await siti.transcript()
    assert entries[0]["venue"]["address"] == "Jl. Merdeka, Blitar"


async def test_control_api_basics(client: EmulatorClient, emu: Emulator, api) -> None:
    siti = await client.create_user("Siti", language_code="id", username="siti")
    assert siti.user["language_code"] == "id" and siti.user["username"] == "siti"
    state = await client.state()
    assert state["bot"]["username"] == "iga_sandbox_bot"
    assert [u["id"] for u in state["users"]] == [siti.id]
    sent = await siti.send("/start")
    pending = await client.pending_updates()
    assert pending[0]["update_id"] == sent["update_id"]
    # wait: times out without a bot message, returns as soon as one arrives
    waited = await client.wait(siti.id, after=sent["message_id"], timeout=0.1)
    assert waited["timed_out"] is True
    task = asyncio.create_task(client.wait(siti.id, after=sent["message_id"], timeout=5))
    await api.ok("sendMessage", chat_id=siti.id, text="Selamat datang")
    waited = await asyncio.wait_for(task, 5)
    assert waited["timed_out"] is False and waited["messages"][-1]["text"] == "Selamat datang"
    after = await client.transcript(siti.id, after=sent["message_id"])
    assert [m["text"] for m in after["messages"]] == ["Selamat datang"]
    config = await client.configure(limits={"text_max": 10})
    assert config["limits"]["text_max"] == 10
    status, body = await api("sendMessage", chat_id=siti.id, text="x" * 11)
    assert body["description"] == "Bad Request: message is too long"
    with pytest.raises(AssertionError, match="unknown setting"):
        await client.configure(limits={"nope": 1})
    await client.reset()
    assert (await client.state())["users"] == []


async def test_standalone_command() -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.sandbox.emulator",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        line = (await asyncio.wait_for(proc.stdout.readline(), 20)).decode()
        base = line.strip().rsplit(" ", 1)[-1]
        assert base.startswith("http://127.0.0.1:")
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{base}/bot{TOKEN}/getMe") as resp:
                assert (await resp.json())["result"]["is_bot"] is True
    finally:
        proc.terminate()
        await proc.wait()


async def test_commands_per_chat_scope(api: BotApiCaller, client: EmulatorClient) -> None:
    siti = await client.create_user("Siti", started=True)
    stranger = await client.create_user("Budi")  # never wrote to the bot
    public = [{"command": "start", "description": "Mulai"}]
    personal = public + [{"command": "audit", "description": "Log audit"}]
    scope = {"type": "chat", "chat_id": siti.id}
    assert await api.ok("setMyCommands", commands=public)
    assert await api.ok("setMyCommands", commands=personal, scope=scope)
    assert await api.ok("getMyCommands", scope=scope) == personal
    assert await api.ok("getMyCommands") == public
    for chat_id in (stranger.id, 999_999):
        status, body = await api(
            "setMyCommands", commands=personal, scope={"type": "chat", "chat_id": chat_id}
        )
        assert (status, body["description"]) == (400, "Bad Request: chat not found")
    assert await api.ok("deleteMyCommands", scope=scope)
    assert await api.ok("getMyCommands", scope=scope) == []


async def test_command_menu_resolved_as_telegram_resolves_scopes(
    api: BotApiCaller, client: EmulatorClient
) -> None:
    """Bot API "Determining list of commands": the chat's own scope, then all private chats,
    then the default; each first in the user's language, then for every language."""
    siti = await client.create_user("Siti", language_code="id", started=True)
    john = await client.create_user("John", language_code="en-GB", started=True)
    rahmat = await client.create_user("Rahmat", language_code="id", started=True)

    def listed(*names: str) -> list[dict[str, str]]:
        return [{"command": name, "description": name.title()} for name in names]

    assert await api.ok("setMyCommands", commands=listed("start", "help"))
    english = listed("start", "help", "cancel")
    assert await api.ok("setMyCommands", commands=english, language_code="en")
    assert await siti.command_menu() == ["start", "help"]
    assert await john.command_menu() == ["start", "help", "cancel"]

    private = {"type": "all_private_chats"}
    assert await api.ok("setMyCommands", commands=listed("start", "agenda"), scope=private)
    assert await siti.command_menu() == ["start", "agenda"]
    assert await john.command_menu() == ["start", "agenda"]

    admin = {"type": "chat", "chat_id": rahmat.id}
    assert await api.ok("setMyCommands", commands=listed("start", "entries"), scope=admin)
    indonesian = listed("start", "entries", "export")
    assert await api.ok("setMyCommands", commands=indonesian, scope=admin, language_code="id")
    assert await rahmat.command_menu() == ["start", "entries", "export"]
    assert await siti.command_menu() == ["start", "agenda"]

    group = await client.create_group("Panitia", [siti.id, rahmat.id])
    in_group = siti.in_chat(group["chat_id"])
    assert await in_group.command_menu() == ["start", "help"]  # private scopes do not apply
    groups = {"type": "all_group_chats"}
    assert await api.ok("setMyCommands", commands=listed("rekap"), scope=groups)
    assert await in_group.command_menu() == ["rekap"]
