"""Announcements (Telegram layer): subscriptions, broadcasts, reminders, schedule changes, the
winners' announcement."""
