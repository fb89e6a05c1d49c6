"""The event day in the chat: RSVP answers, check-in by the entrance link or by the
committee, the daftar hadir."""
