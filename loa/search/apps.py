from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "loa.search"
    label = "loa_search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
