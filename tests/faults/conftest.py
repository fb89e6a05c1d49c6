"""The end-to-end fixtures (real bot, emulator, users) for the fault tests."""

from tests.e2e.conftest import (  # noqa: F401 - fixtures
    bot,
    bot_settings,
    clock,
    emu,
    emulator,
    emulator_config,
    event_file,
    nothing_over_telegrams_limits,
    settings_overrides,
    users,
)
