"""First-start setup for `make run`: demo content on an empty site and an admin account.

Safe to run on every start: it never duplicates content or accounts.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, call_command
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Load demo content if the site is empty and make sure an admin account exists."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-demo", action="store_true", help="Do not load demo content.")

    def handle(self, *args, **options) -> None:
        from loa.news.models import ArticlePage

        if not options["no_demo"] and not ArticlePage.objects.exists():
            self.stdout.write(_("Loading the demo content…"))
            call_command("load_demo")
            self._demo_newsroom()
        self._search_index()
        self._admin_account()
        self._show_demo_accounts()

    def _search_index(self) -> None:
        """A site that predates the search index (or restored without it) gets one built once."""
        from loa.news.models import ArticlePage
        from loa.search.index import rebuild
        from loa.search.models import SearchDocument

        if not SearchDocument.objects.exists() and ArticlePage.objects.live().exists():
            self.stdout.write(_("Building the search index: %(count)d pages.") % {"count": rebuild()})

    def _demo_newsroom(self) -> None:
        """Accounts for each newsroom role, and drafts waiting at each workflow step."""
        from django.test.utils import override_settings

        from loa.newsroom.demo import create_demo_accounts, put_articles_in_the_workflow

        created = create_demo_accounts()
        if created:
            accounts = settings.VAR_DIR / "demo-accounts.txt"
            accounts.parent.mkdir(parents=True, exist_ok=True)
            accounts.write_text("".join(f"{username} {password} {role}\n" for username, password, role in created))
            accounts.chmod(0o600)
        # The demo's own workflow mails would fill the first screen of `make run` with HTML.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            put_articles_in_the_workflow()

    def _show_demo_accounts(self) -> None:
        accounts = settings.VAR_DIR / "demo-accounts.txt"
        if not accounts.exists():
            return
        for line in accounts.read_text().splitlines():
            username, password, role = line.split(" ", 2)
            self.stdout.write(
                _("Demo account (%(role)s): %(username)s / %(password)s")
                % {"role": role, "username": username, "password": password}
            )

    def _admin_account(self) -> None:
        credentials = settings.VAR_DIR / "admin-credentials.txt"
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@example.invalid", password)
            credentials.parent.mkdir(parents=True, exist_ok=True)
            credentials.write_text(f"admin\n{password}\n")
            credentials.chmod(0o600)
        if credentials.exists():
            username, password = credentials.read_text().split("\n")[:2]
            self.stdout.write(
                _("Administrator account: %(username)s / %(password)s  (change the password after logging in)")
                % {"username": username, "password": password}
            )
        else:
            self.stdout.write(_("An administrator account already exists."))
