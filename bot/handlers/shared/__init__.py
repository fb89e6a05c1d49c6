"""The shared feature's handlers."""
