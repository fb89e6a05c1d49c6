"""Entries (domain): officers joining, the entry form, submissions and their status."""
