"""Announcements (domain): subscriptions, broadcasts, reminders, schedule changes, the winners'
announcement."""
