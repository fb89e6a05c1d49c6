"""Evidence: downloading officers' files into the store, the documents archive, the purge."""
