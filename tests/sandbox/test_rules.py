"""Each Telegram rule is answered with Telegram's own error (raw HTTP against the emulator)."""

from __future__ import annotations

import aiohttp
import pytest

from bot.sandbox import Emulator, EmulatorClient
from bot.sandbox.client import EmulatorControlError

from .conftest import BotApiCaller, FakeClock

MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


async def expect_error(api: BotApiCaller, code: int, description: str, method: str, **params):
    status, body = await api(method, **params)
    assert (status, body["ok"], body["error_code"], body["description"]) == (
        code,
        False,
        code,
        description,
    ), body
    return body


@pytest.fixture
async def siti(client: EmulatorClient, emu: Emulator):
    emu.config.rate_limits.enabled = False
    return await client.create_user("Siti", language_code="id", started=True)


async def test_text_length(api: BotApiCaller, siti) -> None:
    await expect_error(
        api, 400, "Bad Request: message text is empty", "sendMessage", chat_id=siti.id, text=""
    )
    await expect_error(
        api, 400, "Bad Request: message text is empty", "sendMessage", chat_id=siti.id, text="  \n "
    )
    await expect_error(
        api,
        400,
        "Bad Request: message text is empty",
        "sendMessage",
        chat_id=siti.id,
        text="<b></b>",
        parse_mode="HTML",
    )
    await expect_error(
        api,
        400,
        "Bad Request: message is too long",
        "sendMessage",
        chat_id=siti.id,
        text="a" * 4097,
    )
    # 4096 after entity parsing is fine even if the HTML source is longer
    msg = await api.ok(
        "sendMessage", chat_id=siti.id, text="<b>" + "a" * 4096 + "</b>", parse_mode="HTML"
    )
    assert len(msg["text"]) == 4096


async def test_caption_length(api: BotApiCaller, siti, client: EmulatorClient) -> None:
    sent = await siti.send_document(b"data", "a.txt", "text/plain")
    [update] = await api.ok("getUpdates")
    file_id = update["message"]["document"]["file_id"]
    assert sent["file_id"] == file_id
    await expect_error(
        api,
        400,
        "Bad Request: message caption is too long",
        "sendDocument",
        chat_id=siti.id,
        document=file_id,
        caption="x" * 1025,
    )
    ok = await api.ok("sendDocument", chat_id=siti.id, document=file_id, caption="x" * 1024)
    assert ok["document"]["file_id"] == file_id


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Hi <foo>x</foo>", 'Unsupported start tag "foo" at byte offset 3'),
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("bold</b>", "Unexpected end tag at byte offset 4"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("Tom & Jerry", 'Character "&" at byte offset 4 must be escaped as "&amp;"'),
        ('<span class="x">s</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("é <h1>", 'Unsupported start tag "h1" at byte offset 3'),
    ],
)
async def test_html_errors(api: BotApiCaller, siti, text: str, detail: str) -> None:
    await expect_error(
        api,
        400,
        "Bad Request: can't parse entities: " + detail,
        "sendMessage",
        chat_id=siti.id,
        text=text,
        parse_mode="HTML",
    )


async def test_html_all_telegram_tags(api: BotApiCaller, siti) -> None:
    text = (
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s>"
        '<strike>k</strike><del>d</del><span class="tg-spoiler">p</span>'
        '<tg-spoiler>q</tg-spoiler><a href="https://example.org/?a=1&amp;b=2">l</a>'
        '<code>c</code><pre><code class="language-python">x = 1</code></pre>'
        "<blockquote>q</blockquote><blockquote expandable>x</blockquote>"
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> &lt;&gt;&quot;&#65;&#x42;'
    )
    msg = await api.ok("sendMessage", chat_id=siti.id, text=text, parse_mode="HTML")
    kinds = [e["type"] for e in msg["entities"]]
    assert kinds == [
        "bold",
        "bold",
        "italic",
        "italic",
        "underline",
        "underline",
        "strikethrough",
        "strikethrough",
        "strikethrough",
        "spoiler",
        "spoiler",
        "text_link",
        "code",
        "pre",
        "blockquote",
        "expandable_blockquote",
        "custom_emoji",
    ]
    assert msg["text"].endswith('👍 <>"AB')
    link = next(e for e in msg["entities"] if e["type"] == "text_link")
    assert link["url"] == "https://example.org/?a=1&b=2"
    pre = next(e for e in msg["entities"] if e["type"] == "pre")
    assert pre["language"] == "python"


