"""Permissions this module gives the newsroom roles (merged by loa.newsroom.roles.ROLE_MODULES)."""

ROLE_PERMISSIONS: dict[str, tuple[tuple[str, str], ...]] = {}
