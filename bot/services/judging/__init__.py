"""Judging (domain): scoring, ranking, results."""
