# Editions: the next edition, the read-only previous edition, /arsip, returning innovations.

## A closed edition (bot/services/core/edition_guard.py)
edition-closed = Sorry, IGA { $year } is closed because the next edition has started. Its data can still be viewed, but no longer changed.
