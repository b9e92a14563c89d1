"""Publishing, unpublishing, moving and privacy changes update the search index."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import index


@receiver(page_published, dispatch_uid="loa_search_published")
def published(sender, instance, **kwargs) -> None:
    index.index_page(instance)


@receiver(page_unpublished, dispatch_uid="loa_search_unpublished")
def unpublished(sender, instance, **kwargs) -> None:
    index.remove_page(instance.pk)


@receiver(post_page_move, dispatch_uid="loa_search_moved")
def moved(sender, instance, **kwargs) -> None:
    index.index_subtree(instance)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="loa_search_restricted")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="loa_search_unrestricted")
def privacy_changed(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).first()  # gone when the page itself is deleted
    if page is not None:
        index.index_subtree(page)
