"""The attendance e2e tests send several messages within a second: flood control off."""

import pytest

from tests.e2e.helpers.entries import no_flood_control


@pytest.fixture
def emulator_config():  # type: ignore[no-untyped-def]
    return no_flood_control()
