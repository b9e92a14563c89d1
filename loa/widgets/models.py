"""Campaign banners and the places whose weather the portal shows."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet


class CampaignBannerQuerySet(models.QuerySet):
    def current(self, now=None):
        now = now or timezone.now()
        return self.filter(active=True).filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=now), Q(ends_at__isnull=True) | Q(ends_at__gt=now)
        )


@register_snippet
class CampaignBanner(models.Model):
    """A campaign line under the header (e.g. '10/10 — Ngày Chuyển đổi số quốc gia')."""

    text = models.CharField(_("text"), max_length=300)
    link = models.URLField(_("link"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("banner image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    starts_at = models.DateTimeField(_("show from"), null=True, blank=True)
    ends_at = models.DateTimeField(_("show until"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = CampaignBannerQuerySet.as_manager()

    panels = [
        FieldPanel("text"),
        FieldPanel("link"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("active"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["sort_order", "-starts_at"]
        verbose_name = _("campaign banner")
        verbose_name_plural = _("campaign banners")

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})


@register_snippet
class WeatherPlace(models.Model):
    """A place of the province whose weather the sidebar shows."""

    name = models.CharField(_("name"), max_length=100)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    active = models.BooleanField(_("shown"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldRowPanel([FieldPanel("active"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("weather place")
        verbose_name_plural = _("weather places")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            raise ValidationError({"latitude": _("Latitude must be between -90 and 90.")})
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            raise ValidationError({"longitude": _("Longitude must be between -180 and 180.")})


class WeatherReport(models.Model):
    """The last good forecast fetched for a place; kept so the widget can show it stale."""

    place = models.OneToOneField(WeatherPlace, on_delete=models.CASCADE, related_name="report")
    fetched_at = models.DateTimeField()
    data = models.JSONField()
