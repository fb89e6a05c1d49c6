"""File names as people see them: an officer's file name made safe to show and to put in
an archive. A stored file is never addressed by its name (the store uses its SHA-256)."""

from __future__ import annotations

import re
import unicodedata

NAME_MAX_CHARS = 120
"""Longest name of a file or folder in the archive, in characters (Windows Explorer and
most unzip tools cope with 255-character path parts; a whole path stays well under 260)."""

_UNSAFE = re.compile(r'[:*?"<>|]+')
"""Characters Windows forbids in a name (path separators are handled first)."""


def safe_name(name: str | None, fallback: str = "berkas", max_chars: int = NAME_MAX_CHARS) -> str:
    """``name`` as one harmless path part: no control or format characters, no ``/``, ``\\``
    or characters Windows forbids, no leading dots (``..``, hidden files), spaces collapsed,
    at most ``max_chars`` characters with the extension kept.

    Returns:
        The cleaned name, or ``fallback`` if nothing printable is left.
    """
    text = unicodedata.normalize("NFC", name or "")
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    parts = re.split(r"[\\/]+", text)  # path parts: "..", "." and empty ones dropped
    text = "_".join(part for part in parts if part.strip() not in ("", ".", ".."))
    text = _UNSAFE.sub("_", text)
    text = re.sub(r"\s+", " ", text).strip(" .")  # Windows drops trailing dots and spaces
    text = re.sub(r"_+", "_", text)
    if not text or text.strip("_ .") == "":
        return fallback
    return shorten(text, max_chars)


def shorten(name: str, max_chars: int) -> str:
    """``name`` cut to ``max_chars`` characters, keeping an extension of up to 10 characters."""
    if len(name) <= max_chars:
        return name
    stem, dot, extension = name.rpartition(".")
    if dot and stem and len(extension) <= 10:
        return stem[: max_chars - len(extension) - 1].rstrip() + "." + extension
    return name[:max_chars].rstrip()


def extension_of(name: str | None) -> str:
    """The lower-case extension with its dot (``.pdf``), or "" if none."""
    _, dot, extension = (name or "").rpartition(".")
    if not dot or not extension or len(extension) > 10 or not extension.isalnum():
        return ""
    return "." + extension.lower()


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``… before the extension, the first not in
    ``taken`` (compared without case, as Windows and macOS do); adds it to ``taken``."""
    extension = extension_of(name)
    stem = name[: len(name) - len(extension)] if extension else name
    candidate, number = name, 1
    while candidate.lower() in taken:
        number += 1
        candidate = f"{stem} ({number}){extension}"
    taken.add(candidate.lower())
    return candidate


def photo_name(file_unique_id: str) -> str:
    """The name a photo is kept under (Telegram gives photos none; they are JPEG)."""
    return f"foto-{file_unique_id}.jpg"


def is_photo(file_name: str | None, file_unique_id: str) -> bool:
    """Whether a kept file was sent as a photo (named by :func:`photo_name`): Telegram sends
    it again only as a photo, never as a document."""
    return file_name == photo_name(file_unique_id)
