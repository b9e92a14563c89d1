"""What the agency may tune about its feeds, sitemaps and robots.txt."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

#: RSS readers poll often; a feed longer than this only costs bandwidth.
MAX_FEED_LENGTH = 100


@register_setting(icon="link")
class FeedSettings(BaseSiteSetting):
    """RSS length, the Google News publication name and extra robots.txt rules, per site."""

    feed_length = models.PositiveSmallIntegerField(
        _("articles per RSS feed"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_FEED_LENGTH)],
    )
    news_publication_name = models.CharField(
        _("publication name for Google News"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the agency name. It must match the name Google News shows."),
    )
    robots_extra = models.TextField(
        _("extra robots.txt rules"),
        blank=True,
        help_text=_(
            "Lines added to robots.txt after the portal's own rules, e.g. 'Disallow: /tai-lieu-noi-bo/'. "
            "Start a group with 'User-agent:' to address one crawler."
        ),
    )

    panels = [
        MultiFieldPanel([FieldPanel("feed_length"), FieldPanel("news_publication_name")], heading=_("Feeds")),
        FieldPanel("robots_extra"),
    ]

    class Meta:
        verbose_name = _("feeds and sitemaps")
