"""Production behind HTTPS (nginx or a CDN terminating TLS).

Requires SECRET_KEY and ALLOWED_HOSTS from the environment; passes
`manage.py check --deploy`.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Production needs SECRET_KEY (at least 50 random characters).")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("LOA_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("LOA_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("LOA_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("LOA_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Media belong to nginx or object storage in production.
LOA_SERVE_MEDIA = env_bool("LOA_SERVE_MEDIA", False)
# W019: Wagtail's live preview shows pages in a same-origin frame, so SAMEORIGIN is needed.
# W021: preload is a one-way commitment for the agency's whole domain; LOA_HSTS_PRELOAD opts in.
SILENCED_SYSTEM_CHECKS = ["security.W019"] + ([] if SECURE_HSTS_PRELOAD else ["security.W021"])
