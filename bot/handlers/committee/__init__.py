"""Committee (Telegram layer): reviewing entries, judges and assignments, audit, exports and the
report, reopening."""
