"""Map links for a venue."""

from __future__ import annotations

from urllib.parse import quote_plus

from bot.services.core.event_view import VenueView

MAP_SEARCH_URL = "https://www.google.com/maps/search/?api=1&query="
"""Google Maps' documented search URL (developers.google.com/maps/documentation/urls)."""


def map_link(venue: VenueView) -> str:
    """A map link: the coordinates when the event file has them, else a search for the
    venue's name and city."""
    if venue.latitude is not None and venue.longitude is not None:
        return f"{MAP_SEARCH_URL}{venue.latitude},{venue.longitude}"
    return MAP_SEARCH_URL + quote_plus(f"{venue.name}, {venue.city}")
