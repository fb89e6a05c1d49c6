"""Message entities: parse modes HTML and MarkdownV2, detected entities, HTML rendering.

Parsing turns formatted text into Telegram's representation: the plain text plus a list of
``MessageEntity`` dicts whose ``offset`` and ``length`` count UTF-16 code units (Bot API
"MessageEntity"). The grammar and the error details follow TDLib's ``parse_html`` and
``parse_markdown_v2`` (td/telegram/MessageEntity.cpp), which the Bot API server uses, so the
description after "can't parse entities: " reads like Telegram's.
"""

from __future__ import annotations

import html
import re
from typing import Any

Entity = dict[str, Any]

#: Tags Telegram accepts with parse_mode HTML (Bot API "HTML style").
HTML_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "tg-emoji",
        "code",
        "pre",
        "blockquote",
    }
)
_SIMPLE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
}
#: Characters MarkdownV2 reserves (Bot API "MarkdownV2 style").
MD_RESERVED = "_*[]()~`>#+-=|{}.!"
ENTITY_TYPES = frozenset(
    {
        "mention",
        "hashtag",
        "cashtag",
        "bot_command",
        "url",
        "email",
        "phone_number",
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "blockquote",
        "expandable_blockquote",
        "code",
        "pre",
        "text_link",
        "text_mention",
        "custom_emoji",
    }
)
_SPACES = " \t\n\r\f\v"


class EntityParseError(ValueError):
    """Text that Telegram refuses; ``str(error)`` is the detail after "can't parse entities: "."""


def utf16_len(text: str) -> int:
    """Returns the length of ``text`` in UTF-16 code units (the unit of entity offsets)."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _valid_url(url: str) -> str | None:
    """Returns the normalised URL Telegram would keep, or None (TDLib check_url, roughly)."""
    url = url.strip()
    if re.fullmatch(r"(?i)(https?|tg|ton)://\S+", url):
        return url
    if re.fullmatch(r"(?i)[\w-]+(\.[\w-]+)*\.[a-z]{2,}(:\d+)?(/\S*)?", url):
        return "http://" + url + ("" if "/" in url else "/")
    return None


def _decode_html_entity(text: str, i: int) -> tuple[str | None, int]:
    """Decodes ``&lt;``, ``&gt;``, ``&amp;``, ``&quot;``, ``&#NN;``, ``&#xHH;`` at ``i``."""
    m = re.match(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});", text[i:])
    if not m:
        return None, i
    name = m.group(1)
    if name.startswith("#"):
        code = int(name[2:], 16) if name[1:2] in "xX" else int(name[1:])
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None, i
        return chr(code), i + m.end()
    return {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}[name], i + m.end()


