"""Attendees (Telegram layer): agenda, now and next, venue, speakers, FAQ, calendar, stars."""
