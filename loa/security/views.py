"""The second sign-in step, enrolling an authenticator app, and switching it off (see loa.security.two_factor)."""

from __future__ import annotations

from base64 import b32encode
from typing import Any
from urllib.parse import quote, urlencode

import segno
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import CodeForm
from .two_factor import has_authenticator, is_required_for, safe_next


def _throttle_message(user: Any) -> str | None:
    """Why no code can be tried right now (django-otp doubles the wait after each wrong code), if so."""
    for device in devices_for_user(user, confirmed=True):
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            seconds = max(1, int((data["locked_until"] - timezone.now()).total_seconds()) + 1)
            return _("Too many wrong codes. Wait %(seconds)s seconds before trying again.") % {"seconds": seconds}
    return None


@method_decorator([never_cache, sensitive_post_parameters("code")], name="dispatch")
class VerifyView(FormView):
    """The page asking for the code from the app: the step between the password and the admin."""

    template_name = "security/verify.html"
    form_class = CodeForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_verified() or not has_authenticator(request.user):
            return redirect(safe_next(request))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "next": safe_next(self.request)}

    def form_valid(self, form: CodeForm) -> HttpResponse:
        user = self.request.user
        if message := _throttle_message(user):
            form.add_error("code", message)
            return self.form_invalid(form)
        device = match_token(user, form.cleaned_data["code"])
        if device is None:
            form.add_error("code", _("This code is wrong or has expired. Enter the code your app shows now."))
            return self.form_invalid(form)
        otp_login(self.request, device)
        return redirect(safe_next(self.request))


def otpauth_url(device: TOTPDevice, issuer: str) -> str:
    """The key URI authenticator apps read from the QR code (issuer: this portal's host name)."""
    label = f"{issuer}:{device.user.get_username()}"
    params = {
        "secret": b32encode(device.bin_key).decode(),
        "issuer": issuer,
        "digits": device.digits,
        "period": device.step,
    }
    return f"otpauth://totp/{quote(label)}?{urlencode(params, quote_via=quote)}"


def qr_svg(data: str) -> str:
    """The QR code as inline SVG, drawn on the server: the secret never leaves for a QR service."""
    return segno.make(data, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff", title=_("QR code"))


def grouped_secret(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for apps set up by typing."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@method_decorator([never_cache, sensitive_post_parameters("code")], name="dispatch")
class SetupView(WagtailAdminTemplateMixin, FormView):
    """Account → Two-step verification: the QR code to scan and the first code, or the switch to turn it off."""

    template_name = "security/two_factor.html"
    form_class = CodeForm
    page_title = gettext_lazy("Two-step verification")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def pending_device(self) -> TOTPDevice:
        """The not yet confirmed key of this user: kept across reloads, so a QR code already scanned stays valid."""
        user = self.request.user
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
        return device

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        enabled = has_authenticator(user)
        context.update(
            enabled=enabled,
            required=is_required_for(user),
            next=safe_next(self.request, reverse("wagtailadmin_account")),
        )
        if not enabled:
            device = self.pending_device()
            issuer = self.request.get_host().split(":")[0]
            context.update(qr_code=mark_safe(qr_svg(otpauth_url(device, issuer))), secret=grouped_secret(device))  # noqa: S308 -- segno's own SVG
        else:
            context["disable_form"] = kwargs.get("disable_form") or CodeForm(prefix="disable")
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if has_authenticator(request.user):
            return self.disable(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: CodeForm) -> HttpResponse:
        device = self.pending_device()
        if not device.verify_token(form.cleaned_data["code"]):
            form.add_error("code", _("This code is wrong or has expired. Enter the code your app shows now."))
            return self.form_invalid(form)
        with transaction.atomic():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
        otp_login(self.request, device)
        messages.success(
            self.request, _("Two-step verification is on. From now on, signing in asks for a code from your app.")
        )
        return redirect(safe_next(self.request, reverse("wagtailadmin_account")))

    def disable(self, request: HttpRequest) -> HttpResponse:
        """Switching off needs a current code, so a borrowed open session cannot remove the second factor."""
        form = CodeForm(request.POST, prefix="disable")
        if is_required_for(request.user):
            messages.error(request, _("Two-step verification is required for your role and cannot be turned off."))
            return redirect(reverse("loa_security:setup"))
        if form.is_valid():
            if match_token(request.user, form.cleaned_data["code"]) is not None:
                TOTPDevice.objects.filter(user=request.user).delete()
                request.session.pop(DEVICE_ID_SESSION_KEY, None)
                messages.success(request, _("Two-step verification is off."))
                return redirect(reverse("wagtailadmin_account"))
            form.add_error("code", _("This code is wrong or has expired. Enter the code your app shows now."))
        return self.render_to_response(self.get_context_data(disable_form=form))
