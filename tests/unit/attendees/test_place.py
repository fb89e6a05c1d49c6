"""join_place: a session's place names each part once (room inside the venue name, city
inside the address)."""

from __future__ import annotations

import pytest

from bot.services.attendees.agenda import join_place


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
