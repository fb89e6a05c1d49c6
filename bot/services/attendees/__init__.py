"""Attendees (domain): agenda, now and next, venue, speakers, FAQ, calendar, stars."""