def parse_html(text: str, *, strict_ampersand: bool = True) -> tuple[str, list[Entity]]:
    """Parses Telegram's HTML into plain text and entities.

    Args:
        text: the ``text``/``caption`` as sent with ``parse_mode=HTML``.
        strict_ampersand: reject a bare ``&`` (real Telegram keeps it literally).

    Returns:
        The plain text and its entities (UTF-16 offsets).

    Raises:
        EntityParseError: with TDLib's detail, e.g. 'Unsupported start tag "foo" at byte
            offset 12', 'Can't find end tag corresponding to start tag "b"'.
    """
    out: list[str] = []
    u16 = 0
    stack: list[list[Any]] = []  # [tag, argument, u16 start, byte offset]
    entities: list[Entity] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c == "&":
            decoded, j = _decode_html_entity(text, i)
            if decoded is not None:
                out.append(decoded)
                u16 += utf16_len(decoded)
                i = j
                continue
            if strict_ampersand:
                raise EntityParseError(
                    f'Character "&" at byte offset {_byte_offset(text, i)} must be escaped '
                    'as "&amp;"'
                )
        if c != "<":
            out.append(c)
            u16 += utf16_len(c)
            i += 1
            continue
        begin = i
        offset = _byte_offset(text, begin)
        i += 1
        if i < n and text[i] == "/":
            if not stack:
                raise EntityParseError(f"Unexpected end tag at byte offset {offset}")
            j = i + 1
            while j < n and text[j] not in _SPACES and text[j] != ">":
                j += 1
            end_name = text[i + 1 : j].lower()
            while j < n and text[j] in _SPACES:
                j += 1
            if j >= n or text[j] != ">":
                raise EntityParseError(f"Unclosed end tag at byte offset {offset}")
            tag, argument, start, _ = stack.pop()
            if end_name and end_name != tag:
                raise EntityParseError(
                    f'Unmatched end tag at byte offset {offset}, expected "</{tag}>", '
                    f'found "</{end_name}>"'
                )
            i = j + 1
            _close_html_entity(tag, argument, start, u16, "".join(out), stack, entities)
            continue
        j = i
        while j < n and text[j] not in _SPACES and text[j] != ">":
            j += 1
        if j >= n:
            raise EntityParseError(f"Unclosed start tag at byte offset {offset}")
        tag = text[i:j].lower()
        if tag not in HTML_TAGS:
            raise EntityParseError(f'Unsupported start tag "{tag}" at byte offset {offset}')
        argument = ""
        i = j
        while text[i] != ">":
            while i < n and text[i] in _SPACES:
                i += 1
            if i >= n:
                raise EntityParseError(f"Unclosed start tag at byte offset {offset}")
            if text[i] == ">":
                break
            a = i
            while i < n and text[i] not in _SPACES and text[i] not in "=>":
                i += 1
            attr = text[a:i].lower()
            if not attr:
                raise EntityParseError(
                    f'Empty attribute name in the tag "{tag}" at byte offset {offset}'
                )
            while i < n and text[i] in _SPACES:
                i += 1
            if i < n and text[i] != "=":
                # a bare attribute such as <blockquote expandable>
                value = ""
            else:
                i += 1
                while i < n and text[i] in _SPACES:
                    i += 1
                if i >= n:
                    raise EntityParseError(f'Unclosed start tag "{tag}" at byte offset {offset}')
                if text[i] in "'\"":
                    quote = text[i]
                    i += 1
                    parts: list[str] = []
                    while i < n and text[i] != quote:
                        if text[i] == "&":
                            decoded, k = _decode_html_entity(text, i)
                            if decoded is not None:
                                parts.append(decoded)
                                i = k
                                continue
                        parts.append(text[i])
                        i += 1
                    if i < n:
                        i += 1
                    value = "".join(parts)
                else:
                    a = i
                    while i < n and (text[i].isalnum() or text[i] in ".-_"):
                        i += 1
                    value = text[a:i].lower()
            if i >= n:
                raise EntityParseError(f"Unclosed start tag at byte offset {offset}")
            if tag == "a" and attr == "href":
                argument = value
            elif tag == "code" and attr == "class" and value.startswith("language-"):
                argument = value[len("language-") :]
            elif tag == "span" and attr == "class" and value.startswith("tg-"):
                argument = value
            elif tag == "tg-emoji" and attr == "emoji-id":
                argument = value
            elif tag == "blockquote" and attr == "expandable":
                argument = "expandable"
        if tag == "span" and argument != "tg-spoiler":
            raise EntityParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {offset}'
            )
        stack.append([tag, argument, u16, offset])
        i += 1
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out), sort_entities(entities)


def _close_html_entity(
    tag: str,
    argument: Any,
    start: int,
    end: int,
    plain: str,
    stack: list[list[Any]],
    entities: list[Entity],
) -> None:
    if end <= start:
        return
    entity: Entity = {"offset": start, "length": end - start}
    if tag in _SIMPLE:
        entity["type"] = _SIMPLE[tag]
    elif tag == "a":
        url = argument or _tail_utf16(plain, start)
        checked = _valid_url(url)
        if checked is None:
            return
        entity.update(type="text_link", url=checked)
    elif tag == "code":
        if argument and stack and stack[-1][0] == "pre" and stack[-1][2] == start:
            stack[-1][1] = argument  # <pre><code class="language-x"> sets the pre language
            return
        entity["type"] = "code"
    elif tag == "pre":
        entity["type"] = "pre"
        if argument:
            entity["language"] = argument
    elif tag == "blockquote":
        entity["type"] = "expandable_blockquote" if argument else "blockquote"
    elif tag == "tg-emoji":
        if not argument:
            raise EntityParseError("Custom emoji entity must have a valid emoji-id")
        entity.update(type="custom_emoji", custom_emoji_id=str(argument))
    entities.append(entity)


