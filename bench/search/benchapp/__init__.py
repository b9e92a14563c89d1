"""A bench-only app: the articles Wagtail's own search backend indexes, beside Loa's SearchDocument."""
