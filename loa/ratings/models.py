"""Satisfaction ratings."""