def _tail_utf16(text: str, start_u16: int) -> str:
    return text.encode("utf-16-le")[start_u16 * 2 :].decode("utf-16-le")


def parse_markdown_v2(text: str) -> tuple[str, list[Entity]]:
    """Parses Telegram's MarkdownV2 into plain text and entities.

    Args:
        text: the ``text``/``caption`` as sent with ``parse_mode=MarkdownV2``.

    Returns:
        The plain text and its entities (UTF-16 offsets).

    Raises:
        EntityParseError: e.g. "Character '.' is reserved and must be escaped with the
            preceding '\\'", "Can't find end of the entity starting at byte offset 3".
    """
    out: list[str] = []
    u16 = 0
    stack: list[list[Any]] = []  # [type, argument, u16 start, byte offset, out index]
    entities: list[Entity] = []
    quote_start: int | None = None
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        at_line_start = i == 0 or text[i - 1] == "\n"
        if at_line_start and not (stack and stack[-1][0] in ("code", "pre")):
            if c == ">":
                if quote_start is None:
                    quote_start = u16
                i += 1
                continue
            if quote_start is not None:
                if u16 - 1 > quote_start:
                    entities.append(
                        {
                            "type": "blockquote",
                            "offset": quote_start,
                            "length": u16 - 1 - quote_start,
                        }
                    )
                quote_start = None
        nxt = text[i + 1] if i + 1 < n else ""
        if c == "\\" and nxt and 0 < ord(nxt) <= 126:
            out.append(nxt)
            u16 += 1
            i += 2
            continue
        reserved = "`" if stack and stack[-1][0] in ("code", "pre") else MD_RESERVED
        if c not in reserved:
            out.append(c)
            u16 += utf16_len(c)
            i += 1
            continue
        closing = False
        if stack:
            top = stack[-1][0]
            closing = {
                "bold": c == "*",
                "italic": c == "_" and nxt != "_",
                "code": c == "`",
                "pre": text.startswith("```", i),
                "text_link": c == "]",
                "underline": text.startswith("__", i),
                "strikethrough": c == "~",
                "spoiler": text.startswith("||", i),
            }[top]
        if not closing:
            offset = _byte_offset(text, i)
            argument = ""
            if c == "_" and nxt == "_":
                kind = "underline"
                i += 1
            elif c == "_":
                kind = "italic"
            elif c == "*":
                kind = "bold"
            elif c == "~":
                kind = "strikethrough"
            elif c == "|" and nxt == "|":
                kind = "spoiler"
                i += 1
            elif c == "[":
                kind = "text_link"
            elif c == "`" and text.startswith("```", i):
                kind = "pre"
                i += 3
                e = i
                while e < n and text[e] not in _SPACES and text[e] != "`":
                    e += 1
                if e != i and e < n and text[e] != "`":
                    argument = text[i:e]
                    i = e
                if i < n and text[i] in "\r\n":
                    i += 2 if i + 1 < n and text[i + 1] in "\r\n" and text[i + 1] != text[i] else 1
                i -= 1
            elif c == "`":
                kind = "code"
            else:
                raise EntityParseError(
                    f"Character '{c}' is reserved and must be escaped with the preceding '\\'"
                )
            stack.append([kind, argument, u16, offset, len(out)])
            i += 1
            continue
        kind, argument, start, _, out_index = stack.pop()
        entity: Entity = {"type": kind, "offset": start, "length": u16 - start}
        if kind in ("underline", "spoiler"):
            i += 1
        elif kind == "pre":
            i += 2
            if argument:
                entity["language"] = argument
        elif kind == "text_link":
            if i + 1 < n and text[i + 1] == "(":
                i += 2
                url_begin = i
                parts: list[str] = []
                while i < n and text[i] != ")":
                    if text[i] == "\\" and i + 1 < n and 0 < ord(text[i + 1]) <= 126:
                        parts.append(text[i + 1])
                        i += 2
                        continue
                    parts.append(text[i])
                    i += 1
                if i >= n:
                    raise EntityParseError(
                        f"Can't find end of a URL at byte offset {_byte_offset(text, url_begin)}"
                    )
                url = "".join(parts)
            else:
                url = "".join(out[out_index:])
            checked = _valid_url(url)
            entity["url"] = checked
            if checked is None:
                entity["length"] = 0
        if entity["length"] > 0:
            entities.append(entity)
        i += 1
    if stack:
        raise EntityParseError(
            f"Can't find end of the entity starting at byte offset {stack[-1][3]}"
        )
    if quote_start is not None and u16 > quote_start:
        entities.append({"type": "blockquote", "offset": quote_start, "length": u16 - quote_start})
    return "".join(out), sort_entities(entities)


