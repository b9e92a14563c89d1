"""Satisfaction ratings (NĐ 224/2026, Điều 10.3.b): "Thông tin này có hữu ích với bạn không?".

A rating row holds no personal data: no name, account, address or browser. The
visitor is only a keyed hash of (their random anonymous id, the page), so the
database can tell that a visitor rated a page again, but cannot link two pages
rated by the same visitor, nor a rating to a person or a device.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 1000


class Rating(models.IntegerChoices):
    NOT_USEFUL = 1, _("Not useful")
    SLIGHTLY_USEFUL = 2, _("Slightly useful")
    FAIRLY_USEFUL = 3, _("Fairly useful")
    USEFUL = 4, _("Useful")
    VERY_USEFUL = 5, _("Very useful")


class PageRating(models.Model):
    """One anonymous visitor's rating of one page; a repeat rating replaces their earlier one."""

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    voter = models.CharField(
        _("anonymous voter key"),
        max_length=64,
        editable=False,
        help_text=_("A keyed hash of the visitor's random id and the page: it identifies no one."),
    )
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Rating.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("first rated at"), default=timezone.now, editable=False)
    rated_at = models.DateTimeField(_("rated at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("page rating")
        verbose_name_plural = _("page ratings")
        constraints = [
            models.UniqueConstraint(fields=["page", "voter"], name="loa_ratings_one_per_visitor_and_page"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="loa_ratings_rating_from_1_to_5"
            ),
        ]
        indexes = [models.Index(fields=["rated_at", "page"], name="loa_ratings_period_idx")]
        # Ratings are written by readers only: staff get the report, not add/change/delete screens.
        default_permissions = ()
        permissions = [("view_report", _("Can view the satisfaction ratings report"))]

    def __str__(self) -> str:
        return f"{self.page_id}: {self.rating}"
