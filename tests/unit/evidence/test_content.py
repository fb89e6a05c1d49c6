"""A sent file's first bytes against the type its name (or MIME type) claims."""

from __future__ import annotations

import pytest

from bot.services.entries.form import FieldError
from bot.services.evidence.content import check_content, claimed_type, looks_like

TEXT = b"this is not a pdf at all\n"


@pytest.mark.parametrize(
    ("kind", "head"),
    [
        ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        ("pdf", b"\xef\xbb\xbf\r\n%PDF-1.4\n"),  # leading bytes readers tolerate
        ("jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
        ("jpeg", b"\xff\xd8\xff\xe1"),
        ("png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("docx", b"PK\x03\x04\x14\x00"),
        ("odp", b"PK\x03\x04\x14\x00"),
        ("xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00"),
        ("txt", TEXT),  # a type without a known signature is not checked
    ],
)
def test_genuine_heads(kind: str, head: bytes) -> None:
    assert looks_like(kind, head)


@pytest.mark.parametrize("kind", ["pdf", "jpg", "png", "docx", "pptx", "ppt", "doc"])
def test_text_renamed_is_not_the_type(kind: str) -> None:
    assert not looks_like(kind, TEXT)
    assert not looks_like(kind, b"")


def test_pdf_header_far_after_the_start_is_refused() -> None:
    assert not looks_like("pdf", b" " * 1024 + b"%PDF-1.4")


def test_claimed_type_by_name_then_mime() -> None:
    assert claimed_type("Laporan.PDF", None) == "pdf"
    assert claimed_type("laporan", "application/pdf") == "pdf"
    assert claimed_type("laporan", None) == ""


def test_check_content_names_the_file_and_the_type() -> None:
    with pytest.raises(FieldError) as raised:
        check_content("fake.pdf", "application/pdf", TEXT)
    assert raised.value.key == "evidence-file-not-type"
    assert raised.value.details == {"name": "fake.pdf", "expected": "PDF"}
    check_content("fake.pdf", "application/pdf", None)  # unread: let through
    check_content("real.pdf", "application/pdf", b"%PDF-1.4\n")
