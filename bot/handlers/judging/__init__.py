"""Judging (Telegram layer): scoring, ranking, results."""
