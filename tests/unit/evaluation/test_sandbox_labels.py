"""The sandbox page's "Next scheduled" names every kind of scheduled row in words (QA: the
survey's rows showed the internal keys "evaluation" and "evaluation-reminder")."""

from bot.sandbox.run import ROW_LABELS
from bot.services.announcements.reminders import ReminderKind


def test_every_scheduled_kind_has_a_label() -> None:
    assert set(ReminderKind) <= set(ROW_LABELS)
    assert ROW_LABELS[ReminderKind.EVALUATION].startswith("Evaluation survey")
