"""The event day: invitations and RSVP, check-in at the entrance, the daftar hadir."""
