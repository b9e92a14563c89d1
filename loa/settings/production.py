"""Production behind HTTPS (nginx or a CDN terminating TLS).

Requires SECRET_KEY and ALLOWED_HOSTS from the environment; passes
`manage.py check --deploy --fail-level WARNING` (loa/security/tests/test_deploy_settings.py).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import _CSP_OPTIONS, SECRET_KEY, admin_directives, env_bool, public_directives

if not SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("Production needs SECRET_KEY (at least 50 random characters).")

DEBUG = False


def proxy_ssl_header(name: str) -> tuple[str, str] | None:
    """("HTTP_X_FORWARDED_PROTO", "https") from "X-Forwarded-Proto"; None for an empty name.

    Only trust it when every request comes through the proxy that sets it (nginx:
    `proxy_set_header X-Forwarded-Proto $scheme;`), or anyone could claim HTTPS.
    """
    name = name.strip()
    if not name:
        return None
    return ("HTTP_" + name.upper().replace("-", "_"), "https")


# The TLS-terminating proxy tells Django the original scheme; LOA_PROXY_SSL_HEADER="" when none does.
SECURE_PROXY_SSL_HEADER = proxy_ssl_header(os.environ.get("LOA_PROXY_SSL_HEADER", "X-Forwarded-Proto"))
SECURE_SSL_REDIRECT = env_bool("LOA_SSL_REDIRECT", True)
# HSTS: one year by default (what the deploy check and browsers' preload lists expect). Lower it
# (e.g. LOA_HSTS_SECONDS=300) for the first days of a new HTTPS setup: browsers remember the value.
SECURE_HSTS_SECONDS = int(os.environ.get("LOA_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("LOA_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("LOA_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# A stolen admin session is worth less: it ends after a working day of inactivity at most.
SESSION_COOKIE_AGE = int(os.environ.get("LOA_SESSION_SECONDS", str(12 * 3600)))
# Pages come over HTTPS only: an http:// image or frame left in old content is upgraded, not blocked.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_directives(**_CSP_OPTIONS, upgrade_insecure_requests=True)}
LOA_CSP_ADMIN_DIRECTIVES = admin_directives(**_CSP_OPTIONS, upgrade_insecure_requests=True)
# Media belong to nginx or object storage in production.
LOA_SERVE_MEDIA = env_bool("LOA_SERVE_MEDIA", False)
# W019: Wagtail's live preview shows pages in a same-origin frame, so SAMEORIGIN is needed.
# W021: preload is a one-way commitment for the agency's whole domain; LOA_HSTS_PRELOAD opts in.
SILENCED_SYSTEM_CHECKS = ["security.W019"] + ([] if SECURE_HSTS_PRELOAD else ["security.W021"])
