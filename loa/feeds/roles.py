"""Permissions this module gives the newsroom roles (merged by loa.newsroom.roles.ROLE_MODULES)."""

ROLE_PERMISSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    # Only administrators tune robots.txt and the feeds, as they do the agency settings.
    "Quản trị": (("loa_feeds", "change_feedsettings"),),
}
