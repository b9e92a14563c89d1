"""Wagtail's login form with every label through gettext.

Wagtail declares the password field without a label, so Django derives
"Password" from the field name and it is never translated; the username
placeholder is built with the field's capitalised name ("Nhập Tên đăng nhập").
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
        self.fields["username"].widget.attrs["placeholder"] = _("Enter your username")
