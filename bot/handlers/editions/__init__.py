"""The editions feature in the chat: /arsip, the archive of past editions."""
