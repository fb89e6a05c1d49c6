"""Cutting long texts into messages within Telegram's limits: the one splitter of the bot
(entries, lists, notices), so nothing a user wrote is ever cut short or lost."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from telegram.constants import CallbackQueryLimit, MessageLimit

TOKEN = re.compile(r"<[^>]*>|&#?\w+;|\s+|[^<&\s]+|[<&]")
"""HTML in pieces that are never cut: a tag, an entity, a run of white space, a word."""

TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*?(/?)>")

LONGEST_WORD = 200
"""A run of characters without white space longer than this (or than a quarter of the limit)
may be cut between its characters, as a last resort, when nothing else fits in a message."""


@dataclass(frozen=True)
class _Token:
    text: str
    size: int  # visible length after Telegram parses the HTML, in UTF-16 code units
    rank: int = -1  # a break: 4 between parts, 3 paragraph, 2 line, 1 space, 0 inside a word
    keep: bool = False  # a break that stays in the text (inside a word: nothing to drop)


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, as Telegram counts a message's characters."""
    return len(text.encode("utf-16-le")) // 2


def _tokens(parts: Sequence[str], separator: str, limit: int) -> list[_Token]:
    piece_size = min(LONGEST_WORD, max(1, limit // 4))
    tokens: list[_Token] = []
    for index, part in enumerate(parts):
        if index:
            tokens.append(_Token(separator, utf16_length(separator), rank=4))
        for match in TOKEN.finditer(part):
            text = match.group()
            if text.startswith("<") and len(text) > 1:
                tokens.append(_Token(text, 0))
            elif text.startswith("&") and len(text) > 1:
                tokens.append(_Token(text, utf16_length(html.unescape(text))))
            elif text.isspace():
                rank = 3 if text.count("\n") > 1 else 2 if "\n" in text else 1
                for start in range(0, len(text), piece_size):
                    piece = text[start : start + piece_size]
                    tokens.append(_Token(piece, utf16_length(piece), rank=rank))
            else:
                for start in range(0, len(text), piece_size):
                    if start:
                        tokens.append(_Token("", 0, rank=0, keep=True))
                    piece = text[start : start + piece_size]
                    tokens.append(_Token(piece, utf16_length(piece)))
    return tokens


def _open_tags(tokens: Sequence[_Token]) -> list[tuple[str, str]]:
    """The formatting still open after ``tokens``: (tag name, opening tag), outermost first."""
    stack: list[tuple[str, str]] = []
    for token in tokens:
        match = TAG.fullmatch(token.text) if token.size == 0 and token.text else None
        if match is None or match.group(3):
            continue
        closing, name = match.group(1), match.group(2).lower()
        if not closing:
            stack.append((name, token.text))
        elif any(open_name == name for open_name, _ in stack):
            while stack and stack.pop()[0] != name:
                pass
    return stack


def _best_break(tokens: Sequence[_Token], sizes: Sequence[int], limit: int) -> int | None:
    """Index of the break to cut at, the best kind in the second half of the message (between
    parts, a paragraph, a line, a space), else the last break between parts or space, else
    inside a long word."""
    candidates = [i for i, token in enumerate(tokens) if token.rank >= 0 and i > 0]
    half = limit // 2
    for rank, earliest in ((4, half), (3, half), (2, half), (1, half), (4, 1), (1, 1), (0, 1)):
        fitting = [i for i in candidates if tokens[i].rank == rank and sizes[i] >= earliest]
        if fitting:
            return fitting[-1]
    return None


def split_text(
    parts: Sequence[str],
    *,
    separator: str = "\n",
    limit: int = MessageLimit.MAX_TEXT_LENGTH,
    continued: str = "",
) -> list[str]:
    """Join ``parts`` (HTML, e.g. a rendered line or block each) with ``separator`` and cut
    the result into as few messages as it takes, none longer than ``limit`` characters of
    visible text (what Telegram counts: tags dropped, an entity one character, UTF-16 code
    units; Bot API sendMessage allows 4096, a caption
    ``MessageLimit.CAPTION_LENGTH``). Nothing is dropped but the white space at a cut.

    A cut falls between two parts, else at a paragraph, a line break or a space, in the second
    half of the message where it can; never inside a tag, an entity or a word (a run of
    more than :data:`LONGEST_WORD` characters without a space is the one exception).
    Formatting open at a cut is closed and opened again in the next message; a message that
    continues a cut part starts with ``continued`` (HTML, e.g. "<i>(lanjutan)</i>").
    """
    tokens = _tokens(parts, separator, limit)
    marker = [_Token(token.text, token.size) for token in _tokens([continued], "", limit)]
    marker.append(_Token("\n", 1))
    messages: list[str] = []
    while tokens:
        sizes, size = [], 0
        overflow = None
        for index, token in enumerate(tokens):
            sizes.append(size)
            size += token.size
            if size > limit:
                overflow = index
                break
        if overflow is None:
            text = "".join(token.text for token in tokens).strip()
            if text:
                messages.append(text)
            break
        cut = _best_break(tokens[: overflow + 1], sizes, limit)
        if cut is None:  # no break at all: cut before the token that overflows
            cut, dropped = max(overflow, 1), 0
        else:
            dropped = 0 if tokens[cut].keep else 1
        head, rest = tokens[:cut], tokens[cut + dropped :]
        opened = _open_tags(head)
        closing = "".join(f"</{name}>" for name, _ in reversed(opened))
        messages.append("".join(token.text for token in head).strip() + closing)
        while rest and rest[0].text.isspace():
            rest = rest[1:]
        reopened = [_Token(tag, 0) for _, tag in opened]
        inside_a_part = tokens[cut].rank < 4
        tokens = (marker if continued and inside_a_part else []) + reopened + rest
    return messages


TEXT_BUDGET = 3500
"""Most characters of HTML in one page of a paged view (the agenda): Telegram's limit is 4096
characters of text after entity parsing, the HTML is never shorter than the text it makes, and
the margin covers emoji counted as two UTF-16 units."""


def plain_of(html_text: str) -> str:
    """The text a reader sees of ``html_text``: tags dropped, entities decoded, the ends
    stripped as Telegram strips a message's text."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text)).strip()


def alert_text(html_text: str) -> str:
    """A catalogue text as the answer to a button tap: plain text (:func:`plain_of`), at most
    200 characters (Bot API answerCallbackQuery)."""
    return plain_of(html_text)[: CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH]
