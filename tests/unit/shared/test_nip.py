"""The NIP's parts: a real birth date, a real month of appointment not before the birth, the
sex digit 1 or 2."""

from __future__ import annotations

import pytest

from bot.services.shared.nip import NipProblem, nip_problem


@pytest.mark.parametrize(
    "digits",
    [
        "198001012005012001",
        "197001011995031001",
        "200002292024011001",  # 29 February of a leap year
        "198512312010122999",
    ],
)
def test_real_nips(digits: str) -> None:
    assert nip_problem(digits) is None


@pytest.mark.parametrize(
    ("digits", "problem"),
    [
        ("198513402010012001", NipProblem("nip-birth", "1985-13-40")),
        ("198502302010012001", NipProblem("nip-birth", "1985-02-30")),
        ("190002292010012001", NipProblem("nip-birth", "1900-02-29")),  # 1900: no leap year
        ("000001012010012001", NipProblem("nip-birth", "0000-01-01")),
        ("123456789012345678", NipProblem("nip-birth", "1234-56-78")),
        ("198503152010132001", NipProblem("nip-tmt", "2010-13")),
        ("198503152010002001", NipProblem("nip-tmt", "2010-00")),
        ("198503151984012001", NipProblem("nip-tmt", "1984-01")),  # appointed before birth
        ("198503152010013001", NipProblem("nip-sex", "3")),
        ("198503152010010001", NipProblem("nip-sex", "0")),
    ],
)
def test_impossible_parts_are_named(digits: str, problem: NipProblem) -> None:
    assert nip_problem(digits) == problem


def test_only_18_digits_are_judged() -> None:
    with pytest.raises(ValueError):
        nip_problem("12345")
