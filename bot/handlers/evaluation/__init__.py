"""The evaluation survey in the chat: answering it (``survey``) and the committee's summary."""
