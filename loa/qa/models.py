"""Citizen questions."""
