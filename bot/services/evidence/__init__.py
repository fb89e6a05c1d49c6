"""Evidence: the file store, downloads from Telegram, the documents archive, the purge."""
