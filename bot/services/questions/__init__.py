"""Questions to the narasumber: asking, voting, moderating (see ``asking`` and ``moderation``)."""
