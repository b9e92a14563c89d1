from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Content-Security-Policy, admin login lockout and two-factor sign-in (no models of its own)."""

    name = "loa.security"
    label = "loa_security"
    verbose_name = _("Security")
