"""Helpers every feature's services share, one small module each."""
