from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "loa.newsroom"
    label = "loa_newsroom"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        from . import names, signal_handlers  # noqa: F401

        names.install()
