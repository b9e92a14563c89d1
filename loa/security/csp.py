"""django-csp's middleware with a second policy for the Wagtail admin.

django-csp sends one policy (settings.CONTENT_SECURITY_POLICY) and lets single
views override it with decorators; Wagtail's admin views are not ours to
decorate, so the admin's policy is chosen here by path instead
(settings.LOA_CSP_ADMIN_DIRECTIVES, see loa.security.policy).

It sits just inside the page cache's middleware, so the policy is stored with every
cached page and goes out with every hit.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from loa.core.paths import is_admin_path


def error_page_directives() -> dict:
    """The readers' policy plus inline styles, for 5xx pages.

    The 500 and 503 pages carry their few styles inline so that they render
    when nothing else works (no database, perhaps no static files); they hold
    no user content, and scripts stay forbidden.
    """
    directives = dict(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    directives["style-src"] = [*directives.get("style-src", []), "'unsafe-inline'"]
    return directives


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The readers' policy everywhere, the admin's under the admin prefix, a 5xx page's on server errors."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            if is_admin_path(request.path_info):
                parts.config = settings.LOA_CSP_ADMIN_DIRECTIVES
            elif response.status_code >= 500:
                parts.config = error_page_directives()
        return parts
