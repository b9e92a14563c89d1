"""Optional two-factor sign-in (TOTP, RFC 6238) for the admin, on django-otp.

Wagtail's own login form stays as it is; the second step is a gate in front of
every admin URL. A user who has confirmed an authenticator app (a
`TOTPDevice`) and whose session has not yet shown a code from it is sent to
the code page; a user whom LOA_2FA_REQUIRED_GROUPS names (members of those
groups, and superusers as soon as any group is named) and who has no app yet
is sent to enrol one. Everyone else passes untouched, so turning the feature
on never locks anybody out mid-session without telling them why.

The gate is a middleware rather than a replacement login view so that it
also covers sessions that were open before the user enabled the second
factor, and every admin URL Wagtail or a module adds later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import user_has_device

from loa.core.paths import is_admin_path

#: Admin URLs an unverified user may still open: signing in and out, the two steps themselves, and
#: what their pages load (the icon sprite is fetched by script and pasted into the page).
OPEN_URL_NAMES = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "loa_security:verify",
        "loa_security:setup",
    }
)


def required_groups() -> list[str]:
    return list(getattr(settings, "LOA_2FA_REQUIRED_GROUPS", []) or [])


def is_required_for(user: Any) -> bool:
    """Whether this user must use a second factor (LOA_2FA_REQUIRED_GROUPS; superusers whenever it is set)."""
    groups = required_groups()
    if not groups or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=groups).exists()


def has_authenticator(user: Any) -> bool:
    return user.is_authenticated and user_has_device(user, confirmed=True)


def safe_next(request: HttpRequest, default: str | None = None) -> str:
    """The `next` the user came for, when it is a path on this site; else the admin's home."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or reverse("wagtailadmin_home")


def _with_next(url_name: str, request: HttpRequest) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}"


class TwoFactorMiddleware:
    """Send admin requests of half-signed-in users to the code page (or, where required, to enrolment).

    Must come after AuthenticationMiddleware and django-otp's OTPMiddleware
    (which tells whether this session has shown a code: `user.is_verified()`).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        if not is_admin_path(request.path_info):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_URL_NAMES:
            return None
        if has_authenticator(user):
            return redirect(_with_next("loa_security:verify", request))
        if is_required_for(user):
            return redirect(_with_next("loa_security:setup", request))
        return None
