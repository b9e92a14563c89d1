"""Administrative procedures."""