def sort_entities(entities: list[Entity]) -> list[Entity]:
    """Orders entities like Telegram: by offset, longer (outer) first."""
    return sorted(entities, key=lambda e: (e["offset"], -e["length"]))


def strip_text(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """Trims surrounding whitespace like Telegram, moving and clipping the entities."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    kept: list[Entity] = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept


_DETECT = [
    ("bot_command", re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?!\w)")),
    ("email", re.compile(r"(?<![\w.@])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?!\w)")),
    ("url", re.compile(r"(?<![\w@/])(?:https?://)[^\s<>\"]+[^\s<>\".,;:!?)\]']")),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{3,31}(?!\w)")),
    ("hashtag", re.compile(r"(?<![\w#])#\w*[^\W\d]\w*")),
]


def detect_entities(text: str, entities: list[Entity]) -> list[Entity]:
    """Adds the entities Telegram finds by itself (bot_command, url, email, mention, hashtag).

    Nothing is detected inside code, pre, text_link or an entity already present.
    """
    taken = [
        (e["offset"], e["offset"] + e["length"])
        for e in entities
        if e["type"]
        in ("code", "pre", "text_link", "url", "email", "bot_command", "mention", "hashtag")
    ]
    found: list[Entity] = []
    for kind, pattern in _DETECT:
        for m in pattern.finditer(text):
            start = utf16_len(text[: m.start()])
            length = utf16_len(m.group())
            if any(a < start + length and start < b for a, b in taken):
                continue
            taken.append((start, start + length))
            found.append({"type": kind, "offset": start, "length": length})
    return sort_entities(entities + found)


def check_entities(text: str, entities: Any) -> list[Entity]:
    """Validates explicitly given ``entities`` (instead of a parse mode).

    Raises:
        EntityParseError: on an unknown type or an entity outside the text.
    """
    if not isinstance(entities, list):
        raise EntityParseError("Entities must be an array")
    total = utf16_len(text)
    result: list[Entity] = []
    for raw in entities:
        if not isinstance(raw, dict) or raw.get("type") not in ENTITY_TYPES:
            raise EntityParseError("Unsupported entity type")
        try:
            offset, length = int(raw["offset"]), int(raw["length"])
        except (KeyError, TypeError, ValueError):
            raise EntityParseError("Entity offset and length must be integers") from None
        if offset < 0 or length < 0 or offset + length > total:
            raise EntityParseError("Entity is out of the text bounds")
        if length:
            result.append({**raw, "offset": offset, "length": length})
    return sort_entities(result)


def parse(
    text: str, parse_mode: str | None, entities: Any = None, *, strict_ampersand: bool = True
) -> tuple[str, list[Entity]]:
    """Turns a message's ``text`` + ``parse_mode``/``entities`` into Telegram's stored form.

    Applies the parse mode, trims whitespace and adds detected entities, as Telegram does.

    Args:
        text: raw text as sent by the bot.
        parse_mode: "HTML", "MarkdownV2", "Markdown" (treated as MarkdownV2 light) or None.
        entities: explicit entity list, used when ``parse_mode`` is None.
        strict_ampersand: see :func:`parse_html`.

    Raises:
        EntityParseError: the text does not parse.
        ValueError: unknown parse mode ("unsupported parse_mode").
    """
    mode = (parse_mode or "").lower()
    if mode == "html":
        plain, found = parse_html(text, strict_ampersand=strict_ampersand)
    elif mode in ("markdownv2", "markdown"):
        plain, found = parse_markdown_v2(text)
    elif mode == "":
        plain, found = text, (check_entities(text, entities) if entities else [])
    else:
        raise ValueError(parse_mode)
    plain, found = strip_text(plain, found)
    return plain, detect_entities(plain, found)


_TAGS = {
    "bold": ("<b>", "</b>"),
    "italic": ("<i>", "</i>"),
    "underline": ("<u>", "</u>"),
    "strikethrough": ("<s>", "</s>"),
    "spoiler": ("<tg-spoiler>", "</tg-spoiler>"),
    "code": ("<code>", "</code>"),
    "blockquote": ("<blockquote>", "</blockquote>"),
    "expandable_blockquote": ("<blockquote expandable>", "</blockquote>"),
}


def _open_tag(entity: Entity) -> tuple[str, str]:
    kind = entity["type"]
    if kind in _TAGS:
        return _TAGS[kind]
    if kind == "pre":
        lang = entity.get("language")
        if lang:
            return f'<pre><code class="language-{html.escape(lang)}">', "</code></pre>"
        return "<pre>", "</pre>"
    if kind == "text_link":
        return f'<a href="{html.escape(entity.get("url") or "")}">', "</a>"
    if kind == "text_mention":
        user_id = (entity.get("user") or {}).get("id", "")
        return f'<a href="tg://user?id={user_id}">', "</a>"
    if kind == "custom_emoji":
        return f'<tg-emoji emoji-id="{html.escape(str(entity.get("custom_emoji_id")))}">', (
            "</tg-emoji>"
        )
    return "", ""


def to_html(text: str, entities: list[Entity] | None) -> str:
    """Renders plain text + entities as Telegram-style HTML (the inverse of parse_html).

    Detected entities (url, mention, bot_command...) carry no tag and are left as text.
    """
    if not entities:
        return html.escape(text, quote=False)
    index_of: dict[int, int] = {}
    u = 0
    for idx, ch in enumerate(text):
        index_of[u] = idx
        u += 2 if ord(ch) > 0xFFFF else 1
    index_of[u] = len(text)
    starts: dict[int, list[tuple[int, Entity]]] = {}
    for entity in sort_entities([e for e in entities if _open_tag(e)[0]]):
        s = index_of.get(entity["offset"])
        t = index_of.get(entity["offset"] + entity["length"])
        if s is None or t is None or t <= s:
            continue
        starts.setdefault(s, []).append((t, entity))
    parts: list[str] = []
    stack: list[tuple[int, Entity]] = []
    for idx in range(len(text) + 1):
        if any(end <= idx for end, _ in stack):
            reopen: list[tuple[int, Entity]] = []
            while any(end <= idx for end, _ in stack):
                end, entity = stack.pop()
                parts.append(_open_tag(entity)[1])
                if end > idx:
                    reopen.append((end, entity))
            for end, entity in reversed(reopen):
                parts.append(_open_tag(entity)[0])
                stack.append((end, entity))
        for end, entity in starts.get(idx, []):
            parts.append(_open_tag(entity)[0])
            stack.append((end, entity))
        if idx < len(text):
            parts.append(html.escape(text[idx], quote=False))
    return "".join(parts)
