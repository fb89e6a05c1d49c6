"""A sent file's content against its claimed type: a text file renamed ``.pdf`` is refused
when it is sent, before anything is stored, instead of reaching the judges and the archive as
an unreadable document.

The type is the one the upload checks already use (the name's extension, else the MIME
type); the file's first bytes (:data:`HEAD_BYTES`, read at once from Telegram) must carry that
type's signature ("magic bytes"). Types without a known signature are not checked.
"""

from __future__ import annotations

from bot.services.entries.form import MIME_EXTENSIONS, FieldError
from bot.services.evidence.names import extension_of, safe_name

HEAD_BYTES = 1024
"""Bytes read from the start of a sent file to check its content: a PDF's ``%PDF-`` header
may follow up to 1,024 bytes of leading junk (PDF readers such as Acrobat accept that)."""

_ZIP = (b"PK\x03\x04",)
"""Office Open XML (docx, xlsx, pptx) and OpenDocument (odt, ods, odp) files are ZIP
containers."""

_OLE2 = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
"""The older Office formats (doc, xls, ppt) are OLE2 compound files."""

SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "odt": _ZIP,
    "ods": _ZIP,
    "odp": _ZIP,
    "doc": _OLE2,
    "xls": _OLE2,
    "ppt": _OLE2,
}
"""Leading bytes each type must start with (PDF is checked by :func:`looks_like`)."""


def claimed_type(file_name: str | None, mime_type: str | None) -> str:
    """The type a file claims to be, lower case without a dot ("pdf"): its name's extension,
    else the one its MIME type implies ("" if neither tells)."""
    return extension_of(file_name).lstrip(".") or MIME_EXTENSIONS.get(mime_type or "", "")


def looks_like(kind: str, head: bytes) -> bool:
    """Whether ``head`` (a file's first bytes) fits type ``kind``; True for a type without a
    known signature.

    A PDF has ``%PDF-`` within its first :data:`HEAD_BYTES` bytes (ISO 32000 puts it first;
    readers tolerate some leading bytes); the others start with :data:`SIGNATURES`."""
    if kind == "pdf":
        return b"%PDF-" in head[:HEAD_BYTES]
    signatures = SIGNATURES.get(kind)
    return signatures is None or head.startswith(signatures)


def check_content(file_name: str | None, mime_type: str | None, head: bytes | None) -> None:
    """Refuse a file whose first bytes do not fit the type it claims (:func:`claimed_type`).
    ``head`` None (the bytes could not be read now) lets the file through: its download is
    retried later as for any file.

    Raises:
        FieldError: ``evidence-file-not-type`` (``name``, ``expected``: "PDF").
    """
    kind = claimed_type(file_name, mime_type)
    if head is None or not kind or looks_like(kind, head):
        return
    raise FieldError("evidence-file-not-type", name=safe_name(file_name), expected=kind.upper())
