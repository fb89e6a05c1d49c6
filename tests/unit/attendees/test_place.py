"""join_place: a session's place names each part once (room inside the venue name, city
inside the address)."""

from __future__ import annotations

import pytest

from bot.services.attendees.agenda import join_place, own_institution


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (
            ("Ballroom Lelly", "Ballroom Lelly, Hotel Puri Perdana"),
            "Ballroom Lelly, Hotel Puri Perdana",
        ),
        (
            (
                "Ballroom Lelly",
                "Ballroom Lelly, Hotel Puri Perdana",
                "Jl. Ahmad Yani",
                "Kota Blitar",
            ),
            "Ballroom Lelly, Hotel Puri Perdana, Jl. Ahmad Yani, Kota Blitar",
        ),
        (
            ("Ruang Rapat", "Hotel Puri Perdana", "Jl. Ahmad Yani, Kota Blitar", "Kota Blitar"),
            "Ruang Rapat, Hotel Puri Perdana, Jl. Ahmad Yani, Kota Blitar",
        ),  # fmt: skip
        (("Aula A", "Gedung Aula"), "Aula A, Gedung Aula"),  # words, not any substring
        (("A", "Aula A"), "Aula A"),
        (("lobi", "Lobi"), "lobi"),  # the same part twice: the first is kept
        ((None, "", "  ", "Hotel Puri Perdana"), "Hotel Puri Perdana"),
        ((None, None), ""),
    ],
)
def test_join_place(parts: tuple[str | None, ...], expected: str) -> None:
    assert join_place(*parts) == expected


@pytest.mark.parametrize(
    ("name", "institution", "shown"),
    [
        ("Narasumber Kementerian Dalam Negeri", "Kementerian Dalam Negeri", ""),
        ("Dr. Ani Wijaya", "Bappeda Provinsi Jawa Timur", "Bappeda Provinsi Jawa Timur"),
        ("Dr. Ani Wijaya", None, ""),
        ("Narasumber Bappeda", "Bappeda Provinsi Jawa Timur", "Bappeda Provinsi Jawa Timur"),
    ],
)
def test_own_institution_only_when_the_name_does_not_say_it(name, institution, shown) -> None:
    assert own_institution(name, institution) == shown
