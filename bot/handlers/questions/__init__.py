"""Questions to the narasumber in the chat: attendees ask and vote (``asking``), moderators
approve, correct, hide, mark answered and close (``moderation``)."""
