"""Where the admin lives, asked once for every piece that treats it differently.

The page cache never stores it, the replica router keeps it on the primary, the CSP
gives it a looser policy and two-step sign-in guards it: all from this one prefix.
"""

from __future__ import annotations

from functools import cache

from django.core.signals import setting_changed
from django.urls import reverse


@cache
def admin_prefix() -> str:
    """The admin's URL prefix: /admin/ unless the project mounts Wagtail's admin elsewhere."""
    return reverse("wagtailadmin_home")


def is_admin_path(path: str) -> bool:
    return path.startswith(admin_prefix())


setting_changed.connect(lambda **kwargs: admin_prefix.cache_clear(), weak=False, dispatch_uid="loa-admin-prefix")
