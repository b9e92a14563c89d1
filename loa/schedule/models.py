"""Work schedule."""
