"""Cutting long texts into messages within Telegram's 4096 characters."""

from __future__ import annotations

from collections.abc import Sequence

MESSAGE_LIMIT = 4000
"""Room per message, under Telegram's 4096 characters after entity parsing."""


def split_text(parts: Sequence[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join ``parts`` with new lines into messages of at most ``limit`` characters (a part
    longer than the limit is cut at it)."""
    messages: list[str] = []
    current = ""
    for part in parts:
        part = part[:limit]
        if current and len(current) + 1 + len(part) > limit:
            messages.append(current)
            current = part
        else:
            current = f"{current}\n{part}" if current else part
    if current:
        messages.append(current)
    return messages


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
