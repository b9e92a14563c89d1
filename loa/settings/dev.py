"""Development: auto-reload and Django's debug pages (`make dev`)."""

from .embedded import *  # noqa: F403

DEBUG = True
STORAGES = {
    **STORAGES,  # noqa: F405 -- media and private files as configured (folders, or object storage)
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
