"""WSGI entry point for granian or gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loa.settings.embedded")

from loa.core.pagecache import PageCacheApp  # noqa: E402 -- needs the settings module chosen above
from loa.stats.fastpath import BeaconFastPath  # noqa: E402

# Cached pages are answered before Django's handler (loa.core.pagecache), and beacons
# before the page cache and Django's middleware stack (loa.stats.fastpath).
application = BeaconFastPath(PageCacheApp(get_wsgi_application()))
