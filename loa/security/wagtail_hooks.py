"""The two-step verification screens in the admin, and their entry in the user's account page."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .views import SetupView, VerifyView


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    urls = [
        path("", SetupView.as_view(), name="setup"),
        path("verify/", VerifyView.as_view(), name="verify"),
    ]
    return [path("two-factor/", include((urls, "loa_security")))]


@hooks.register("register_account_menu_item")
def register_two_factor_menu_item(request):
    return {
        "url": reverse("loa_security:setup"),
        "label": _("Two-step verification"),
        "help_text": _("Ask for a code from an authenticator app on your phone each time you sign in."),
    }
