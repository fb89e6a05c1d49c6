"""The certificates' tests: the bot's web server on (the certificates' QR codes open its
verification page)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import PUBLIC_URL


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    """A public https address: the web server on."""
    return {"public_url": PUBLIC_URL}
