"""The ballroom screen (``PUBLIC_URL/layar``): what it shows, see ``board``."""
