"""About the agency."""
