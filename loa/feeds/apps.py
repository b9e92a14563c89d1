from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedsConfig(AppConfig):
    name = "loa.feeds"
    label = "loa_feeds"
    verbose_name = _("Feeds and metadata")

    def ready(self) -> None:
        from loa.core.signal_handlers import bump_on_change

        from .models import FeedSettings

        # Feeds, sitemaps and robots.txt are cached under the content version.
        bump_on_change(FeedSettings)
