"""``user_data`` keys of typed input a feature waits for; :mod:`bot.handlers.core.fallback` stays
quiet while one is pending."""

from __future__ import annotations

NOTE_KEY = "committee_note"
"""``user_data`` key of a pending return/reject note: ``{"action": "r"|"x", "id": int}``."""


PENDING_KEY = "judge_pending"
"""``user_data`` key of the criterion waiting for a typed score: ``{"sub": id, "idx": i}``."""
