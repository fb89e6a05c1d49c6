"""The NIP (Nomor Induk Pegawai) of a civil servant: 18 digits, the birth date (yyyymmdd),
the month of appointment, TMT (yyyymm), the sex (1 male, 2 female) and a sequence number
(3). One rule for every place a NIP is typed (check-in, the committee's /catat_hadir, the
event file's invitees), because the daftar hadir is SPJ evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

EARLIEST_YEAR = 1900
"""No civil servant now in service was born or appointed before this year."""


@dataclass(frozen=True)
class NipProblem:
    """Why 18 digits are not a NIP. ``reason``: ``nip-birth`` (``detail`` the birth date as
    written, "1985-13-40"), ``nip-tmt`` (the month of appointment, "2010-13") or ``nip-sex``
    (the sex digit, "3")."""

    reason: str
    detail: str


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return year >= EARLIEST_YEAR


def nip_problem(digits: str) -> NipProblem | None:
    """What is wrong with the 18 digits ``digits`` as a NIP, or None if nothing: the birth
    date must be a real date, the TMT a real month not before the birth, the sex digit 1 or
    2. Nothing is checked against today (a clock-free rule)."""
    if len(digits) != 18 or not digits.isdigit():
        raise ValueError("nip_problem wants 18 digits")
    birth_year, birth_month, birth_day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    if not _valid_date(birth_year, birth_month, birth_day):
        return NipProblem("nip-birth", f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}")
    tmt_year, tmt_month = int(digits[8:12]), int(digits[12:14])
    if not _valid_date(tmt_year, tmt_month, 1) or (tmt_year, tmt_month) < (
        birth_year,
        birth_month,
    ):
        return NipProblem("nip-tmt", f"{digits[8:12]}-{digits[12:14]}")
    if digits[14] not in "12":
        return NipProblem("nip-sex", digits[14])
    return None


def format_nip(nip: str | None) -> str:
    """An 18-digit NIP grouped as printed on cards: ``19800101 200501 2 001``."""
    if not nip or len(nip) != 18:
        return nip or ""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
