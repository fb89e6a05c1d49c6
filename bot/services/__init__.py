"""Domain logic: plain async functions over a session and values; never imports ``telegram``."""
