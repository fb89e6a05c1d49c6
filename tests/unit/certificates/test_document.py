"""The certificate's PDF: what it says (read back with pypdf), its QR code, names of any
length and script, and one page rendered to PNG to look at (pdftoppm, when installed)."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from bot.services.certificates.codes import LENGTH, new_code, normalise_code
from bot.services.certificates.document import (
    CertificateText,
    render_certificate,
)
from bot.services.shared.pdf_text import find_symbol_font, find_unicode_font
from bot.services.shared.signatory import Signatory

URL = "https://iga.example.go.id/verifikasi/K7Q2-M9XD-3HTP-8WZC"
LONG_NAME = ("Raden Mas Muhammad Abdurrahman Wijayakusuma Hadiningrat " * 6)[:300]
LONG_DETAIL = ("Kepala Sub Bagian Perencanaan dan Pelaporan Program " * 6)[:300]


def _text(**changes: object) -> CertificateText:
    values: dict[str, object] = dict(
        kind="participant",
        code="K7Q2-M9XD-3HTP-8WZC",
        name="Dra. Siti Rahayu, M.Si.",
        detail="Kepala Bidang — Dinas Sosial",
        rank_title=None,
        event_title="Diseminasi Laporan Hasil Lomba IGA Kota Blitar Tahun 2022",
        organiser="Pemerintah Kota Blitar melalui Bappeda",
        event_day=date(2022, 12, 7),
        place="Ballroom Lelly, Blitar",
        signed_on=date(2022, 12, 7),
        signatory=Signatory(
            "Blitar", "Kepala Bappeda Kota Blitar", "Nama Kepala Bappeda", "NIP. 19700101"
        ),
        verify_url=URL,
    )
    values.update(changes)
    return CertificateText(**values)  # type: ignore[arg-type]


def _pages(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


unicode_font = pytest.mark.skipif(
    find_unicode_font() is None, reason="DejaVu Sans is not installed (fonts-dejavu-core)"
)


def test_codes_are_unguessable_and_read_leniently() -> None:
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    code = next(iter(codes))
    assert len(code.replace("-", "")) == LENGTH and code.count("-") == 3
    assert normalise_code(code.lower().replace("-", " ")) == code
    assert normalise_code("k7q2m9xd3htp8wzc") == "K7Q2-M9XD-3HTP-8WZC"
    assert normalise_code("OIL0-0000-0000-0000") == "0110-0000-0000-0000"
    for bad in ("", "K7Q2", "K7Q2-M9XD-3HTP-8WZU", "K7Q2-M9XD-3HTP-8WZC-0000", "../../etc"):
        assert normalise_code(bad) is None


@unicode_font
def test_a_participants_certificate_says_who_what_where_and_its_code() -> None:
    pages = _pages(render_certificate(_text()))
    assert len(pages) == 1
    text = _flat(pages[0])
    for expected in (
        "SERTIFIKAT",
        "Dra. Siti Rahayu, M.Si.",
        "sebagai Peserta",
        "Kepala Bidang — Dinas Sosial",
        "Diseminasi Laporan Hasil Lomba IGA Kota Blitar Tahun 2022",
        "Rabu, 7 Desember 2022",
        "Kode verifikasi: K7Q2-M9XD-3HTP-8WZC",
        URL,
        "Kepala Bappeda Kota Blitar",
        "Nama Kepala Bappeda",
        "Blitar, 7 Desember 2022",
    ):
        assert expected in text, expected


@unicode_font
def test_an_example_signatory_is_marked_as_such_on_one_page() -> None:
    """The seed's signatory is an example (``example: true``): a certificate sent before it is
    replaced says so, as the daftar hadir does, instead of passing it off as the real one."""
    real = _flat(_pages(render_certificate(_text()))[0])
    example = Signatory("Blitar", "Kepala Bappeda Kota Blitar", "Nama Kepala Bappeda",
                        "NIP. 19700101 199503 1 001", example=True)  # fmt: skip
    pages = _pages(render_certificate(_text(signatory=example)))
    assert len(pages) == 1
    assert "CONTOH" not in real
    assert "CONTOH — penanda tangan ini belum diganti di berkas acara" in _flat(pages[0])


@unicode_font
def test_a_winners_piagam_names_the_rank_and_the_innovation() -> None:
    text = _flat(
        _pages(
            render_certificate(
                _text(
                    kind="winner",
                    name="Dinas Sosial",
                    detail="Sosial Home Care",
                    rank_title="Juara I",
                )  # fmt: skip
            )
        )[0]
    )
    assert "PIAGAM PENGHARGAAN" in text
    assert "atas prestasinya sebagai Juara I" in text
    assert 'dengan inovasi "Sosial Home Care"' in text


@unicode_font
@pytest.mark.parametrize(
    "name",
    [
        LONG_NAME,
        "Budi Santoso 😀🎉👍🏽✅",
        "محمد عبد الله",
        "שרה כהן",
        "Nguyễn Thị Minh Khai",
    ],
    ids=["300-characters", "emoji", "arabic", "hebrew", "vietnamese"],
)
def test_any_name_is_written_whole_on_one_page(name: str) -> None:
    data = render_certificate(_text(name=name, detail=LONG_DETAIL + " — " + LONG_DETAIL))
    pages = _pages(data)
    assert len(pages) == 1
    text = _flat(pages[0])
    written = name
    if any(ord(c) > 0xFFFF for c in name) and find_symbol_font() is None:
        written = "Budi Santoso"  # emoji DejaVu lacks need Symbola (fonts-symbola)
    assert _flat(written) in text.replace(" ", " ") or all(
        word in text for word in written.split()
    ), text
    assert "Kode verifikasi: K7Q2-M9XD-3HTP-8WZC" in text  # the footer is still there
    assert "Nama Kepala Bappeda" in text


@unicode_font
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_the_page_renders_and_its_qr_code_opens_the_verification_page(tmp_path: Path) -> None:
    """The page as pdftoppm draws it (what a printer or a viewer shows), and its QR code
    decoded from that picture by zxing-cpp, as a phone's camera would."""
    pdf = tmp_path / "sertifikat.pdf"
    pdf.write_bytes(render_certificate(_text(name=LONG_NAME)))
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    png = tmp_path / "page.png"
    assert png.read_bytes().startswith(b"\x89PNG")
    zxingcpp = pytest.importorskip("zxingcpp")
    image = pytest.importorskip("PIL.Image").open(png)
    found = [(code.format.name, code.text) for code in zxingcpp.read_barcodes(image)]
    assert found == [("QRCode", URL)]
