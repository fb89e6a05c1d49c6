"""Workspace (Telegram layer): where the chat opens the committee's and judges' Mini App."""
