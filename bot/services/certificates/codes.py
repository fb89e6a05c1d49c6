"""A certificate's public code: 16 characters of Crockford's base32 (80 random bits), written
in groups of four (``K7Q2-M9XD-3HTP-8WZC``).

Unguessable (``secrets``; 2^80 codes, so trying codes on the verification page finds
nothing), short enough to type from paper, without the letters read as digits (I, L, O, U).
A typed code is read leniently: any case, spaces or dashes anywhere, O for 0, I and L for 1.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base32: digits and letters without I, L, O and U."""
LENGTH = 16
"""Characters of a code (5 random bits each: 80 bits)."""
GROUP = 4
"""Characters between two dashes."""

_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    """A new random code, grouped with dashes."""
    return _grouped("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def normalise_code(text: str) -> str | None:
    """The code written in ``text`` in its printed form, or None when ``text`` cannot be a
    code (wrong length or characters)."""
    bare = "".join(text.split()).replace("-", "").upper().translate(_READ_AS)
    if len(bare) != LENGTH or any(character not in ALPHABET for character in bare):
        return None
    return _grouped(bare)


def _grouped(bare: str) -> str:
    return "-".join(bare[index : index + GROUP] for index in range(0, len(bare), GROUP))
