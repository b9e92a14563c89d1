"""Feeds and metadata."""
