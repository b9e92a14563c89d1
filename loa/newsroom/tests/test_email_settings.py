"""Workflow mail goes to the console by default and to SMTP when the agency configures one."""

from __future__ import annotations

import os
import subprocess
import sys


def email_setting(name: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    environment.update(env, DJANGO_SETTINGS_MODULE="loa.settings.dev")
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_console_by_default():
    assert email_setting("EMAIL_BACKEND") == "django.core.mail.backends.console.EmailBackend"


def test_smtp_when_configured():
    env = {"EMAIL_HOST": "smtp.example.gov.vn", "EMAIL_PORT": "465", "EMAIL_USE_SSL": "true"}
    assert email_setting("EMAIL_BACKEND", **env) == "django.core.mail.backends.smtp.EmailBackend"
    assert email_setting("EMAIL_USE_SSL", **env) == "True"
    assert email_setting("EMAIL_USE_TLS", **env) == "False"
