"""Core (Telegram layer): start, help, language, groups, command menus, errors, the last-resort
answer, chat tracking."""
