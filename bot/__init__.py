"""IGA bot: a Telegram bot for a city's Innovative Government Award competition and event."""

__version__ = "0.1.0"
