"""Admin sign-in lockout with django-axes: who is counted, and the backend that counts.

A failed sign-in is counted per (user name, client address) — the address the
trusted proxy reports (loa.core.ratelimit.client_ip, LOA_CLIENT_IP_HEADER), so
behind nginx every reader is not the proxy's one address. After
LOA_LOGIN_FAILURE_LIMIT failures that pair is refused for
LOA_LOGIN_LOCKOUT_MINUTES (each further try restarts the wait); a success
clears the count. A locked-out user can be released early with
`manage.py axes_reset_username <name>`.
"""

from __future__ import annotations

import math
from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def username_for_lockout(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The typed user name, trimmed and lower-cased: "Admin " and "admin" share one count."""
    return str((credentials or {}).get("username") or "").strip().lower()


class LockoutBackend(AxesStandaloneBackend):
    """axes' check, skipped when there is no request to judge.

    Every web sign-in passes its request (Django's and Wagtail's login forms do);
    `authenticate()` without one comes from code on the server itself
    (management commands, the demo loader's checks), which axes would refuse
    outright with AxesBackendRequestParameterRequired.
    """

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """The Vietnamese lockout page in the admin's look, with the wait in whole minutes (AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "lockout_minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else 0,
    }
    return render(request, "security/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
