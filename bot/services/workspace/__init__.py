"""Workspace (domain): what the committee's and judges' Mini App shows."""
