"""The evaluation survey after the event (see ``survey``)."""
