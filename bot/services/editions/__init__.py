"""The editions feature: the next edition, what carries over, the archive, returning entries."""
