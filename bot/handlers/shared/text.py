"""Cutting long texts into messages within Telegram's 4096 characters."""

from __future__ import annotations

import re
from collections.abc import Sequence

MESSAGE_LIMIT = 4000
"""Room per message, under Telegram's 4096 characters after entity parsing."""


def split_text(parts: Sequence[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join ``parts`` (HTML) with new lines into messages of at most ``limit`` characters. A
    part longer than the limit continues in the next messages, cut at a line break or a space
    outside any tag, element or entity (:func:`cut_html`): nothing is lost."""
    messages: list[str] = []
    current = ""
    for whole in parts:
        for part in cut_html(whole, limit):
            if current and len(current) + 1 + len(part) > limit:
                messages.append(current)
                current = part
            else:
                current = f"{current}\n{part}" if current else part
    if current:
        messages.append(current)
    return messages


_TAG = re.compile(r"<(/?)([a-zA-Z-]+)[^>]*>")


def cut_html(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, each cut where no tag, element
    (``<b>…</b>``) or entity (``&amp;``) is open: the last line break before the limit, else
    the last space, else (one word longer than the limit) the last safe character."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = _safe_cut(text, limit)
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip(" \n")
    return [*pieces, text]


def _safe_cut(text: str, limit: int) -> int:
    depth, entity = 0, False
    best_line = best_space = best_any = 0
    tags = {match.start(): match for match in _TAG.finditer(text, 0, limit + 200)}
    index = 0
    while index < limit:
        match = tags.get(index)
        if match is not None:
            depth += -1 if match.group(1) else 1
            index = match.end()
            continue
        char = text[index]
        if char == "&":
            entity = True
        elif char == ";" and entity:
            entity = False
            index += 1
            continue
        if depth == 0 and not entity and index > 0:
            if char == "\n":
                best_line = index
            elif char == " ":
                best_space = index
            best_any = index
        index += 1
    return best_line or best_space or best_any or limit


TEXT_BUDGET = 3500
"""Most characters of HTML in one message. Telegram's limit is 4096 characters of text after
entity parsing (Bot API sendMessage); the HTML is never shorter than the text it makes, and the
margin covers emoji counted as two UTF-16 units."""


def split_blocks(blocks: Sequence[str], budget: int = TEXT_BUDGET) -> list[str]:
    """Join ``blocks`` with blank lines into as few texts of at most ``budget`` characters as
    possible, keeping a block whole where it fits; a longer block is cut between its lines
    (each line of a rendered block is complete HTML)."""
    pieces: list[str] = []
    for block in blocks:
        pieces += [block] if len(block) <= budget else _cut_lines(block, budget)
    texts: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}\n\n{piece}" if current else piece
        if current and len(candidate) > budget:
            texts.append(current)
            current = piece
        else:
            current = candidate
    if current:
        texts.append(current)
    return texts


def _cut_lines(block: str, budget: int) -> list[str]:
    parts: list[str] = []
    current = ""
    for line in block.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if current and len(candidate) > budget:
            parts.append(current)
            current = line
        else:
            current = candidate
    parts.append(current)
    return parts