async def test_markdown_v2(api: BotApiCaller, siti) -> None:
    await expect_error(
        api,
        400,
        "Bad Request: can't parse entities: Character '.' is reserved and must be escaped "
        "with the preceding '\\'",
        "sendMessage",
        chat_id=siti.id,
        text="Selesai.",
        parse_mode="MarkdownV2",
    )
    await expect_error(
        api,
        400,
        "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 0",
        "sendMessage",
        chat_id=siti.id,
        text="*bold",
        parse_mode="MarkdownV2",
    )
    msg = await api.ok(
        "sendMessage",
        chat_id=siti.id,
        parse_mode="MarkdownV2",
        text="*b* _i_ __u__ ~s~ ||p|| `c` [l](https://x.org) 1\\.5",
    )
    assert msg["text"] == "b i u s p c l 1.5"
    assert [e["type"] for e in msg["entities"]] == [
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "text_link",
    ]


async def test_unsupported_parse_mode(api: BotApiCaller, siti) -> None:
    await expect_error(
        api,
        400,
        "Bad Request: unsupported parse_mode",
        "sendMessage",
        chat_id=siti.id,
        text="x",
        parse_mode="BBCode",
    )


async def test_callback_data_and_button_text(api: BotApiCaller, siti) -> None:
    def markup(text: str, data: str):
        return {"inline_keyboard": [[{"text": text, "callback_data": data}]]}

    ok = await api.ok("sendMessage", chat_id=siti.id, text="m", reply_markup=markup("a", "x" * 64))
    assert ok["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "x" * 64
    for data in ("x" * 65, "😀" * 17, ""):
        await expect_error(
            api,
            400,
            "Bad Request: BUTTON_DATA_INVALID",
            "sendMessage",
            chat_id=siti.id,
            text="m",
            reply_markup=markup("a", data),
        )
    await expect_error(
        api,
        400,
        "Bad Request: text buttons are unallowed in the inline keyboard",
        "sendMessage",
        chat_id=siti.id,
        text="m",
        reply_markup=markup("", "d"),
    )
    await expect_error(
        api,
        400,
        "Bad Request: text buttons are unallowed in the inline keyboard",
        "sendMessage",
        chat_id=siti.id,
        text="m",
        reply_markup={"inline_keyboard": [[{"text": "only text"}]]},
    )
    await expect_error(
        api,
        400,
        "Bad Request: can't parse reply keyboard markup JSON object",
        "sendMessage",
        chat_id=siti.id,
        text="m",
        reply_markup="{nope",
    )


async def test_reply_keyboard_remove_and_force_reply(
    api: BotApiCaller, siti, client: EmulatorClient
) -> None:
    await api.ok(
        "sendMessage",
        chat_id=siti.id,
        text="k",
        reply_markup={"keyboard": [["Agenda", "Bantuan"]], "resize_keyboard": True},
    )
    assert (await client.transcript(siti.id))["reply_keyboard"]["keyboard"][0] == [
        "Agenda",
        "Bantuan",
    ]
    await api.ok("sendMessage", chat_id=siti.id, text="r", reply_markup={"remove_keyboard": True})
    assert (await client.transcript(siti.id))["reply_keyboard"] is None
    msg = await api.ok("sendMessage", chat_id=siti.id, text="f", reply_markup={"force_reply": True})
    assert "reply_markup" not in msg  # Telegram echoes only inline keyboards


async def test_reply_parameters(api: BotApiCaller, siti) -> None:
    first = await api.ok("sendMessage", chat_id=siti.id, text="satu")
    reply = await api.ok(
        "sendMessage",
        chat_id=siti.id,
        text="dua",
        reply_parameters={"message_id": first["message_id"]},
    )
    assert reply["reply_to_message"]["text"] == "satu"
    await expect_error(
        api,
        400,
        "Bad Request: message to be replied not found",
        "sendMessage",
        chat_id=siti.id,
        text="x",
        reply_parameters={"message_id": 999},
    )
    ok = await api.ok(
        "sendMessage",
        chat_id=siti.id,
        text="x",
        reply_parameters={"message_id": 999, "allow_sending_without_reply": True},
    )
    assert "reply_to_message" not in ok


async def test_edit_and_delete_errors(api: BotApiCaller, siti, client: EmulatorClient) -> None:
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    msg = await api.ok(
        "sendMessage", chat_id=siti.id, text="<b>v1</b>", parse_mode="HTML", reply_markup=markup
    )
    mid = msg["message_id"]
    await expect_error(
        api,
        400,
        MODIFIED,
        "editMessageText",
        chat_id=siti.id,
        message_id=mid,
        text="<b>v1</b>",
        parse_mode="HTML",
        reply_markup=markup,
    )
    await expect_error(
        api,
        400,
        MODIFIED,
        "editMessageReplyMarkup",
        chat_id=siti.id,
        message_id=mid,
        reply_markup=markup,
    )
    # same text but other formatting is a modification
    edited = await api.ok(
        "editMessageText", chat_id=siti.id, message_id=mid, text="v1", reply_markup=markup
    )
    assert "entities" not in edited and edited["edit_date"]
    await expect_error(
        api,
        400,
        "Bad Request: message to edit not found",
        "editMessageText",
        chat_id=siti.id,
        message_id=999,
        text="x",
    )
    user_msg = await siti.send("hai")
    await expect_error(
        api,
        400,
        "Bad Request: message can't be edited",
        "editMessageText",
        chat_id=siti.id,
        message_id=user_msg["message_id"],
        text="x",
    )
    await expect_error(
        api,
        400,
        "Bad Request: there is no caption in the message to edit",
        "editMessageCaption",
        chat_id=siti.id,
        message_id=mid,
        caption="x",
    )
    assert await api.ok("deleteMessage", chat_id=siti.id, message_id=mid) is True
    await expect_error(
        api,
        400,
        "Bad Request: message to delete not found",
        "deleteMessage",
        chat_id=siti.id,
        message_id=mid,
    )
    await expect_error(
        api,
        400,
        "Bad Request: message to edit not found",
        "editMessageText",
        chat_id=siti.id,
        message_id=mid,
        text="x",
    )
    entry = (await client.transcript(siti.id))["messages"][0]
    assert entry["deleted"] is True and entry["edits"][0]["text"] == "v1"


async def test_answer_callback_query_once_and_in_time(
    api: BotApiCaller, siti, clock: FakeClock, emu: Emulator
) -> None:
    await api.ok(
        "sendMessage",
        chat_id=siti.id,
        text="m",
        reply_markup={"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]},
    )
    first = await siti.tap("A")
    assert await api.ok("answerCallbackQuery", callback_query_id=first["query_id"]) is True
    await expect_error(
        api, 400, TOO_OLD, "answerCallbackQuery", callback_query_id=first["query_id"]
    )
    late = await siti.tap(data="a")
    assert late["query_id"] != first["query_id"]
    clock.advance(emu.config.limits.callback_answer_seconds + 0.1)
    await expect_error(api, 400, TOO_OLD, "answerCallbackQuery", callback_query_id=late["query_id"])
    await expect_error(api, 400, TOO_OLD, "answerCallbackQuery", callback_query_id="12345")


async def test_chat_rules(api: BotApiCaller, client: EmulatorClient, emu: Emulator) -> None:
    await expect_error(
        api, 400, "Bad Request: chat not found", "sendMessage", chat_id=424242, text="x"
    )
    await expect_error(api, 400, "Bad Request: chat_id is empty", "sendMessage", text="x")
    budi = await client.create_user("Budi")
    await expect_error(
        api,
        403,
        "Forbidden: bot can't initiate conversation with a user",
        "sendMessage",
        chat_id=budi.id,
        text="x",
    )
    await budi.send("/start")
    await api.ok("sendMessage", chat_id=budi.id, text="x")
    await budi.block()
    await expect_error(
        api, 403, "Forbidden: bot was blocked by the user", "sendMessage", chat_id=budi.id, text="x"
    )
    group = await client.create_group("Panitia", [budi])
    migrated = await client.migrate_group(group["chat_id"])
    body = await expect_error(
        api,
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        "sendMessage",
        chat_id=group["chat_id"],
        text="x",
    )
    assert body["parameters"] == {"migrate_to_chat_id": migrated["new_chat_id"]}
    assert str(migrated["new_chat_id"]).startswith("-100")


async def test_file_limits(api: BotApiCaller, siti, emu: Emulator, session, client) -> None:
    emu.config.limits.download_max_bytes = 100
    emu.config.limits.upload_max_bytes = 1000
    sent = await siti.send_document(b"x" * 101, "big.bin")
    await expect_error(api, 400, "Bad Request: file is too big", "getFile", file_id=sent["file_id"])
    await expect_error(
        api, 400, "Bad Request: wrong file identifier/HTTP URL specified", "getFile", file_id="nope"
    )
    form = aiohttp.FormData()
    form.add_field("chat_id", str(siti.id))
    form.add_field("document", b"y" * 1001, filename="huge.bin")
    status, body = await api.form("sendDocument", form)
    assert status == 413 and body["description"] == "Request Entity Too Large"
    form = aiohttp.FormData()
    form.add_field("chat_id", str(siti.id))
    form.add_field("document", b"y" * 1000, filename="ok.bin")
    status, body = await api.form("sendDocument", form)
    assert status == 200 and body["result"]["document"]["file_size"] == 1000


async def test_rejections_log_and_counters(api: BotApiCaller, siti, client) -> None:
    await api("sendMessage", chat_id=siti.id, text="")
    await api.ok("sendMessage", chat_id=siti.id, text="ok")
    calls = await client.calls()
    assert calls["sendmessage"] == 2
    [rejection] = await client.rejections()
    assert rejection["method"] == "sendMessage" and rejection["error_code"] == 400
    assert rejection["description"] == "Bad Request: message text is empty"
    assert rejection["injected"] is False
    await client.clear_rejections()
    assert await client.rejections() == []


async def test_a_user_cannot_send_more_than_telegram_allows(
    api: BotApiCaller, siti, client: EmulatorClient
) -> None:
    """Telegram's apps never deliver a text over 4,096 characters or a caption over 1,024:
    the emulator refuses them with the Bot API's own words, and nothing reaches the bot."""
    with pytest.raises(EmulatorControlError) as too_long:
        await siti.send("a" * 4097)
    assert (too_long.value.status, too_long.value.message) == (
        400,
        "Bad Request: message is too long",
    )
    with pytest.raises(EmulatorControlError) as caption:
        await siti.send_document(b"data", "a.txt", "text/plain", caption="x" * 1025)
    assert caption.value.message == "Bad Request: message caption is too long"
    assert await api.ok("getUpdates") == []
    await siti.send("a" * 4096)
    await siti.send_photo(_PNG, "p.png", "image/png", caption="x" * 1024)
    updates = await api.ok("getUpdates")
    assert [len(u["message"].get("text") or u["message"]["caption"]) for u in updates] == [
        4096,
        1024,
    ]


async def test_a_sticker_arrives_as_telegrams_sticker(
    api: BotApiCaller, siti, client: EmulatorClient
) -> None:
    from telegram import Message

    stickers = await client.request("GET", "stickers")
    assert stickers["thumbs_up"] == "👍"
    sent = await siti.send_sticker("thumbs_up")
    [update] = await api.ok("getUpdates")
    message = Message.de_json(update["message"], None)
    assert message.sticker is not None and message.sticker.emoji == "👍"
    assert message.sticker.type == "regular" and not message.sticker.is_animated
    assert message.sticker.file_id == sent["file_id"]
    file = await api.ok("getFile", file_id=sent["file_id"])
    assert file["file_path"].endswith(".webp")
    [entry] = (await client.transcript(siti.id))["messages"]
    assert entry["sticker"]["emoji"] == "👍"
    with pytest.raises(EmulatorControlError):
        await siti.send_sticker("no-such-sticker")


_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


async def test_over_limit_refusals_are_listed_apart(api: BotApiCaller, siti, emu: Emulator) -> None:
    """Every way of sending too much is refused as Telegram does and listed by
    over_limit_refusals (the e2e harness fails a test with one); other refusals are not."""
    sent = await api.ok(
        "sendMessage",
        chat_id=siti.id,
        text="m",
        reply_markup={"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]},
    )
    await siti.send_document(b"data", "a.txt", "text/plain")
    [update] = await api.ok("getUpdates")
    file_id = update["message"]["document"]["file_id"]
    tap = await siti.tap("A")
    await expect_error(
        api, 400, "Bad Request: message is too long", "sendMessage", chat_id=siti.id,
        text="a" * 4097,
    )  # fmt: skip
    await expect_error(
        api, 400, "Bad Request: message is too long", "editMessageText", chat_id=siti.id,
        message_id=sent["message_id"], text="b" * 4097,
    )  # fmt: skip
    await expect_error(
        api, 400, "Bad Request: message caption is too long", "sendDocument", chat_id=siti.id,
        document=file_id, caption="c" * 1025,
    )  # fmt: skip
    await expect_error(
        api, 400, "Bad Request: message caption is too long", "sendMediaGroup", chat_id=siti.id,
        media=[{"type": "document", "media": file_id, "caption": "d" * 1025}] * 2,
    )  # fmt: skip
    await expect_error(
        api, 400, "Bad Request: BUTTON_DATA_INVALID", "sendMessage", chat_id=siti.id, text="m",
        reply_markup={"inline_keyboard": [[{"text": "A", "callback_data": "x" * 65}]]},
    )  # fmt: skip
    await expect_error(
        api, 400, "Bad Request: MESSAGE_TOO_LONG", "answerCallbackQuery",
        callback_query_id=tap["query_id"], text="e" * 201,
    )  # fmt: skip
    assert await api.ok(
        "answerCallbackQuery", callback_query_id=tap["query_id"], text="e" * 200
    )  # 200 is allowed, and the refused answer did not use up the query
    await expect_error(
        api, 400, "Bad Request: message text is empty", "sendMessage", chat_id=siti.id, text=""
    )
    methods = [refusal["method"] for refusal in emu.over_limit_refusals()]
    assert methods == [
        "sendMessage",
        "editMessageText",
        "sendDocument",
        "sendMediaGroup",
        "sendMessage",
        "answerCallbackQuery",
    ]
    assert len(emu.world.rejections) == 7
