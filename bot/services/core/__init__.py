"""Core (domain): events, the event file, chats, roles, admins, audit."""
