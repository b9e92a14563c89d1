"""WSGI entry point for granian or gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loa.settings.embedded")
application = get_wsgi_application()
