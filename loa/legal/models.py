"""Legal documents."""
