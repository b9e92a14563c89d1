"""Bump the content version when anything a public page shows changes."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ContentVersion
from .signals import content_changed


def bump_content_version(sender=None, instance=None, **kwargs) -> None:
    ContentVersion.bump()
    page = instance if isinstance(instance, Page) else None
    transaction.on_commit(lambda: content_changed.send(sender=ContentVersion, page=page))


def bump_on_change(*models) -> None:
    """Connect save and delete of each model (snippets, settings) to a bump."""
    for model in models:
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"loa-bump-save-{model._meta.label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"loa-bump-del-{model._meta.label}")


page_published.connect(bump_content_version, dispatch_uid="loa-bump-published")
page_unpublished.connect(bump_content_version, dispatch_uid="loa-bump-unpublished")
post_page_move.connect(bump_content_version, dispatch_uid="loa-bump-moved")


def _connect_page_delete() -> None:
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid="loa-bump-page-delete")


_connect_page_delete()


def _connect_settings() -> None:
    from wagtail.models import PageViewRestriction, Site

    from loa.news.models import Author

    from .models import AgencySettings

    bump_on_change(AgencySettings, Author, Site, PageViewRestriction)


_connect_settings()
