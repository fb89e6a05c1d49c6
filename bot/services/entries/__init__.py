"""The entries feature's services."""
