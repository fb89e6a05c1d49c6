"""Helpers every feature's handlers use, one small module each; they import no feature."""
