"""Entries (Telegram layer): officers joining, the entry form, submissions and their status."""
